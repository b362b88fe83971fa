"""The ``records`` workbook: every record, one sheet per entity, for loading into the central CRM.

XlsxWriter in constant-memory mode (``reports/xlsx.py``: typed cells, rows encrypted on disk), rows
streamed from the store's cursor one at a time, so memory stays flat whether the store holds a
hundred clients or a hundred thousand; an openpyxl write-only workbook is still accepted (the
de-identified report and older callers). Columns come from the models
(``columns.py``); values are the stored codes (stable for a CRM import), dates are real dates, times
are UTC.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pace_desktop.records.models import (
    ChecklistRecord,
    Client,
    Consent,
    Employer,
    Event,
    Feedback,
    Intervention,
    Outcome,
)
from pace_desktop.reports.cells import safe_row
from pace_desktop.reports.columns import Column, council_area_name_column, model_columns
from pace_desktop.store.database import STREAM_BATCH
from pace_desktop.store.report_records import stream_records

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # private: for the type checker only

    from pace_desktop.reports.xlsx import SealedWorkbook
    from pace_desktop.store.store import Store

# Excel's limit is 1,048,576 rows a sheet, header included; longer tables continue on "Name (2)".
MAX_ROWS_PER_SHEET = 1_048_576
HEADER_FONT = Font(bold=True)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class SheetSpec:
    """One entity's sheet: title, table, columns, and whether rows carry their client's PACE ID."""

    title: str
    table: str
    columns: tuple[Column, ...]
    with_pace_id: bool = False


def _pace_id_column() -> Column:
    return Column("PACE ID", 16, lambda data: None)  # filled from the joined clients row


def _effective_band() -> Column:
    return Column(
        "Band (in use)",
        14,
        lambda data: (data.get("override") or {}).get("band") or data.get("band"),
    )


def sheet_specs() -> tuple[SheetSpec, ...]:
    """The records workbook's sheets, in order."""
    event_cols = model_columns(Event)
    area_at = next(i for i, c in enumerate(event_cols) if c.header == "Council area code")
    event_cols.insert(area_at + 1, council_area_name_column())
    client_cols = model_columns(Client, skip=("pace_id",))
    checklist_cols = model_columns(ChecklistRecord)
    band_at = next(i for i, c in enumerate(checklist_cols) if c.header.startswith("Band"))
    checklist_cols.insert(band_at + 1, _effective_band())

    def child(title: str, table: str, cols: list[Column]) -> SheetSpec:
        return SheetSpec(title, table, (_pace_id_column(), *cols), with_pace_id=True)

    return (
        SheetSpec("Employers", "employers", tuple(model_columns(Employer))),
        SheetSpec("Events", "events", tuple(event_cols)),
        child("Clients", "clients", client_cols),
        child("Consents", "consents", model_columns(Consent)),
        child("Checklists", "checklists", checklist_cols),
        child("Interventions", "interventions", model_columns(Intervention)),
        child("Outcomes", "outcomes", model_columns(Outcome)),
        child("Feedback", "feedback", model_columns(Feedback)),
    )


@dataclass
class SheetCounts:
    """Rows written per sheet title (a table split over several sheets counts under each)."""

    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


class TableWriter:
    """Writes one table to one or more write-only sheets: header, frozen top row, filter, widths."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        columns: Sequence[Column],
        counts: SheetCounts,
        max_rows: int = MAX_ROWS_PER_SHEET,
    ) -> None:
        self.wb = wb
        self.title = title
        self.columns = columns
        self.counts = counts
        self.max_rows = max_rows
        self.part = 0
        self.ws: WriteOnlyWorksheet | None = None
        self.rows_here = 0

    def _new_sheet(self) -> WriteOnlyWorksheet:
        self._finish()
        self.part += 1
        title = self.title if self.part == 1 else f"{self.title} ({self.part})"
        ws = self.wb.create_sheet(title)
        # Everything above the rows must be set before the first append: write-only sheets stream.
        ws.freeze_panes = "A2"
        for index, col in enumerate(self.columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = col.width
        header = []
        for col in self.columns:
            cell = WriteOnlyCell(ws, value=col.header)
            cell.font = HEADER_FONT
            cell.alignment = HEADER_ALIGNMENT
            header.append(cell)
        ws.append(header)
        self.ws, self.rows_here = ws, 0
        self.counts.rows[title] = 0
        return ws

    def _finish(self) -> None:
        if self.ws is not None:
            last = get_column_letter(max(1, len(self.columns)))
            # The filter range is written at the sheet's end, so it can be set once the rows are
            # known.
            self.ws.auto_filter.ref = f"A1:{last}{self.rows_here + 1}"

    def append(self, values: Iterable[Any]) -> None:
        ws = self.ws
        if ws is None or self.rows_here + 1 >= self.max_rows:
            ws = self._new_sheet()
        ws.append(safe_row(ws, values))
        self.rows_here += 1
        self.counts.rows[ws.title] += 1

    def close(self) -> None:
        if self.ws is None:
            self._new_sheet()  # an empty table still gets its sheet and header
        self._finish()


class XlsxTableWriter:
    """``TableWriter`` for a ``SealedWorkbook``: the same sheets, header, frozen row, widths, filter."""

    def __init__(
        self,
        wb: SealedWorkbook,
        title: str,
        columns: Sequence[Column],
        counts: SheetCounts,
        max_rows: int = MAX_ROWS_PER_SHEET,
    ) -> None:
        self.wb = wb
        self.title = title
        self.columns = columns
        self.counts = counts
        self.max_rows = max_rows
        self.part = 0
        self.ws: Any = None
        self.sheet_title = title
        self.rows_here = 0

    def _new_sheet(self) -> Any:
        from pace_desktop.reports.xlsx import start_table

        self._finish()
        self.part += 1
        title = self.title if self.part == 1 else f"{self.title} ({self.part})"
        self.ws = start_table(
            self.wb, title, [c.header for c in self.columns], [c.width for c in self.columns]
        )
        self.sheet_title, self.rows_here = title, 0
        self.counts.rows[title] = 0
        return self.ws

    def _finish(self) -> None:
        if self.ws is not None:
            self.ws.autofilter(0, 0, self.rows_here, max(1, len(self.columns)) - 1)

    def append(self, values: Iterable[Any]) -> None:
        from pace_desktop.reports.xlsx import write_cells

        ws = self.ws
        if ws is None or self.rows_here + 1 >= self.max_rows:
            ws = self._new_sheet()
        self.rows_here += 1
        write_cells(self.wb, ws, self.rows_here, values)
        self.counts.rows[self.sheet_title] += 1

    def close(self) -> None:
        if self.ws is None:
            self._new_sheet()  # an empty table still gets its sheet and header
        self._finish()


def table_writer(
    wb: Workbook | SealedWorkbook,
    title: str,
    columns: Sequence[Column],
    counts: SheetCounts,
    max_rows: int = MAX_ROWS_PER_SHEET,
) -> TableWriter | XlsxTableWriter:
    """The table writer for ``wb``'s library: XlsxWriter (sealed) or openpyxl write-only."""
    if isinstance(wb, Workbook):
        return TableWriter(wb, title, columns, counts, max_rows)
    return XlsxTableWriter(wb, title, columns, counts, max_rows)


def stream(
    store: Store, spec: SheetSpec, batch: int = STREAM_BATCH
) -> Iterator[tuple[dict[str, Any], str | None]]:
    """Each stored record of ``spec.table`` as a JSON dict, with its client's PACE ID if any."""
    for data, pace_id in stream_records(store.db, spec.table, with_pace_id=spec.with_pace_id, batch=batch):
        yield json.loads(data), pace_id


def write_records(
    store: Store, wb: Workbook | SealedWorkbook, *, max_rows: int = MAX_ROWS_PER_SHEET
) -> SheetCounts:
    """Add the records sheets to a sealed XlsxWriter workbook (or an openpyxl write-only one);
    returns the rows written per sheet."""
    counts = SheetCounts()
    for spec in sheet_specs():
        writer = table_writer(wb, spec.title, spec.columns, counts, max_rows)
        getters = [c.get for c in spec.columns]
        for data, pace_id in stream(store, spec):
            row = [get(data) for get in getters]
            if spec.with_pace_id:
                row[0] = pace_id
            writer.append(row)
        writer.close()
    return counts


def write_rows(
    wb: Workbook | SealedWorkbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    widths: Sequence[float] | None = None,
) -> int:
    """Write ready-made rows through the records sheets' safe-cell path; returns how many.

    For benchmarks (compare with a bare ``ws.append`` loop) and for reports that build their own
    rows.
    """
    columns = [
        Column(h, (widths[i] if widths else max(10, len(h) + 2)), lambda data: None)
        for i, h in enumerate(headers)
    ]
    counts = SheetCounts()
    writer = table_writer(wb, title, columns, counts)
    n = 0
    for row in rows:
        writer.append(row)
        n += 1
    writer.close()
    return n


def build_records(store: Store, wb: Workbook | SealedWorkbook) -> dict[str, int]:
    """The ``records`` report kind: rows written per sheet."""
    return write_records(store, wb).rows
