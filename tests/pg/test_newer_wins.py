"""Newer-version-wins as one statement (``Repository.write_if_newer``), raced on a real PostgreSQL by
real parallel connections: whichever order the importers commit in, the newest version stays."""

from __future__ import annotations

import random
import threading
from contextlib import contextmanager
from datetime import date

import pytest

from pace_desktop.demo import make_event
from pace_desktop.records.models import Event
from pace_desktop.store.guards import Guards
from pace_desktop.store.pg.database import PgDatabase
from pace_desktop.store.repository import Repository


class Central:
    """The little of an office store a repository needs, over one ``PgDatabase`` connection."""

    kind = "office"
    device_id = "OFFICE-TEST"
    actor = "Morven Test"

    def __init__(self, db: PgDatabase) -> None:
        self.db = db
        self.guards = Guards(self)
        self.events = Repository(
            self, "event", "events", Event, None, lambda e: {"event_date": e.event_date.isoformat()}
        )

    @contextmanager
    def transaction(self):
        with self.db.transaction():
            yield

    def audit(self, *args, **kwargs) -> int:
        return 0


@pytest.fixture
def server(pg_db):
    PgDatabase(pg_db, allow_insecure=True, upgrade=True).close()
    return pg_db


def central(url: str) -> Central:
    return Central(PgDatabase(url, allow_insecure=True))


def version_of(event: Event, version: int) -> Event:
    return event.model_copy(update={"version": version, "employer_name": f"Employer v{version}"})


def stored(url: str, event: Event) -> tuple[int, str]:
    office = central(url)
    try:
        got = office.events.get(event.id)
        assert got is not None
        return got.version, got.employer_name
    finally:
        office.db.close()


def test_an_older_version_never_replaces_a_newer_one_and_the_outcome_says_so(server):
    office = central(server)
    event = make_event(random.Random(1), date(2026, 11, 20), "LT1", "Ailsa")
    with office.transaction():
        assert office.events.apply_incoming(version_of(event, 2)) == "added"
    with office.transaction():
        assert office.events.write_if_newer(version_of(event, 1), stored_before=True) == "unchanged"
        assert office.events.write_if_newer(version_of(event, 5), stored_before=True) == "updated"
        assert office.events.write_if_newer(version_of(event, 5), stored_before=True) == "unchanged"
    office.db.close()
    assert stored(server, event) == (5, "Employer v5")


def _waiting_for_a_lock(url: str, pid: int) -> bool:
    watcher = PgDatabase(url, allow_insecure=True)
    try:
        return watcher.scalar("SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?", (pid,)) == "Lock"
    finally:
        watcher.close()


def test_an_older_write_waiting_behind_a_newer_one_does_not_overwrite_it(server):
    """The lost update a read-then-write allows: B read version 1 and is about to write 2 while A's
    3 is not yet committed. B's one statement waits for A's row lock, then finds 3 and keeps it."""
    event = make_event(random.Random(2), date(2026, 11, 20), "LT1", "Ailsa")
    setup = central(server)
    with setup.transaction():
        setup.events.apply_incoming(version_of(event, 1))
    setup.db.close()

    a, b = central(server), central(server)
    b_pid = b.db.scalar("SELECT pg_backend_pid()")
    outcome: list[object] = []
    b_has_read, b_may_write = threading.Event(), threading.Event()

    def b_imports() -> None:
        try:
            with b.transaction():
                outcome.append(b.events.stored_version(event.id))  # B reads version 1...
                b_has_read.set()
                b_may_write.wait()
                # ...and now writes its 2, while A's 3 is written but not committed.
                outcome.append(b.events.write_if_newer(version_of(event, 2), stored_before=True))
        except BaseException as exc:  # noqa: BLE001 - reported below
            outcome.append(exc)
            b_has_read.set()

    writer = threading.Thread(target=b_imports)
    writer.start()
    assert b_has_read.wait(60)
    with a.transaction():
        assert a.events.apply_incoming(version_of(event, 3)) == "updated"
        b_may_write.set()
        for _ in range(1200):  # until B's statement is queued behind A's row lock (a bound, not a timing)
            if _waiting_for_a_lock(server, b_pid) or not writer.is_alive():
                break
            writer.join(0.05)
        assert writer.is_alive(), f"B finished without waiting for A: {outcome}"
    # A committed on leaving its block; B's statement then goes on and finds version 3.
    writer.join()
    a.db.close()
    b.db.close()
    assert outcome == [1, "unchanged"]
    assert stored(server, event) == (3, "Employer v3")


def test_importers_racing_on_the_same_records_keep_the_newest_of_each(server):
    """Four connections each write every version of the same ten records in its own shuffled order,
    one transaction per write, all at once: no lost update, no duplicate, no refused insert."""
    rng = random.Random(3)
    events = [make_event(rng, date(2026, 11, 20), "LT1", "Ailsa") for _ in range(10)]
    workers = 4
    start = threading.Barrier(workers)
    failures: list[BaseException] = []

    def importer(seed: int) -> None:
        office = central(server)
        plan = [(e, v) for e in events for v in range(1, 9)]
        random.Random(seed).shuffle(plan)
        try:
            start.wait()
            for event, version in plan:
                with office.transaction():
                    office.events.apply_incoming(version_of(event, version))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            office.db.close()

    threads = [threading.Thread(target=importer, args=(n,)) for n in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    check = central(server)
    assert check.events.count() == len(events)
    check.db.close()
    assert {stored(server, e) for e in events} == {(8, "Employer v8")}
