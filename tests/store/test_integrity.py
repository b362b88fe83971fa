"""A damaged store is refused at open, by name, with what to do; never opened as healthy.

Real damage to a real SQLCipher file: the last byte cut, or one bit flipped in a page. Each is refused by
``Store.open`` and by the command line (one line on stderr, nothing from SQLCipher's own log), and the
damaged file is left exactly as it was (nothing written into it while refusing).
"""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, timedelta

import pytest

from pace_desktop.demo import seed
from pace_desktop.errors import StoreDamaged
from pace_desktop.store.database import PAGE_SIZE
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE, copy_store

WHAT_TO_DO = "restore your last backup copy, or ask the office to recover your data."


@pytest.fixture(scope="module")
def filled_store(template_store, tmp_path_factory):
    """A closed store of a few hundred fictional people (many pages), checkpointed: no -wal."""
    path = copy_store(template_store, tmp_path_factory.mktemp("filled"))
    with Store.open(path, PASSPHRASE) as store:
        seed(store, events=2, clients=300)
    assert not path.with_name(path.name + "-wal").exists()
    return path


def _damaged_copy(filled_store, tmp_path, how: str, where: float = 0.5):
    path = copy_store(filled_store, tmp_path / "damaged")
    data = bytearray(path.read_bytes())
    if how == "cut":
        del data[-1]
    else:
        pages = len(data) // PAGE_SIZE
        page = min(pages - 1, int(pages * where))
        offset = page * PAGE_SIZE + random.Random(page).randrange(PAGE_SIZE)
        data[offset] ^= 1 << random.Random(offset).randrange(8)
    path.write_bytes(bytes(data))
    return path, bytes(data)


def _assert_refused(path, before: bytes):
    with pytest.raises(StoreDamaged) as err:
        Store.open(path, PASSPHRASE)
    text = str(err.value)
    assert "\n" not in text and text.startswith(f"The store {path.name} ")
    # Damage in the first page stops the first read; anywhere else, the page check at open.
    assert text.endswith(" is damaged and was not opened: " + WHAT_TO_DO) or text.endswith(
        "the file is damaged. " + WHAT_TO_DO[0].upper() + WHAT_TO_DO[1:]
    )
    assert path.read_bytes() == before  # refusing wrote nothing into it
    assert (
        not path.with_name(path.name + "-wal").exists()
        or path.with_name(path.name + "-wal").stat().st_size == 0
    )


def test_the_last_byte_cut_is_refused_by_name(filled_store, tmp_path):
    _assert_refused(*_damaged_copy(filled_store, tmp_path, "cut"))


@pytest.mark.parametrize("where", [0.0, 0.1, 0.35, 0.5, 0.75, 0.99, 1.0])
def test_one_bit_flipped_in_any_page_is_refused_by_name(filled_store, tmp_path, where):
    _assert_refused(*_damaged_copy(filled_store, tmp_path, "flip", where))


def test_an_intact_store_opens_and_passes_the_full_check(filled_store, tmp_path):
    path = copy_store(filled_store, tmp_path / "intact")
    with Store.open(path, PASSPHRASE) as store:
        store.check_integrity()
        assert store.client_queries is not None


def _cli(*args):
    import os

    env = {**os.environ, "PACE_PASSPHRASE": PASSPHRASE}
    return subprocess.run(
        [sys.executable, "-m", "pace_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("how", ["cut", "flip"])
def test_audit_check_refuses_a_damaged_store_in_one_line(filled_store, tmp_path, how):
    path, _ = _damaged_copy(filled_store, tmp_path, how)
    result = _cli("audit-check", "--store", str(path))
    assert result.returncode == 3
    assert result.stdout == ""
    # One line, ours: nothing of SQLCipher's own log ("hmac check failed") on stderr.
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"pace-desktop: The store {path.name} ") and line.endswith(WHAT_TO_DO[1:])


def test_audit_check_runs_the_full_check_on_a_healthy_store(filled_store, tmp_path):
    path = copy_store(filled_store, tmp_path / "healthy")
    result = _cli("audit-check", "--store", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Every page of the store checks out (full integrity check)."


def _page_checks(caplog) -> int:
    return sum("page check (at open)" in r.getMessage() for r in caplog.records)


def test_reopening_in_the_same_process_skips_the_check_only_while_the_file_is_unchanged(
    filled_store, tmp_path, caplog
):
    """Auto-lock then unlock in one window does not pay for the page check again; any change does."""
    import logging

    caplog.set_level(logging.DEBUG, logger="pace_desktop.store.database")
    path = copy_store(filled_store, tmp_path / "reopened")
    Store.open(path, PASSPHRASE).close()
    assert _page_checks(caplog) == 1
    Store.open(path, PASSPHRASE).close()  # closed cleanly, unchanged since: no second check
    assert _page_checks(caplog) == 1
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x04  # damaged after the clean close (size unchanged, time changed)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged):
        Store.open(path, PASSPHRASE)
    assert _page_checks(caplog) == 1  # the check ran, and refused before logging a pass


# -- the weekly full check (issue 16, item 10) ---------------------------------------------------------------


def damage_an_index(path) -> None:
    """Damage the page check at open cannot see: an index whose entries no longer match its table,
    written through SQLCipher with the store's own key, so every page's HMAC is right."""
    with Store.open(path, PASSPHRASE) as store:
        store.db.execute("PRAGMA writable_schema = ON")
        store.db.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX audit_entity_id ON audit(actor)' "
            "WHERE name = 'audit_entity_id'"
        )
        store.db.execute("PRAGMA writable_schema = OFF")


def test_a_damaged_index_opens_and_the_full_check_finds_it(filled_store, tmp_path):
    path = copy_store(filled_store, tmp_path / "index")
    damage_an_index(path)
    with Store.open(path, PASSPHRASE) as store:  # every page is authentic: it opens
        with pytest.raises(StoreDamaged) as err:
            store.start_full_check().run()
        assert str(err.value) == f"The store {path.name} is damaged and was not opened: " + WHAT_TO_DO
        assert store.full_check_due(date(2026, 12, 5))  # nothing recorded
    result = _cli("audit-check", "--store", str(path))
    assert result.returncode == 3 and result.stderr.startswith(f"pace-desktop: The store {path.name} ")


def test_the_full_check_is_due_weekly_and_at_a_stores_first_unlock(filled_store, tmp_path):
    from pace_desktop.store.store import FULL_CHECK_SETTING

    path = copy_store(filled_store, tmp_path / "weekly")
    today = date(2026, 12, 5)
    with Store.open(path, PASSPHRASE) as store:
        assert store.setting(FULL_CHECK_SETTING) is None and store.full_check_due(today)  # never run
        assert store.start_full_check().run() is True
        store.record_full_check(today)
        assert not store.full_check_due(today)
        assert not store.full_check_due(today + timedelta(days=6))
        assert store.full_check_due(today + timedelta(days=7))
        assert store.full_check_due(today - timedelta(days=1))  # a clock put back: checked again
        entries = store.db.scalar("SELECT count(*) FROM audit WHERE detail = ?", (FULL_CHECK_SETTING,))
        assert entries == 1


def test_audit_check_records_its_full_check(filled_store, tmp_path):
    from pace_desktop.store.store import FULL_CHECK_SETTING

    path = copy_store(filled_store, tmp_path / "recorded")
    assert _cli("audit-check", "--store", str(path)).returncode == 0
    with Store.open(path, PASSPHRASE) as store:
        assert date.fromisoformat(store.setting(FULL_CHECK_SETTING) or "") == date.today()


def test_locking_stops_a_full_check_and_it_is_not_recorded(filled_store, tmp_path):
    path = copy_store(filled_store, tmp_path / "stopped")
    store = Store.open(path, PASSPHRASE)
    check = store.start_full_check()
    store.close()  # as a lock (or a re-key) does, before or while it runs
    assert check.run() is False
    with Store.open(path, PASSPHRASE) as store:
        assert store.full_check_due(date(2026, 12, 5))
