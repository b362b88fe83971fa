"""A full disk or a failing write, while saving, exporting, importing and writing files: the person sees
one plain line, nothing is committed by halves, and nothing already saved is lost.

How each fault is made is in ``tests/reliability/faults.py``; none needs a special mount.
"""

from __future__ import annotations

import errno
import os
import random
from datetime import date
from pathlib import Path

import pytest

from pace_desktop.cli import main
from pace_desktop.demo import make_client, make_event, seed
from pace_desktop.errors import DiskFull, PaceError, StoreError
from pace_desktop.exchange.export import export_bundle, export_history, pending_count
from pace_desktop.exchange.receipt import parse_receipt
from pace_desktop.exchange.tables import repositories
from pace_desktop.office.central import open_central
from pace_desktop.office.history import saved_receipt
from pace_desktop.office.importer import import_bundle
from pace_desktop.records.models import CaptureMethod
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.registration import build_checklist, build_consents
from pace_desktop.reports.report import write_report
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE
from tests.reliability import children
from tests.reliability.exchange_setup import make_bundles, make_exchange, reference_run, snapshot
from tests.reliability.faults import FailingWrites, cap_pages, leftovers, uncap_pages

DISK_FULL = "The disk is full: nothing was saved. Free some space and try again."
SLOW = int(os.environ.get("PACE_DISK_FAULTS", "300"))


def one_line(exc: BaseException) -> str:
    text = str(exc)
    assert isinstance(exc, PaceError), f"{type(exc).__name__} is not one of the documented errors"
    assert text and "\n" not in text and "Traceback" not in text
    return text


# -- saving registrations into a full store ----------------------------------------------------------


def _person(store, event, rng):
    client = make_client(rng, event, new_pace_id())
    if rng.random() < 0.5:  # some people come with long notes, so faults land at different places
        notes = "Needs help with CV and interview practice. " * rng.randrange(1, 90)
        client = client.model_copy(update={"notes": notes})
    consents = build_consents(
        {"pace_support": True, "contact_followup": rng.random() < 0.5, "client_survey": rng.random() < 0.5},
        how=CaptureMethod.with_adviser,
        by=store.actor,
    )
    return client, consents, build_checklist({}, client=client, event=event)


def full_store_saves(store_path: Path, faults: int, fig, *, seed_: int) -> None:
    rng = random.Random(seed_)
    committed: set[str] = set()
    store = Store.open(store_path, PASSPHRASE)
    try:
        event = store.events.add(make_event(rng, date(2026, 11, 20)))
        while fig.faults < faults:
            cap_pages(store, rng.randrange(0, 8))
            for _ in range(10_000):
                client, consents, checklist = _person(store, event, rng)
                try:
                    saved = store.register(client, consents, checklist)
                except DiskFull as exc:
                    assert one_line(exc) == DISK_FULL
                    fig.faults += 1
                    # Nothing of the refused registration, and everything before it.
                    assert store.clients.get(client.id) is None
                    assert not store.consents.for_parent(client.id)
                    assert not store.checklists.for_parent(client.id)
                    break
                committed.add(str(saved.id))
            else:
                raise AssertionError("the capped store never filled up")
            uncap_pages(store)  # space freed: the next save works
            fig.runs += 1
            if fig.faults % 25 == 0:
                store.close()
                store = Store.open(store_path, PASSPHRASE)
                _check(store, committed, fig)
        client, consents, checklist = _person(store, event, rng)
        committed.add(str(store.register(client, consents, checklist).id))
    finally:
        store.close()
    with Store.open(store_path, PASSPHRASE) as store:
        _check(store, committed, fig)


def _check(store: Store, committed: set[str], fig) -> None:
    assert store.db.integrity_ok()
    report = store.verify_audit()
    assert report.ok, report.problem
    present = {r[0] for r in store.db.query("SELECT id FROM clients")}
    fig.lost = max(fig.lost, len(committed - present))
    assert committed <= present, "a saved registration was lost"
    assert present - committed == set(), "a refused registration was kept"
    fig.records = int(
        store.db.scalar("SELECT count(*) FROM clients")
        + store.db.scalar("SELECT count(*) FROM consents")
        + store.db.scalar("SELECT count(*) FROM checklists")
    )


def test_a_full_store_refuses_the_whole_registration(store_path, figure):
    fig = figure("disk-full-saves", "full disk while saving registrations")
    full_store_saves(store_path, 6, fig, seed_=1)


@pytest.mark.slow
def test_a_full_store_refuses_the_whole_registration_every_time(store_path, figure):
    fig = figure("disk-full-saves", "full disk while saving registrations")
    full_store_saves(store_path, SLOW, fig, seed_=2)


# -- real I/O errors from the kernel while saving (a child whose files may not grow) -------------------


def io_error_saves(store_path: Path, runs: int, fig, *, seed_: int) -> None:
    rng = random.Random(seed_)
    with Store.open(store_path, PASSPHRASE) as store:
        store.events.add(make_event(rng, date(2026, 11, 20)))
    committed: set[str] = set()
    ctx = children.context()
    for run in range(runs):
        here, there = ctx.Pipe(duplex=False)
        proc, _phase = children.start(
            children.limited_saver, str(store_path), PASSPHRASE, run, rng.randrange(4096, 400_000), there
        )
        kind, message, saved = here.recv()
        proc.join(30)
        assert kind in ("StoreError", "DiskFull"), f"run {run}: {kind}: {message}"
        assert "\n" not in message
        assert message in (DISK_FULL, "The store could not save that change; nothing was changed. Try again.")
        fig.runs += 1
        fig.faults += 1
        fig.note(f"{kind} shown")
        committed |= set(saved)
        with Store.open(store_path, PASSPHRASE) as store:
            _check(store, committed, fig)


def test_an_io_error_while_saving_loses_nothing(store_path, figure):
    io_error_saves(store_path, 2, figure("io-error-saves", "I/O errors (EFBIG) while saving"), seed_=1)


@pytest.mark.slow
def test_io_errors_while_saving_lose_nothing(store_path, figure):
    fig = figure("io-error-saves", "I/O errors (EFBIG) while saving")
    io_error_saves(store_path, 60, fig, seed_=2)


# -- exporting onto a full USB stick -------------------------------------------------------------------


def full_export(tmp_path: Path, monkeypatch, runs: int, fig, *, seed_: int) -> None:
    made = make_exchange(tmp_path / "setup")
    outbox = tmp_path / "stick"
    outbox.mkdir()
    rng = random.Random(seed_)
    with Store.open(made.laptop, PASSPHRASE) as laptop:
        seed(laptop, events=2, clients=60)
        waiting = pending_count(laptop)
        sequence = laptop.setting("export_sequence")
        size = len(export_bundle(laptop, tmp_path / "setup").path.read_bytes())  # a dry run's size
        laptop.db.execute("UPDATE settings SET value = ? WHERE key = 'export_sequence'", (sequence,))
        for repo in repositories(laptop).values():  # every record table, employers included
            laptop.db.execute(f"UPDATE {repo.table} SET exported_version = 0")  # noqa: S608
        laptop.db.execute("DELETE FROM exports")
        for run in range(runs):
            with monkeypatch.context() as patch:
                eio = run % 5 == 4
                failing = FailingWrites(
                    patch, outbox, rng.randrange(0, size), fsync_code=errno.EIO if eio else None
                )
                with pytest.raises(PaceError) as caught:
                    export_bundle(laptop, outbox)
            if eio:
                fig.note("EIO on fsync")
            else:
                assert str(caught.value) == DISK_FULL
            assert failing.failures
            fig.runs += 1
            fig.faults += 1
            # Nothing half on the stick, nothing marked as sent.
            assert leftovers(outbox) == []
            assert pending_count(laptop) == waiting
            assert laptop.setting("export_sequence") == sequence and export_history(laptop) == []
        done = export_bundle(laptop, outbox)  # space freed: the same records go, once
        assert pending_count(laptop) == 0 and done.sequence == int(sequence) + 1
        assert laptop.verify_audit().ok
        sent = done.records
    with open_central(made.central, PASSPHRASE) as office:
        result = import_bundle(office, done.path)
        assert result.verdict == "accepted" and result.outcomes.get("added") == sent
    fig.records = sent


def test_a_full_stick_leaves_no_half_bundle_and_marks_nothing(tmp_path, monkeypatch, figure):
    fig = figure("disk-full-export", "full disk or I/O error while exporting")
    full_export(tmp_path, monkeypatch, 5, fig, seed_=1)


@pytest.mark.slow
def test_a_full_stick_every_way(tmp_path, monkeypatch, figure):
    fig = figure("disk-full-export", "full disk or I/O error while exporting")
    full_export(tmp_path, monkeypatch, 200, fig, seed_=2)


def test_an_io_error_while_exporting_is_one_line_from_the_command_line(tmp_path, monkeypatch, capsys):
    made = make_exchange(tmp_path / "setup")
    with Store.open(made.laptop, PASSPHRASE) as laptop:
        seed(laptop, events=1, clients=5)
    outbox = tmp_path / "stick"
    outbox.mkdir()
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    for code in (errno.ENOSPC, errno.EIO):
        with monkeypatch.context() as patch:
            FailingWrites(patch, outbox, 100, code)
            status = main(["export", "--store", str(made.laptop), "--out", str(outbox)])
        err = capsys.readouterr().err
        assert status == 1 and err.count("\n") == 1 and err.startswith("pace-desktop: ")
        assert "Traceback" not in err
        if code == errno.ENOSPC:
            assert err == f"pace-desktop: {DISK_FULL}\n"
        else:
            assert "could not be written to" in err and "Check the disk or USB stick" in err
        assert leftovers(outbox) == []
    with Store.open(made.laptop, PASSPHRASE) as laptop:
        assert export_history(laptop) == [] and pending_count(laptop) > 0  # nothing marked as sent


# -- importing into a full central store -----------------------------------------------------------------


def full_import(tmp_path: Path, monkeypatch, faults: int, fig, *, rounds: int, seed_: int) -> None:
    made = make_exchange(tmp_path / "setup")
    bundles = make_bundles(made.laptop, tmp_path / "outbox", rounds, 60, rng_seed=seed_)
    states, _ = reference_run(made.central, bundles, tmp_path / "reference")
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    rng = random.Random(seed_)
    with open_central(made.central, PASSPHRASE) as office:
        office.db.execute("PRAGMA synchronous = OFF")  # durability is the crash loop's job; speed here
        done = 0
        while done < len(bundles):
            if fig.faults < faults:
                cap_pages(office, rng.randrange(0, 40))
            try:
                result = import_bundle(office, bundles[done], receipts_dir=receipts)
            except DiskFull as exc:
                assert one_line(exc) == DISK_FULL
                fig.faults += 1
                assert snapshot(office) == states[done], "a full disk left a bundle half imported"
                continue
            finally:
                uncap_pages(office)
                fig.runs += 1
            assert result.verdict == "accepted", result.reason
            done += 1
            assert snapshot(office) == states[done]
        # The receipt folder is full: the import stands, the receipt waits in the history.
        extra = make_bundles(made.laptop, tmp_path / "outbox2", 1, 5, rng_seed=seed_ + 1)[0]
        with monkeypatch.context() as patch:
            FailingWrites(patch, receipts, 0)
            result = import_bundle(office, extra, receipts_dir=receipts)
        fig.faults += 1
        assert result.verdict == "accepted" and result.receipt_path is None
        assert "save it again from the import history" in result.receipt_error
        parse_receipt(saved_receipt(office, result.bundle_id))
        assert office.verify_audit().ok and office.db.integrity_ok()
        fig.records = sum(snapshot(office)[t][0] for t in ("events", "clients", "consents", "checklists"))


def test_a_full_central_store_imports_all_or_nothing(tmp_path, monkeypatch, figure):
    full_import(
        tmp_path, monkeypatch, 8, figure("disk-full-import", "full disk while importing"), rounds=2, seed_=1
    )


@pytest.mark.slow
def test_a_full_central_store_imports_all_or_nothing_every_time(tmp_path, monkeypatch, figure):
    full_import(
        tmp_path,
        monkeypatch,
        SLOW,
        figure("disk-full-import", "full disk while importing"),
        rounds=12,
        seed_=2,
    )


def test_a_full_disk_during_office_import_is_one_line(tmp_path, monkeypatch, capsys):
    made = make_exchange(tmp_path / "setup")
    bundle = make_bundles(made.laptop, tmp_path / "outbox", 1, 30)[0]
    from pace_desktop.store import database

    original = database.Database.__init__

    def full(self, *args, **kwargs):
        original(self, *args, **kwargs)
        pages = self.scalar("PRAGMA page_count")
        self.scalar(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(database.Database, "__init__", full)
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    status = main(["office", "import", "--central", str(made.central), str(bundle)])
    err = capsys.readouterr().err
    assert status == 1 and err == f"pace-desktop: {DISK_FULL}\n"
    monkeypatch.setattr(database.Database, "__init__", original)
    with open_central(made.central, PASSPHRASE) as office:
        assert office.clients.count() == 0 and office.verify_audit().ok


# -- the small files beside the store, and reports --------------------------------------------------------


def full_disk_files(
    store_path: Path, tmp_path: Path, monkeypatch, fig, budgets: list[int], fail_points: list[int]
) -> None:
    folder = store_path.parent
    keys_before = (folder / "pace.store.keys").read_bytes()
    with Store.open(store_path, PASSPHRASE) as store:
        seed(store, events=1, clients=20)
        for budget in budgets:
            with monkeypatch.context() as patch:
                FailingWrites(patch, folder, budget)
                with pytest.raises(DiskFull):
                    store.add_adviser("Ruaridh Second", "another long passphrase here")
                with pytest.raises(DiskFull):
                    store.change_passphrase("Ailsa Demo", PASSPHRASE, "a brand new passphrase now")
            fig.faults += 2
            fig.runs += 2
            assert (folder / "pace.store.keys").read_bytes() == keys_before
            assert not [n for n in leftovers(folder) if n.endswith(".tmp")]
        # A report onto a full disk: no workbook, no temp parts, no audit entry claiming one.
        reports = tmp_path / "reports"
        reports.mkdir()
        import zipfile

        # How many pieces a report is written in: a full disk is tried at each of them.
        counted = [0]
        real_writestr = zipfile.ZipFile.writestr

        def counting(self, *args, **kwargs):
            counted[0] += 1
            return real_writestr(self, *args, **kwargs)

        with monkeypatch.context() as patch:
            patch.setattr(zipfile.ZipFile, "writestr", counting)
            write_report(store, "records", reports / "count.xlsx").path.unlink()
        for fail_at in [n for n in fail_points if n <= counted[0]]:
            calls = [0]
            real = zipfile.ZipFile.writestr

            def writestr(self, *args, _real=real, _calls=calls, _at=fail_at, **kwargs):
                _calls[0] += 1
                if _calls[0] >= _at:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                return _real(self, *args, **kwargs)

            audit_before = store.db.scalar("SELECT count(*) FROM audit WHERE action = 'report'")
            with monkeypatch.context() as patch:
                patch.setattr(zipfile.ZipFile, "writestr", writestr)
                with pytest.raises(DiskFull) as caught:
                    write_report(store, "records", reports / "records.xlsx")
            assert one_line(caught.value) == DISK_FULL
            assert leftovers(reports) == []
            assert store.db.scalar("SELECT count(*) FROM audit WHERE action = 'report'") == audit_before
            fig.faults += 1
            fig.runs += 1
        assert write_report(store, "records", reports / "records.xlsx").path.exists()
        fig.records = store.clients.count()
    # The old passphrase still opens the store; the new ones were never half-written.
    with Store.open(store_path, PASSPHRASE) as store:
        assert store.keys.advisers == ["Ailsa Demo"] and store.verify_audit().ok
    # A wrong passphrase on a full disk: one line, and the back-off file is never left half-written.
    with monkeypatch.context() as patch:
        FailingWrites(patch, folder, 5)
        with pytest.raises((DiskFull, StoreError)) as caught:
            Store.open(store_path, "not the right passphrase at all")
        one_line(caught.value)
    fig.faults += 1
    fig.runs += 1
    assert not [n for n in leftovers(folder) if n.endswith(".tmp")]


def test_full_disk_for_key_slots_back_off_and_reports(store_path, tmp_path, monkeypatch, figure):
    fig = figure("disk-full-files", "full disk writing key slots, back-off and reports")
    full_disk_files(store_path, tmp_path, monkeypatch, fig, [0, 10, 200], [1, 3, 8])


@pytest.mark.slow
def test_full_disk_for_key_slots_back_off_and_reports_at_every_point(
    store_path, tmp_path, monkeypatch, figure
):
    fig = figure("disk-full-files", "full disk writing key slots, back-off and reports")
    full_disk_files(store_path, tmp_path, monkeypatch, fig, list(range(0, 480, 16)), list(range(1, 100)))
