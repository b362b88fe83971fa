"""New record ids are UUIDv7 (RFC 9562): time first, so one save's ids sit together in the indexes."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from pace_desktop.records.ids import uuid7
from pace_desktop.records.models import Client, Consent

SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "schema" / "sds-pace-v2.schema.json"


def test_layout_is_rfc_9562_version_7() -> None:
    ms = 0x0192_3456_789A
    for _ in range(200):
        u = uuid7(ms)
        assert u.version == 7
        assert u.variant == uuid.RFC_4122
        assert u.int >> 80 == ms  # the leading 48 bits are the Unix time in milliseconds
        assert str(u).startswith("01923456-789a-7")


def test_random_bits_differ_and_later_ids_sort_after_earlier_ones() -> None:
    ids = [uuid7(1_800_000_000_000) for _ in range(1000)]
    assert len(set(ids)) == 1000
    assert str(uuid7(1_800_000_000_001)) > max(str(i) for i in ids)  # text order is time order
    assert uuid7().int >> 80 > 1_800_000_000_000 - 10**11  # made from the clock, not zero


def test_new_records_get_version_7_ids_and_stored_version_4_ids_still_load() -> None:
    client = Client(event_id=uuid.uuid4(), first_name="Catriona", last_name="MacLeod")
    assert client.id.version == 7
    old = client.model_copy(update={"id": uuid.uuid4()})
    again = Client.model_validate_json(old.model_dump_json())
    assert again.id == old.id and again.id.version == 4


def test_published_schema_asks_for_a_uuid_of_any_version() -> None:
    schema = json.loads(SCHEMA.read_text())
    text = json.dumps(schema)
    assert '"format": "uuid"' in text
    ids = [
        (name, prop)
        for definition in schema["$defs"].values()
        for name, prop in definition.get("properties", {}).items()
        if prop.get("format") == "uuid"
    ]
    assert len(ids) >= 10
    for name, prop in ids:
        assert "pattern" not in prop, name  # no version digit demanded
    assert Consent.model_json_schema()["properties"]["id"]["format"] == "uuid"
