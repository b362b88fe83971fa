"""kill -9 at a random moment while the office imports bundles: each time, the central store opens, its
audit chain verifies, and it holds exactly the state before that bundle or exactly the state after it.

The expected states come from importing the same bundles into a copy of the store with nobody
interrupting. A bundle whose import was killed is tried again, as office staff would; a bundle killed
three times running is let finish on its fourth try, so whether every bundle gets in never depends on
where the random kills happened to land. Once every bundle is in, the loop goes on killing replays,
which must change nothing but their history row.
"""

from __future__ import annotations

import os
import random
import time

import pytest

from pace_desktop.exchange.receipt import parse_receipt
from pace_desktop.office.central import open_central
from tests.conftest import PASSPHRASE
from tests.reliability import children
from tests.reliability.exchange_setup import make_bundles, make_exchange, record_rows, reference_run, snapshot

RUNS = int(os.environ.get("PACE_CRASH_RUNS", "200"))
# Where each kill landed, as the child last reported it.
KILLED = {
    children.OPENING: "killed while unlocking",
    children.READY: "while reading the bundle",
    children.IN_TX: "mid-transaction",
    children.OUT_TX: "after the commit",
    children.DONE: "after the import",
}


def crash_loop(tmp_path, runs: int, fig, *, rounds: int, clients: int, seed: int) -> None:
    made = make_exchange(tmp_path / "setup")
    bundles = make_bundles(made.laptop, tmp_path / "outbox", rounds, clients, rng_seed=seed)
    states, seconds = reference_run(made.central, bundles, tmp_path / "reference")
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    errors = tmp_path / "child-errors.txt"
    rng = random.Random(seed)
    done = 0  # bundles the central store holds so far
    tries = 0  # killed tries of the bundle now being imported
    for run in range(runs):
        replay = done == len(bundles)
        index = rng.randrange(len(bundles)) if replay else done
        proc, phase = children.start(
            children.importer, str(made.central), PASSPHRASE, str(bundles[index]), str(receipts), str(errors)
        )
        children.wait_for(proc, phase, children.READY, errors=errors)
        if not replay and tries >= 3:
            children.wait_for(proc, phase, children.DONE, errors=errors)
        else:
            # A random moment between unlocking and well after a clean import would have finished.
            time.sleep(rng.uniform(0, 1.5 * seconds[index]))
        seen = children.kill(proc, phase, errors)
        fig.runs += 1
        fig.faults += 1
        fig.note(KILLED[seen])
        with open_central(made.central, PASSPHRASE) as office:
            assert office.db.integrity_ok(), f"run {run}: the central store is damaged"
            report = office.verify_audit()
            assert report.ok, f"run {run}: {report.problem}"
            now = snapshot(office)
            refused = office.db.scalar("SELECT count(*) FROM imports WHERE verdict = 'refused'")
        assert refused == 0, f"run {run}: a killed import left a refusal behind"
        if replay:
            assert now == states[done], f"run {run}: a killed replay changed the central store"
        elif now == states[done + 1]:
            done += 1
            tries = 0
        elif now == states[done]:
            tries += 1
        else:
            # Neither before nor after: a half import. Count what the store lacks against "after".
            fig.lost = max(fig.lost, abs(record_rows(states[done + 1]) - record_rows(now)), 1)
            raise AssertionError(f"run {run}: bundle {index + 1} is in the central store by halves")
        for path in receipts.glob("*.pacereceipt"):
            parse_receipt(path.read_bytes())  # every receipt under its real name is whole
    fig.records = record_rows(states[done])
    fig.notes["bundles"] = len(bundles)
    fig.notes["bundles imported"] = done


def test_kill_9_mid_import_is_all_or_nothing(tmp_path, figure):
    fig = figure("crash-imports", "kill -9 while importing bundles")
    crash_loop(tmp_path, 4, fig, rounds=2, clients=60, seed=3)


@pytest.mark.slow
def test_kill_9_mid_import_loop(tmp_path, figure):
    fig = figure("crash-imports", "kill -9 while importing bundles")
    # About a third of kills land after a commit; with the fourth try let finish, 40 bundles take at most
    # 160 of the 200 runs, and usually far fewer, leaving the rest for killed replays.
    crash_loop(tmp_path, RUNS, fig, rounds=40, clients=100, seed=4)
    assert fig.notes["bundles imported"] == fig.notes["bundles"], "the loop never got every bundle in"
    assert fig.notes.get("mid-transaction", 0) >= RUNS // 5, fig.notes
