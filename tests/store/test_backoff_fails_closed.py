"""The unlock back-off fails closed: when an attempt cannot be written down, no passphrase is tried.

Every fault here is real: a store name long enough that the back-off file's temp name passes the file
system's 255-byte limit, a folder an unprivileged user cannot write to (the check runs as ``nobody``,
since root writes anywhere), and a disk that fills up while the record is written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from pace_desktop.errors import StoreError, WrongPassphrase
from pace_desktop.store.backoff import NOT_RECORDED
from pace_desktop.store.store import Store, unlock_state_path
from tests.conftest import PASSPHRASE, copy_store
from tests.reliability.faults import FailingWrites

# NAME.keys's temp name (".NAME.keys.XXXXXXXX.tmp") is 255 bytes, so the store can be made; the back-off
# file's (".NAME.unlock.XXXXXXXX.tmp") is 257 bytes, so the attempt can never be written down.
LONG_NAME = "s" * 236


def _assert_not_tried(path: Path, passphrase: str) -> None:
    with pytest.raises(StoreError) as err:
        Store.open(path, passphrase)
    assert str(err.value) == NOT_RECORDED
    assert "\n" not in NOT_RECORDED


def test_a_temp_name_past_255_bytes_means_no_passphrase_is_tried(template_store, tmp_path):
    # New stores get shorter names (tests/cli/test_edge_paths.py); this one was renamed, or made before.
    path = copy_store(template_store, tmp_path, name=LONG_NAME)
    for _ in range(20):  # far past the free tries: still the same refusal, never "wrong passphrase"
        _assert_not_tried(path, "a wrong guess at the passphrase")
    # Even the right passphrase is not tried, so a guesser learns nothing from any attempt.
    _assert_not_tried(path, PASSPHRASE)
    assert not unlock_state_path(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_full_disk_while_recording_means_no_passphrase_is_tried(store_path, monkeypatch):
    faults = FailingWrites(monkeypatch, store_path.parent, budget=0)
    _assert_not_tried(store_path, PASSPHRASE)
    _assert_not_tried(store_path, "a wrong guess at the passphrase")
    assert faults.failures >= 2
    monkeypatch.undo()
    Store.open(store_path, PASSPHRASE).close()  # space again: it opens, nothing was lost


def test_a_wrong_guess_is_counted_even_if_the_process_dies_before_it_returns(store_path):
    # Counted before it is tried: a kill after the guess is checked cannot un-count it.
    from pace_desktop.store.backoff import Backoff

    Backoff(unlock_state_path(store_path)).begin_attempt()  # the process "dies" here
    assert Backoff(unlock_state_path(store_path)).failures == 1
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, "a wrong guess at the passphrase")
    assert Backoff(unlock_state_path(store_path)).failures == 2
    Store.open(store_path, PASSPHRASE).close()
    assert Backoff(unlock_state_path(store_path)).failures == 0


CHILD = textwrap.dedent("""
    import sys
    from pace_desktop.errors import PaceError
    from pace_desktop.store.store import Store
    try:
        Store.open(sys.argv[1], sys.argv[2]).close()
    except PaceError as exc:
        print(type(exc).__name__ + ": " + str(exc))
    else:
        print("opened")
""")


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root to drop to an unprivileged user with setpriv",
)
def test_a_read_only_folder_means_no_passphrase_is_tried(template_store):
    # Not under pytest's temp folder: every pytest run on the machine resets that to 0700, which would
    # stop ``nobody`` from reaching the store at all.
    base = Path(tempfile.mkdtemp(prefix="pace-readonly-"))
    try:
        base.chmod(0o755)
        _read_only_folder_check(template_store, base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _read_only_folder_check(template_store: Path, base: Path) -> None:
    folder = base / "store"
    path = copy_store(template_store, folder)
    for item in folder.iterdir():
        os.chown(item, 65534, 65534)  # nobody may read and write the files, but not the folder
    folder.chmod(0o755)
    repo = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": repo}
    probe = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            "import pace_desktop.store.store",
        ],
        capture_output=True,
        env=env,
        cwd="/",
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:  # e.g. a checkout inside a 0700 temp folder: nobody cannot reach the code
        pytest.skip("this checkout or its .venv cannot be read by an unprivileged user")

    def attempt(passphrase: str) -> str:
        out = subprocess.run(
            [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                sys.executable,
                "-c",
                CHILD,
                str(path),
                passphrase,
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd="/",
            timeout=60,
            check=False,
        )
        assert out.returncode == 0, out.stderr[-2000:]
        return out.stdout.strip()

    for _ in range(6):
        assert attempt("a wrong guess at the passphrase") == f"StoreError: {NOT_RECORDED}"
    assert attempt(PASSPHRASE) == f"StoreError: {NOT_RECORDED}"
    folder.chmod(0o777)  # once the folder can be written to, the right passphrase opens the store
    assert attempt(PASSPHRASE) == "opened"
