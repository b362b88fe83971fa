"""A date of birth typed the ways people type it (GOV.UK: accept what people enter)."""

from datetime import date

import pytest

from pace_desktop.attendees.values import DATE_MESSAGE, parse_date


@pytest.mark.parametrize("typed", ["12031968", "12/03/1968", "12 3 1968", "12-3-1968", " 12.03.1968 "])
def test_the_usual_ways_of_typing_a_birth_date_all_read_as_12_march_1968(typed):
    assert parse_date(typed, past=True) == date(1968, 3, 12)


@pytest.mark.parametrize("typed", ["31021968", "1203196", "twelfth"])
def test_a_date_that_cannot_be_read_gets_the_one_plain_message(typed):
    with pytest.raises(ValueError, match="day, month, year"):
        parse_date(typed, past=True)
    assert "03/11/1975" in DATE_MESSAGE
