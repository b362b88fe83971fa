"""Laptops not yet updated to schema 2 still send bundles the office takes (issue 20).

A schema-1 laptop writes its records without the fields schema 2 added (a client's redundancy pay
status, whether they want money advice); the office fills them with their defaults, as its own
store's migration did. A record missing a field its own version had is still refused by name, and so
is a schema-2 record missing a schema-2 field.
"""

from __future__ import annotations

import json

import pytest

from pace_desktop.exchange.bundle import Refusal, parse_line
from pace_desktop.office.central import office_recipients
from pace_desktop.office.importer import import_bundle
from pace_desktop.records.models import SCHEMA_VERSION, RedundancyPay
from tests.exchange.conftest import forge, laptop_parts, nothing_imported, register

NEW_IN_2 = ("redundancy_pay_status", "wants_money_advice")


def _write(tmp_path, data: bytes, name: str = "PACE-old.pacebundle"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _without(parts, entity: str, field: str):
    """``parts`` with ``field`` taken out of every record of ``entity``."""
    data, count = parts[entity]
    rows = [json.loads(line) for line in data.splitlines()]
    for row in rows:
        del row[field]
    return {**parts, entity: (b"".join(json.dumps(r).encode() + b"\n" for r in rows), count)}


def test_the_fixture_writes_schema_1_records_as_a_schema_1_laptop_did(laptop):
    register(laptop, 1)
    old, new = laptop_parts(laptop, 1), laptop_parts(laptop)
    old_client, new_client = json.loads(old["client"][0]), json.loads(new["client"][0])
    assert set(new_client) - set(old_client) == set(NEW_IN_2)
    old_event, new_event = json.loads(old["event"][0]), json.loads(new["event"][0])
    assert set(new_event) - set(old_event) == {"employer_id"}  # schema 2's employer record
    assert {k: v for k, v in new_event.items() if k != "employer_id"} == old_event


def test_a_schema_1_bundle_imports_with_the_new_fields_at_their_defaults(enrolled, laptop, tmp_path):
    _, clients = register(laptop, 3, redundancy_pay_status="paid", wants_money_advice=True)
    parts = laptop_parts(laptop, 1)
    assert all(f not in parts["client"][0].decode() for f in NEW_IN_2)
    result = import_bundle(
        enrolled, _write(tmp_path, forge(laptop, office_recipients(enrolled)[0], parts, schema_version=1))
    )
    assert result.verdict == "accepted", result.reason
    assert result.entities == {"event": 1, "client": 3, "consent": 6, "checklist": 3}
    for client in clients:
        on_laptop = client.model_dump(exclude=set(NEW_IN_2))
        at_office = enrolled.clients.get(client.id)
        assert at_office.model_dump(exclude=set(NEW_IN_2)) == on_laptop
        assert at_office.redundancy_pay_status is None and at_office.wants_money_advice is None
        stored = json.loads(enrolled.db.scalar("SELECT data FROM clients WHERE id = ?", (str(client.id),)))
        assert {"redundancy_pay_status": None, "wants_money_advice": None}.items() <= stored.items()
    # The same laptop, updated, sends what the adviser has recorded since: it is kept.
    result = import_bundle(
        enrolled,
        _write(
            tmp_path,
            forge(laptop, office_recipients(enrolled)[0], laptop_parts(laptop), sequence=2),
            "new.pacebundle",
        ),
    )
    assert result.verdict == "accepted", result.reason
    # Equal versions change nothing (newer wins): the schema-1 copy stays until the record changes.
    assert enrolled.clients.get(clients[0].id).redundancy_pay_status is None
    changed = laptop.clients.update(clients[0].model_copy(update={"wants_money_advice": False}))
    result = import_bundle(
        enrolled,
        _write(
            tmp_path,
            forge(laptop, office_recipients(enrolled)[0], laptop_parts(laptop), sequence=3),
            "3.pacebundle",
        ),
    )
    assert result.verdict == "accepted", result.reason
    got = enrolled.clients.get(changed.id)
    assert (got.redundancy_pay_status, got.wants_money_advice) == (RedundancyPay.paid, False)


def test_a_schema_1_record_missing_a_field_schema_1_had_is_refused_by_name(enrolled, laptop, tmp_path):
    register(laptop, 1)
    parts = _without(laptop_parts(laptop, 1), "client", "notice_date")
    result = import_bundle(
        enrolled, _write(tmp_path, forge(laptop, office_recipients(enrolled)[0], parts, schema_version=1))
    )
    assert (result.verdict, result.code) == ("refused", "invalid_record")
    assert "(notice_date: the field is missing)" in result.reason
    assert nothing_imported(enrolled)


@pytest.mark.parametrize("field", NEW_IN_2)
def test_a_schema_2_record_missing_a_schema_2_field_is_refused_by_name(enrolled, laptop, tmp_path, field):
    register(laptop, 1)
    parts = _without(laptop_parts(laptop), "client", field)
    result = import_bundle(enrolled, _write(tmp_path, forge(laptop, office_recipients(enrolled)[0], parts)))
    assert (result.verdict, result.code) == ("refused", "invalid_record")
    assert f"({field}: the field is missing)" in result.reason
    assert nothing_imported(enrolled)


def test_parse_line_takes_the_bundles_version(laptop):
    register(laptop, 1)
    line = laptop_parts(laptop, 1)["client"][0].rstrip(b"\n")
    assert parse_line("client", line, 1).wants_money_advice is None
    with pytest.raises(Refusal, match="the field is missing"):
        parse_line("client", line, SCHEMA_VERSION)
