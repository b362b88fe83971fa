"""Counts read as English: no "1 clients" anywhere a count is shown."""

from pace_desktop.plurals import count, noun


def test_one_is_singular_and_every_other_number_plural():
    assert count(1, "client") == "1 client"
    assert count(0, "client") == "0 clients"
    assert count(1472, "record") == "1,472 records"
    assert count(242, "person") == "242 people"
    assert count(1, "person") == "1 person"
    assert noun(2, "needs review") == "need review"
