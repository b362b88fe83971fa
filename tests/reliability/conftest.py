"""Fixtures for the reliability tests: the figures each test records, and the table rendered after a
slow run that passed.

Slow tests (``@pytest.mark.slow``) run only with ``make test-slow``; each kind also has a small
unmarked test so that ``make test`` covers it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest

from tests.reliability.figures import Figure, render

SESSION = uuid.uuid4().hex
_written: list[Figure] = []
_rendered: list[bool] = []

# Hypothesis cases per fuzz target: the slow run's figure, and the quick one `make test` runs.
SLOW_CASES = int(os.environ.get("PACE_FUZZ_CASES", "10000"))
FAST_CASES = 200


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.when == "call":
        item.reliability_passed = report.passed  # type: ignore[attr-defined]


@pytest.fixture
def figure(request: pytest.FixtureRequest) -> Iterator[Callable[[str, str], Figure]]:
    """``figure(key, label)``: this test's row of the figures table, written when the test passes."""
    made: list[Figure] = []
    slow = request.node.get_closest_marker("slow") is not None

    def make(key: str, label: str) -> Figure:
        made.append(Figure(key, label, slow=slow, session=SESSION))
        return made[-1]

    yield make
    if getattr(request.node, "reliability_passed", False):
        for fig in made:
            fig.save()
            if fig.slow:
                _written.append(fig)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # Only a slow run that passed may publish figures; a fast run or a failure leaves the doc alone.
    if _written and exitstatus == 0:
        _rendered.append(render(SESSION))


def pytest_terminal_summary(terminalreporter, exitstatus: int) -> None:  # type: ignore[no-untyped-def]
    if _written:
        state = (
            "updated"
            if _rendered and _rendered[0]
            else "left unchanged ("
            + ("a test failed" if exitstatus else "no markers, or rows this folder has no figures for")
            + ")"
        )
        terminalreporter.write_line(f"reliability figures: {len(_written)} written; docs/security.md {state}")
