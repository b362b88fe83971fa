"""Bundle records are parsed exactly as the published JSON Schema states them.

Every schema-invalid variant of one valid record of each kind — each field missing, each field of
each wrong JSON type, strings and lists one past their cap, numbers past their bounds, values not in
their enum or pattern, unknown fields, in nested parts too — is generated from the schema itself and
fed to both the published schema (``jsonschema``) and the importer's parser
(``bundle.parse_line``): both must refuse it. Then, black-box, each one travels in a real signed
bundle and is refused by name with the central store untouched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from jsonschema import Draft202012Validator

from pace_desktop.exchange import bundle
from pace_desktop.exchange.bundle import TOMBSTONE_ENTITY, Refusal, parse_line
from pace_desktop.office.central import office_recipients
from pace_desktop.office.importer import import_bundle
from pace_desktop.privacy_notice import current_notice
from pace_desktop.records.models import (
    ChecklistOverride,
    ChecklistRecord,
    Client,
    Consent,
    Event,
    Feedback,
    Intervention,
    Outcome,
    Tombstone,
)
from pace_desktop.records.schema import schema_path
from tests.exchange.conftest import forge

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]
REFS = {**SCHEMA["x-entities"], TOMBSTONE_ENTITY: SCHEMA["x-erasures"]}
ENTITY_ORDER = (
    "event",
    "client",
    "consent",
    "checklist",
    "intervention",
    "outcome",
    "feedback",
    TOMBSTONE_ENTITY,
)


def validator(entity: str) -> Draft202012Validator:
    return Draft202012Validator({"$defs": DEFS, "$ref": REFS[entity]})


VALIDATORS = {entity: validator(entity) for entity in ENTITY_ORDER}


def base_records(device_id: str) -> dict[str, dict[str, Any]]:
    """One valid record of each kind, every optional field filled, as a laptop writes them."""
    t0 = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    stamp = {"device_id": device_id, "updated_by": "Ailsa Demo", "created_at": t0, "updated_at": t0}
    later = stamp | {"created_at": t0 + timedelta(hours=1), "updated_at": t0 + timedelta(hours=1)}
    event = Event(
        employer_name="Clydeside Demo Castings",
        site_address="1 Shore Road\nGovan",
        site_postcode="G51 1AA",
        council_area="S12000049",
        sector="Manufacturing",
        event_date=date(2026, 11, 20),
        event_type="group_session",
        hr1_reference="HR1-12345",
        number_affected=120,
        **stamp,
    )
    client = Client(
        event_id=event.id,
        title="Ms",
        first_name="Mòrag",
        last_name="Demo",
        preferred_name="Mo",
        date_of_birth=date(1980, 5, 6),
        gender="Woman",
        address="2 Mill Lane\nGovan",
        postcode="G51 2BB",
        phone="07700 900123",
        email="mo.demo@example.org",
        ni_number="JG 10 20 30 C",
        disability="no",
        employment_status="under_notice",
        job_title="Machine operator",
        length_of_service_years=6.5,
        notice_date=date(2026, 11, 1),
        expected_leaving_date=date(2026, 12, 20),
        pace_criteria="Redundancy notice",
        pace_flag=True,
        services_wanted=["money", "pensions"],
        source="adviser",
        needs_review=False,
        notes="Wants forklift training.",
        **stamp,
    )
    notice = current_notice()
    consent = Consent(
        client_id=client.id,
        purpose="share_DWP",
        granted=True,
        notice_version=notice.version,
        notice_sha256=notice.sha256,
        captured_at=t0,
        captured_how="with_adviser",
        captured_by="Ailsa Demo",
        **stamp,
    )
    checklist = ChecklistRecord(
        client_id=client.id,
        checklist_version="ltu-1",
        answers={"q1_qualification": "scqf_5"},
        score=3,
        band="low",
        explanation=["No qualifications beyond SCQF 5 (+3)"],
        unanswered=["q10_parent_in_work"],
        area_as_of=2024,
        council_area="S12000049",
        override=ChecklistOverride(band="high", reason="Caring for a parent", adviser="Ailsa Demo", at=t0),
        **stamp,
    )
    intervention = Intervention(
        client_id=client.id,
        service="employability_advice",
        partner="DWP",
        date=date(2026, 11, 21),
        status="referred",
        minutes=30,
        note="Referred to a work coach.",
        source="adviser",
        **later,
    )
    outcome = Outcome(
        client_id=client.id,
        date=date(2027, 2, 1),
        status="in_work",
        source="adviser",
        note="Started a new job.",
        **later,
    )
    feedback = Feedback(client_id=client.id, rating=4, comment="Helpful.", **later)
    tomb = Tombstone(id=uuid4(), pace_id="PACE-7K3Q-9MXY", erased_at=t0, reason="the person asked")
    records = (event, client, consent, checklist, intervention, outcome, feedback, tomb)
    return {e: json.loads(r.model_dump_json()) for e, r in zip(ENTITY_ORDER, records, strict=True)}


# -- the variants, from the schema -------------------------------------------------------------------

WRONG_TYPES: list[Any] = ["2", "yes", 2, 2.5, True, None, [], {}, ["x"], {"x": "y"}]


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    return DEFS[schema["$ref"].rsplit("/", 1)[1]] if "$ref" in schema else schema


def _branches(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [_resolve(b) for b in schema.get("anyOf", [schema])]


def _object_variants(value: dict[str, Any], schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Variants of a whole object: each field missing or replaced, and an unknown field."""
    for name, sub in schema["properties"].items():
        yield f"{name} missing", {k: v for k, v in value.items() if k != name}
        for label, bad in _value_variants(value[name], sub):
            yield f"{name}: {label}", value | {name: bad}
    yield "unknown field", value | {"surprise": 1}


def _value_variants(value: Any, schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Replacement values for one field: wrong types, then each cap and bound one step past."""
    for bad in WRONG_TYPES:
        yield f"type {type(bad).__name__} {bad!r}", bad
    for branch in _branches(schema):
        kind = branch.get("type")
        if kind == "string":
            if "maxLength" in branch:
                cap = branch["maxLength"]
                yield "one character too long", "x" * (cap + 1)
                yield "too long with padding", " " * cap + "x"
                yield "too long in Gaelic", "ò" * (cap + 1)
            if "minLength" in branch:
                yield "empty", ""
            if "pattern" in branch or "enum" in branch:
                yield "not in the list or pattern", "nope"
                if isinstance(value, str):
                    yield "lower case", value.lower()
                    yield "padded", f" {value} "
        elif kind in ("integer", "number"):
            if "minimum" in branch:
                yield "below the minimum", branch["minimum"] - 1
            if "maximum" in branch:
                yield "above the maximum", branch["maximum"] + 1
            if kind == "integer":
                yield "a fraction", 1.5
        elif kind == "array":
            item = value[0] if isinstance(value, list) and value else "x"
            if "maxItems" in branch:
                yield "one item too many", [item] * (branch["maxItems"] + 1)
            yield "an item of the wrong type", [5]
            for label, bad in _value_variants(item, branch["items"]):
                if not isinstance(bad, list):
                    yield f"an item {label}", [bad]
        elif kind == "object" and "properties" in branch:
            base = value if isinstance(value, dict) else None
            if base is not None:
                yield from (("part " + label, bad) for label, bad in _object_variants(base, branch))
        elif kind == "object":
            if "maxProperties" in branch:
                yield "one entry too many", {f"k{i}": "v" for i in range(branch["maxProperties"] + 1)}
            keys = branch.get("propertyNames", {})
            if "maxLength" in keys:
                yield "a key too long", {"k" * (keys["maxLength"] + 1): "v"}
            values = branch.get("additionalProperties", {})
            if "maxLength" in values:
                yield "an answer too long", {"k": "v" * (values["maxLength"] + 1)}
            yield "an answer of the wrong type", {"k": 5}


def schema_invalid_variants(records: dict[str, dict[str, Any]]) -> list[tuple[str, str, bytes]]:
    """(entity, label, JSON line) for every generated variant the published schema refuses."""
    out: list[tuple[str, str, bytes]] = []
    seen: set[bytes] = set()
    for entity in ENTITY_ORDER:
        definition = _resolve({"$ref": REFS[entity]})
        for label, variant in _object_variants(records[entity], definition):
            line = json.dumps(variant, ensure_ascii=False).encode()
            if line in seen or VALIDATORS[entity].is_valid(variant):
                continue
            seen.add(line)
            out.append((entity, label, line))
    return out


RECORDS = base_records("LTTEST01")
VARIANTS = schema_invalid_variants(RECORDS)


def parser_refuses(entity: str, line: bytes) -> bool:
    try:
        parse_line(entity, line)
    except Refusal as refusal:
        assert refusal.code == "invalid_record"
        assert "\n" not in str(refusal)
        return True
    return False


def test_the_valid_records_pass_both():
    for entity, record in RECORDS.items():
        assert VALIDATORS[entity].is_valid(record), entity
        assert not parser_refuses(entity, json.dumps(record).encode()), entity


def test_every_field_of_every_record_has_schema_invalid_variants():
    covered = {(e, label.split(":")[0].split(" ")[0]) for e, label, _ in VARIANTS}
    for entity in ENTITY_ORDER:
        for name in _resolve({"$ref": REFS[entity]})["properties"]:
            assert (entity, name) in covered, (entity, name)
    assert len(VARIANTS) > 1300


def test_every_schema_invalid_variant_is_refused_by_the_importers_parser():
    accepted = [(e, label) for e, label, line in VARIANTS if not parser_refuses(e, line)]
    assert accepted == []


@pytest.mark.parametrize(
    ("entity", "field", "value"),
    [
        ("client", "version", "2"),
        ("client", "version", True),
        ("client", "pace_flag", "yes"),
        ("client", "pace_flag", 1),
        ("client", "length_of_service_years", "6.5"),
        ("event", "number_affected", "120"),
        ("feedback", "rating", 4.0),
        ("consent", "granted", "true"),
        ("checklist", "answers", {f"q{i}": "a" for i in range(200_000)}),
    ],
)
def test_the_issues_examples_are_refused_by_both(entity, field, value):
    variant = RECORDS[entity] | {field: value}
    assert not VALIDATORS[entity].is_valid(variant) or field == "rating"
    assert parser_refuses(entity, json.dumps(variant).encode())


def test_values_at_their_caps_and_of_every_allowed_type_pass_both():
    """The parser is not stricter than the schema on types and caps: each allowed JSON type and
    each cap reached exactly (text that is already clean) is taken by both."""
    client, checklist = RECORDS["client"], RECORDS["checklist"]
    allowed = [
        ("client", client | {"length_of_service_years": 6}),  # an integer is a number
        ("client", client | {k: None for k in ("title", "gender", "notes", "postcode", "phone")}),
        ("client", client | {"first_name": "x" * 100, "notes": "y" * 4000}),
        (
            "client",
            client
            | {"services_wanted": ["money"] * DEFS["Client"]["properties"]["services_wanted"]["maxItems"]},
        ),
        (
            "checklist",
            checklist
            | {
                "answers": {f"q{i}": "a" * 200 for i in range(100)},
                "explanation": ["z" * 500] * 100,
                "override": None,
            },
        ),
        ("event", RECORDS["event"] | {"number_affected": 1_000_000, "site_postcode": None}),
    ]
    for entity, variant in allowed:
        assert VALIDATORS[entity].is_valid(variant), entity
        assert not parser_refuses(entity, json.dumps(variant).encode()), entity


def test_the_one_type_the_parser_reads_more_strictly_than_json_schema():
    """JSON Schema 2020-12 counts 2.0 as an integer; the importer takes integers written as
    integers only (every writer of this format writes 2). Documented in docs/bundle-format.md."""
    variant = RECORDS["client"] | {"version": 2.0}
    assert VALIDATORS["client"].is_valid(variant)
    assert parser_refuses("client", json.dumps(variant).encode())


# -- black-box: each variant in a real signed bundle ----------------------------------------------------


def _rows(office) -> list[Any]:
    tables = (
        "events",
        "clients",
        "consents",
        "checklists",
        "interventions",
        "outcomes",
        "feedback",
        "tombstones",
        "devices",
        "device_sequences",
    )
    return [office.db.query(f"SELECT * FROM {t} ORDER BY 1") for t in tables]  # noqa: S608


def test_each_invalid_variant_in_a_real_bundle_is_refused_by_name_and_changes_nothing(
    enrolled, laptop, tmp_path
):
    records = base_records(laptop.device_id)
    lines = {e: json.dumps(r, ensure_ascii=False).encode() + b"\n" for e, r in records.items()}
    variants = schema_invalid_variants(records)
    recipient = office_recipients(enrolled)[0]
    before = _rows(enrolled)
    for n, (entity, label, line) in enumerate(variants):
        parts = {e: (line + b"\n" if e == entity else lines[e], 1) for e in ENTITY_ORDER}
        path = tmp_path / "bad.pacebundle"
        path.write_bytes(forge(laptop, recipient, parts, sequence=n + 1))
        result = import_bundle(enrolled, path)
        assert (result.verdict, result.code) == ("refused", "invalid_record"), (entity, label, result)
        assert "\n" not in result.reason and "nothing was imported" in result.reason
        assert "Mòrag" not in result.reason and "JG102030C" not in result.reason
    assert _rows(enrolled) == before
    # The same bundle with every record valid goes in: the refusals were about the variants only.
    path.write_bytes(
        forge(laptop, recipient, {e: (lines[e], 1) for e in ENTITY_ORDER}, sequence=len(variants) + 1)
    )
    assert import_bundle(enrolled, path).verdict == "accepted"


def test_a_checklist_of_200000_answers_is_refused_before_anything_is_written(enrolled, laptop, tmp_path):
    records = base_records(laptop.device_id)
    records["checklist"]["answers"] = {f"q{i}": "a" for i in range(200_000)}
    parts = {e: (json.dumps(r).encode() + b"\n", 1) for e, r in records.items()}
    path = tmp_path / "huge.pacebundle"
    path.write_bytes(forge(laptop, office_recipients(enrolled)[0], parts))
    before = _rows(enrolled)
    result = import_bundle(enrolled, path)
    assert (result.verdict, result.code) == ("refused", "invalid_record")
    assert "answers: This holds too many items: at most 100" in result.reason
    assert _rows(enrolled) == before


def test_bundle_parts_name_only_known_record_kinds():
    assert set(REFS) == set(bundle.PART_ENTITIES)
