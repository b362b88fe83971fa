"""kill -9 at every step of removing an adviser (the store is re-keyed): the store always opens after
it, with the remaining adviser's passphrase and with the office recovery key, every record is there,
the audit chain verifies, and the removed adviser's saved copy of the old key file never opens it.

Each round adds a leaver, who keeps a copy of the key file, and one more person; a child process then
removes the leaver and is killed either exactly at one step of the re-key (``Store.REKEY_STEPS``, each
in turn) or a moment after a random step. Opening the store afterwards finishes whatever the kill
interrupted: the removal then either never happened (killed before the key file was saved, so the
leaver is still listed) or happened whole.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from datetime import date
from pathlib import Path

import pyrage
import pytest

from pace_desktop.demo import make_client, make_event
from pace_desktop.errors import WrongPassphrase
from pace_desktop.records.models import CaptureMethod
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.registration import build_checklist, build_consents
from pace_desktop.store import rekey
from pace_desktop.store.store import Store, keys_path
from tests.conftest import PASSPHRASE
from tests.reliability import children

RUNS = int(os.environ.get("PACE_REKEY_RUNS", "150"))
LEAVER_PASSPHRASE = "a passphrase they take with them"


def add_person(store: Store, rng: random.Random) -> str:
    event = store.events.add(make_event(rng, date(2026, 11, 20)))
    client = make_client(rng, event, new_pace_id())
    consents = build_consents({"pace_support": True}, how=CaptureMethod.with_adviser, by=store.actor)
    return str(store.register(client, consents, build_checklist({}, client=client, event=event)).id)


def prepare(store_path: Path, run: int, rng: random.Random, people: set[str]) -> tuple[str, Path]:
    """A leaver joins, someone is registered, and the leaver keeps a copy of the key file."""
    leaver = f"Leaving Adviser {run}"
    with Store.open(store_path, PASSPHRASE) as store:
        store.add_adviser(leaver, LEAVER_PASSPHRASE)
        people.add(add_person(store, rng))
    kept = store_path.parent.parent / f"kept-{run}.keys"
    shutil.copy2(keys_path(store_path), kept)
    return leaver, kept


def check(store_path: Path, office: str, people: set[str], leaver: str, kept: Path) -> bool:
    """The store opens and is whole; returns whether the leaver is gone (then their copy must fail)."""
    with Store.open(store_path, PASSPHRASE) as store:
        assert store.db.integrity_ok(), "the store is damaged after a kill"
        report = store.verify_audit()
        assert report.ok, report.problem
        present = {r[0] for r in store.db.query("SELECT id FROM clients")}
        assert people <= present, f"{len(people - present)} people are gone"
        gone = leaver not in store.keys.advisers
        assert not store.keys.rekey_under_way, "the interrupted re-key was not finished at unlock"
    assert not rekey.rekey_path(store_path).exists(), "a half-made copy was left behind"
    with Store.open_recovery(store_path, office) as recovered:
        assert people <= {r[0] for r in recovered.db.query("SELECT id FROM clients")}
    if gone:
        stolen = store_path.parent.parent / "stolen" / "pace.store"
        stolen.parent.mkdir(exist_ok=True)
        shutil.copy2(store_path, stolen)
        shutil.copy2(kept, keys_path(stolen))
        stolen.with_name("pace.store.unlock").unlink(missing_ok=True)
        with pytest.raises(WrongPassphrase):
            Store.open(stolen, LEAVER_PASSPHRASE).close()
        shutil.rmtree(stolen.parent)
    return gone


def rekey_loop(store_path: Path, runs: int, fig, *, seed: int, random_share: float) -> None:
    rng = random.Random(seed)
    office = pyrage.x25519.Identity.generate()
    errors = store_path.parent / "child-errors.txt"
    people: set[str] = set()
    with Store.open(store_path, PASSPHRASE) as store:
        store.set_office_recipient(str(office.to_public()))
    steps = Store.REKEY_STEPS
    for run in range(runs):
        leaver, kept = prepare(store_path, run, rng, people)
        if run < len(steps) or rng.random() >= random_share:
            at = steps[run % len(steps)]  # every step in turn, then at random
            proc, phase = children.start(
                children.remover, str(store_path), PASSPHRASE, leaver, at, str(errors)
            )
            children.wait_for(proc, phase, children.STEP_BASE + steps.index(at), errors=errors)
            label = f"at step {at}"
        else:
            after = rng.randrange(len(steps) - 1)  # a moment into the step after this one
            proc, phase = children.start(
                children.remover, str(store_path), PASSPHRASE, leaver, None, str(errors)
            )
            children.wait_for(proc, phase, children.STEP_BASE + after, errors=errors)
            time.sleep(rng.uniform(0, 0.004))
            label = "at a random moment"
        children.kill(proc, phase, errors)
        fig.note(label)
        gone = check(store_path, str(office), people, leaver, kept)
        fig.note("removal undone (killed before the key file was saved)" if not gone else "removal finished")
        fig.runs += 1
        fig.faults += 1
        fig.records = len(people)
        kept.unlink()
        if not gone:
            with Store.open(store_path, PASSPHRASE) as store:
                store.remove_adviser(leaver)
    assert fig.notes.get("removal finished", 0) >= len(steps) - 2, fig.notes


def test_kill_9_at_every_step_of_a_rekey(store_path, figure):
    fig = figure("crash-rekey", "kill -9 at each step of removing an adviser (re-key)")
    rekey_loop(store_path, len(Store.REKEY_STEPS), fig, seed=1, random_share=0.0)


@pytest.mark.slow
def test_kill_9_rekey_loop(store_path, figure):
    fig = figure("crash-rekey", "kill -9 at each step of removing an adviser (re-key)")
    rekey_loop(store_path, RUNS, fig, seed=2, random_share=0.5)
