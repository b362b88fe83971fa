"""A damaged store is refused at open, by name, with what to do; never opened as healthy.

Real damage to a real SQLCipher file: the last byte cut, or one bit flipped in a page. Each is refused by
``Store.open`` and by the command line (one line on stderr, nothing from SQLCipher's own log), and the
damaged file is left exactly as it was (nothing written into it while refusing).
"""

from __future__ import annotations

import random
import subprocess
import sys

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
