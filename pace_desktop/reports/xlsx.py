"""Workbooks written with XlsxWriter: typed cells, text never a formula, rows on disk only encrypted.

XlsxWriter's constant-memory mode keeps one row in memory and streams the rest through a temp file,
which is what lets a 100,000-row records report run in flat memory at about half the time of
openpyxl's write-only mode. Two things in that design would break a guarantee, and are handled here:

- **Text stays text.** ``write()`` guesses: ``=…`` and ``{=…}`` become formulas, ``http://…`` a link,
  ``"12"`` a number. The workbook turns the guessing options off, and every cell is written by its
  type (``write_string``, ``write_number``, ``write_datetime``), never by ``write()``. Text a
  spreadsheet could read as a formula or an error (``cells.needs_guard``) gets a quote prefix, so
  editing the cell keeps it text, exactly as the openpyxl reports do.
- **Nothing readable on disk.** The rows' temp file would hold names in plain text until the save, and
  XlsxWriter would then copy each whole sheet into a second temp file to zip it. Here each sheet's rows
  go to an ``output.EncryptedPart`` (AES-256-GCM, key in memory only) in the report's private folder;
  the package is assembled in memory with a small marker in place of the rows, and the marker is
  replaced by the decrypted rows, streamed, while the final zip is written (into an encrypted part
  too, ``output.sealed_report_file``). A kill at any moment leaves only ciphertext; memory stays
  flat (neither the rows nor the zip ever sit in memory whole).

Both rest on XlsxWriter's ``worksheet_class`` hook and on private names: of its ``Worksheet``
``_initialize``, ``_write_optimized_sheet_data``, ``row_data_fh``/``row_data_filename``, ``fh``,
``tmpdir``, ``dim_rowmin``; of its ``Workbook`` the ``in_memory`` flag, set after construction. XlsxWriter is
pinned exactly, and ``tests/reports/test_xlsx.py`` fails if they move.
"""

from __future__ import annotations

import io
import math
import os
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.worksheet import Worksheet

from pace_desktop.reports.cells import (
    _CONTROL,
    _ERROR_CODES,
    DATE_FORMAT,
    DATETIME_FORMAT,
    MAX_CELL_CHARS,
    clean_text,
    needs_guard,
    plain,
)
from pace_desktop.reports.output import EncryptedPart

# Never guess a cell's type from its text (see the module docstring).
SAFE_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
# Text that needs more than writing: a formula-like start, a character clean_text removes, or a
# carriage return. XlsxWriter would store a CR as the escape "_x000D_", which not every reader
# decodes; openpyxl wrote it raw, and XML readers turn a raw CR into a line feed. So a line feed it is.
_NOT_PLAIN = re.compile("\\A[=+\\-@\t\r#]|\r|" + _CONTROL.pattern)


class _TextPart(EncryptedPart):
    """An ``EncryptedPart`` for XlsxWriter's many small text writes: joined and encoded in batches
    (a 100,000-row sheet is tens of millions of writes, so the cost per write counts)."""

    BATCH = 2048  # writes per batch: about 64 KiB of row XML

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self._text: list[str] = []

    def write(self, data: Any) -> int:
        text = self._text
        text.append(data)
        if len(text) >= self.BATCH:
            self._flush_text()
        return len(data)

    def _flush_text(self) -> None:
        if self._text:
            super().write("".join(self._text))
            self._text.clear()

    def close(self) -> None:
        self._flush_text()
        super().close()


class SealedRowsSheet(Worksheet):  # type: ignore[misc]
    """A constant-memory worksheet whose row data on disk is an encrypted part, not plain XML."""

    sealed: _TextPart | None = None
    marker = b""

    def _initialize(self, init_data: dict[str, Any]) -> None:
        super()._initialize(init_data)
        if not self.constant_memory:
            return
        # XlsxWriter has just made an empty plain temp file for the rows: swap in an encrypted part.
        self.row_data_fh.close()  # type: ignore[has-type]
        os.unlink(self.row_data_filename)  # type: ignore[has-type]
        self.sealed = _TextPart(Path(self.tmpdir))
        self.row_data_fh = self.fh = self.sealed
        self.row_data_filename = str(self.sealed.path)
        self.marker = f"<!--pace-sealed-rows {self.sealed.path.name}-->".encode()

    def _write_optimized_sheet_data(self) -> None:
        # The rows are spliced in at the marker by ``SealedWorkbook.save``, straight from the part.
        if self.sealed is None or self.dim_rowmin is None:
            super()._write_optimized_sheet_data()
            return
        self._xml_start_tag("sheetData")
        self.fh.write(self.marker.decode())
        self._xml_end_tag("sheetData")


class SafeWorkbook(xlsxwriter.Workbook):  # type: ignore[misc]
    """An XlsxWriter workbook that never guesses a cell's type from text, with the formats the
    typed writers below use (header, date, date-time, quoted text, bold)."""

    def __init__(self, target: Any, options: dict[str, Any] | None = None) -> None:
        super().__init__(target, {**SAFE_OPTIONS, **(options or {})})
        self.header_format = self.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.bold_format = self.add_format({"bold": True})
        self.date_format = self.add_format({"num_format": DATE_FORMAT})
        self.datetime_format = self.add_format({"num_format": DATETIME_FORMAT})
        self.text_format = self.add_format({"quote_prefix": True})
        self._styles: dict[tuple[tuple[str, Any], ...], Any] = {}

    def style(self, properties: Mapping[str, Any]) -> Any:
        """The one format with these properties (``{"bold": True}``, ``{"num_format": "0%"}``…):
        made once per workbook, however many cells use it."""
        key = tuple(sorted(properties.items()))
        found = self._styles.get(key)
        if found is None:
            found = self._styles[key] = self.add_format(dict(properties))
        return found

    def close(self) -> None:
        """XlsxWriter's close, with a failed write (a full disk, a lost drive) raised as the OSError it
        was, so the callers' plain-English refusals (``DiskFull``) apply to both workbook libraries."""
        try:
            super().close()
        except FileCreateError as exc:
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise


class MemoryWorkbook(SafeWorkbook):
    """A small workbook built and zipped entirely in memory (no temp file of any kind): for files
    that are encrypted before they are written, such as partner requests. ``to_bytes()`` closes it."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        super().__init__(self.buffer, {"in_memory": True})

    def to_bytes(self) -> bytes:
        self.close()
        return self.buffer.getvalue()


class SealedWorkbook(SafeWorkbook):
    """An XlsxWriter workbook in constant-memory mode with sealed rows (see the module docstring).

    Fill its sheets, then ``save(target)`` once; ``discard()`` (always, also after a failure) removes
    the encrypted parts.
    """

    worksheet_class = SealedRowsSheet

    def __init__(self, parts: Path) -> None:
        self.staging = io.BytesIO()
        super().__init__(self.staging, {"constant_memory": True, "tmpdir": str(parts)})
        # Every part but the rows is small: assemble them in memory, never in plain temp files.
        # (Set after construction: the constructor turns constant memory off when asked for both.)
        self.in_memory = True

    def sealed_sheets(self) -> list[SealedRowsSheet]:
        return [ws for ws in self.worksheets() if isinstance(ws, SealedRowsSheet) and ws.sealed is not None]

    def save(self, target: str | Path | IO[bytes] | EncryptedPart) -> None:
        """Close the workbook and write the .xlsx to ``target`` with each sheet's rows spliced in
        (for a report, ``output.sealed_report_file``'s encrypted part: written as a stream)."""
        self.close()
        parts = {ws.marker: ws.sealed for ws in self.sealed_sheets()}
        self.staging.seek(0)
        with (
            zipfile.ZipFile(self.staging) as src,
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as dst,
        ):
            for info in src.infolist():
                data = src.read(info)
                sheet = parts and info.filename.startswith("xl/worksheets/")
                marker = next((m for m in parts if m in data), None) if sheet else None
                if marker is None:
                    dst.writestr(info, data)
                    continue
                part = parts.pop(marker)
                assert part is not None
                part.close()  # the last rows written, and ``size`` complete
                head, _, tail = data.partition(marker)
                member = zipfile.ZipInfo(info.filename, info.date_time)
                member.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(member, "w", force_zip64=part.size + len(data) >= 2**31) as out:
                    out.write(head)
                    for chunk in part.plain_chunks():
                        out.write(chunk)
                    out.write(tail)
        self.discard()

    def discard(self) -> None:
        """Remove the encrypted parts (the key goes with them)."""
        for ws in self.sealed_sheets():
            assert ws.sealed is not None
            ws.sealed.discard()


def write_cells(book: SafeWorkbook, ws: Worksheet, row: int, values: Iterable[Any]) -> None:
    """Write one row by type: text as text (guarded), numbers as numbers, dates as dates, None blank.

    The common cells (plain text, numbers, naive datetimes, dates, blanks) are handled inline: a
    100,000-row report calls this for three million cells.
    """
    write_string, write_number, write_datetime = ws.write_string, ws.write_number, ws.write_datetime
    col = -1
    for value in values:
        col += 1
        kind = type(value)
        if kind is str:
            if (
                len(value) <= MAX_CELL_CHARS
                and _NOT_PLAIN.search(value) is None
                and value not in _ERROR_CODES
            ):
                if value:
                    write_string(row, col, value)
                continue
        elif value is None:
            continue
        elif kind is int or kind is float:
            if kind is int or math.isfinite(value):
                write_number(row, col, value)
                continue
        elif kind is date:
            write_datetime(row, col, value, book.date_format)
            continue
        elif kind is datetime and value.tzinfo is None:
            write_datetime(row, col, value, book.datetime_format)
            continue
        write_value(book, ws, row, col, value)


def write_value(
    book: SafeWorkbook, ws: Worksheet, row: int, col: int, value: Any, style: Mapping[str, Any] | None = None
) -> None:
    """One cell by the rules of ``cells.plain`` and ``cells.safe``, whatever the value; ``style`` adds
    format properties (bold, wrap, a number format…) to what the value's type needs."""
    value = plain(value)
    if value is None:
        if style:
            ws.write_blank(row, col, None, book.style(style))
        return
    if isinstance(value, str):
        text = clean_text(value)
        guard = needs_guard(text)  # before the CR goes: "\r=…" still reads as a formula somewhere
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text:
            return
        if style:
            ws.write_string(row, col, text, book.style({**style, "quote_prefix": True} if guard else style))
        else:
            ws.write_string(row, col, text, book.text_format if guard else None)
    elif isinstance(value, datetime):
        fmt = book.style({"num_format": DATETIME_FORMAT, **style}) if style else book.datetime_format
        ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, date):
        fmt = book.style({"num_format": DATE_FORMAT, **style}) if style else book.date_format
        ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, int | float) and math.isfinite(value):
        ws.write_number(row, col, value, book.style(style) if style else None)
    else:  # NaN or infinity: Excel has no such number; say what it was, as text
        ws.write_string(row, col, str(value), book.style(style) if style else None)


def put(book: SafeWorkbook, ws: Worksheet, row: int, column: int, value: Any, **style: Any) -> None:
    """``write_value`` numbered as the sheet shows it (row 1, column 1 is A1), as ``cells.put`` was for
    openpyxl: for small laid-out sheets (summary, subject access copy)."""
    write_value(book, ws, row - 1, column - 1, value, style or None)


def put_row(
    book: SafeWorkbook, ws: Worksheet, row: int, values: Iterable[Any], *, start_column: int = 1, **style: Any
) -> None:
    for offset, value in enumerate(values):
        put(book, ws, row, start_column + offset, value, **style)


def start_table(book: SafeWorkbook, title: str, headers: Sequence[str], widths: Sequence[float]) -> Worksheet:
    """A new sheet with a bold wrapped header row, frozen, and the given column widths."""
    ws = book.add_worksheet(title)
    ws.freeze_panes(1, 0)
    for index, width in enumerate(widths):
        ws.set_column(index, index, width)
    for index, header in enumerate(headers):
        text = clean_text(header)
        ws.write_string(0, index, text, book.header_format)
    return ws
