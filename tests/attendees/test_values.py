"""Turning cells into values: dates in many forms, names in one column, headings into fields."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pace_desktop.attendees.fields import guess_field, guess_mapping, mapping_problems
from pace_desktop.attendees.values import DATE_MESSAGE, month_first_column, parse_date, split_name

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("03/11/1975", date(1975, 11, 3)),  # UK: day first
        ("3/11/75", date(1975, 11, 3)),
        ("03-11-1975", date(1975, 11, 3)),
        ("03.11.1975", date(1975, 11, 3)),
        ("1975-11-03", date(1975, 11, 3)),  # ISO
        ("3 Nov 1975", date(1975, 11, 3)),
        ("3rd November 1975", date(1975, 11, 3)),
        ("03-Nov-75", date(1975, 11, 3)),
        ("November 3, 1975", date(1975, 11, 3)),
        ("03/11/1975 00:00:00", date(1975, 11, 3)),
        ("1975-11-03T00:00:00", date(1975, 11, 3)),
        ("  03/11/1975  ", date(1975, 11, 3)),
        (27336, date(1974, 11, 3)),  # Excel serial number
        (27336.0, date(1974, 11, 3)),
        ("27336", date(1974, 11, 3)),  # a serial that lost its format in a CSV
        (datetime(1975, 11, 3, 0, 0), date(1975, 11, 3)),
        (date(1975, 11, 3), date(1975, 11, 3)),
        ("", None),
        (None, None),
    ],
)
def test_dates(value, expected):
    assert parse_date(value, past=True, today=TODAY) == expected


@pytest.mark.parametrize(
    "value", ["31/02/1990", "yesterday", "13/13/1990", "1975", True, -4, "3 Smarch 1975"]
)
def test_bad_dates_say_how_to_write_one(value):
    with pytest.raises(ValueError, match="03/11/1975"):
        parse_date(value, today=TODAY)


def test_two_digit_birth_years_are_never_in_the_future():
    assert parse_date("01/01/30", past=True, today=TODAY) == date(1930, 1, 1)
    assert parse_date("01/01/05", past=True, today=TODAY) == date(2005, 1, 1)
    assert parse_date("01/01/30", past=False, today=TODAY) == date(2030, 1, 1)


def test_an_american_column_is_read_month_first():
    column = ["11/23/1975", "03/11/1975", None]
    assert month_first_column(column)
    assert parse_date("03/11/1975", month_first=True) == date(1975, 3, 11)
    assert not month_first_column(["23/11/1975", "03/11/1975"])
    assert not month_first_column(["03/11/1975"])  # ambiguous stays UK


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True)))
def test_any_cell_gives_a_date_none_or_the_plain_message(value):
    try:
        result = parse_date(value)
    except ValueError as err:
        assert str(err) == DATE_MESSAGE
    else:
        assert result is None or isinstance(result, date)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("MacLeod, Ewan", (None, "Ewan", "MacLeod")),
        ("Ewan MacLeod", (None, "Ewan", "MacLeod")),
        ("  Ewan   MacLeod ", (None, "Ewan", "MacLeod")),
        ("Mr Ewan MacLeod", ("Mr", "Ewan", "MacLeod")),
        ("MacLeod, Mrs. Shona", ("Mrs.", "Shona", "MacLeod")),
        ("MACLEOD Ewan", (None, "Ewan", "MACLEOD")),
        ("Ewan Iain MacLeod", (None, "Ewan Iain", "MacLeod")),
        ("Anna van der Berg", (None, "Anna", "van der Berg")),
        ("Mòrag NicDhòmhnaill", (None, "Mòrag", "NicDhòmhnaill")),
        ("Ayesha bin Malik", (None, "Ayesha", "bin Malik")),
        ("Ewan", (None, "Ewan", "")),
    ],
)
def test_names_in_one_column(text, expected):
    assert split_name(text) == expected


@pytest.mark.parametrize(
    "heading,field",
    [
        ("Employee Name", "full_name"),
        ("Name", "full_name"),
        ("Forename", "first_name"),
        ("SURNAME", "last_name"),
        ("D.O.B.", "date_of_birth"),
        ("Date of Birth (dd/mm/yyyy)", "date_of_birth"),
        ("Post Code", "postcode"),
        ("NI No.", "ni_number"),
        ("National Insurance Number", "ni_number"),
        ("E-mail address", "email"),
        ("Mobile No", "phone"),
        ("Job Title", "job_title"),
        ("Last working day", "expected_leaving_date"),
        ("Address Line 2", "address"),
        ("Length of service (yrs)", "length_of_service_years"),
        ("Staff no", None),
        ("Line manager name", None),
        ("Department", None),
        ("", None),
    ],
)
def test_heading_guesses(heading, field):
    assert guess_field(heading) == field


def test_mapping_guess_and_its_problems():
    mapping = guess_mapping(["Forename", "Surname", "Name", "Address 1", "Address 2", "Postcode"])
    assert mapping == {0: "first_name", 1: "last_name", 3: "address", 4: "address", 5: "postcode"}
    assert mapping_problems(mapping) == []
    assert mapping_problems({0: "postcode"}) == [
        "Choose the column with the full name, or the columns with first and last names."
    ]
    assert mapping_problems({0: "full_name", 1: "postcode", 2: "postcode"}) == [
        "Two columns are set to 'Postcode': choose one of them."
    ]
