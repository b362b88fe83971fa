"""The central schema on a real PostgreSQL: numbered steps, roles the server enforces, an audit log
that cannot be changed, and TLS with a verified certificate by default."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import psycopg
import pytest

from pace_desktop.errors import StoreError, UsageError
from pace_desktop.records.models import Client, Feedback
from pace_desktop.store.audit import GENESIS
from pace_desktop.store.migrations import IDENTITY_FIELDS, stored_defaults
from pace_desktop.store.pg import schema
from pace_desktop.store.pg.connect import connect


def test_an_empty_database_is_brought_to_the_newest_step_once(pg_db):
    with connect(pg_db, allow_insecure=True) as conn:
        assert schema.migrate(conn) == 0
        assert schema.version(conn) == schema.SCHEMA_MAX
        assert schema.migrate(conn) == schema.SCHEMA_MAX  # nothing to do the second time
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert {"clients", "audit", "audit_head", "devices", "imports", "tombstones"} <= tables


def test_a_database_from_a_newer_app_is_refused_by_name(pg_db):
    with connect(pg_db, allow_insecure=True) as conn:
        schema.migrate(conn)
        conn.execute("UPDATE pace_schema SET version = %s", (schema.SCHEMA_MAX + 1,))
        conn.commit()
        with pytest.raises(StoreError, match="from a newer PACE Intake"):
            schema.migrate(conn)


def test_the_audit_log_cannot_be_changed_even_by_its_owner(pg_db):
    with connect(pg_db, allow_insecure=True) as conn:
        schema.migrate(conn)
        conn.execute(
            "INSERT INTO audit VALUES (1, 'now', 'x', 'view', NULL, NULL, NULL, %s, 'h')", (GENESIS,)
        )
        conn.commit()
        for statement in ("UPDATE audit SET actor = 'y'", "DELETE FROM audit", "TRUNCATE audit"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(statement)
            conn.rollback()
        assert conn.execute("SELECT actor FROM audit").fetchall() == [("x",)]


@pytest.mark.parametrize(
    ("role", "allowed", "refused"),
    [
        (
            "pace_reports",
            "SELECT count(*) FROM clients",
            "INSERT INTO devices VALUES ('LT1', 'k', 'f', 'now', 'x', 'enrolled', NULL, NULL)",
        ),
        ("pace_import", "SELECT count(*) FROM devices", "UPDATE devices SET retired_at = 'now'"),
        (
            "pace_dpo",
            "DELETE FROM clients",
            "INSERT INTO devices VALUES ('LT1', 'k', 'f', 'now', 'x', 'enrolled', NULL, NULL)",
        ),
        (
            "pace_admin",
            "INSERT INTO devices VALUES ('LT1', 'k', 'f', 'now', 'x', 'enrolled', NULL, NULL)",
            "DELETE FROM clients",
        ),
    ],
)
def test_each_role_is_refused_by_the_server_what_it_is_not_for(pg, pg_db, role, allowed, refused):
    with connect(pg_db, allow_insecure=True) as conn:
        schema.migrate(conn)
    user = f"staff_{role}"
    pg.psql(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{user}') THEN "
        f"CREATE ROLE {user} LOGIN IN ROLE {role}; END IF; END $$;"
    )
    db = urlsplit(pg_db).path.lstrip("/")
    with connect(pg.url(db, user), allow_insecure=True) as conn:
        conn.execute(allowed)
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(refused)
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE audit SET actor = 'y'")


def test_tls_with_a_verified_certificate_is_the_default(pg):
    with connect(pg.tls_url(), autocommit=True) as conn:
        assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0] is True


def test_a_server_whose_certificate_is_not_trusted_gets_one_plain_line(pg, tmp_path, monkeypatch):
    monkeypatch.setenv("PGSSLROOTCERT", str(tmp_path / "none.crt"))
    with pytest.raises(StoreError) as raised:
        connect(pg.tls_url(ca=False))
    assert "certificate this PC trusts" in str(raised.value) and "\n" not in str(raised.value)


def test_an_address_asking_for_no_tls_is_refused(pg):
    with pytest.raises(UsageError, match="sslmode=disable"):
        connect(pg.url())


@pytest.mark.parametrize("role", schema.ROLES)
def test_no_role_may_move_or_remove_a_laptops_audit_head(pg, pg_db, role):
    with connect(pg_db, allow_insecure=True) as conn:
        schema.migrate(conn)
        conn.execute("INSERT INTO device_audit_heads VALUES ('LT1', 7, 'h', 1, NULL, 'now')")
        conn.commit()
    user = f"heads_{role}"
    pg.psql(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{user}') THEN "
        f"CREATE ROLE {user} LOGIN IN ROLE {role}; END IF; END $$;"
    )
    db = urlsplit(pg_db).path.lstrip("/")
    with connect(pg.url(db, user), allow_insecure=True) as conn:
        assert conn.execute("SELECT count FROM device_audit_heads").fetchall() == [(7,)]
        conn.rollback()
        for statement in ("UPDATE device_audit_heads SET hash = 'x'", "DELETE FROM device_audit_heads"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
        insert = "INSERT INTO device_audit_heads VALUES ('LT1', 8, 'h', 2, NULL, 'now')"
        if role == "pace_import":
            conn.execute(insert)
        else:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(insert)
        conn.rollback()


def test_step_8_writes_schema_2_fields_into_records_stored_before_it(pg_db, monkeypatch):
    """A schema-1 client on the central database gets schema 2's fields with their defaults; a value a
    record already has is kept; every other record kind gets whatever default field it lacks."""
    v1 = {"id": "c1", "first_name": "Ailsa", "last_name": "Demo", "notice_date": "2026-02-01"}
    given = {**v1, "id": "c2", "redundancy_pay_status": "disputed", "wants_money_advice": True}
    with connect(pg_db, allow_insecure=True) as conn:
        monkeypatch.setattr(schema, "STEPS", tuple(s for s in schema.STEPS if s[0] < 8))
        schema.migrate(conn)
        monkeypatch.undo()
        assert schema.version(conn) == 7
        for data in (v1, given):
            conn.execute(
                "INSERT INTO clients (id, parent_id, version, updated_at, data, pace_id, first_fold, "
                "last_fold) VALUES (%s, 'e1', 1, 'now', %s, 'PACE-TEST-0001', 'ailsa', 'demo')",
                (data["id"], json.dumps(data)),
            )
        conn.execute(
            "INSERT INTO feedback (id, version, updated_at, data) VALUES ('f1', 1, 'now', %s)",
            (json.dumps({"id": "f1"}),),
        )
        conn.commit()
        assert schema.migrate(conn) == 7
        stored = dict(conn.execute("SELECT id, data FROM clients").fetchall())
        feedback = conn.execute("SELECT data FROM feedback").fetchone()[0]
    assert stored["c1"]["redundancy_pay_status"] is None and stored["c1"]["wants_money_advice"] is None
    assert stored["c1"]["notice_date"] == "2026-02-01"
    assert set(stored["c1"]) == set(Client.model_fields) - (IDENTITY_FIELDS - {"id"}) - {"event_id"}
    assert stored["c2"] == {**stored["c1"], **given}  # what it had is kept
    assert feedback == {"id": "f1", **stored_defaults(Feedback)}
