"""Phone numbers through libphonenumber (``phonenumbers``), e-mail through ``email-validator``: what
they catch that the hand-written rules did not, and records saved earlier still read back."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest
from pydantic import ValidationError

from pace_desktop.demo import _drama_phone, make_client, make_event
from pace_desktop.records.models import STORED_CONTEXT, Client
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.records.validation import EMAIL_MESSAGE, PHONE_MESSAGE, normalise_email, normalise_phone


@pytest.mark.parametrize(
    "typed",
    [
        "01000 000000",  # no UK area code begins 010: ten digits after the 0 passed the length rule
        "+44 1000 000000",
        "02 1234 5678",  # 02 numbers are 020, 023, 024, 028, 029 …: 021 is not in use
        "07700 900123 4",
    ],
)
def test_numbers_outside_the_numbering_plan_are_refused(typed):
    with pytest.raises(ValueError) as refused:
        normalise_phone(typed)
    assert str(refused.value) == PHONE_MESSAGE


def test_drama_numbers_of_fictional_people_are_accepted():
    assert normalise_phone("07700 900000") == "+447700900000"
    assert normalise_phone("+44 7700 900999") == "+447700900999"
    rng = random.Random(3)
    assert all(normalise_phone(_drama_phone(rng)).startswith("+447700900") for _ in range(200))


@pytest.mark.parametrize(
    "typed",
    [
        "mo\u200brag@example.com",  # an invisible zero-width space in the local part
        "morag@example.com\u200b",
        "morag@exa\u00admple.com",  # a soft hyphen in the domain
    ],
)
def test_invisible_characters_in_an_address_are_refused(typed):
    with pytest.raises(ValueError) as refused:
        normalise_email(typed)
    assert str(refused.value) == EMAIL_MESSAGE


def test_an_address_typed_two_ways_is_stored_one_way():
    composed = normalise_email("zofia.w\u00f3jcik@example.pl")
    decomposed = normalise_email("zofia.wo\u0301jcik@example.pl")
    assert composed == decomposed == "zofia.w\u00f3jcik@example.pl"


def _client_json(**changes) -> str:
    from datetime import date
    from uuid import uuid4

    from pace_desktop.records.pace_id import new_pace_id

    client = Client(
        event_id=uuid4(),
        pace_id=new_pace_id(),
        first_name="Morag",
        last_name="Test",
        date_of_birth=date(1980, 1, 2),
    )
    data = json.loads(client.model_dump_json())
    data.update(changes)
    return json.dumps(data)


def test_a_saved_number_reads_back_even_if_the_plan_changed_since():
    saved = _client_json(phone="+441000000000", email="morag@example.org")
    assert Client.model_validate_json(saved, context=STORED_CONTEXT).phone == "+441000000000"
    with pytest.raises(ValidationError) as typed:  # typed in now, the same number is refused
        Client.model_validate_json(saved)
    assert "phone" in str(typed.value)


def test_stored_values_of_the_wrong_shape_still_go_through_the_full_check():
    for changes in ({"phone": "07700 900123"}, {"email": "Morag@Example.ORG"}):
        client = Client.model_validate_json(_client_json(**changes), context=STORED_CONTEXT)
        assert client.phone in (None, "+447700900123") and client.email in (None, "Morag@example.org")
    with pytest.raises(ValidationError):
        Client.model_validate_json(_client_json(phone="12345"), context=STORED_CONTEXT)


def test_demo_people_hold_the_numbers_and_addresses_typed_entry_would_store():
    """Demo seeding writes phone and e-mail in their stored shape and validates as the store reads,
    skipping the libraries: each value must be exactly what the typed path normalises it to."""
    rng = random.Random(7)
    event = make_event(rng, date(2026, 3, 2))
    clients = [make_client(rng, event, new_pace_id()) for _ in range(400)]
    phones = [c.phone for c in clients if c.phone is not None]
    emails = [c.email for c in clients if c.email is not None]
    assert len(phones) > 250 and len(emails) > 150
    assert all(normalise_phone(p) == p and p.startswith("+447700900") for p in phones)
    assert all(normalise_email(e) == e for e in emails)
    # The whole record validated as typed (no context: every library runs) is the same record.
    assert all(Client.model_validate(c.model_dump()) == c for c in clients)
