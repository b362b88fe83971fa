"""Budget: exporting 10,000 records runs at least half the throughput of the bare pipeline.

Bare pipeline, as the budget names it (select + JSON + age): select every record (id, parent,
version and its stored JSON), encode the rows as one JSON document, encrypt it with age (pyrage)
to the office's key, write the file. Measured: the real
``export_bundle`` on the same laptop store, which also filters by consent, builds the signed ZIP,
writes it durably (fsync, rename) and marks the records exported. Between runs every record is
made new again (not timed). Throughput is records a second; the two alternate.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Result, Stats, arguments, report, timed  # noqa: E402
from _exchange import TABLES, make_exchange  # noqa: E402

LIMIT = 0.8  # issue 23 (round one: 0.5x)
REPEATS = 9


def bare_pipeline(store: object, recipient: str, target: Path) -> int:
    """Select every record, encode the rows as JSON, encrypt with age, write: nothing else."""
    import pyrage

    rows = []
    for table in TABLES:
        rows += store.db.query(  # type: ignore[attr-defined]
            f"SELECT id, parent_id, version, data FROM {table} ORDER BY rowid")  # noqa: S608
    plaintext = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    target.write_bytes(pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(recipient)]))
    return len(rows)


def main() -> None:
    opts = arguments(__doc__ or "")
    repeats = 3 if opts.quick else REPEATS
    from pace_desktop.exchange.export import export_bundle

    with tempfile.TemporaryDirectory(prefix="pace-bench-") as tmp:
        ex = make_exchange(Path(tmp))
        records = ex.records()
        out = Path(tmp) / "out"
        out.mkdir()
        bare, real = [], []
        exported = 0
        for i in range(repeats + 1):
            ex.mark_unexported()
            for f in out.iterdir():
                f.unlink()
            b = timed(lambda: bare_pipeline(ex.laptop, ex.recipient, out / "bare.age"))
            result = None

            def run() -> None:
                nonlocal result
                result = export_bundle(ex.laptop, out)

            r = timed(run)
            if i:  # the first of each is a warm-up
                bare.append(b)
                real.append(r)
            exported = result.records if result else 0
        size = next(out.glob("*.pacebundle")).stat().st_size
        ex.laptop.close()
    b, r = Stats.of(bare), Stats.of(real)
    bare_rate, real_rate = records / b.median, exported / r.median
    ratio = real_rate / bare_rate
    report([Result.against_baseline(
        "Export 10,000 records", ratio=ratio, limit=LIMIT, at_least=True,
        budget=f">= {LIMIT}x the bare pipeline's throughput",
        baseline=f"select + JSON + age: {bare_rate:,.0f} records/s ({b.s()})",
        measured=f"export_bundle: {real_rate:,.0f} records/s ({r.s()})",
        notes=[f"{exported:,} of {records:,} records exported per run (1 event, clients, consents, "
               f"checklists); bundle {size / 1024:,.0f} KiB"],
    )])


if __name__ == "__main__":
    main()
