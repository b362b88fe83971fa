"""Failed-unlock back-off: three free tries, then doubling waits, kept across restarts."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pace_desktop.errors import LockedOut
from pace_desktop.store.backoff import MAX_WAIT, Backoff, delay_for


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def state(tmp_path):
    return tmp_path / "pace.store.unlock"


def test_three_failures_are_free_then_the_wait_doubles(state, clock):
    backoff = Backoff(state, clock)
    for _ in range(3):
        backoff.check()
        backoff.record_failure()
    assert backoff.wait_seconds() == 0
    waits = []
    for _ in range(4):
        backoff.record_failure()
        waits.append(backoff.wait_seconds())
    assert waits == [5, 10, 20, 40]
    with pytest.raises(LockedOut) as err:
        backoff.check()
    assert str(err.value) == "Too many wrong passphrases: wait 40 seconds, then try again."
    clock.now += 39
    assert backoff.wait_seconds() == 1
    clock.now += 1
    backoff.check()


def test_the_wait_stops_growing_at_fifteen_minutes(state, clock):
    backoff = Backoff(state, clock)
    for _ in range(40):
        backoff.record_failure()
    assert backoff.wait_seconds() == MAX_WAIT == 900


def test_the_back_off_survives_a_restart(state, clock):
    first = Backoff(state, clock)
    for _ in range(5):
        first.record_failure()
    clock.now += 3
    again = Backoff(state, clock)  # a new process reading the same file
    assert again.failures == 5
    assert again.wait_seconds() == 7
    with pytest.raises(LockedOut):
        again.check()


def test_success_resets_for_good(state, clock):
    backoff = Backoff(state, clock)
    for _ in range(6):
        backoff.record_failure()
    clock.now += 3600
    backoff.check()
    backoff.record_success()
    assert backoff.failures == 0
    assert Backoff(state, clock).failures == 0
    Backoff(state, clock).record_failure()
    assert Backoff(state, clock).wait_seconds() == 0  # the free tries are back


def test_no_file_means_no_failures_and_a_success_writes_nothing(state, clock):
    backoff = Backoff(state, clock)
    assert backoff.failures == 0 and backoff.wait_seconds() == 0
    backoff.record_success()
    assert not state.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe garbage",
        b"{}",
        b'{"version": 1, "failures": -4, "last_failure": 0}',
        b'{"version": 1, "failures": "0", "last_failure": 0}',
        b'{"version": 1, "failures": 0, "last_failure": NaN}',
        b'{"version": 99, "failures": 0, "last_failure": 0}',
        b"[1, 2, 3]",
    ],
)
def test_a_corrupt_file_fails_closed_at_the_cap_then_expires(state, clock, content):
    state.write_bytes(content)
    backoff = Backoff(state, clock)
    assert backoff.wait_seconds() == MAX_WAIT
    with pytest.raises(LockedOut):
        backoff.check()
    # The full wait starts when the damage is found; after it, unlocking is possible again.
    clock.now += MAX_WAIT - 1
    assert Backoff(state, clock).wait_seconds() == 1
    clock.now += 1
    Backoff(state, clock).check()


def test_the_file_holds_only_a_count_and_a_time(state, clock):
    Backoff(state, clock).record_failure()
    assert set(json.loads(state.read_text())) == {"version", "failures", "last_failure"}


def test_a_clock_set_back_does_not_lengthen_the_wait(state, clock):
    backoff = Backoff(state, clock)
    for _ in range(4):
        backoff.record_failure()
    clock.now -= 86_400
    assert backoff.wait_seconds() == 5


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_the_delay_never_shrinks_and_never_passes_the_cap(failures):
    assert 0 <= delay_for(failures) <= delay_for(failures + 1) <= MAX_WAIT
