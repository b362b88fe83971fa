"""Reading a CSV staff list: UTF-8, or the Windows code page Excel saves "CSV" in; delimiter sniffed."""

from __future__ import annotations

import csv
import io
from typing import Any

from pace_desktop.attendees.refusals import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    MAX_ROWS,
    NOT_A_SHEET,
    TOO_MANY_ROWS,
    AttendeeFileError,
)
from pace_desktop.attendees.sheet import Sheet, blank


def read_csv(raw: bytes, title: str) -> Sheet:
    if b"\x00" in raw:
        raise AttendeeFileError(NOT_A_SHEET)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the Windows code page; cp1252 decodes any byte but five.
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:20_000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Any]] = []
    numbers: list[int] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        for number, record in enumerate(reader, start=1):
            if all(blank(v) for v in record):
                continue
            rows.append(list(record[:MAX_COLUMNS]))
            numbers.append(number)
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise AttendeeFileError(TOO_MANY_ROWS)
    except csv.Error:
        raise AttendeeFileError(
            "This CSV file is malformed (a quote or a very long cell): "
            "save it again from the spreadsheet and retry."
        ) from None
    return Sheet(title, rows, numbers, None)
