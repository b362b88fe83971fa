"""The relay keeping its waiting bundles and receipts in the central PostgreSQL (``office serve --storage``):
the real relay under uvicorn and TLS on 127.0.0.1, a real PostgreSQL cluster, and the relay logged in as
a role that holds only ``pace_relay``.

The folder's own tests run here again, unchanged, with this module's ``relay_storage``: the round trip,
the resend stored once, the office's erasure notice, bad files among good ones, and kill -9 amid uploads.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

import psycopg
import pytest

from pace_desktop.errors import StoreError
from pace_desktop.exchange.bundle import SUFFIX
from pace_desktop.exchange.export import export_bundle
from pace_desktop.store.pg import schema
from pace_desktop.store.pg.connect import connect
from pace_desktop.sync.laptop import configure, outbox, sync
from pace_desktop.sync.mailbox import Mailbox
from pace_desktop.sync.office import office_sync
from tests.exchange.conftest import register
from tests.pg.conftest import pg, pg_db  # noqa: F401 - fixtures, shared by name
from tests.sync.conftest import make_relay_folder, started_relay
from tests.sync.test_faults import (  # noqa: F401 - run again on PostgreSQL
    stored_files,
    test_a_laptop_that_missed_the_acknowledgement_resends_and_nothing_is_doubled,
    test_a_relay_killed_mid_write_loses_no_acknowledged_bundle,
)
from tests.sync.test_office_fetch import (  # noqa: F401 - run again on PostgreSQL
    test_bad_files_at_the_relay_do_not_block_the_good_ones,
)
from tests.sync.test_round_trip import (  # noqa: F401 - run again on PostgreSQL
    test_a_laptop_sends_its_bundle_and_gets_its_receipt_back,
    test_a_resent_bundle_is_stored_once,
    test_office_erasure_reaches_the_laptop_as_a_notice,
)

RELAY_LOGIN = "relay_test_login"


@pytest.fixture
def relay_storage(pg, pg_db, monkeypatch):  # noqa: F811 - the fixtures imported above
    """A database at the newest step, and the relay's address: a login role with ``pace_relay`` only."""
    monkeypatch.setenv("PACE_PG_ALLOW_INSECURE", "1")  # the tests' private socket, for the relay too
    with connect(pg_db, allow_insecure=True) as conn:
        schema.migrate(conn)
    pg.psql(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{RELAY_LOGIN}') THEN "
        f"CREATE ROLE {RELAY_LOGIN} LOGIN IN ROLE {schema.RELAY_ROLE}; END IF; END $$;"
    )
    return pg.url(urlsplit(pg_db).path.lstrip("/"), RELAY_LOGIN)


def _rows(owner_url: str, sql: str) -> list[tuple]:
    with connect(owner_url, allow_insecure=True) as conn:
        return conn.execute(sql).fetchall()


def test_a_bundle_is_a_row_of_the_same_bytes_stored_once_and_deleted_once_fetched(
    relay, pg_db, enrolled, laptop
):
    register(laptop, 2)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    sent = export_bundle(laptop, outbox(laptop)).path.read_bytes()
    client = relay.laptop_client(laptop)
    assert client.request("PUT", "/v1/bundles", sent).status == 201  # acknowledged: the INSERT committed
    assert client.request("PUT", "/v1/bundles", sent).status == 200  # the same bundle again: held once
    # The row holds exactly what the laptop sent, encrypted to the office; nothing is in the folder.
    assert _rows(pg_db, "SELECT device_id, sha256, size, data FROM relay_bundles") == [
        (laptop.device_id, hashlib.sha256(sent).hexdigest(), len(sent), sent)
    ]
    assert list(relay.folder.rglob(f"*{SUFFIX}")) == [] and stored_files(relay) == []

    imported = office_sync(enrolled, relay.office_client())
    assert [r.verdict for r in imported.results] == ["accepted"]
    assert _rows(pg_db, "SELECT count(*) FROM relay_bundles") == [(0,)]  # deleted after the fetch
    assert [name for name, _size in relay.mailbox().mail(laptop.device_id)] != []  # the receipt waits
    assert sync(laptop).receipts == 1
    assert _rows(pg_db, "SELECT count(*) FROM relay_mail") == [(0,)]


@pytest.fixture(params=["folder", "postgresql"])
def small_relay(request, tmp_path, office_template, enrolled, laptop):
    """A relay that lets each laptop leave one bundle waiting, of at most 10 kB: on each storage, so
    the quota and the cap are seen to behave the same on both."""
    storage = request.getfixturevalue("relay_storage") if request.param == "postgresql" else None
    server = started_relay(
        tmp_path / "small-relay", office_template.pub, storage, quota_bundles=1, max_bundle_bytes=10_000
    )
    configure(laptop, server.url, server.pin)
    office_sync(enrolled, server.office_client())
    yield server
    server.stop()


def test_over_the_quota_is_refused_and_room_made_by_the_office_is_used_again(small_relay, laptop):
    client = small_relay.laptop_client(laptop)
    first, second = b"an opaque bundle, the first" * 10, b"an opaque bundle, the second" * 10
    assert client.request("PUT", "/v1/bundles", first).status == 201
    refused = client.request("PUT", "/v1/bundles", second)
    assert refused.status == 507
    assert "too many bundles waiting at the relay" in refused.json()["message"]
    held = hashlib.sha256(first).hexdigest()
    # The first sent again (its acknowledgement lost): acknowledged again, quota full or not.
    again = client.request("PUT", "/v1/bundles", first)
    assert (again.status, again.json()) == (200, {"sha256": held, "already_held": True})
    assert [w.sha256 for w in small_relay.mailbox().waiting()] == [held]
    assert [n for n in stored_files(small_relay) if n.startswith(".")] == []  # no temp file left
    office = small_relay.office_client()
    assert office.request("DELETE", f"/v1/office/bundles/{laptop.device_id}/{held}").status == 204
    assert client.request("PUT", "/v1/bundles", second).status == 201
    assert [w.sha256 for w in small_relay.mailbox().waiting()] == [hashlib.sha256(second).hexdigest()]


def test_a_bundle_over_the_size_cap_is_refused_and_nothing_is_kept(small_relay, laptop):
    client = small_relay.laptop_client(laptop)
    refused = client.request("PUT", "/v1/bundles", b"x" * 10_001)
    assert refused.status == 413
    assert refused.json()["message"] == "too large: the relay takes at most 0 MB"
    assert client.request("PUT", "/v1/bundles", b"x" * 10_000).status == 201  # at the cap: taken
    assert [w.size for w in small_relay.mailbox().waiting()] == [10_000]


def test_the_relay_role_may_touch_only_its_own_tables(relay_storage):
    with connect(relay_storage, allow_insecure=True) as conn:
        conn.execute("SELECT count(*) FROM relay_bundles")
        conn.execute("DELETE FROM relay_mail")
        conn.rollback()
        for statement in (
            "UPDATE relay_bundles SET size = 0",
            "SELECT count(*) FROM clients",
            "SELECT count(*) FROM audit",
            "INSERT INTO devices VALUES ('LT1', 'k', 'f', 'now', 'x', 'enrolled', NULL, NULL)",
            "CREATE TABLE relay_extra (x int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()


def test_a_database_before_the_relay_step_is_refused_by_name(tmp_path, office_template, pg_db, relay_storage):  # noqa: F811
    with connect(pg_db, allow_insecure=True) as conn:
        conn.execute("UPDATE pace_schema SET version = %s", (schema.RELAY_STEP - 1,))
        conn.commit()
    folder = tmp_path / "relay"
    make_relay_folder(folder, office_template.pub)
    with pytest.raises(StoreError, match=f"the relay needs {schema.RELAY_STEP}: ask its administrator"):
        Mailbox(folder, relay_storage)
    assert not list(folder.glob(f"**/*{SUFFIX}"))


def test_a_lost_database_connection_acknowledges_nothing_and_the_next_request_reconnects(
    relay,
    pg,
    pg_db,
    enrolled,
    laptop,  # noqa: F811
):
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    client = relay.laptop_client(laptop)
    first, second = b"an opaque bundle, the first", b"an opaque bundle, the second"
    assert client.request("PUT", "/v1/bundles", first).status == 201
    pg.psql(
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
        f"WHERE usename = '{RELAY_LOGIN}' AND datname = '{urlsplit(pg_db).path.lstrip('/')}'"
    )
    lost = client.request("PUT", "/v1/bundles", second)
    assert lost.status == 503
    assert lost.json()["message"] == (
        "The relay's database did not answer: nothing was stored; try again in a moment."
    )
    assert client.request("PUT", "/v1/bundles", second).status == 201
    assert sorted(w.sha256 for w in relay.mailbox().waiting()) == sorted(
        hashlib.sha256(b).hexdigest() for b in (first, second)
    )
