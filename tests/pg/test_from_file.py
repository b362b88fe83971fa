"""office migrate: a real central store file moved into an empty PostgreSQL database, once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pace_desktop.errors import RefusedError
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundle
from pace_desktop.partners.agreements import set_agreement
from pace_desktop.store.pg.connect import connect
from pace_desktop.store.pg.from_file import migrate_from_file, verify_chain
from pace_desktop.store.pg.schema import ROLES
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import register

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def busy_office(office, laptop, tmp_path):
    """An office that enrolled a laptop and imported its bundle of fictional people."""
    enrol_device(office, laptop.device_key().text())
    register(laptop, 5)
    out = tmp_path / "out"
    out.mkdir()
    assert import_bundle(office, export_bundle(laptop, out).path, receipts_dir=out).verdict == "accepted"
    return office


def test_everything_moves_with_counts_and_the_audit_chain_checked(busy_office, pg_db):
    central = busy_office
    with connect(pg_db, allow_insecure=True) as conn:
        result = migrate_from_file(central, conn)
        for table in ("clients", "consents", "checklists", "devices", "imports", "device_sequences"):
            on_server = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            in_file = central.db.query(f"SELECT count(*) FROM {table}")[0][0]  # noqa: S608
            assert on_server == in_file == result.counts[table], table
        assert result.counts["clients"] == 5
        # The chain on the server verifies, and the move itself is its newest entry.
        assert verify_chain(conn) == result.audit_entries + 1
        assert conn.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0] == "migrate"
        # Record data is queryable on the server, and a person's details arrived as they were.
        pace_id = central.db.query("SELECT pace_id FROM clients LIMIT 1")[0][0]
        in_file = central.db.query(
            "SELECT json_extract(data, '$.last_name') FROM clients WHERE pace_id = ?", (pace_id,)
        )[0][0]
        on_server = conn.execute(
            "SELECT data->>'last_name' FROM clients WHERE pace_id = %s", (pace_id,)
        ).fetchone()[0]
        assert on_server == in_file


def test_partners_agreements_move_and_only_the_admin_role_may_change_them(busy_office, pg_db):
    set_agreement(
        busy_office,
        "DWP",
        reference="DSA-2026-014",
        legal_basis="UK GDPR Article 6(1)(a), consent",
        scope="Referrals of consenting clients",
        start="2026-04-01",
        review="2027-03-31",
    )
    with connect(pg_db, allow_insecure=True) as conn:
        result = migrate_from_file(busy_office, conn)
        assert result.counts["partner_agreements"] == 1
        row = conn.execute(
            "SELECT reference, review_date FROM partner_agreements WHERE code = 'DWP'"
        ).fetchone()
        assert row == ("DSA-2026-014", "2027-03-31")
        grants = {
            (r[0], r[1])
            for r in conn.execute(
                "SELECT grantee, privilege_type FROM information_schema.role_table_grants "
                "WHERE table_name = 'partner_agreements' AND grantee LIKE 'pace_%'"
            )
        }
        assert ("pace_admin", "UPDATE") in grants and ("pace_reports", "SELECT") in grants
        writers = {g for g in grants if g[1] in ("INSERT", "UPDATE", "DELETE") and g[0] in ROLES}
        assert writers == {("pace_admin", "INSERT"), ("pace_admin", "UPDATE")}


def test_the_office_secret_keys_stay_in_the_file(busy_office, pg_db):
    with connect(pg_db, allow_insecure=True) as conn:
        migrate_from_file(busy_office, conn)
        keys = {r[0] for r in conn.execute("SELECT key FROM settings")}
        values = " ".join(r[0] for r in conn.execute("SELECT value FROM settings"))
    assert "office_age_identity" not in keys and "signing_key" not in keys
    assert "AGE-SECRET-KEY" not in values
    assert "office_age_recipient" in keys  # the public half travels


def test_a_second_run_into_the_same_database_is_refused(busy_office, pg_db):
    with connect(pg_db, allow_insecure=True) as conn:
        migrate_from_file(busy_office, conn)
        before = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
        with pytest.raises(RefusedError, match="runs once, into an empty database"):
            migrate_from_file(busy_office, conn)
        assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == before


def migrate_command(source: Path, target: str, *, insecure: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PACE_PASSPHRASE": PASSPHRASE}
    if insecure:
        env["PACE_PG_ALLOW_INSECURE"] = "1"  # the tests' private socket has no TLS
    return subprocess.run(
        [sys.executable, "-m", "pace_desktop", "office", "migrate", "--from", str(source), "--to", target],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_office_migrate_by_command(busy_office, office_path, pg_db):
    busy_office.close()
    done = migrate_command(office_path, pg_db, insecure=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Moved 5 people")
    again = migrate_command(office_path, pg_db, insecure=True)
    assert again.returncode == 3 and again.stderr.count("\n") == 1


def test_office_migrate_refuses_an_address_without_tls(busy_office, office_path, pg_db):
    busy_office.close()
    done = migrate_command(office_path, pg_db, insecure=False)
    assert done.returncode == 2 and "sslmode=disable" in done.stderr
