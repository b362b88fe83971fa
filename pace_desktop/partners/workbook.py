"""Request workbooks built and read in memory: no plain-text copy of a row ever touches the disk.

openpyxl writes each sheet through a temporary file before zipping it, even for a normal workbook.
A request is age-encrypted before it is written, so its sheets are serialised into memory instead
(``workbook_bytes``). Returns are opened from bytes already decrypted into memory, after the zip
directory has been checked, so a zip bomb is refused before anything inflates it.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from pace_desktop.errors import RefusedError

MAX_ENTRIES = 2000
MAX_INFLATED = 200 * 2**20


class _MemoryWriter(ExcelWriter):
    """openpyxl's writer with each worksheet serialised into a BytesIO instead of a temp file."""

    def write_worksheet(self, ws: Any) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def workbook_bytes(wb: Workbook) -> bytes:
    """The .xlsx file for a normal (not write-only) workbook, built entirely in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        _MemoryWriter(wb, archive).write_data()
    return buffer.getvalue()


def is_xlsx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def open_xlsx(data: bytes, what: str = "return") -> Any:
    """A read-only workbook over ``data``; anything that is not a sane .xlsx is refused in one line."""
    bad = RefusedError(f"The {what} is not a readable .xlsx workbook: ask for the file to be saved again.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_INFLATED:
                raise RefusedError(
                    f"The {what} unpacks to far more than a spreadsheet should: it was not opened."
                )
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except RefusedError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure inside a hostile file is one plain line
        raise bad from exc
