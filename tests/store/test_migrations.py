"""Numbered migrations: an old store upgrades with a backup first; a newer store is refused by name."""

from __future__ import annotations

import json
from datetime import date
from uuid import uuid4

import pytest

from pace_desktop.errors import StoreError
from pace_desktop.records.models import ENTITIES, Client, Employer
from pace_desktop.records.schema import required_fields
from pace_desktop.store.database import Database
from pace_desktop.store.keyslots import KeySlotFile, new_data_key
from pace_desktop.store.migrations import (
    ENTITY_TABLES,
    MIGRATIONS,
    SCHEMA_MAX,
    migrate,
    restore_backup,
    stored_defaults,
)
from pace_desktop.store.store import Store, keys_path
from tests.conftest import ADVISER, PASSPHRASE


def make_old_store(tmp_path, version: int):
    """A store as an older app left it: schema ``version``, one event row, real key slots."""
    path = tmp_path / "old.store"
    key = new_data_key()
    db = Database(path, key, create=True)
    migrate(db, key, target=version)
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO events(id, parent_id, version, updated_at, data, event_date) VALUES (?,?,?,?,?,?)",
            ("e1", None, 1, "2026-01-01T00:00:00+00:00", json.dumps({"marker": "from-v1"}), "2026-01-01"),
        )
        conn.execute("INSERT INTO settings(key, value) VALUES ('device_id', 'LTOLD1')")
    db.close()
    KeySlotFile.create(keys_path(path), key, ADVISER, PASSPHRASE)
    return path, key


def test_steps_are_numbered_without_gaps():
    assert [n for n, _, _ in MIGRATIONS] == list(range(1, SCHEMA_MAX + 1))


@pytest.mark.parametrize("start", range(1, SCHEMA_MAX))
def test_each_step_upgrades_an_old_store_keeping_its_rows(tmp_path, start):
    path, key = make_old_store(tmp_path, start)
    db = Database(path, key)
    backup = migrate(db, key)
    assert db.user_version == SCHEMA_MAX
    assert db.scalar("SELECT json_extract(data, '$.marker') FROM events WHERE id = 'e1'") == "from-v1"
    db.close()
    assert backup is not None and backup.exists()
    old = Database(backup, key)
    assert old.user_version == start
    old.close()


def test_opening_an_old_store_upgrades_it_and_a_backup_restores_it(tmp_path):
    path, key = make_old_store(tmp_path, 1)
    store = Store.open(path, PASSPHRASE)
    assert store.db.user_version == SCHEMA_MAX
    store.close()
    backups = sorted(tmp_path.glob("old.store.v1-*.bak"))
    assert len(backups) == 1
    # The backup is encrypted like the store, never plain text.
    assert b"from-v1" not in backups[0].read_bytes()
    restore_backup(backups[0], path)
    db = Database(path, key)
    assert db.user_version == 1
    assert db.scalar("SELECT json_extract(data, '$.marker') FROM events") == "from-v1"
    db.close()


def test_step_7_refolds_stored_name_keys(tmp_path):
    path, key = make_old_store(tmp_path, 6)
    db = Database(path, key)
    with db.transaction() as conn:
        for cid, first, last, old_keys in (
            ("c1", "Paweł", "Łukasiewicz", ("łukasiewicz", "paweł paweł")),  # as step 6's fold left it
            ("c2", "Eilidh", "MacLeod", ("macleod", "eilidh eilidh")),
        ):
            conn.execute(
                "INSERT INTO clients(id, parent_id, version, updated_at, data, pace_id, last_fold, "
                "first_fold) VALUES (?, 'e1', 1, '2026-01-01T00:00:00+00:00', ?, ?, ?, ?)",
                (
                    cid,
                    json.dumps({"first_name": first, "last_name": last, "preferred_name": None}),
                    f"PACE-{cid}",
                    *old_keys,
                ),
            )
    migrate(db, key)
    keys = dict((r[0], (r[1], r[2])) for r in db.query("SELECT id, last_fold, first_fold FROM clients"))
    db.close()
    assert keys == {"c1": ("lukasiewicz", "pawel pawel"), "c2": ("macleod", "eilidh eilidh")}


def test_a_fresh_store_needs_no_backup(tmp_path):
    key = new_data_key()
    db = Database(tmp_path / "new.store", key, create=True)
    assert migrate(db, key) is None
    db.close()
    assert list(tmp_path.glob("*.bak")) == []


def test_a_store_from_a_newer_app_is_refused_by_name(tmp_path):
    path, key = make_old_store(tmp_path, SCHEMA_MAX)
    db = Database(path, key)
    db.conn.execute(f"PRAGMA user_version = {SCHEMA_MAX + 3}")
    db.close()
    with pytest.raises(StoreError) as err:
        Store.open(path, PASSPHRASE)
    assert f"schema {SCHEMA_MAX + 3}" in str(err.value)
    assert "newer" in str(err.value)


def test_a_failing_step_rolls_back_to_the_previous_version(tmp_path, monkeypatch):
    path, key = make_old_store(tmp_path, 1)

    def broken(db):
        db.conn.execute("CREATE TABLE half_done(x)")
        raise RuntimeError("step failed")

    monkeypatch.setattr("pace_desktop.store.migrations.MIGRATIONS", [*MIGRATIONS[:1], (2, "broken", broken)])
    db = Database(path, key)
    with pytest.raises(RuntimeError):
        migrate(db, key, target=2)
    assert db.user_version == 1
    assert db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'") == 0
    db.close()


_ROWS = {  # each record table's own columns beside the common ones, with values a step can hold
    "events": {"event_date": "2026-01-01"},
    "clients": {"pace_id": "PACE-TEST-0001", "first_fold": "ailsa", "last_fold": "demo"},
    "consents": {"purpose": "pace_support", "active": 1},
    "checklists": {"band": "low"},
    "interventions": {},
    "outcomes": {},
    "feedback": {},
}


def _insert(conn, table: str, record_id: str, data: dict) -> None:
    columns = {
        "id": record_id,
        "parent_id": None,
        "version": 1,
        "updated_at": "2026-01-01T00:00:00+00:00",
        "data": json.dumps(data),
        **_ROWS[table],
    }
    conn.execute(
        f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        tuple(columns.values()),
    )


def _v1_client() -> dict:
    """A client exactly as a schema-1 app stored it: every field it had, none that schema 2 added."""
    client = Client(
        event_id=uuid4(),
        first_name="Ailsa",
        last_name="Demo",
        notice_date=date(2026, 2, 1),
        expected_leaving_date=date(2026, 4, 30),
        device_id="LTOLD1",
        updated_by="Ailsa Demo",
    )
    data = json.loads(client.model_dump_json())
    for name in sorted(required_fields(2)["Client"] - required_fields(1)["Client"]):
        del data[name]
    return data


def test_step_13_writes_schema_2_fields_into_a_schema_1_client(tmp_path):
    path, key = make_old_store(tmp_path, 12)
    db = Database(path, key)
    v1 = _v1_client()
    whole = {**v1, "redundancy_pay_status": "paid", "wants_money_advice": False}
    with db.transaction() as conn:
        _insert(conn, "clients", "c1", v1)
        _insert(conn, "clients", "c2", whole)  # already whole: left as it is
    migrate(db, key)
    stored = {r[0]: json.loads(r[1]) for r in db.query("SELECT id, data FROM clients")}
    db.close()
    assert "redundancy_pay_status" not in v1
    assert stored["c1"] == {**v1, "redundancy_pay_status": None, "wants_money_advice": None}
    assert list(stored["c1"]) == list(Client.model_fields)  # in the model's order, as a new record
    assert Client.model_validate(stored["c1"]).notice_date == date(2026, 2, 1)
    assert stored["c2"] == whole


@pytest.mark.parametrize(("entity", "table"), sorted(ENTITY_TABLES.items()))
def test_step_13_fills_every_defaulted_field_of_every_record(tmp_path, entity, table):
    """Generic: whatever field schema 2 gave a model, a record stored before it gets its default."""
    path, key = make_old_store(tmp_path, 12)
    db = Database(path, key)
    with db.transaction() as conn:
        _insert(conn, table, "r1", {"id": "r1", "marker": "kept"})
    migrate(db, key, target=13)
    stored = json.loads(db.scalar(f"SELECT data FROM {table} WHERE id = 'r1'"))
    db.close()
    defaults = stored_defaults(ENTITIES[entity])
    assert defaults, entity
    assert stored == {"id": "r1", **defaults, "marker": "kept"}


def test_step_14_adds_employers_and_names_no_employer_on_stored_events(tmp_path):
    """Events saved before employers existed stay whole (``employer_id`` null, as the importer requires
    every field) and the employers table takes records like every other entity table."""
    path, key = make_old_store(tmp_path, 12)
    db = Database(path, key)
    migrate(db, key)
    assert db.scalar("SELECT json_type(data, '$.employer_id') FROM events WHERE id = 'e1'") == "null"
    assert db.scalar("SELECT json_extract(data, '$.marker') FROM events WHERE id = 'e1'") == "from-v1"
    assert db.scalar("SELECT COUNT(*) FROM employers") == 0
    db.close()
    store = Store.open(path, PASSPHRASE)
    with store.transaction():
        employer = store.employers.add(Employer(name="Clyde Valve Works", sector="Manufacturing"))
    assert store.employers.get(employer.id).name == "Clyde Valve Works"
    store.close()
