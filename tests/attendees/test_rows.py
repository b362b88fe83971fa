"""Checking rows: every row with the Client model, problems by row number in plain words, fixes."""

from __future__ import annotations

import csv
from datetime import date

from pace_desktop.attendees.checking import check_row, check_rows
from pace_desktop.attendees.fields import guess_mapping
from pace_desktop.attendees.reading import read_sheet
from pace_desktop.attendees.values import FORMULA_MESSAGE
from pace_desktop.records.models import Client, RecordSource
from tests.attendees.conftest import messy_workbook

TODAY = date(2026, 3, 2)


def _checked(path, event, **kw):
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headings())
    return sheet, mapping, check_rows(sheet, mapping, event, today=TODAY, **kw)


def test_messy_workbook_rows(tmp_path, event):
    _, mapping, rows = _checked(messy_workbook(tmp_path / "staff.xlsx"), event)
    assert mapping == {0: "full_name", 1: "date_of_birth", 2: "postcode", 3: "ni_number"}
    by_row = {r.number: r for r in rows}
    assert sorted(by_row) == [5, 6, 7, 8, 9, 10]

    ewan = by_row[5].client
    assert (ewan.first_name, ewan.last_name, ewan.date_of_birth) == ("Ewan", "MacLeod", date(1975, 11, 3))
    assert (ewan.postcode, ewan.ni_number) == ("G51 4XY", "AB123456C")
    assert ewan.source == RecordSource.attendee_import and ewan.event_id == event.id
    assert by_row[6].client.date_of_birth == date(1980, 5, 2)
    assert (by_row[7].client.first_name, by_row[7].client.date_of_birth) == ("Zofia", date(1974, 11, 3))

    assert not by_row[8].ok
    assert by_row[8].reason() == "Date of birth: Enter a date like 03/11/1975 (day, month, year)."
    assert by_row[9].reason() == "Postcode: Enter a UK postcode like EH1 1AA."
    assert by_row[10].reason() == f"Name: {FORMULA_MESSAGE}"
    assert [r.number for r in rows if r.ok] == [5, 6, 7]


def test_problems_never_quote_the_personal_data(tmp_path, event):
    _, _, rows = _checked(messy_workbook(tmp_path / "staff.xlsx"), event)
    text = " ".join(r.reason() for r in rows)
    for personal in ("31/02/1990", "not a postcode", "HYPERLINK", "Mòrag", "Imran"):
        assert personal not in text


def test_correcting_a_cell_fixes_the_row(tmp_path, event):
    sheet, mapping, rows = _checked(messy_workbook(tmp_path / "staff.xlsx"), event)
    bad = next(r for r in rows if r.number == 8)
    sheet.set_cell(bad.index, 1, "28/02/1990")
    fixed = check_row(sheet, bad.index, mapping, event, today=TODAY)
    assert fixed.ok and fixed.client.date_of_birth == date(1990, 2, 28)


def _csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_separate_name_columns_phone_numbers_and_status(tmp_path, event):
    path = _csv(
        tmp_path / "list.csv",
        [
            ["Title", "Forename", "Surname", "Mobile", "Status", "Length of service", "Notice date"],
            ["Ms", "Agnieszka", "Nowak", "07700 900123", "Under notice", "12.5 years", "2/3/2026"],
            ["", "Callum", "Stewart", "7700900456", "At risk", "3", ""],
            ["", "", "Paterson", "", "", "", ""],
        ],
    )
    _, _, rows = _checked(path, event)
    first, second, third = rows
    assert first.client.phone == "+447700900123"
    assert first.client.employment_status == "under_notice"
    assert first.client.length_of_service_years == 12.5
    assert first.client.notice_date == date(2026, 3, 2)
    assert first.client.title == "Ms"
    assert second.client.phone == "+447700900456"  # "7700900456" typed as a number, zero restored
    assert third.reason() == "First name: Enter the first name."


def test_names_in_one_column_both_ways(tmp_path, event):
    path = _csv(
        tmp_path / "list.csv",
        [
            ["Name", "Date of birth"],
            ["MacLeod, Ewan", "03/11/1975"],
            ["Eilidh Fraser", "14/06/1988"],
            ["Madonna", "16/08/1958"],
            ["", "01/01/1980"],
        ],
    )
    _, _, rows = _checked(path, event)
    assert (rows[0].client.first_name, rows[0].client.last_name) == ("Ewan", "MacLeod")
    assert (rows[1].client.first_name, rows[1].client.last_name) == ("Eilidh", "Fraser")
    assert rows[2].reason() == "Name: Give both the first and the last name."
    assert rows[3].reason() == "Name: Fill in the name."


def test_duplicates_in_the_file_and_at_the_event(tmp_path, event):
    path = _csv(
        tmp_path / "list.csv",
        [
            ["First name", "Last name", "Date of birth", "NI number"],
            ["Ewan", "MacLeod", "03/11/1975", ""],
            ["Ewan", "Macleod", "3 Nov 1975", ""],  # same person, typed differently
            ["Shona", "Campbell", "01/02/1983", "AB123456C"],
            ["Iain", "Henderson", "", "ab 12 34 56 c"],  # same NI number as the row above
            ["Duncan", "Murray", "", "CE123456A"],
        ],
    )
    already = Client(event_id=event.id, first_name="Duncan", last_name="Murray", ni_number="CE123456A")
    _, _, rows = _checked(path, event, existing=[already])
    assert [r.reason() for r in rows] == [
        "",
        "Duplicate: Same person as row 2.",
        "",
        "Duplicate: Same person as row 4.",
        "Duplicate: This person is already registered at this event.",
    ]


def test_unusual_ages_are_a_warning_not_a_refusal(tmp_path, event):
    path = _csv(tmp_path / "list.csv", [["Name", "DOB"], ["Ewan MacLeod", "01/01/1930"]])
    _, _, rows = _checked(path, event)
    assert rows[0].ok
    assert rows[0].warnings == [
        "This date of birth makes the person over 80 at the event: check it, then confirm."
    ]


def test_formula_looking_text_in_a_csv(tmp_path, event):
    path = _csv(
        tmp_path / "list.csv",
        [["First name", "Last name"], ["=1+2", "Stewart"], ["@SUM(A1)", "Fraser"], ["Calum", "-Stewart"]],
    )
    _, _, rows = _checked(path, event)
    assert rows[0].reason() == f"First name: {FORMULA_MESSAGE}"
    assert rows[1].reason() == f"First name: {FORMULA_MESSAGE}"
    assert rows[2].ok  # a leading '-' is a name character here; exports guard it on the way out
