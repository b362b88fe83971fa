"""Writing one report to a file: one consistent read of the store, all-or-nothing, audited."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pace_desktop.errors import UsageError
from pace_desktop.reports.kinds import REPORTS
from pace_desktop.reports.output import check_xlsx_path, memory_report_file, sealed_report_file

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


@dataclass(frozen=True)
class ReportResult:
    """What was written: the file, the kind, and the counts its builder returned."""

    path: Path
    kind: str
    figures: dict[str, int]

    def describe(self) -> str:
        """One line for the person who asked for the report."""
        if self.kind == "records":
            return f"Wrote {sum(self.figures.values()):,} rows on {len(self.figures)} sheets to {self.path}."
        return f"Wrote the {self.kind} report to {self.path}."


@contextlib.contextmanager
def read_snapshot(store: Store) -> Iterator[None]:
    """One read transaction, so that every sheet describes the same moment."""
    with store.db.snapshot():
        yield


def write_report(store: Store, kind: str, out: Path | str, *, overwrite: bool = False) -> ReportResult:
    """Write the ``kind`` report to ``out`` (.xlsx): all or nothing, owner-only file, audited; an existing
    file is replaced only with ``overwrite``."""
    if kind not in REPORTS:
        raise UsageError(f"There is no '{kind}' report: choose one of {', '.join(REPORTS)}.")
    out = check_xlsx_path(Path(out), overwrite=overwrite)
    spec = REPORTS[kind]
    spec.prepare_store(store)
    if not spec.write_only:
        from pace_desktop.reports.xlsx import MemoryWorkbook

        with memory_report_file(out, overwrite=overwrite) as tmp, read_snapshot(store):
            memory = MemoryWorkbook()
            figures = spec.load()(store, memory)
            tmp.write(memory.to_bytes())
    else:
        from pace_desktop.reports.xlsx import SealedWorkbook

        with sealed_report_file(out, overwrite=overwrite) as (tmp, parts), read_snapshot(store):
            book = SealedWorkbook(parts)
            try:
                figures = spec.load()(store, book)
                book.save(tmp)
            finally:
                book.discard()
    detail = f"kind={kind}"
    if kind == "records":
        detail += f",rows={sum(figures.values())}"
    try:
        with store.transaction():
            store.audit("report", "report", detail=detail)
    except BaseException:
        # An export of personal data that the audit log does not show must not be left behind.
        out.unlink(missing_ok=True)
        raise
    return ReportResult(out, kind, dict(figures))
