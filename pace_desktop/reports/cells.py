"""Safe cell values for every report: user text lands as text, never as a formula or an error.

openpyxl reads a string starting with ``=`` as a formula and ``#N/A`` as an error cell, raises on
control characters and silently cuts long strings (SECURITY-NOTES.md). Every report writes through
this module, so one set of rules holds everywhere: text stays text, dates are dates, numbers are
numbers, Yes/No for booleans.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:  # openpyxl's write-only sheet class is private: named for the type checker only
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# What a spreadsheet may read as the start of a formula (docs/security.md, hostile spreadsheet); '#' is added
# because "#N/A"-like text would otherwise turn into an error cell when someone edits it.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "#")
MAX_CELL_CHARS = 32_767
DATE_FORMAT = "yyyy-mm-dd"  # unambiguous in every locale
DATETIME_FORMAT = "yyyy-mm-dd h:mm:ss"  # what openpyxl gives datetimes in write-only sheets

# C0 controls except tab, newline and carriage return (illegal in XML 1.0), DEL and C1 controls
# (legal but invisible, and a sign of mis-decoded text), lone surrogates and the two non-characters
# XML forbids.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def cut_marker(removed: int) -> str:
    """The visible note that ends a string too long for one cell."""
    return f" … [cut: {removed:,} more characters]"


def clean_text(text: str) -> str:
    """Strip control characters and cut to what one cell holds, saying so in the cell."""
    if _CONTROL.search(text) is not None:
        text = _CONTROL.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        # The marker's length depends on the count it shows, so settle the two together.
        n = len(text)
        keep = MAX_CELL_CHARS - len(cut_marker(n))
        while keep + 1 + len(cut_marker(n - keep - 1)) <= MAX_CELL_CHARS:
            keep += 1
        while keep + len(cut_marker(n - keep)) > MAX_CELL_CHARS:
            keep -= 1
        text = text[:keep] + cut_marker(len(text) - keep)
    return text


_ERROR_CODES = frozenset(ERROR_CODES)


def needs_guard(text: str) -> bool:
    """True if a spreadsheet could take this text for a formula, a number sign or an error value."""
    return text.startswith(FORMULA_PREFIXES) or text in _ERROR_CODES


def plain(value: Any) -> Any:
    """A value openpyxl writes with the right type: date, number, text; booleans as Yes/No.

    Aware datetimes become naive UTC (Excel has no time zones; headers say "(UTC)"). Enums give
    their stable code, lists are joined with "; ", mappings become JSON text.
    """
    if value is None or isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(plain(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if hasattr(value, "model_dump_json"):
        return value.model_dump_json()
    return str(value)


def safe(ws: WriteOnlyWorksheet, value: Any) -> Any:
    """What to append to a write-only sheet for ``value``: the plain value, or a text-forced cell.

    Only text that needs guarding pays for a cell object, so the common row costs what a bare
    ``ws.append`` costs (the performance budget compares against exactly that).
    """
    kind = type(value)
    if kind is not str:
        if value is None or kind is int or kind is float:
            return value
        value = plain(value)
        if not isinstance(value, str):
            return value
    text = clean_text(value)
    if not text.startswith(FORMULA_PREFIXES) and text not in _ERROR_CODES:
        return text
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"  # set after the value: assigning the value is what guesses 'f' or 'e'
    cell.quotePrefix = True  # editing the cell in Excel or Calc keeps it text
    return cell


# Text that needs more than appending: a formula-like start, or a character clean_text removes.
_NOT_PLAIN = re.compile("\\A[=+\\-@\t\r#]|" + _CONTROL.pattern)
# Values appended as they are (a naive datetime is already UTC: see plain()).
_AS_IS = frozenset({type(None), int, float, date})


def safe_row(ws: WriteOnlyWorksheet, values: Any) -> list[Any]:
    """``safe`` for a whole row, with the common cells (plain text, numbers, dates, blanks) checked
    inline: a 100,000-row export calls this three million times, so the call per cell counts."""
    row = []
    for value in values:
        kind = type(value)
        if kind is str:
            if (
                len(value) <= MAX_CELL_CHARS
                and _NOT_PLAIN.search(value) is None
                and value not in _ERROR_CODES
            ):
                row.append(value)
                continue
        elif kind in _AS_IS or (kind is datetime and value.tzinfo is None):
            row.append(value)
            continue
        row.append(safe(ws, value))
    return row


def put(ws: Worksheet, row: int, column: int, value: Any, *, number_format: str | None = None) -> Cell:
    """Write one value into a normal (not write-only) sheet with the same rules as ``safe``."""
    value = plain(value)
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = clean_text(value)
        cell.value = text
        cell.data_type = "s"
        if needs_guard(text):
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
    if number_format:
        cell.number_format = number_format
    return cell


def put_row(ws: Worksheet, row: int, values: Any, *, start_column: int = 1) -> None:
    for offset, value in enumerate(values):
        put(ws, row, start_column + offset, value)


_SHEET_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid sheet name from ``text``, unique among ``taken`` (and added to it).

    At most 31 characters, none of \\ / * ? : [ ], not "History" (Excel reserves it).
    """
    base = _SHEET_FORBIDDEN.sub(
        " ", clean_text(text).replace("\n", " ").replace("\r", " ").replace("\t", " ")
    )
    base = " ".join(base.split()).strip("'") or "Sheet"
    title, n = base[:31], 1
    while title.casefold() in {t.casefold() for t in taken} or title.casefold() == "history":
        n += 1
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
    taken.add(title)
    return title
