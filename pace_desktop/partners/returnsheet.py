"""Reading a filled-in request workbook: its About facts, its header, and the rows that return something.

Only the PACE ID and the return columns are read; the identifiers and any columns the partner
added are left alone. A row is kept when any return cell holds something; a formula is kept as
``FORMULA`` so that it is reported, never evaluated or read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pace_desktop.errors import RefusedError
from pace_desktop.partners import layout as L
from pace_desktop.partners.identifiers import IDENTIFIER_HEADINGS
from pace_desktop.records.pace_id import normalise_pace_id

MAX_ROWS = 200_000
FORMULA = object()  # a return cell holding a formula: present, reported once, never read


@dataclass
class SheetRow:
    """One row that returns something: its sheet row number, PACE ID (if readable), the return
    cells by heading, and the problems found so far (plain words, never the cell's value)."""

    number: int
    pace_id: str | None
    values: dict[str, Any]
    problems: list[str] = field(default_factory=list)


def about_facts(wb: Any) -> dict[str, str]:
    """The About sheet's label -> value pairs (label folded), e.g. the request ID and partner code."""
    if L.ABOUT_SHEET not in wb.sheetnames:
        return {}
    facts: dict[str, str] = {}
    for row in wb[L.ABOUT_SHEET].iter_rows(min_row=1, max_row=40, max_col=2, values_only=True):
        if len(row) == 2 and isinstance(row[0], str) and row[1] is not None:
            facts[L.heading_key(row[0])] = str(row[1]).strip()
    return facts


def find_header(ws: Any) -> tuple[int, dict[str, int], list[int]]:
    """(header row, our heading -> column index, indexes of other non-empty headings)."""
    known = {L.heading_key(h): h for h in (L.PACE_ID, L.ACTION, *L.RETURN_HEADINGS)}
    identifiers = {L.heading_key(h) for hs in IDENTIFIER_HEADINGS.values() for h in hs}
    for number, row in enumerate(ws.iter_rows(min_row=1, max_row=20, values_only=True), start=1):
        keys = [L.heading_key(v) if isinstance(v, str) else "" for v in row]
        if L.heading_key(L.PACE_ID) in keys:
            columns: dict[str, int] = {}
            others: list[int] = []
            for index, key in enumerate(keys):
                if key in known and known[key] not in columns:
                    columns[known[key]] = index
                elif key and key not in identifiers:
                    others.append(index)
            return number, columns, others
    raise RefusedError(
        "The return has no PACE ID column: send the partner's filled-in request workbook. "
        "Nothing was imported."
    )


def read_rows(wb: Any) -> tuple[list[SheetRow], list[str]]:
    if L.REQUEST_SHEET in wb.sheetnames:
        ws = wb[L.REQUEST_SHEET]
    else:
        ws = wb[wb.sheetnames[0]]
    header, columns, others = find_header(ws)
    present = [h for h in L.RETURN_HEADINGS if h in columns]
    if not present:
        raise RefusedError(
            "The return has none of the columns Outcome, Outcome date, Service, Service status or "
            "Service date: there is nothing to import."
        )
    notes: list[str] = []
    if others:
        from openpyxl.utils import get_column_letter

        letters = ", ".join(get_column_letter(i + 1) for i in others[:10])
        notes.append(
            f"Column{'s' if len(others) > 1 else ''} {letters}{' …' if len(others) > 10 else ''} "
            "not read: only the PACE ID and the return columns are imported."
        )
    rows: list[SheetRow] = []
    blank = 0
    for number, cells in enumerate(ws.iter_rows(min_row=header + 1), start=header + 1):
        if number - header > MAX_ROWS:
            raise RefusedError(
                f"The return has more than {MAX_ROWS:,} rows: that is not a return to one request."
            )
        row = _row(number, cells, columns, present)
        if row is None:
            blank += 1
        else:
            rows.append(row)
    if blank:
        notes.append(f"{blank:,} row{'s' if blank != 1 else ''} with nothing returned skipped.")
    return rows, notes


def _cell(cells: tuple[Any, ...], index: int | None) -> tuple[Any, bool]:
    """(value, is_formula) of one cell; blanks and spaces are None."""
    if index is None or index >= len(cells):
        return None, False
    cell = cells[index]
    value = getattr(cell, "value", None)
    if isinstance(value, str):
        value = " ".join(value.split()) or None
    return value, getattr(cell, "data_type", None) == "f"


def _row(number: int, cells: tuple[Any, ...], columns: dict[str, int], present: list[str]) -> SheetRow | None:
    """One data row, or None when it returns nothing (blank, or a PACE ID with empty return cells)."""
    pace_value, pace_formula = _cell(cells, columns.get(L.PACE_ID))
    values: dict[str, Any] = {}
    problems: list[str] = []
    for heading in present:
        value, formula = _cell(cells, columns[heading])
        if formula:
            problems.append(f"the {heading} cell holds a formula: type the value itself")
            values[heading] = FORMULA
        elif value is not None:
            values[heading] = value
    if not values:
        return None
    if pace_formula:
        problems.append("the PACE ID cell holds a formula: type the PACE ID itself")
    pace_id = None
    if pace_value is None and not pace_formula:
        problems.append("there is no PACE ID, so the row cannot be matched to anyone")
    elif not pace_formula:
        try:
            pace_id = normalise_pace_id(str(pace_value))
        except ValueError:
            problems.append("the PACE ID is not in the form PACE-XXXX-XXXX (it may be mistyped)")
    return SheetRow(number, pace_id, values, problems)
