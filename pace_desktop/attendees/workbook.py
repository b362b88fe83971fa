"""Reading an xlsx workbook: its zip directory and XML checked before openpyxl sees it, rows streamed,
merged cells filled in.

Only openpyxl's public API is used: the read-only workbook streams the rows (``iter_rows``). That
worksheet drops the merge list, so the merged ranges are collected by the same expat pass that checks
every XML part for nesting and DTDs (the ``<mergeCell ref=…>`` elements of each worksheet part, and the
workbook's sheet-name-to-part map), at no extra read of the file.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
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

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
MAX_MERGED_RANGES = 10_000  # per sheet; a real staff list has a handful


class _Hostile(Exception):
    """An XML part nested too deep, or declaring a DTD (entity expansion): refused before openpyxl."""


@dataclass
class _Layout:
    """What the checking pass learnt: each sheet's part, and each part's merged ranges."""

    sheet_ids: dict[str, str] = field(default_factory=dict)  # sheet name -> relationship id
    targets: dict[str, str] = field(default_factory=dict)  # relationship id -> part name
    merged: dict[str, list[str]] = field(default_factory=dict)  # part name -> ["A1:F1", ...]

    def merged_cells(self, title: str) -> list[str]:
        target = self.targets.get(self.sheet_ids.get(title, ""), "")
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join(posixpath.dirname(_WORKBOOK), target))
        return self.merged.get(part, [])


def _check_xml_parts(zf: zipfile.ZipFile) -> _Layout:
    """Stream every XML part through expat once: refuse nesting past ``MAX_XML_DEPTH`` and any DTD,
    and note the sheets' parts and merged ranges on the way."""
    layout = _Layout()
    for info in zf.infolist():
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            _check_part(zf, info, layout)
    return layout


def _check_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, layout: _Layout) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    depth = 0
    name = info.filename
    merged = layout.merged.setdefault(name, []) if name.startswith("xl/worksheets/") else None

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_XML_DEPTH:
            raise _Hostile
        if merged is not None:
            if tag == f"{_MAIN} mergeCell" and len(merged) < MAX_MERGED_RANGES and "ref" in attrs:
                merged.append(attrs["ref"])
        elif name == _WORKBOOK:
            if tag == f"{_MAIN} sheet" and "name" in attrs:
                layout.sheet_ids[attrs["name"]] = attrs.get(f"{_DOC_RELS} id", "")
        elif name == _WORKBOOK_RELS and tag == f"{_RELS} Relationship":
            layout.targets[attrs.get("Id", "")] = attrs.get("Target", "")

    def end(_tag: str) -> None:
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
        self.layout = _Layout()

    def __enter__(self) -> Any:
        import openpyxl  # deferred: only imports pay for it

        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as zf:
                infos = zf.infolist()
                if len(infos) > 10_000 or sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
                    raise AttendeeFileError(TOO_BIG)
                if "xl/workbook.xml" not in {i.filename for i in infos}:
                    raise AttendeeFileError(NOT_A_SHEET)
                self.layout = _check_xml_parts(zf)
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
    opened = open_workbook(data)
    with opened as wb:
        try:
            ws = wb[sheet] if sheet else wb.worksheets[0]
        except (KeyError, IndexError):
            raise AttendeeFileError("That sheet is not in the workbook: choose one from the list.") from None
        try:
            rows, numbers = _parse_rows(ws, progress)
        except AttendeeFileError:
            raise
        except Exception:  # noqa: BLE001 - a malformed sheet is one plain line, never a traceback
            raise AttendeeFileError(DAMAGED) from None
        title = ws.title
        epoch = wb.epoch
    _fill_merged(rows, numbers, opened.layout.merged_cells(title))
    return Sheet(title, rows, numbers, epoch)


def _parse_rows(ws: Any, progress: Progress | None) -> tuple[list[list[Any]], list[int]]:
    """Stream the sheet's rows through openpyxl's public read-only iterator, keeping the non-blank
    ones (each cut after its last value)."""
    ws.reset_dimensions()  # the file's own <dimension> may lie; read what is there
    rows = enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1)
    return _keep_rows(((n, _row_values(r)) for n, r in rows), progress)


def _row_values(values: tuple[Any, ...]) -> list[Any]:
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return list(values[:end])


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
    for ref in ranges[:MAX_MERGED_RANGES]:
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
