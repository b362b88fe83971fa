"""The published JSON Schema: generated from the models, checked in, and describing real records."""

from __future__ import annotations

import json
import re
from datetime import date
from uuid import uuid4

from pace_desktop.records.models import ENTITIES, SCHEMA_VERSION, Client, Event
from pace_desktop.records.schema import generate, render, schema_path, write


def test_checked_in_schema_is_fresh() -> None:
    path = schema_path()
    assert path.name == "sds-pace-v2.schema.json"
    assert path.exists(), "Run `python -m pace_desktop.records.schema` to create the schema file."
    assert json.loads(path.read_text(encoding="utf-8")) == generate(), (
        "resources/schema/sds-pace-v2.schema.json is out of date with the models: "
        "run `python -m pace_desktop.records.schema` and commit the result."
    )
    assert path.read_text(encoding="utf-8") == render()


def test_schema_names_every_entity() -> None:
    schema = generate()
    assert schema["x-schema-version"] == SCHEMA_VERSION
    assert set(schema["x-entities"]) == set(ENTITIES)
    for name, ref in schema["x-entities"].items():
        definition = schema["$defs"][ref.rsplit("/", 1)[1]]
        assert definition["additionalProperties"] is False
        assert set(definition["required"]) == set(ENTITIES[name].model_fields)


def test_schema_patterns_match_stored_values() -> None:
    client = Client(
        event_id=uuid4(),
        first_name="Zofia",
        last_name="Wójcik-Łukasiewicz",
        postcode="g21du",
        phone="0131 496 0000",
        ni_number="ce 65 43 21 d",
    )
    props = generate()["$defs"]["Client"]["properties"]
    stored = json.loads(client.model_dump_json())
    assert re.fullmatch(props["pace_id"]["pattern"].strip("^$"), stored["pace_id"])
    for field in ("postcode", "phone", "ni_number"):
        pattern = props[field]["anyOf"][0]["pattern"]
        assert re.search(pattern, stored[field]), field


def test_write_produces_the_same_text(tmp_path) -> None:
    out = write(tmp_path / "schema.json")
    assert out.read_text(encoding="utf-8") == render()


def test_event_dates_are_plain_dates_in_the_schema() -> None:
    props = generate()["$defs"]["Event"]["properties"]
    assert props["event_date"] == {"format": "date", "title": "Event Date", "type": "string"}
    e = Event(
        employer_name="Caledonian Widgets Ltd",
        council_area="S12000036",
        sector="Manufacturing",
        event_date=date(2026, 3, 2),
        event_type="drop_in",
    )
    assert json.loads(e.model_dump_json())["event_date"] == "2026-03-02"
