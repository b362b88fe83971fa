"""The reliability figures: what each fault, fuzz and misuse test tried, and that nothing was lost.

Every test in this folder fills one ``Figure`` and, when it passes, writes it as JSON under
``build/reliability/`` (a fast run's into ``build/reliability/fast/``, which is never published).
After a slow run that passed, ``render()`` rewrites the table in ``docs/security.md`` between the
marker comments, so the published numbers are always the ones a real run produced.
Run ``python -m tests.reliability.figures`` to render the table again from the last slow run.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "reliability"
FAST_OUT = OUT / "fast"
DOC = ROOT / "docs" / "security.md"
BEGIN = "<!-- reliability-figures:begin (written by `make test-slow`; do not edit by hand) -->"
END = "<!-- reliability-figures:end -->"

# Row order in the table; a figure not listed here goes last.
ORDER = (
    "crash-saves",
    "crash-imports",
    "crash-rekey",
    "disk-full-saves",
    "io-error-saves",
    "disk-full-export",
    "disk-full-import",
    "disk-full-files",
    "fuzz-bundle",
    "fuzz-receipt",
    "fuzz-notice",
    "fuzz-attendees-csv",
    "fuzz-attendees-xlsx",
    "fuzz-checklist",
    "plaintext-session",
    "misuse-backoff",
    "misuse-kiosk",
    "misuse-audit",
    "misuse-copied-store",
)


@dataclass
class Figure:
    """One row: ``runs`` attempts, ``faults`` injected, ``inputs`` tried, ``records`` checked."""

    key: str
    check: str
    runs: int = 0
    faults: int = 0
    inputs: int = 0
    records: int = 0
    lost: int = 0
    notes: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    slow: bool = False
    session: str = ""
    finished_at: str = ""
    _started: float = field(default_factory=time.monotonic, repr=False)

    def note(self, name: str, n: int = 1) -> None:
        """Count something worth reporting beside the totals (e.g. kills inside a transaction)."""
        self.notes[name] = self.notes.get(name, 0) + n

    def path(self) -> Path:
        return (OUT if self.slow else FAST_OUT) / f"{self.key}.json"

    def save(self) -> Path:
        self.seconds = round(time.monotonic() - self._started, 1)
        self.finished_at = datetime.now(UTC).isoformat(timespec="seconds")
        data = {k: v for k, v in asdict(self).items() if not k.startswith("_")}
        target = self.path()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return target


def load_slow() -> list[Figure]:
    """The figures the slow tests last wrote, in table order."""
    found = []
    for path in sorted(OUT.glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            found.append(Figure(**{k: v for k, v in raw.items() if k in Figure.__dataclass_fields__}))
        except (OSError, ValueError, TypeError):
            continue
    rank = {key: i for i, key in enumerate(ORDER)}
    return sorted(found, key=lambda f: (rank.get(f.key, len(ORDER)), f.key))


def _n(value: int) -> str:
    return f"{value:,}" if value else "–"


def table(figures: list[Figure], session: str | None = None) -> str:
    """The markdown table, totals last, with where and when the numbers came from."""
    lines = [
        "| check | runs | faults injected | inputs tried | records checked | records lost | time |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    older = []
    for fig in figures:
        mark = ""
        if session and fig.session != session:
            mark = " †"
            older.append(fig)
        details = ", ".join(
            f"{name.replace('_', ' ')} {value:,}" for name, value in sorted(fig.notes.items())
        )
        label = f"{fig.check}{mark}" + (f" ({details})" if details else "")
        lines.append(
            f"| {label} | {_n(fig.runs)} | {_n(fig.faults)} | {_n(fig.inputs)} | "
            f"{_n(fig.records)} | **{fig.lost}** | {fig.seconds:,.0f} s |"
        )
    total = {
        name: sum(getattr(f, name) for f in figures)
        for name in ("runs", "faults", "inputs", "records", "lost")
    }
    seconds = sum(f.seconds for f in figures)
    lines.append(
        f"| **total** | {_n(total['runs'])} | {_n(total['faults'])} | {_n(total['inputs'])} | "
        f"{_n(total['records'])} | **{total['lost']}** | {seconds / 60:,.1f} min |"
    )
    newest = max((f.finished_at for f in figures), default="")
    lines.append("")
    lines.append(
        f"Produced by `make test-slow` (`pytest -m slow`); last figure written {newest[:16]} UTC. "
        "Each row's test fails, and the table is left as it was, if anything is lost."
    )
    if older:
        dates = sorted({f.finished_at[:10] for f in older})
        lines.append(f"† from an earlier slow run ({', '.join(dates)}): this run did not repeat it.")
    return "\n".join(lines)


def render(session: str | None = None, doc: Path = DOC) -> bool:
    """Rewrite the table between the markers in ``doc``; False when there is nothing to write."""
    figures = load_slow()
    if not figures or not doc.exists():
        return False
    text = doc.read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        return False
    shown = [
        line
        for line in text[start:end].splitlines()
        if line.startswith("| ") and not line.startswith(("| check ", "| --- ", "| **total**"))
    ]
    if len(figures) < len(shown):
        # This folder lacks some rows' figures (a fresh clone, or only the crash loops ran, as in
        # CI): rewriting would drop those rows, so the published table stays as it is.
        return False
    updated = text[: start + len(BEGIN)] + "\n" + table(figures, session) + "\n" + text[end:]
    if updated != text:
        doc.write_text(updated, encoding="utf-8")
    return True


if __name__ == "__main__":
    print("rendered" if render() else "nothing to render: run make test-slow first")
