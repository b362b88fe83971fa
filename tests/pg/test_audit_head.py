"""The audit head on PostgreSQL (schema step 5): moved by the server's trigger, never by a role, and
serialised, so staff appending at once keep one chain; and each role's grants, as the server holds
them, matched to what that role's store functions run."""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

import psycopg
import pytest

from pace_desktop.errors import RefusedError
from pace_desktop.store import audit
from pace_desktop.store.pg import schema
from pace_desktop.store.pg.connect import connect
from pace_desktop.store.pg.database import PgDatabase


def staff(pg, pg_db, role: str, name: str | None = None) -> str:
    """A login role that is a member of ``role``; its URL for this database."""
    user = name or f"staff_{role}"
    pg.psql(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{user}') THEN "
        f"CREATE ROLE {user} LOGIN IN ROLE {role}; END IF; END $$;"
    )
    return pg.url(urlsplit(pg_db).path.lstrip("/"), user)


@pytest.fixture
def central(pg_db):
    db = PgDatabase(pg_db, allow_insecure=True, upgrade=True)
    yield pg_db
    db.close()


@pytest.mark.parametrize("role", schema.ROLES)
def test_each_role_appends_but_the_server_refuses_it_moving_the_head(pg, central, role):
    db = PgDatabase(staff(pg, central, role), allow_insecure=True)
    try:
        # Refused by the server; the member of staff reads one line saying their role does not allow it.
        with pytest.raises(RefusedError, match="does not have the role") as refused:
            db.execute("UPDATE audit_head SET count = 0")
        assert isinstance(refused.value.__cause__, psycopg.errors.InsufficientPrivilege)
        seq = audit.append(db, actor="morven", action="view", entity="client", entity_id="c1")
        assert audit.head(db)[0] == seq == 1
        with db.transaction():
            audit.append(db, actor="morven", action="report", detail="records")
        assert audit.verify(db).ok and audit.verify(db).entries == 2
    finally:
        db.close()


def test_an_entry_that_does_not_continue_the_chain_is_refused_by_the_server(central):
    db = PgDatabase(central, allow_insecure=True)
    audit.append(db, actor="morven", action="view")
    with pytest.raises(psycopg.errors.RaiseException, match="continue the chain"):
        db.execute(
            "INSERT INTO audit VALUES (2, 'now', 'x', 'view', NULL, NULL, NULL, ?, 'h')", (audit.GENESIS,)
        )
    assert audit.head(db)[0] == 1 and audit.verify(db).ok
    db.close()


def test_staff_appending_at_the_same_moment_keep_one_chain(pg, central):
    urls = [staff(pg, central, role, f"busy_{role}") for role in schema.ROLES]
    start = threading.Barrier(len(urls))
    failures: list[BaseException] = []

    def appender(url: str) -> None:
        db = PgDatabase(url, allow_insecure=True)
        try:
            start.wait()
            for n in range(25):
                with db.transaction():
                    audit.append(db, actor="staff", action="view", entity_id=f"c{n}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=appender, args=(url,)) for url in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    db = PgDatabase(central, allow_insecure=True)
    report = audit.verify(db)
    assert report.ok, report.problem
    assert report.entries == audit.head(db)[0] == 25 * len(urls)
    db.close()


# What each role's store functions run, and what each must be refused (by the server).
_DEVICE = "INSERT INTO devices VALUES ('LT9', 'k', 'f', 'now', 'x', 'first_use', NULL, NULL)"
_CLIENT = "DELETE FROM clients WHERE id = 'nobody'"
_GRANTS = {
    "pace_import": (
        [
            _CLIENT,  # a bundle's erasures
            "DELETE FROM duplicate_review WHERE client_a = 'nobody'",
            _DEVICE,  # a laptop enrolled on first use
            "UPDATE device_audit_heads SET bundle_id = 'b' WHERE device_id = 'nobody'",
            "INSERT INTO imports(attempted_at, file_name, verdict, code, reason, imported_by) "
            "VALUES ('now', 'f', 'refused', 'c', 'r', 'x')",
        ],
        [
            "UPDATE imports SET reason = 'x'",
            "UPDATE tombstones SET reason = 'x'",
            "UPDATE device_sequences SET bundle_id = 'x'",
            "DELETE FROM tombstones",
            "UPDATE devices SET retired_at = 'now'",
            "INSERT INTO settings VALUES ('k', 'v')",
            "DELETE FROM office_notices",
        ],
    ),
    "pace_reports": (
        [
            "UPDATE partner_returns SET added = 0 WHERE id = 0",
            "UPDATE return_counts SET count = 0 WHERE request_id = 'nobody'",
            "INSERT INTO request_items VALUES ('r', 'c', 'p', 'sent')",
        ],
        [_CLIENT, _DEVICE, "UPDATE clients SET version = 9", "DELETE FROM partner_requests"],
    ),
    "pace_dpo": (
        [
            _CLIENT,
            "DELETE FROM office_notices WHERE client_id = 'nobody'",
            "UPDATE tombstones SET reason = 'x'",
        ],
        [_DEVICE, "INSERT INTO settings VALUES ('k', 'v')", "DELETE FROM imports"],
    ),
    "pace_admin": (
        [_DEVICE, "UPDATE devices SET retired_at = 'now'", "DELETE FROM settings WHERE key = 'nobody'"],
        [
            _CLIENT,
            "INSERT INTO imports(attempted_at, file_name, verdict, code, reason, imported_by) "
            "VALUES ('now', 'f', 'refused', 'c', 'r', 'x')",
            "UPDATE clients SET version = 9",
        ],
    ),
}


@pytest.mark.parametrize("role", schema.ROLES)
def test_each_role_may_run_what_its_store_functions_run_and_nothing_more(pg, central, role):
    allowed, refused = _GRANTS[role]
    everyone_refused = [
        "UPDATE audit SET actor = 'y'",
        "DELETE FROM audit",
        "UPDATE audit_head SET count = 0",
        "UPDATE device_audit_heads SET hash = 'x'",
    ]
    with connect(staff(pg, central, role), allow_insecure=True) as conn:
        for statement in allowed:
            conn.execute(statement)
            conn.rollback()
        for statement in refused + everyone_refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
