"""Phone numbers through libphonenumber (``phonenumbers``): what it catches that the hand-written rules
did not, and records saved earlier still read back."""

from __future__ import annotations

import json
import random

import pytest
from pydantic import ValidationError

from pace_desktop.demo import _drama_phone
from pace_desktop.records.models import STORED_CONTEXT, Client
from pace_desktop.records.validation import PHONE_MESSAGE, normalise_phone


@pytest.mark.parametrize("typed", [
    "01000 000000",  # no UK area code begins 010: ten digits after the 0 passed the length rule
    "+44 1000 000000",
    "02 1234 5678",  # 02 numbers are 020, 023, 024, 028, 029 …: 021 is not in use
    "07700 900123 4",
])
def test_numbers_outside_the_numbering_plan_are_refused(typed):
    with pytest.raises(ValueError) as refused:
        normalise_phone(typed)
    assert str(refused.value) == PHONE_MESSAGE


def test_drama_numbers_of_fictional_people_are_accepted():
    assert normalise_phone("07700 900000") == "+447700900000"
    assert normalise_phone("+44 7700 900999") == "+447700900999"
    rng = random.Random(3)
    assert all(normalise_phone(_drama_phone(rng)).startswith("+447700900") for _ in range(200))


def _client_json(**changes) -> str:
    from datetime import date
    from uuid import uuid4

    from pace_desktop.records.pace_id import new_pace_id

    client = Client(event_id=uuid4(), pace_id=new_pace_id(), first_name="Morag", last_name="Test",
                    date_of_birth=date(1980, 1, 2))
    data = json.loads(client.model_dump_json())
    data.update(changes)
    return json.dumps(data)


def test_a_saved_number_reads_back_even_if_the_plan_changed_since():
    saved = _client_json(phone="+441000000000")
    assert Client.model_validate_json(saved, context=STORED_CONTEXT).phone == "+441000000000"
    with pytest.raises(ValidationError) as typed:  # typed in now, the same number is refused
        Client.model_validate_json(saved)
    assert "phone" in str(typed.value)


def test_stored_values_of_the_wrong_shape_still_go_through_the_full_check():
    client = Client.model_validate_json(_client_json(phone="07700 900123"), context=STORED_CONTEXT)
    assert client.phone == "+447700900123"
    with pytest.raises(ValidationError):
        Client.model_validate_json(_client_json(phone="12345"), context=STORED_CONTEXT)
