"""The report kinds: what ``office report --kind`` offers, and which function fills each one.

Kept free of workbook-library imports so the command line can list the kinds without loading them. To add a
kind (reciprocity, de-identified…), add one entry to ``REPORTS``; the CLI's choices follow.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pace_desktop.reports.xlsx import SafeWorkbook
    from pace_desktop.store.store import Store

Builder = Callable[["Store", "SafeWorkbook"], dict[str, int]]


@dataclass(frozen=True)
class ReportKind:
    """One kind of report: ``builder`` is "module:function", called as ``function(store,
    workbook)``.

    The function fills the (new, empty) workbook and returns a few counts for the summary line.
    Every kind is written with XlsxWriter (``xlsxwriter=True``; openpyxl writes no report) and gets a
    workbook with no sheet: a ``reports.xlsx.SealedWorkbook`` (constant memory, rows encrypted on
    disk) when ``write_only`` (big, streamed sheets), else a ``reports.xlsx.MemoryWorkbook`` (built
    wholly in memory: small, laid-out sheets).

    ``prepare`` ("module:function", called as ``function(store)``) runs before the report's read
    snapshot, in its own write transaction: what the report needs made once and kept (the
    de-identified extract's hashing key), since the central database refuses writes in a snapshot.
    """

    name: str
    description: str
    builder: str
    write_only: bool = False
    xlsxwriter: bool = False
    prepare: str | None = None

    def __post_init__(self) -> None:
        if self.write_only and not self.xlsxwriter:
            # Big streamed sheets go through XlsxWriter's sealed rows; openpyxl's write-only mode would
            # keep them in plain temp files.
            raise ValueError(f"report kind {self.name}: write-only needs xlsxwriter=True")
        if not self.xlsxwriter:
            # openpyxl writes no report: its sheet temp files could only be kept encrypted through
            # its private writer, which the app no longer touches.
            raise ValueError(f"report kind {self.name}: reports are written with XlsxWriter: xlsxwriter=True")

    def load(self) -> Builder:
        return _function(self.builder)

    def prepare_store(self, store: Store) -> None:
        if self.prepare is not None:
            _function(self.prepare)(store)


def _function(name: str) -> Any:
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


REPORTS: dict[str, ReportKind] = {
    kind.name: kind
    for kind in (
        ReportKind(
            "records",
            "every record, one sheet per kind of record (for the CRM)",
            "pace_desktop.reports.records:build_records",
            write_only=True,
            xlsxwriter=True,
        ),
        ReportKind(
            "summary",
            "per event: attendance, risk bands, services wanted, referrals, charts",
            "pace_desktop.reports.summary:write_summary",
            xlsxwriter=True,
        ),
        ReportKind(
            "partners",
            "aggregate counts for partners, small numbers hidden",
            "pace_desktop.reports.partners:write_partners",
            xlsxwriter=True,
        ),
        ReportKind(
            "deidentified",
            "per-person rows for research and evaluation: no names or contact details, keyed "
            "hash for the PACE ID, age bands, postcode districts (no counts: see summary)",
            "pace_desktop.privacy.deidentified_extract:write_deidentified",
            write_only=True,
            xlsxwriter=True,
            prepare="pace_desktop.privacy.keyed:key_for",
        ),
        ReportKind(
            "impact",
            "what happened after PACE: time to work (Kaplan-Meier) by band, age, sector, area, event "
            "type and help received, sustained work, time on PACE, feedback, checklist validation, charts",
            "pace_desktop.reports.impact_workbook:write_impact",
            xlsxwriter=True,
        ),
        ReportKind(
            "reciprocity",
            "for each partner, outcomes of the people it was sent, small numbers hidden",
            "pace_desktop.partners.reciprocity:write_reciprocity",
            xlsxwriter=True,
        ),
    )
}
