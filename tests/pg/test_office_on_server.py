"""An office whose central database is on PostgreSQL imports a laptop's bundle into it, end to end:
records, history, receipts and the audit chain on the server, the secret keys from the file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pace_desktop.errors import StoreError
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.central import office_recipients, open_central, open_central_on_server
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundle
from pace_desktop.store import audit, imports
from pace_desktop.store.pg.connect import connect
from pace_desktop.store.pg.from_file import migrate_from_file
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import (  # noqa: F401 - laptop2's fixtures, shared by name
    forge,
    laptop2,
    laptop2_template,
    laptop_parts,
    register,
    table_counts,
)
from tests.pg.test_from_file import ROOT, busy_office  # noqa: F401 - the fixture, shared by name


@pytest.fixture
def moved(busy_office, office_path, pg_db, monkeypatch):  # noqa: F811 - the fixture above
    """The busy office moved to the server; its file kept as the keyring (closed)."""
    with connect(pg_db, allow_insecure=True) as conn:
        migrate_from_file(busy_office, conn)
    busy_office.close()
    monkeypatch.setenv("PACE_PG_ALLOW_INSECURE", "1")  # the tests' private socket has no TLS
    return pg_db


def test_a_bundle_imports_into_the_central_database_not_the_file(moved, office_path, laptop, tmp_path):
    register(laptop, 3, seed=7)
    out = tmp_path / "out2"
    out.mkdir()
    bundle = export_bundle(laptop, out).path
    central = open_central_on_server(office_path, PASSPHRASE, moved)
    try:
        assert table_counts(central)["clients"] == 5  # what the move brought
        imports_before = _actions(central).count("import")
        result = import_bundle(central, bundle, receipts_dir=out)
        assert result.verdict == "accepted", result.line()
        assert table_counts(central)["clients"] == 8
        assert import_bundle(central, bundle, receipts_dir=out).verdict == "already_had"
        assert central.verify_audit().ok
        assert _actions(central).count("import") == imports_before + 2  # audited on the server
        assert list(out.glob("*receipt*")), "a receipt signed with the key from the file"
    finally:
        central.close()
    # The file, the office's keyring, was not written to: its records are as the move left them.
    keyring = open_central(office_path, PASSPHRASE)
    try:
        assert table_counts(keyring)["clients"] == 5
    finally:
        keyring.close()


def _actions(store) -> list[str]:
    return [entry[3] for entry in audit.entries_after(store.db, 0)]


def test_a_database_of_another_office_is_refused(moved, office_template, tmp_path):
    from tests.conftest import copy_store

    other = copy_store(office_template.central, tmp_path / "other", "central.store")
    # The same template, so the same office id: make this one a different office's file.
    store = open_central(other, PASSPHRASE)
    store.set_settings({"device_id": "OFFICE-ELSEWHERE"})
    store.close()
    with pytest.raises(StoreError, match="belongs to another office"):
        open_central_on_server(other, PASSPHRASE, moved)


def test_office_import_by_command_on_the_central_database(moved, office_path, laptop, tmp_path):
    register(laptop, 2, seed=9)
    out = tmp_path / "out3"
    out.mkdir()
    bundle = export_bundle(laptop, out).path
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PACE_PASSPHRASE": PASSPHRASE}
    command = [sys.executable, "-m", "pace_desktop", "office", "import", "--central", moved]
    done = subprocess.run(
        [*command, "--keyring", str(office_path), "--receipts", str(out), str(bundle)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with connect(moved, allow_insecure=True) as conn:
        assert conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 7
    missing = subprocess.run([*command, str(bundle)], env=env, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "--keyring" in missing.stderr


def test_a_member_of_staff_with_only_the_import_role_can_import(moved, pg, office_path, laptop, tmp_path):
    """The grants are enough for the importer's store functions, run as ``pace_import`` alone."""
    from tests.pg.test_audit_head import staff

    register(laptop, 2, seed=11)
    out = tmp_path / "out4"
    out.mkdir()
    bundle = export_bundle(laptop, out).path
    central = open_central_on_server(office_path, PASSPHRASE, staff(pg, moved, "pace_import", "importer"))
    try:
        result = import_bundle(central, bundle, receipts_dir=out)
        assert result.verdict == "accepted", result.line()
        assert table_counts(central)["clients"] == 7
        assert central.verify_audit().ok
    finally:
        central.close()


def test_the_same_bundle_imported_twice_at_the_same_moment_is_accepted_once(
    moved, office_path, laptop, tmp_path
):
    """Two members of staff import one bundle at once: one acceptance, one 'already had', one
    history row each, every person once, and the audit chain still verifies."""
    import threading

    register(laptop, 4, seed=13)
    out = tmp_path / "out5"
    out.mkdir()
    bundle = export_bundle(laptop, out).path
    offices = [open_central_on_server(office_path, PASSPHRASE, moved) for _ in range(2)]
    start = threading.Barrier(2)
    verdicts: list[object] = []

    def importer(central) -> None:
        try:
            start.wait()
            verdicts.append(import_bundle(central, bundle, receipts_dir=out).verdict)
        except BaseException as exc:  # noqa: BLE001 - reported below
            verdicts.append(exc)

    threads = [threading.Thread(target=importer, args=(c,)) for c in offices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert sorted(map(str, verdicts)) == ["accepted", "already_had"]
        central = offices[0]
        assert table_counts(central)["clients"] == 9
        history = [r for r in imports.history_rows(central.db, 50) if r.file_name == bundle.name]
        assert sorted(r.verdict for r in history) == ["accepted", "already_had"]
        assert central.verify_audit().ok
    finally:
        for central in offices:
            central.close()


def test_an_import_racing_an_erasure_of_that_person_does_not_bring_them_back(
    moved, pg, office_path, laptop, tmp_path
):
    """A member of staff erases a person while another imports a bundle with a newer version of
    them: the import waits for the erasure, then finds the tombstone and skips the person."""
    import threading
    from datetime import UTC, datetime

    from pace_desktop.privacy.erasure import remove_person

    person = sorted(laptop.clients.all(), key=lambda c: str(c.id))[0]
    laptop.clients.update(person.model_copy(update={"phone": "07700 900123"}))  # version 2, newer
    out = tmp_path / "out6"
    out.mkdir()
    bundle = export_bundle(laptop, out).path
    dpo, importer = (open_central_on_server(office_path, PASSPHRASE, moved) for _ in range(2))
    importer_pid = importer.db.scalar("SELECT pg_backend_pid()")
    outcome: list[object] = []

    def imports() -> None:
        try:
            outcome.append(import_bundle(importer, bundle, receipts_dir=out))
        except BaseException as exc:  # noqa: BLE001 - reported below
            outcome.append(exc)

    thread = threading.Thread(target=imports)
    try:
        with dpo.transaction():
            stored = dpo.clients.get(person.id)
            assert stored is not None and stored.version == 1
            remove_person(dpo, stored, reason="request", at=datetime.now(UTC), exported=False)
            thread.start()
            for _ in range(1200):  # until the import waits for the erasure (a bound, not a timing)
                if _waits_for_a_lock(pg, moved, importer_pid) or not thread.is_alive():
                    break
                thread.join(0.05)
            assert thread.is_alive(), f"the import did not wait for the erasure: {outcome}"
        thread.join()
        (result,) = outcome
        assert result.verdict == "accepted", result  # type: ignore[union-attr]
        assert dpo.clients.get(person.id) is None  # not brought back
        assert str(person.id) in import_apply_erased(dpo)
        assert dpo.verify_audit().ok
    finally:
        thread.join()
        dpo.close()
        importer.close()


def import_apply_erased(store) -> set[str]:
    from pace_desktop.store.import_apply import erased_ids

    return erased_ids(store.db)


def _waits_for_a_lock(pg, url, pid) -> bool:
    with connect(url, allow_insecure=True, autocommit=True) as conn:
        row = conn.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone()
    return row is not None and row[0] == "Lock"


def test_a_schema_1_laptops_bundle_imports_into_the_central_database(moved, office_path, laptop2, tmp_path):
    """Issue 20: a laptop not yet on schema 2 writes no redundancy pay status or money advice; the
    server's records get them at their defaults, as step 8 gave the records already there. (A laptop
    that has sent a bundle with its audit head never sends the old format again: a second laptop.)"""
    _, clients = register(laptop2, 2, seed=11)
    parts = laptop_parts(laptop2, 1)
    assert b"wants_money_advice" not in parts["client"][0]
    path = tmp_path / "PACE-old.pacebundle"
    central = open_central_on_server(office_path, PASSPHRASE, moved)
    try:
        enrol_device(central, laptop2.device_key().text())
        path.write_bytes(forge(laptop2, office_recipients(central)[0], parts, schema_version=1))
        result = import_bundle(central, path, receipts_dir=tmp_path)
        assert result.verdict == "accepted", result.line()
        assert table_counts(central)["clients"] == 7
        for client in clients:
            got = central.clients.get(client.id)
            assert got.model_dump(
                exclude={"redundancy_pay_status", "wants_money_advice"}
            ) == client.model_dump(exclude={"redundancy_pay_status", "wants_money_advice"})
            assert got.redundancy_pay_status is None and got.wants_money_advice is None
    finally:
        central.close()
    with connect(moved, allow_insecure=True) as conn:
        # Every client on the server, moved or imported, has schema 2's fields in its jsonb.
        lacking = conn.execute(
            "SELECT count(*) FROM clients "
            "WHERE NOT data ?& ARRAY['redundancy_pay_status', 'wants_money_advice']"
        ).fetchone()[0]
    assert lacking == 0
