"""``office sync --central postgresql://… --keyring FILE``: the office's scheduled task fetching from
the real relay (uvicorn, TLS, on 127.0.0.1) into the central database on the real cluster, and the
receipt going back to the laptop; a refused bundle kept beside the keyring; a login whose roles may
not import stopped by the server in one line, its bundle left at the relay."""

from __future__ import annotations

import re
import stat

import pytest

from pace_desktop.cli import main
from pace_desktop.exchange.bundle import SUFFIX
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.central import open_central, open_central_on_server
from pace_desktop.office.devices import enrol_device
from pace_desktop.store.pg.connect import connect
from pace_desktop.sync.office import quarantine, relay_client, remember_relay, token_setting
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import register
from tests.pg.test_audit_head import staff
from tests.pg.test_office_commands_on_server import move_to_server
from tests.sync.conftest import relay, relay_storage  # noqa: F401 - the real relay, fixtures shared by name
from tests.sync.test_office_fetch import upload

CONFIRMED = re.compile(r"0 bundles sent, ([1-9][0-9,]*) records? confirmed by the office\.\n")


@pytest.fixture
def server(office, laptop, pg_db, monkeypatch):
    """The office, with the laptop enrolled, moved to the server; its file kept as the keyring."""
    enrol_device(office, laptop.device_key().text())
    return move_to_server(office, pg_db, monkeypatch)


@pytest.fixture
def run(monkeypatch, capsys, relay):  # noqa: F811 - the fixture imported above
    """``pace-desktop …`` in this process, as the scheduled task runs it: (exit code, stdout, stderr)."""
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PACE_RELAY_TOKEN", relay.token)

    def command(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return command


@pytest.fixture
def office_sync(run, relay, office_path):  # noqa: F811
    """``office sync`` into the central database at ``url``, with the central store file as keyring."""

    def sync(url: str) -> tuple[int, str, str]:
        return run(
            "office", "sync", "--central", url, "--keyring", str(office_path), "--relay", relay.url,
            "--pin", relay.pin,
        )  # fmt: skip

    return sync


def _server(url: str, sql: str) -> list[tuple]:
    with connect(url, allow_insecure=True) as conn:
        return conn.execute(sql).fetchall()


def test_laptop_to_the_central_database_and_the_receipt_back(
    server,
    run,
    office_sync,
    relay,
    laptop,
    laptop_path,
    office_path,  # noqa: F811
):
    _, people = register(laptop, 2)
    laptop.close()
    # The office's first sync tells the relay which laptops may send (none waiting yet).
    code, out, err = office_sync(server)
    assert (code, err) == (0, "")
    assert out.startswith("0 bundles fetched from the relay")

    code, out, err = run("sync", "--store", str(laptop_path), "--relay", relay.url, "--pin", relay.pin)
    assert (code, out, err) == (0, "1 bundle sent, 0 records confirmed by the office.\n", "")

    code, out, err = office_sync(server)
    assert (code, err) == (0, ""), out
    assert out.splitlines()[0].startswith("accepted")
    assert out.splitlines()[-1].startswith("1 bundles fetched from the relay: 1 accepted, 0 already had, ")
    assert "1 receipts and 0 notices posted back." in out
    # On the server, every person the laptop registered; nothing written into the keyring file.
    pace_ids = sorted(c.pace_id for c in people)
    assert [r[0] for r in _server(server, "SELECT pace_id FROM clients ORDER BY pace_id")] == pace_ids
    assert _server(server, "SELECT verdict FROM imports") == [("accepted",)]
    with open_central(office_path, PASSPHRASE) as keyring:
        assert keyring.db.scalar("SELECT COUNT(*) FROM clients") == 0
        assert keyring.db.scalar("SELECT COUNT(*) FROM imports") == 0

    # Run again (the schedule fires again): nothing is fetched, nothing imported twice.
    code, out, err = office_sync(server)
    assert (code, err) == (0, "")
    assert out.startswith("0 bundles fetched from the relay: 0 accepted")
    assert _server(server, "SELECT COUNT(*) FROM clients") == [(2,)]
    assert _server(server, "SELECT COUNT(*) FROM imports") == [(1,)]

    # The laptop's next sync (relay and pin remembered) applies the office's signed receipt.
    code, out, err = run("sync", "--store", str(laptop_path))
    assert (code, err) == (0, "") and CONFIRMED.fullmatch(out), out
    with open_central_on_server(office_path, PASSPHRASE, server) as central:
        assert central.verify_audit().ok


def test_a_tampered_bundle_is_kept_beside_the_keyring_in_one_line(
    server,
    office_sync,
    relay,
    laptop,
    office_path,
    tmp_path,  # noqa: F811
):
    assert office_sync(server)[0] == 0  # the relay learns the laptop
    register(laptop, 1)
    tampered = bytearray(export_bundle(laptop, tmp_path).path.read_bytes())
    tampered[len(tampered) // 2] ^= 0xFF  # changed in transit: does not decrypt
    upload(relay, laptop, bytes(tampered))

    code, out, err = office_sync(server)

    assert (code, err) == (3, "")
    folder = office_path.with_name("central.store.quarantine")
    refused = [line for line in out.splitlines() if line.startswith("refused")]
    assert len(refused) == 1 and f"The file is kept in {folder}" in refused[0]
    kept = list(folder.glob(f"*{SUFFIX}"))
    assert [p.read_bytes() for p in kept] == [bytes(tampered)]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert _server(server, "SELECT verdict FROM imports") == [("refused",)]  # recorded on the server
    assert _server(server, "SELECT COUNT(*) FROM clients") == [(0,)]
    # Fetched, recorded and kept: not fetched again.
    code, out, _ = office_sync(server)
    assert code == 0 and out.startswith("0 bundles fetched")
    with open_central_on_server(office_path, PASSPHRASE, server) as central:
        assert quarantine(central) == folder


def test_a_login_that_may_not_import_is_refused_in_one_line_and_the_bundle_waits(
    server,
    pg,
    office_sync,
    run,
    relay,
    laptop,
    laptop_path,  # noqa: F811
):
    assert office_sync(server)[0] == 0
    register(laptop, 2)
    laptop.close()
    assert run("sync", "--store", str(laptop_path), "--relay", relay.url, "--pin", relay.pin)[0] == 0

    code, out, err = office_sync(staff(pg, server, "pace_reports", "reader"))

    assert code == 3 and out == ""
    assert err.count("\n") == 1 and "your database login does not have the role for it" in err
    assert _server(server, "SELECT COUNT(*) FROM clients") == [(0,)]
    assert _server(server, "SELECT COUNT(*) FROM imports") == [(0,)]
    # Left at the relay: a member of staff who may import fetches it next.
    code, out, err = office_sync(staff(pg, server, "pace_import", "importer"))
    assert (code, err) == (0, "") and out.startswith("accepted"), out
    assert _server(server, "SELECT COUNT(*) FROM clients") == [(2,)]
    code, out, _ = run("sync", "--store", str(laptop_path))
    assert code == 0 and CONFIRMED.fullmatch(out), out


def test_relay_settings_are_on_the_central_database_and_each_token_in_the_keyring(
    server,
    relay,
    office_path,  # noqa: F811
):
    """The relay's address and pin are shared on the server; a member of staff's access token (which
    can fetch and delete bundles at the relay) stays in the keyring file, encrypted, and is never
    copied to the server, where every role and the database's administrators could read it."""
    with open_central_on_server(office_path, PASSPHRASE, server) as central:
        remember_relay(central, relay.url, relay.pin, relay.token)
        client = relay_client(central)
        assert (client.url, client.pin, client.token) == (relay.url, relay.pin, relay.token)
        name = token_setting(central)
    stored = dict(_server(server, "SELECT key, value FROM settings WHERE key LIKE '%relay%'"))
    assert stored == {"sync_relay_url": relay.url, "sync_relay_pin": relay.pin}
    with open_central(office_path, PASSPHRASE) as keyring:
        assert keyring.setting(name) == relay.token
        assert keyring.setting("sync_relay_url") is None  # shared settings are the server's


def test_reference_data_imported_by_the_admin_reaches_the_laptop_through_an_importers_sync(
    server,
    pg,
    office_sync,
    run,
    relay,
    laptop,
    laptop_path,
    office_path,  # noqa: F811
):
    """Replacing the reference data is the admin role's (it writes settings); posting it to the
    laptops is part of any sync, and records each post only in the audit log, which every role may
    append to."""
    from pathlib import Path

    from pace_desktop import reference
    from pace_desktop.store.store import Store

    nomis = Path(__file__).parents[1] / "reference" / "data" / "nomis-query-2026-10.csv"
    assert office_sync(server)[0] == 0  # the relay learns the laptop
    laptop.close()
    keyring = ("--keyring", str(office_path))
    code, out, err = run("office", "reference", "import-nomis", "--central", staff(pg, server, "pace_reports",
                         "reader"), *keyring, str(nomis))  # fmt: skip
    assert code == 3 and out == "" and "your database login does not have the role for it" in err
    code, out, err = run("office", "reference", "import-nomis", "--central", staff(pg, server, "pace_admin",
                         "admin"), *keyring, str(nomis))  # fmt: skip
    assert (code, err) == (0, "") and out.startswith("Reference data 2026-10-"), err
    version = out.split()[2]

    code, out, err = office_sync(staff(pg, server, "pace_import", "importer"))
    assert (code, err) == (0, ""), out
    assert out.rstrip().endswith("; the reference update sent to 1 laptop.")
    assert office_sync(staff(pg, server, "pace_import", "importer"))[1].rstrip().endswith("posted back.")

    reference.install(None)
    code, out, err = run("sync", "--store", str(laptop_path), "--relay", relay.url, "--pin", relay.pin)
    assert (code, err) == (0, "") and out.endswith(", the office's new reference data applied.\n"), out
    with Store.open(laptop_path, PASSPHRASE):
        assert reference.current().version == version
    reference.install(None)
