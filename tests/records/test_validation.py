"""Field rules: what each accepts, how it normalises, and the plain message it gives otherwise."""

from __future__ import annotations

import string
from datetime import date

import pytest

from pace_desktop.records.validation import (
    NI_MESSAGE,
    POSTCODE_MESSAGE,
    age_on,
    clean_text,
    dob_warning,
    normalise_email,
    normalise_ni,
    normalise_phone,
    normalise_postcode,
    postcode_district,
    validate_date_of_birth,
)

# -- National Insurance numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("AB123456C", "AB123456C"),
        ("ab 12 34 56 c", "AB123456C"),
        ("  Ce 65 43 21 d ", "CE654321D"),
        ("JG103759A", "JG103759A"),
        ("hn 00 00 00 b", "HN000000B"),
        ("TW\t99 88 77 A", "TW998877A"),
        ("OA123456B", "OA123456B"),  # O is allowed first, only forbidden second
    ],
)
def test_ni_numbers_are_normalised(typed: str, stored: str) -> None:
    assert normalise_ni(typed) == stored


@pytest.mark.parametrize("letter", list("DFIQUV"))
def test_ni_forbidden_letter_refused_in_either_position(letter: str) -> None:
    for prefix in (f"{letter}A", f"A{letter}"):
        with pytest.raises(ValueError, match="^Enter a National Insurance number like"):
            normalise_ni(f"{prefix}123456C")


def test_ni_second_letter_o_refused() -> None:
    with pytest.raises(ValueError):
        normalise_ni("AO123456C")


@pytest.mark.parametrize("prefix", ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"])
def test_ni_never_issued_prefixes_refused(prefix: str) -> None:
    with pytest.raises(ValueError):
        normalise_ni(f"{prefix}123456A")


def test_ni_every_allowed_prefix_is_accepted() -> None:
    allowed = set(string.ascii_uppercase) - set("DFIQUV")
    never = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
    for first in allowed:
        for second in allowed - {"O"}:
            if first + second not in never:
                assert normalise_ni(f"{first}{second}123456D") == f"{first}{second}123456D"


@pytest.mark.parametrize("suffix", ["E", "F", "Z", "1", ""])
def test_ni_suffix_outside_a_to_d_refused(suffix: str) -> None:
    with pytest.raises(ValueError):
        normalise_ni(f"AB123456{suffix}")


@pytest.mark.parametrize("typed", ["AB12345C", "AB1234567C", "A1123456C", "AB12-34-56C", "", "   "])
def test_ni_wrong_shape_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        normalise_ni(typed)


def test_ni_message_does_not_echo_the_value() -> None:
    with pytest.raises(ValueError) as info:
        normalise_ni("XY 98 76 54 E")
    assert str(info.value) == NI_MESSAGE
    assert "98" not in str(info.value)


# -- Postcodes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("eh11aa", "EH1 1AA"),
        ("EH1 1AA", "EH1 1AA"),
        ("  eh1   1aa ", "EH1 1AA"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("sw1a1aa", "SW1A 1AA"),
        ("G2 1DU", "G2 1DU"),
        ("g21du", "G2 1DU"),
        ("M1 1AE", "M1 1AE"),
        ("B33 8TH", "B33 8TH"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("W1A 0AX", "W1A 0AX"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("ab10 1xg", "AB10 1XG"),
        ("KW15 1AA", "KW15 1AA"),
        ("HS1 2AA", "HS1 2AA"),
        ("ZE1 0AA", "ZE1 0AA"),
        ("gir 0aa", "GIR 0AA"),
        ("GIR0AA", "GIR 0AA"),
    ],
)
def test_postcodes_are_normalised(typed: str, stored: str) -> None:
    assert normalise_postcode(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "EH1",
        "EH11",
        "1AA",
        "EH1 1A",
        "EH1 AAA",
        "EH1 11A",
        "EHH1 1AA",
        "EH123 1AA",
        "QH1 1AA",  # Q never first
        "EJ1 1AA",  # J never second
        "EH1 1CA",  # C never in the inward part
        "EH1 1AO",  # nor O
        "E1L 1AA",  # L not allowed third in A9A
        "EH1C 1AA",  # C not allowed fourth in AA9A
        "EH1-1AA",
        "EH1 1AA!",
        "ЕН1 1АА",  # the last in Cyrillic look-alikes
        "GIR 0AB",
    ],
)
def test_invalid_postcodes_refused(typed: str) -> None:
    with pytest.raises(ValueError) as info:
        normalise_postcode(typed)
    assert str(info.value) == POSTCODE_MESSAGE


@pytest.mark.parametrize(
    ("typed", "district"),
    [("eh11aa", "EH1"), ("SW1A 1AA", "SW1A"), ("AB10 1XG", "AB10"), ("G2 1DU", "G2")],
)
def test_postcode_district(typed: str, district: str) -> None:
    assert postcode_district(typed) == district


# -- Phone numbers -------------------------------------------------------------------------------
# Ofcom reserves 07700 900000-900999 and 0131 496 0000-0999 for drama: no real person has them.


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("07700 900123", "+447700900123"),
        ("07700900123", "+447700900123"),
        ("+44 7700 900123", "+447700900123"),
        ("+44 (0)7700-900123", "+447700900123"),
        ("0044 7700 900 123", "+447700900123"),
        ("(0131) 496 0000", "+441314960000"),
        ("0131-496-0999", "+441314960999"),
        ("+441314960500", "+441314960500"),
        ("0800 123 456", "+44800123456"),  # a 10-digit national number
        ("016977 3999", "+44169773999"),
        ("020 7946 0000", "+442079460000"),
    ],
)
def test_uk_phone_numbers_stored_in_e164(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "123",
        "7700 900123",  # no leading 0 or +44
        "077009001234",  # 12 digits
        "0770090012",  # a mobile needs 11 digits with the 0
        "020 7946 000",  # London numbers too
        "+48 512 345 678",  # not a UK number
        "+44 4700 900123",  # 04 is not allocated
        "0600 900 1234",  # nor 06
        "00 7700 900123",
        "07700 9OO123",  # letters O for zeros
        "07700 900123 ext 4",
        "07700.900123",
    ],
)
def test_implausible_phone_numbers_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="^Enter a UK phone number like"):
        normalise_phone(typed)


# -- Email ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("morag@example.com", "morag@example.com"),
        (" Morag.NicDhomhnaill@Example.ORG ", "Morag.NicDhomhnaill@example.org"),
        ("zofia+pace@mail.example.co.uk", "zofia+pace@mail.example.co.uk"),
        ("aisha_k@sub-domain.example.scot", "aisha_k@sub-domain.example.scot"),
        ("o'neill@example.ie", "o'neill@example.ie"),
        ("zofia@przykład.example.pl", "zofia@przykład.example.pl"),
    ],
)
def test_plausible_emails_accepted(typed: str, stored: str) -> None:
    assert normalise_email(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "morag",
        "morag@",
        "@example.com",
        "morag@example",
        "morag@@example.com",
        "mo rag@example.com",
        "morag@exa mple.com",
        ".morag@example.com",
        "morag.@example.com",
        "mo..rag@example.com",
        "morag@-example.com",
        "morag@example-.com",
        "morag@example.c",
        "morag@example.123",
        "morag@example..com",
        "a" * 65 + "@example.com",
        "morag@" + "a" * 250 + ".com",
        "morag@exam_ple.com",
    ],
)
def test_implausible_emails_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="^Enter an email address like name@example.com.$"):
        normalise_email(typed)


# -- Free text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Mòrag NicDhòmhnaill",
        "Zofia Wójcik-Łukasiewicz",
        "عائشہ",
        "Seán Ó Briain",
        "Ngozi Adébáyọ̀",
        "Ådne Øvergård",
        "Þórunn",
        "Nguyễn Thị Hoa",
        "李小龍",
        "Dafydd ap Gruffudd",
    ],
)
def test_names_in_any_script_accepted(name: str) -> None:
    assert clean_text(f"  {name}  ", 100) == name


def test_urdu_joiners_and_direction_marks_kept() -> None:
    assert clean_text("ناصر\u200cعلی", 50) == "ناصر\u200cعلی"
    assert clean_text("عائشہ\u200f Khan", 50) == "عائشہ\u200f Khan"


def test_text_trimmed_and_whitespace_collapsed() -> None:
    assert clean_text("  Caledonian \t\n Widgets\u00a0 Ltd  ", 100) == "Caledonian Widgets Ltd"


def test_text_normalised_to_nfc() -> None:
    decomposed = "Mo\u0300rag"
    assert clean_text(decomposed, 20) == "M\u00f2rag"


def test_multiline_keeps_line_breaks_but_not_runs_of_blank_lines() -> None:
    typed = "  12 High Street \r\n  Leith \n\n\n\nEdinburgh  "
    assert clean_text(typed, 200, multiline=True) == "12 High Street\nLeith\n\nEdinburgh"


@pytest.mark.parametrize(
    "bad",
    ["\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\x1f", "\x0b", "\ud800", "\u202e", "\u2066"],
)
def test_control_characters_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="^Remove the hidden control characters from this text.$"):
        clean_text(f"Zofia{bad}Wójcik", 100)
    with pytest.raises(ValueError):
        clean_text(f"note{bad}", 100, multiline=True)


def test_length_cap_applies_after_cleaning() -> None:
    assert clean_text("  " + "a" * 10 + "   ", 10) == "a" * 10
    assert clean_text("a    b", 3) == "a b"
    with pytest.raises(ValueError, match="^This is too long: keep it to 10 characters or fewer.$"):
        clean_text("a" * 11, 10)


def test_empty_text_is_allowed_by_clean_text() -> None:
    assert clean_text("   ", 10) == ""


# -- Dates of birth ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dob", "on", "age"),
    [
        (date(1980, 6, 15), date(2026, 6, 14), 45),
        (date(1980, 6, 15), date(2026, 6, 15), 46),
        (date(2000, 2, 29), date(2026, 2, 28), 25),  # a leapling's birthday is 1 March in UK law
        (date(2000, 2, 29), date(2026, 3, 1), 26),
        (date(2000, 2, 29), date(2028, 2, 29), 28),
        (date(2026, 1, 1), date(2026, 1, 1), 0),
    ],
)
def test_age_on(dob: date, on: date, age: int) -> None:
    assert age_on(dob, on) == age


def test_date_of_birth_rule() -> None:
    today = date(2026, 3, 2)
    assert validate_date_of_birth(date(1970, 1, 1), today) == date(1970, 1, 1)
    assert validate_date_of_birth(today, today) == today
    assert validate_date_of_birth(date(1906, 3, 3), today) == date(1906, 3, 3)  # 119
    with pytest.raises(ValueError, match="in the future"):
        validate_date_of_birth(date(2026, 3, 3), today)
    with pytest.raises(ValueError, match="120 or older"):
        validate_date_of_birth(date(1906, 3, 2), today)


def test_dob_warning_asks_to_confirm_unusual_ages_only() -> None:
    event = date(2026, 3, 2)
    assert dob_warning(date(2010, 3, 2), event) is None  # exactly 16
    assert dob_warning(date(1945, 3, 3), event) is None  # 80
    under = dob_warning(date(2010, 3, 3), event)
    over = dob_warning(date(1945, 3, 2), event)  # 81
    ending = "at the event: check it, then confirm."
    assert under == f"This date of birth makes the person under 16 {ending}"
    assert over == f"This date of birth makes the person over 80 {ending}"
