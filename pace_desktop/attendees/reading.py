"""Reading a staff list safely: only a regular file, never more than the byte cap, one plain line when
it is not a workbook or CSV; then finding the heading row below any title.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pace_desktop.attendees.csv_file import read_csv
from pace_desktop.attendees.fields import guess_field
from pace_desktop.attendees.refusals import (
    HEADER_SEARCH_ROWS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    NOT_A_FILE,
    NOT_A_SHEET,
    PROTECTED,
    TOO_BIG,
    TOO_MANY_ROWS,
    AttendeeFileError,
)
from pace_desktop.attendees.sheet import Progress, Sheet, SourceFile
from pace_desktop.attendees.workbook import open_workbook, read_xlsx


def open_source(path: Path | str) -> SourceFile:
    """Check the file is a readable workbook or CSV and list its sheets (or AttendeeFileError)."""
    path = Path(path)
    data = _read_file(path)
    kind = _kind(path, data)
    if kind == "csv":
        return SourceFile(path, "csv", (path.stem,))
    with open_workbook(data) as wb:
        names = tuple(ws.title for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible")
    return SourceFile(path, "xlsx", names or ("Sheet1",))


def read_sheet(path: Path | str, sheet: str | None = None, progress: Progress | None = None) -> Sheet:
    """Read one sheet's non-blank rows (merged cells filled in), and find the heading row."""
    path = Path(path)
    data = _read_file(path)
    result = read_csv(data, path.stem) if _kind(path, data) == "csv" else read_xlsx(data, sheet, progress)
    result.header = find_header(result.rows)
    if len(result.rows) - result.header - 1 > MAX_ROWS:
        raise AttendeeFileError(TOO_MANY_ROWS)
    return result


def _read_file(path: Path) -> bytes:
    """The whole file, read once into memory: only a regular file (a link is followed only to one), and
    never more than ``MAX_FILE_BYTES`` + 1 bytes, whatever its size claims (a link to /dev/zero says 0)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise AttendeeFileError(NOT_A_FILE)
        # Non-blocking, so that a pipe swapped in after the check cannot hang the open; checked again.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise AttendeeFileError(NOT_A_FILE)
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise AttendeeFileError("The file was not found: it may have been moved. Choose it again.") from None
    except OSError:
        raise AttendeeFileError(
            "The file could not be opened: check you may read it, then try again."
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise AttendeeFileError(TOO_BIG)
    return data


def _kind(path: Path, data: bytes) -> str:
    head = data[:8]
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE container: encrypted xlsx, or legacy .xls
        raise AttendeeFileError(PROTECTED)
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return "csv"
    raise AttendeeFileError(NOT_A_SHEET)


def find_header(rows: Sequence[Sequence[Any]]) -> int:
    """Index of the heading row: among the first rows, the one naming most of our fields.

    Titles and notes above the headings ('Staff at risk - confidential') name none, so they lose;
    with no recognisable headings at all, the first row is taken and the adviser maps the columns.
    """
    best, best_score = 0, 0
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {guess_field(str(v)) for v in row if isinstance(v, str)}
        names.discard(None)
        if len(names) > best_score:
            best, best_score = i, len(names)
    return best
