"""Messy staff lists, built the way employers' HR systems and people actually make them (fictional people)."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from pace_desktop.records.models import Event, EventType


@pytest.fixture
def event() -> Event:
    return Event(
        employer_name="Clydeside Precision Castings Ltd",
        council_area="S12000049",
        sector="Manufacturing",
        event_date=date(2026, 3, 2),
        event_type=EventType.group_session,
    )


def messy_workbook(path, *, trailing_blank_rows: int = 6):
    """A title merged across the top, a note, a blank row, headings on row 4, dates three ways."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Staff at risk"
    ws["A1"] = "Clydeside Precision Castings - staff at risk of redundancy"
    ws.merge_cells("A1:F1")
    ws["A2"] = "Confidential: HR use only"
    ws.merge_cells("A2:C2")
    ws.append([])
    ws["A4"], ws["B4"], ws["C4"], ws["D4"], ws["E4"], ws["F4"] = (
        "Employee Name",
        "D.O.B.",
        "Post Code",
        "NI No.",
        "Department",
        "Staff no",
    )
    rows = [
        ("MacLeod, Ewan", "03/11/1975", "g51 4xy", "AB 12 34 56 C", "Casting", 101),
        ("Kirsty Robertson", datetime(1980, 5, 2), "EH6 7RT", None, None, 102),
        ("Zofia Wójcik", 27336, "G20 9QQ", None, None, 103),  # serial number = 3 Nov 1974
        ("Mòrag NicDhòmhnaill", "31/02/1990", "PA4 8AB", None, "Finishing", 104),  # no such date
        ("Imran Siddiqui", "12 March 1969", "not a postcode", None, None, 105),
    ]
    for i, row in enumerate(rows, start=5):
        for col, value in enumerate(row, start=1):
            ws.cell(row=i, column=col, value=value)
    ws.merge_cells("E5:E7")  # department merged down three people
    ws.cell(row=10, column=1).value = '=HYPERLINK("http://example.org","Click")'
    ws.cell(row=10, column=1).data_type = "s"  # text that looks like a formula
    ws.cell(row=10, column=2, value="01/01/1990")
    for r in range(11, 11 + trailing_blank_rows):
        ws.cell(row=r, column=1).value = None
        ws.cell(row=r, column=2).number_format = "dd/mm/yyyy"  # formatted but empty, as Excel leaves them
    wb.save(path)
    return path
