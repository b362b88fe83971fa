"""Several members of staff importing into the central database at once, on real parallel
connections, and an importer killed mid-transaction: nothing duplicated, nothing lost, one
import-history row per import, and an audit chain that still verifies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.central import open_central_on_server
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundle
from pace_desktop.store import imports
from pace_desktop.store.pg.connect import connect
from pace_desktop.store.pg.from_file import migrate_from_file
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import (  # noqa: F401 - laptop2 and its template: fixtures, by name
    _make_laptop,
    _open,
    laptop2,
    laptop2_template,
    register,
    table_counts,
)
from tests.pg.test_from_file import ROOT


@pytest.fixture
def laptops(office, laptop, laptop2, office_template, tmp_path):
    """Three laptops of the office, each enrolled."""
    third = _open(_make_laptop(tmp_path / "third", office_template, "Third"))
    for each in (laptop, laptop2, third):
        enrol_device(office, each.device_key().text())
    yield [laptop, laptop2, third]
    third.close()


@pytest.fixture
def server(office, laptops, pg_db, monkeypatch):
    """The office (no records yet, its laptops enrolled) moved to the server; its file kept as the
    keyring (closed)."""
    with connect(pg_db, allow_insecure=True) as conn:
        migrate_from_file(office, conn)
    office.close()
    monkeypatch.setenv("PACE_PG_ALLOW_INSECURE", "1")  # the tests' private socket has no TLS
    return pg_db


def _at_once(jobs: list[Callable[[], object]]) -> list[object]:
    """Run the jobs on threads released together; their results (or exceptions), in job order."""
    start = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(i: int) -> None:
        try:
            start.wait()
            results[i] = jobs[i]()
        except BaseException as exc:  # noqa: BLE001 - returned and asserted on
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _history(central, bundle: Path) -> list[str]:
    return [r.verdict for r in imports.history_rows(central.db, 100) if r.file_name == bundle.name]


def _each_person_once(central) -> int:
    ids = [r[0] for r in central.db.query("SELECT pace_id FROM clients")]
    assert len(ids) == len(set(ids)), "a person was imported twice"
    return len(ids)


def test_overlapping_bundles_of_one_laptop_imported_at_once(server, office_path, laptops, tmp_path):
    """The second bundle carries the first's people again (never confirmed), one of them changed:
    both import, every person once, the change kept whichever finished first."""
    laptop = laptops[0]
    out = tmp_path / "out"
    out.mkdir()
    _, people = register(laptop, 3, seed=21)
    first = export_bundle(laptop, out).path
    changed = laptop.clients.update(people[0].model_copy(update={"phone": "07700 900456"}))
    register(laptop, 2, seed=22)
    second = export_bundle(laptop, out, resend_unconfirmed=True).path
    staff = [open_central_on_server(office_path, PASSPHRASE, server) for _ in range(2)]
    try:
        verdicts = _at_once(
            [
                lambda: import_bundle(staff[0], first, receipts_dir=out),
                lambda: import_bundle(staff[1], second, receipts_dir=out),
            ]
        )
        lines = [getattr(v, "verdict", v) for v in verdicts]
        assert lines == ["accepted", "accepted"], [getattr(v, "line", lambda: v)() for v in verdicts]
        central = staff[0]
        assert _each_person_once(central) == 5
        stored = central.clients.get(changed.id)
        assert stored is not None and stored.version == changed.version and stored.phone == changed.phone
        assert _history(central, first) == ["accepted"] and _history(central, second) == ["accepted"]
        assert central.verify_audit().ok
    finally:
        for each in staff:
            each.close()


def test_distinct_bundles_from_three_laptops_imported_at_once(server, office_path, laptops, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    bundles = []
    for n, laptop in enumerate(laptops):
        register(laptop, 4, seed=30 + n)
        bundles.append(export_bundle(laptop, out).path)
    staff = [open_central_on_server(office_path, PASSPHRASE, server) for _ in bundles]
    try:
        results = _at_once(
            [
                (lambda s=s, b=b: import_bundle(s, b, receipts_dir=out))
                for s, b in zip(staff, bundles, strict=True)
            ]
        )
        assert [getattr(r, "verdict", r) for r in results] == ["accepted"] * 3
        central = staff[0]
        assert _each_person_once(central) == 12
        assert table_counts(central)["consents"] == sum(table_counts(each)["consents"] for each in laptops)
        for bundle in bundles:
            assert _history(central, bundle) == ["accepted"]
        assert central.verify_audit().ok
        heads = central.db.query("SELECT DISTINCT device_id FROM device_audit_heads")
        assert len(heads) == 3  # each laptop's own chain head kept
    finally:
        for each in staff:
            each.close()


def _backend_waiting_with_writes(conn, ours: int) -> int | None:
    """The pid of another backend that has written in its open transaction and waits on a lock."""
    row = conn.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> %s "
        "AND wait_event_type = 'Lock' AND backend_xid IS NOT NULL",
        (ours,),
    ).fetchone()
    return None if row is None else row[0]


def test_an_importer_killed_mid_transaction_leaves_the_server_as_it_was(
    server, office_path, laptops, tmp_path
):
    """``office import`` is killed (SIGKILL) after writing the bundle's records, before it commits:
    the server rolls it all back, and the same bundle then imports cleanly."""
    laptop = laptops[0]
    register(laptop, 6, seed=41)
    out = tmp_path / "out"
    out.mkdir()
    bundle = export_bundle(laptop, out).path
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PACE_PASSPHRASE": PASSPHRASE}
    command = [sys.executable, "-m", "pace_desktop", "office", "import", "--central", server]
    command += ["--keyring", str(office_path), "--receipts", str(out), str(bundle)]
    with connect(server, allow_insecure=True) as holder, connect(server, allow_insecure=True) as watch:
        watch.autocommit = True
        audit_before = watch.execute("SELECT count(*) FROM audit").fetchone()[0]
        ours = holder.execute("SELECT pg_backend_pid()").fetchone()[0]
        # The import appends its audit entry last: holding the chain head stops it there, with its
        # records and history written but not committed.
        holder.execute("SELECT count FROM audit_head FOR UPDATE")
        importer = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            backend = None
            for _ in range(2400):  # a bound, not a timing: until the import waits, mid-transaction
                backend = _backend_waiting_with_writes(watch, ours)
                if backend is not None or importer.poll() is not None:
                    break
                threading.Event().wait(0.05)
            assert backend is not None, importer.stderr.read() if importer.poll() is not None else "no wait"
            os.kill(importer.pid, signal.SIGKILL)
            assert importer.wait(timeout=60) == -signal.SIGKILL
        finally:
            if importer.poll() is None:
                importer.kill()
                importer.wait()
            importer.stderr.close()  # type: ignore[union-attr]
        holder.rollback()  # the head is free: the orphaned backend finds its client gone
        gone = False
        for _ in range(2400):
            gone = (
                watch.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (backend,)).fetchone() is None
            )
            if gone:
                break
            threading.Event().wait(0.05)
        assert gone, "the killed importer's transaction is still open on the server"
        assert watch.execute("SELECT count(*) FROM clients").fetchone()[0] == 0
        assert watch.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
        assert watch.execute("SELECT count(*) FROM audit").fetchone()[0] == audit_before
        assert watch.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").fetchone()[0] == 0
    central = open_central_on_server(office_path, PASSPHRASE, server)
    try:
        assert central.verify_audit().ok
        result = import_bundle(central, bundle, receipts_dir=out)
        assert result.verdict == "accepted", result.line()
        assert _each_person_once(central) == 6
        assert _history(central, bundle) == ["accepted"]
        assert central.verify_audit().ok
    finally:
        central.close()


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(10))
@pytest.mark.parametrize("race", ["overlapping", "distinct"])
def test_the_import_races_again_and_again(server, office_path, laptops, tmp_path, race, round_):
    """The two races above, many times over (``make test-slow``), each round on a fresh database."""
    test = {
        "overlapping": test_overlapping_bundles_of_one_laptop_imported_at_once,
        "distinct": test_distinct_bundles_from_three_laptops_imported_at_once,
    }[race]
    test(server, office_path, laptops, tmp_path)
