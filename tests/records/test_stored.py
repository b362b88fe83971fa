"""StoredReader types a stored client exactly as full validation does, and refuses what it refuses."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest
from pydantic import ValidationError

from pace_desktop.demo import make_client, make_event
from pace_desktop.records.models import STORED_CONTEXT, Client, Consent, field_errors
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.records.stored import StoredReader

READER = StoredReader(Client)


def fictional_clients(n: int) -> list[Client]:
    rng = random.Random(11)
    event = make_event(rng, date(2026, 11, 20))
    out = [make_client(rng, event, new_pace_id()) for _ in range(n)]
    # Scripts the native text check does not cover, a multi-line address, every optional left empty.
    out.append(
        out[0].model_copy(
            update={"first_name": "Ayesha", "last_name": "صدیقی", "address": "1 Main St\nPaisley"}
        )
    )
    bare = Client(event_id=event.id, first_name="Mòrag", last_name="NicDhòmhnaill")
    out.append(Client.model_validate_json(bare.model_dump_json(), context=STORED_CONTEXT))
    return out


def test_every_field_has_the_same_value_and_type_both_ways() -> None:
    clients = fictional_clients(300)
    assert any(c.date_of_birth for c in clients) and any(c.services_wanted for c in clients)
    for client in clients:
        data = client.model_dump_json()
        full = Client.model_validate_json(data, context=STORED_CONTEXT)
        fast = READER.read(data)
        assert type(fast) is Client
        assert fast == full
        assert fast.model_fields_set == full.model_fields_set
        for name in Client.model_fields:
            a, b = getattr(full, name), getattr(fast, name)
            assert type(a) is type(b), name
            assert repr(a) == repr(b), name  # same tzinfo, same enum member, same list items
        assert fast.model_dump_json() == data


def test_a_client_read_back_is_still_checked_when_changed() -> None:
    client = READER.read(fictional_clients(1)[0].model_dump_json())
    with pytest.raises(ValidationError):
        client.first_name = ""
    client.first_name = "Catriona"
    assert client.first_name == "Catriona"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("event_id", "not-an-id", "This is not a valid record identifier."),
        ("date_of_birth", "31/02/1980", None),
        ("pace_flag", "perhaps", None),
        ("surprise", 1, None),
    ],
)
def test_a_row_that_cannot_be_read_fails_as_full_validation_does(field, value, message) -> None:
    data = json.loads(fictional_clients(1)[0].model_dump_json())
    data[field] = value
    text = json.dumps(data)
    with pytest.raises(ValidationError) as full:
        Client.model_validate_json(text, context=STORED_CONTEXT)
    with pytest.raises(ValidationError) as fast:
        READER.read(text)
    assert field_errors(fast.value) == field_errors(full.value)
    assert field in field_errors(fast.value)
    if message:
        assert field_errors(fast.value)[field] == message
    assert "not-an-id" not in str(fast.value) and "perhaps" not in str(fast.value)  # no input echoed


def test_models_with_model_level_checks_are_refused() -> None:
    with pytest.raises(TypeError):
        StoredReader(Consent)


def test_a_time_stored_at_another_offset_is_converted_as_full_validation_does() -> None:
    data = json.loads(fictional_clients(1)[0].model_dump_json())
    data["created_at"] = "2026-11-20T10:15:00+01:00"
    text = json.dumps(data)
    fast, full = READER.read(text), Client.model_validate_json(text, context=STORED_CONTEXT)
    assert fast.created_at == full.created_at
    assert repr(fast.created_at) == repr(full.created_at)
    assert fast.created_at.utcoffset().total_seconds() == 0
