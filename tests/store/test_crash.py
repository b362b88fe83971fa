"""Crash safety: SIGKILL mid-save leaves an openable store with every committed registration.

This is the cold-start case: a fresh interpreter, killed while it saves. The 200-kill loop (from a
fork server, so each kill costs milliseconds to set up) and its figures are in
tests/reliability/test_crash_saves.py; imports are in tests/reliability/test_crash_imports.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE

SAVER = r"""
import random, sys
from datetime import date
from pathlib import Path
from pace_desktop.demo import make_client, make_event
from pace_desktop.records.models import CaptureMethod
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.registration import build_checklist, build_consents
from pace_desktop.store.store import Store

store = Store.open(Path(sys.argv[1]), sys.argv[2])
rng = random.Random(int(sys.argv[3]))
event = store.events.add(make_event(rng, date(2026, 11, 20)))
while True:
    client = make_client(rng, event, new_pace_id())
    consents = build_consents({"pace_support": True}, how=CaptureMethod.with_adviser, by="x")
    saved = store.register(client, consents, build_checklist({}, client=client, event=event))
    # Reported only after commit returned: every id printed must survive the kill.
    sys.stdout.write(str(saved.id) + "\n")
    sys.stdout.flush()
"""


def kill_while_saving(store_path, seed: int, after: float) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(store_path), PASSPHRASE, str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # A cold interpreter takes a second or more to import and unlock, longer on a loaded machine:
    # wait for its first committed registration, then kill it mid-stream ``after`` seconds later.
    first = proc.stdout.readline() if proc.stdout is not None else ""
    time.sleep(after)
    os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate()
    assert proc.returncode == -signal.SIGKILL, err[-400:]
    return [line for line in (first + out).splitlines() if line.strip()]


def check_store(store_path, committed: list[str]) -> None:
    store = Store.open(store_path, PASSPHRASE)
    try:
        assert store.db.integrity_ok()
        report = store.verify_audit()
        assert report.ok, report.problem
        for client_id in committed:
            assert store.clients.get(client_id) is not None
            assert store.consents.for_parent(client_id), "consent lost for a committed registration"
            assert store.checklists.for_parent(client_id), "checklist lost for a committed registration"
    finally:
        store.close()


def test_sigkill_mid_save_loses_no_committed_registration(store_path):
    after = 0.3
    committed = kill_while_saving(store_path, seed=int(after * 10), after=after)
    assert committed, "the child never got to save anything"
    check_store(store_path, committed)
