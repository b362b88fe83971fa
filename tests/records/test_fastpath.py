"""The native first checks accept only what the full validation would accept and keep unchanged.

If one of these fails, a record could be stored differently depending on which branch took it: a
name not in NFC form, a time not in UTC, a fingerprint in capitals.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import SchemaValidator

from pace_desktop.records.fastpath import (
    FULL,
    NATIVE,
    NONE,
    PLAIN,
    plain_text,
    sha256_hex,
    utc_datetime,
)
from pace_desktop.records.fields import Text, _sha256, _utc
from pace_desktop.records.models import Client, Consent, field_errors
from pace_desktop.records.validation import already_clean, clean_text


def plain_characters() -> list[str]:
    """Every character the ``PLAIN`` class names, its ranges expanded."""
    out, i = [], 0
    while i < len(PLAIN):
        if i + 2 < len(PLAIN) and PLAIN[i + 1] == "-":
            out += [chr(c) for c in range(ord(PLAIN[i]), ord(PLAIN[i + 2]) + 1)]
            i += 3
        else:
            out.append(PLAIN[i])
            i += 1
    return out


CHARS = plain_characters()


def composing_seconds() -> set[str]:
    """Characters that canonical composition can join to the one before them (Unicode-wide)."""
    seconds = set()
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    return seconds


def test_every_plain_character_is_printable_and_its_own_nfc_form():
    assert len(CHARS) > 1500 and {"A", "é", "Ł", "Ж", "’", "…", "€", "★"} <= set(CHARS)
    for ch in CHARS:
        assert ch.isprintable() and not ch.isspace(), f"U+{ord(ch):04X}"
        assert unicodedata.is_normalized("NFC", ch), f"U+{ord(ch):04X}"
        assert unicodedata.combining(ch) == 0 and not unicodedata.category(ch).startswith("M")


def test_no_plain_character_composes_with_the_one_before_it():
    # With no combining class and no place as a composition's second part, no two plain characters
    # side by side can change under NFC: any text of them is already NFC, whatever its length.
    assert not composing_seconds() & set(CHARS)


def test_the_pattern_is_the_character_class_and_nothing_else():
    native = SchemaValidator(plain_text(10, empty=False))
    assert native.validate_python("Mòrag Ł") == "Mòrag Ł"
    for text in (
        "",
        " x",
        "x ",
        "a  b",
        "tab\there",
        "line\nbreak",
        "\u200bzero",
        "x" * 11,
        "\u00adsoft",
        "e\u0301",
        "Ω\u2126",
    ):
        with pytest.raises(ValidationError):
            native.validate_python(text)
    assert SchemaValidator(plain_text(5, empty=True)).validate_python("") == ""


plain_words = st.lists(st.text(alphabet=st.sampled_from(CHARS), min_size=1, max_size=8), max_size=4).map(
    " ".join
)
noisy = st.text(
    alphabet=st.one_of(
        st.sampled_from(CHARS),
        st.sampled_from(
            [" ", "\n", "\r", "\t", "\u0301", "\u0308", "\u00a0", "\u200b", "\u202e", "\u2126", "\u212b", "ع"]
        ),
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(
    text=st.one_of(plain_words, noisy), max_len=st.integers(min_value=1, max_value=30), empty=st.booleans()
)
def test_text_the_native_check_takes_is_what_clean_text_keeps(text, max_len, empty):
    try:
        taken = SchemaValidator(plain_text(max_len, empty=empty)).validate_python(text)
    except ValidationError:
        return  # the full path decides, as it always did
    assert taken == text
    assert (text == "" and empty) or already_clean(text)
    for multiline in (False, True):
        assert clean_text(text, max_len, multiline=multiline) == text
        assert Text(max_len, multiline=multiline).cleaner()(text) == text


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from(
            [
                UTC,
                timezone(timedelta(0)),
                timezone(timedelta(hours=1)),
                timezone(timedelta(hours=-5, minutes=-30)),
            ]
        ),
    )
)
def test_a_time_the_native_check_takes_is_already_in_utc(moment):
    native = SchemaValidator(utc_datetime())
    text = moment.isoformat()
    try:
        taken = native.validate_json(f'"{text}"')
    except ValidationError:
        assert moment.utcoffset() != timedelta(0)
        return
    assert taken == _utc(moment) and taken.utcoffset() == timedelta(0)
    assert taken.isoformat() == _utc(moment).isoformat()


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="0123456789abcdefABCDEF", min_size=63, max_size=65))
def test_a_fingerprint_the_native_check_takes_is_already_lower_case(text):
    native = SchemaValidator(sha256_hex())
    try:
        taken = native.validate_python(text)
    except ValidationError:
        assert text != text.lower() or len(text) != 64
        return
    assert taken == text == _sha256(text)


def test_records_read_the_same_through_either_branch():
    data = {
        "client_id": "0b6a3e6e-3a3c-4d1e-9d55-6f4f2b1c9a10",
        "purpose": "pace_support",
        "granted": True,
        "notice_version": "2026-1",
        "notice_sha256": "ab" * 32,
        "captured_at": "2026-11-24T09:30:00+01:00",
        "captured_how": "with_adviser",
        "captured_by": "Ailsa  Demo ",
    }
    consent = Consent.model_validate(data)
    assert consent.captured_at.isoformat() == "2026-11-24T08:30:00+00:00"  # converted, full path
    assert consent.captured_by == "Ailsa Demo"  # cleaned, full path
    assert Consent.model_validate({**data, "notice_sha256": "AB" * 32}).notice_sha256 == "ab" * 32
    event = "5d3c8f0e-2b1a-4c6d-8e9f-0a1b2c3d4e5f"
    client = Client(event_id=event, first_name="Mo\u0300rag", last_name="NicLeòid", preferred_name="   ")
    assert client.first_name == "Mòrag" and unicodedata.is_normalized("NFC", client.first_name)
    assert client.preferred_name is None
    assert Client(event_id=event, first_name="عائشہ", last_name="Khan").first_name == "عائشہ"


def test_a_refused_value_gets_the_full_paths_message_at_its_own_field():
    with pytest.raises(ValidationError) as caught:
        Client(
            event_id="5d3c8f0e-2b1a-4c6d-8e9f-0a1b2c3d4e5f",
            first_name="  ",
            last_name="x" * 101,
            notes="fine",
        )
    assert field_errors(caught.value) == {
        "first_name": "Enter the first name.",
        "last_name": "This is too long: keep it to 100 characters or fewer.",
    }
    branches = re.compile("|".join(re.escape(b) for b in (NATIVE, NONE, FULL)))
    assert not any(branches.search(key) for key in field_errors(caught.value))
