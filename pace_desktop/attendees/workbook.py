"""Reading an xlsx workbook: its zip directory and XML checked before openpyxl sees it, rows streamed,
merged cells filled in.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import Any
from xml.parsers import expat

from pace_desktop.attendees.refusals import (
    DAMAGED,
    HEADER_SEARCH_ROWS,
    MAX_BLANK_RUN,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    MAX_XML_DEPTH,
    NOT_A_SHEET,
    TOO_BIG,
    TOO_MANY_ROWS,
    AttendeeFileError,
)
from pace_desktop.attendees.sheet import Progress, Sheet, blank


class _Hostile(Exception):
    """An XML part nested too deep, or declaring a DTD (entity expansion): refused before openpyxl."""


def _check_xml_parts(zf: zipfile.ZipFile) -> None:
    """Stream every XML part through expat once: refuse nesting past ``MAX_XML_DEPTH`` and any DTD."""
    for info in zf.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        parser = expat.ParserCreate()
        depth = 0

        def start(_name: str, _attrs: Any) -> None:
            nonlocal depth
            depth += 1
            if depth > MAX_XML_DEPTH:
                raise _Hostile

        def end(_name: str) -> None:
            nonlocal depth
            depth -= 1

        def doctype(*_args: Any) -> None:
            raise _Hostile

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.StartDoctypeDeclHandler = doctype
        with zf.open(info) as fh:
            while chunk := fh.read(1 << 20):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)


class open_workbook:
    """Open an xlsx read-only after checking its zip directory, and always close it."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.wb: Any = None

    def __enter__(self) -> Any:
        import openpyxl  # deferred: only imports pay for it

        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as zf:
                infos = zf.infolist()
                if len(infos) > 10_000 or sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
                    raise AttendeeFileError(TOO_BIG)
                if "xl/workbook.xml" not in {i.filename for i in infos}:
                    raise AttendeeFileError(NOT_A_SHEET)
                _check_xml_parts(zf)
            self.wb = openpyxl.load_workbook(io.BytesIO(self.data), read_only=True, data_only=True)
        except AttendeeFileError:
            raise
        except Exception:  # noqa: BLE001 - any failure inside a hostile zip is one plain line
            raise AttendeeFileError(DAMAGED) from None
        return self.wb

    def __exit__(self, *exc: object) -> None:
        if self.wb is not None:
            self.wb.close()


def read_xlsx(data: bytes, sheet: str | None, progress: Progress | None) -> Sheet:
    with open_workbook(data) as wb:
        try:
            ws = wb[sheet] if sheet else wb.worksheets[0]
        except (KeyError, IndexError):
            raise AttendeeFileError("That sheet is not in the workbook: choose one from the list.") from None
        try:
            rows, numbers, merged = _parse_rows(wb, ws, progress)
        except AttendeeFileError:
            raise
        except Exception:  # noqa: BLE001 - a malformed sheet is one plain line, never a traceback
            raise AttendeeFileError(DAMAGED) from None
        title = ws.title
        epoch = wb.epoch
    _fill_merged(rows, numbers, merged)
    return Sheet(title, rows, numbers, epoch)


_Rows = tuple[list[list[Any]], list[int], list[str]]


def _parse_rows(wb: Any, ws: Any, progress: Progress | None) -> _Rows:
    """Stream the sheet's rows, keeping the non-blank ones, and collect its merged ranges.

    openpyxl's read-only worksheet drops the merge list, so its streaming parser is driven here to
    get both in one pass. That parser is internal to openpyxl (pinned in constraints.txt); should it
    ever change, the public row iterator is used instead and merged cells are simply not filled.
    """
    try:
        from openpyxl.worksheet._reader import WorkSheetParser

        src = ws._get_source()
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
    except (ImportError, AttributeError, TypeError):
        ws.reset_dimensions()
        rows = enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1)
        return (*_keep_rows(((n, list(r)) for n, r in rows), progress), [])
    with src:
        cells = ((n, _row_values(row)) for n, row in parser.parse())
        kept, numbers = _keep_rows(cells, progress)
        merged = [m.ref for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
    return kept, numbers, merged


def _row_values(cells: list[dict[str, Any]]) -> list[Any]:
    values: list[Any] = []
    for cell in cells:
        col = cell["column"]
        if col > MAX_COLUMNS:
            break
        values.extend([None] * (col - 1 - len(values)))
        values.append(cell["value"])
    return values


def _keep_rows(
    source: Iterable[tuple[int, list[Any]]], progress: Progress | None
) -> tuple[list[list[Any]], list[int]]:
    rows: list[list[Any]] = []
    numbers: list[int] = []
    blank_run = 0
    for number, values in source:
        if all(blank(v) for v in values):
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        rows.append(values)
        numbers.append(number)
        if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise AttendeeFileError(TOO_MANY_ROWS)
        if progress and len(rows) % 500 == 0:
            progress(len(rows), 0)
    return rows, numbers


def _fill_merged(rows: list[list[Any]], numbers: list[int], ranges: list[str]) -> None:
    """Give each cell of a merged range the value shown in it (its top-left cell's)."""
    from openpyxl.utils.cell import range_boundaries

    where = {n: i for i, n in enumerate(numbers)}
    for ref in ranges[:10_000]:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except ValueError:
            continue
        top = where.get(min_row)
        if top is None or min_col > MAX_COLUMNS:
            continue
        value = rows[top][min_col - 1] if min_col - 1 < len(rows[top]) else None
        if blank(value):
            continue
        max_col = min(max_col, MAX_COLUMNS)
        for number in range(min_row, max_row + 1):
            i = where.get(number)
            if i is None:
                if number > numbers[-1]:
                    break
                continue
            row = rows[i]
            row.extend([None] * (max_col - len(row)))
            for col in range(min_col - 1, max_col):
                if blank(row[col]):
                    row[col] = value
