"""Misuse: guessing passphrases across restarts, editing the audit log, and a store copied elsewhere.

Guesses are made as separate processes of the real command line, so "restart" means a new program,
not a new object. The copied store is put in another home folder, as on another laptop.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyrage
import pytest

from pace_desktop.demo import seed
from pace_desktop.errors import LockedOut, StoreError, WrongPassphrase
from pace_desktop.store import audit as audit_log
from pace_desktop.store.store import Store, unlock_state_path
from tests.conftest import PASSPHRASE, copy_store

WRONG = "not the passphrase at all"


def cli(store: Path, passphrase: str, home: Path | None = None) -> tuple[int, str]:
    """One run of ``pace-desktop device-key`` as its own process: exit status and stderr."""
    env = dict(os.environ, PACE_PASSPHRASE=passphrase)
    if home is not None:
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    program = "import sys; from pace_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", program, "device-key", "--store", str(store)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return done.returncode, done.stderr


# -- unlock back-off across restarts ------------------------------------------------------------------


def test_the_back_off_outlives_the_process_that_earned_it(store_path, figure):
    fig = figure("misuse-backoff", "passphrase guessing across restarts")
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            Store.open(store_path, WRONG)
        fig.faults += 1
    status, err = cli(store_path, PASSPHRASE)  # a new program, with the right passphrase
    fig.runs = 5
    assert status == 3 and "Too many wrong passphrases: wait" in err and err.count("\n") == 1
    fig.note("refused while waiting")


@pytest.mark.slow
def test_guessing_from_new_processes_and_the_kiosk_is_slowed_and_tampering_fails_closed(store_path, figure):
    fig = figure("misuse-backoff", "passphrase guessing across restarts")
    kiosk_laptop = Store.open(store_path, PASSPHRASE)  # unlocked, running the kiosk, before the guessing
    for _ in range(3):  # three free tries, each its own program
        status, err = cli(store_path, WRONG)
        assert status == 3 and "passphrase is not right" in err
        fig.runs += 1
        fig.faults += 1
    status, err = cli(store_path, WRONG)  # the fourth earns a wait
    assert status == 3
    fig.runs += 1
    fig.faults += 1
    for attempt in (WRONG, PASSPHRASE):  # a new program, right or wrong, must wait
        status, err = cli(store_path, attempt)
        assert status == 3 and "wait" in err
        fig.runs += 1
        fig.note("refused while waiting")
    # The kiosk's "leave kiosk mode" check shares the same record: no fresh guesses there either.
    with kiosk_laptop:
        with pytest.raises(LockedOut):
            kiosk_laptop.verify_passphrase(PASSPHRASE)
        fig.runs += 1
        fig.note("refused while waiting")
    # Breaking the record beside the store buys nothing: it fails closed at the longest wait.
    state = unlock_state_path(store_path)
    for broken in (b"", b"{", b'{"version": 1, "failures": -5, "last_failure": 0}', os.urandom(64)):
        state.write_bytes(broken)
        status, err = cli(store_path, PASSPHRASE)
        assert status == 3 and "wait" in err, broken
        seconds = int(err.split("wait ")[1].split()[0])
        assert seconds > 14 * 60
        fig.runs += 1
        fig.faults += 1
        fig.note("tampered records refused")
    # Once the wait has passed (moved back by a day here), the right passphrase opens and resets it.
    state.write_text('{"version": 1, "failures": 4, "last_failure": %f}' % (time.time() - 86400))
    status, err = cli(store_path, PASSPHRASE)
    assert status == 0, err
    status, err = cli(store_path, WRONG)
    assert status == 3 and "not right" in err  # a fresh count after a success
    fig.runs += 2


# -- the audit log ------------------------------------------------------------------------------------

TAMPERING = {
    # name: (SQL with {seq} for an entry in the middle, words the finding starts with). Opening the
    # store again adds an entry, so a removed newest entry may be reported as a broken link instead.
    "edit a detail": ("UPDATE audit SET detail = 'sequence=99' WHERE seq = {seq}", "was changed"),
    "edit who": ("UPDATE audit SET actor = 'Someone Else' WHERE seq = {seq}", "was changed"),
    "edit when": (
        "UPDATE audit SET at = '2020-01-01T00:00:00.000000+00:00' WHERE seq = {seq}",
        "was changed",
    ),
    "edit what": ("UPDATE audit SET action = 'view' WHERE seq = {seq}", "was changed"),
    "edit which record": ("UPDATE audit SET entity_id = 'x' WHERE seq = {seq}", "was changed"),
    "remove one": ("DELETE FROM audit WHERE seq = {seq}", "is missing"),
    "remove the newest": ("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)", "Audit entr"),
    "remove several": ("DELETE FROM audit WHERE seq BETWEEN {seq} AND {seq} + 3", "is missing"),
    "remove the record of the newest": ("DELETE FROM audit_head", "Audit entr"),
    "add one": (
        "INSERT INTO audit SELECT seq + 1000, at, actor, action, entity, entity_id, detail, "
        "prev_hash, hash FROM audit WHERE seq = {seq}",
        "Audit entr",
    ),
    "swap two": (
        "UPDATE audit SET seq = -1 WHERE seq = {seq}; "
        "UPDATE audit SET seq = {seq} WHERE seq = {seq} + 1; "
        "UPDATE audit SET seq = {seq} + 1 WHERE seq = -1",
        "out of order",
    ),
}


def _rehash(conn, seq: int) -> None:
    """The careful forger: recompute the edited entry's own hash (the next entry still points back)."""
    row = conn.execute(
        "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash FROM audit WHERE seq = ?", (seq,)
    ).fetchone()
    conn.execute("UPDATE audit SET hash = ? WHERE seq = ?", (audit_log.entry_hash(*row), seq))


def tamper_and_verify(store_path: Path, tmp_path: Path, fig, names: list[str]) -> None:
    with Store.open(store_path, PASSPHRASE) as store:
        seed(store, events=2, clients=10)
        for client in list(store.clients.all())[:5]:
            store.clients.update(client.model_copy(update={"job_title": "Fitter"}))
    cases = [(name, *TAMPERING[name], False) for name in names if name in TAMPERING]
    if "edit and re-hash" in names:
        cases.append(("edit and re-hash", TAMPERING["edit a detail"][0], "no longer link", True))
    for name, sql, said, rehash in cases:
        copy = copy_store(store_path, tmp_path / name.replace(" ", "-"))
        with Store.open(copy, PASSPHRASE) as store:
            seq = int(store.db.scalar("SELECT max(seq) FROM audit")) // 2
            with store.transaction() as conn:
                for statement in sql.format(seq=seq).split("; "):
                    conn.execute(statement)
                if rehash:
                    _rehash(conn, seq)
        # Found after the store is closed and opened again, as the office or an auditor would.
        with Store.open(copy, PASSPHRASE) as store:
            report = store.verify_audit()
        assert not report.ok, name
        assert said in (report.problem or ""), (name, report.problem)
        assert "\n" not in report.problem
        fig.runs += 1
        fig.faults += 1
        fig.records += report.entries


def test_an_audit_entry_edited_or_removed_is_found(store_path, tmp_path, figure):
    fig = figure("misuse-audit", "audit entries edited, removed, added or moved")
    tamper_and_verify(store_path, tmp_path, fig, ["edit a detail", "remove one", "edit and re-hash"])


@pytest.mark.slow
def test_every_way_of_editing_or_removing_audit_entries_is_found(store_path, tmp_path, figure):
    fig = figure("misuse-audit", "audit entries edited, removed, added or moved")
    tamper_and_verify(store_path, tmp_path, fig, [*TAMPERING, "edit and re-hash"])


# -- a store copied to another laptop -------------------------------------------------------------------


def copied_store(store_path: Path, tmp_path: Path, fig, guesses: int) -> None:
    office = pyrage.x25519.Identity.generate()
    with Store.open(store_path, PASSPHRASE) as store:
        store.set_office_recipient(str(office.to_public()))
        seed(store, events=1, clients=12)
        names = [c.last_name for c in store.clients.all()]
    elsewhere = tmp_path / "other-laptop"
    copy = copy_store(store_path, elsewhere / "Documents")

    def refused(attempt) -> None:  # noqa: ANN001
        with pytest.raises((WrongPassphrase, StoreError)) as caught:
            attempt()
        assert "\n" not in str(caught.value)
        fig.runs += 1
        fig.faults += 1

    # Another laptop, another user: a wrong passphrase, a wrong office key, a made-up data key.
    status, err = cli(copy, WRONG, home=elsewhere)
    assert status == 3 and "not right" in err
    fig.runs += 1
    fig.faults += 1
    for _ in range(guesses):
        refused(lambda: Store.open_recovery(copy, str(pyrage.x25519.Identity.generate())))
        refused(lambda: Store._open_with_key(copy, _keys(copy), os.urandom(32), "a guessed key"))
    later = [2_000_000_000.0]
    for n in range(guesses):  # passphrase guesses, however patient (the back-off is waited out)
        later[0] += 3600
        refused(lambda n=n: Store.open(copy, f"guess number {n} of many", clock=lambda: later[0]))
    later[0] += 3600
    # The stock SQLite library sees no database at all.
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(copy).execute("SELECT count(*) FROM sqlite_master").fetchone()
    fig.runs += 1
    fig.faults += 1
    raw = b"".join(p.read_bytes() for p in copy.parent.iterdir())
    assert not [n for n in names if n.encode() in raw]
    # Without its key file beside it the store cannot be opened, even with the right passphrase.
    lonely = elsewhere / "alone" / "pace.store"
    lonely.parent.mkdir(parents=True)
    shutil.copy2(copy, lonely)
    refused(lambda: Store.open(lonely, PASSPHRASE))
    # Another store's key file beside it: refused, not "opened" with a key that does not fit.
    other = tmp_path / "other" / "pace.store"
    Store.create(other, adviser="Other Adviser", passphrase=PASSPHRASE).close()
    shutil.copy2(other.with_name("pace.store.keys"), lonely.with_name("pace.store.keys"))
    refused(lambda: Store.open(lonely, PASSPHRASE))
    # The right passphrase, in a new process with another home folder, opens it; so does the office.
    Store.open(copy, PASSPHRASE, clock=lambda: later[0]).close()  # resets the back-off it earned
    status, err = cli(copy, PASSPHRASE, home=elsewhere)
    assert status == 0, err
    with Store.open_recovery(copy, str(office)) as recovered:
        assert sorted(c.last_name for c in recovered.clients.all()) == sorted(names)
        fig.records = recovered.clients.count()
    fig.runs += 2


def test_a_copied_store_opens_only_with_a_passphrase_or_the_office_recovery_key(store_path, tmp_path, figure):
    copied_store(store_path, tmp_path, figure("misuse-copied-store", "a store copied to another laptop"), 1)


@pytest.mark.slow
def test_a_copied_store_resists_many_guesses(store_path, tmp_path, figure):
    copied_store(store_path, tmp_path, figure("misuse-copied-store", "a store copied to another laptop"), 25)


def _keys(path: Path):  # noqa: ANN202 - the key-slot file beside a store
    from pace_desktop.store.keyslots import KeySlotFile
    from pace_desktop.store.store import keys_path

    return KeySlotFile.load(keys_path(path))


# -- an adviser who leaves --------------------------------------------------------------------------------


def test_a_removed_advisers_old_key_file_no_longer_opens_the_store(store_path, tmp_path):
    with Store.open(store_path, PASSPHRASE) as store:
        store.add_adviser("Leaving Adviser", "a passphrase they take with them")
    kept = tmp_path / "kept.keys"
    shutil.copy2(store_path.with_name("pace.store.keys"), kept)  # the leaver keeps a copy
    with Store.open(store_path, PASSPHRASE) as store:
        store.remove_adviser("Leaving Adviser")
        seed(store, events=1, clients=3)
    # Later the laptop itself goes missing: the store, with the key file the leaver kept beside it.
    stolen = tmp_path / "stolen" / "pace.store"
    stolen.parent.mkdir()
    shutil.copy2(store_path, stolen)
    shutil.copy2(kept, stolen.with_name("pace.store.keys"))
    with pytest.raises(WrongPassphrase):
        Store.open(stolen, "a passphrase they take with them").close()
