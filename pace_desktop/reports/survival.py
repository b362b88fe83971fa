"""Kaplan–Meier estimates of time to re-enter work, with people not yet in work censored, not dropped.

Each person is (days, event): days from leaving to their first in-work outcome (event=True), or to
their last known outcome if none was in work (event=False, censored: we know only that they had not
re-entered work by then). At each day with events, S(t) = S(before) × (1 − d/n), where n counts the
people still followed and not yet in work on that day (people censored that day included: events
come first at ties) and d the people re-entering work that day. 1 − S(t) is the estimated share back
in work by day t.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Step:
    day: int
    at_risk: int
    events: int
    censored: int
    survival: float  # S just after ``day``


def kaplan_meier(data: Sequence[tuple[int, bool]]) -> list[Step]:
    """The estimate's steps, one per day on which anyone re-entered work or was censored."""
    if any(days < 0 for days, _ in data):
        raise ValueError("times cannot be negative")
    events = Counter(days for days, event in data if event)
    censored = Counter(days for days, event in data if not event)
    at_risk = len(data)
    survival = 1.0
    steps = []
    for day in sorted(set(events) | set(censored)):
        d, c = events.get(day, 0), censored.get(day, 0)
        if d:
            survival *= 1 - d / at_risk
        steps.append(Step(day, at_risk, d, c, survival))
        at_risk -= d + c
    return steps


def survival_at(steps: Sequence[Step], day: float) -> float:
    """S(day): the estimated share not yet back in work ``day`` days after leaving."""
    value = 1.0
    for step in steps:
        if step.day > day:
            break
        value = step.survival
    return value


def at_risk_at(data: Sequence[tuple[int, bool]], day: float) -> int:
    """People still followed and not yet in work at ``day`` (the estimate rests on them)."""
    return sum(1 for days, _ in data if days >= day)


def median_days(steps: Sequence[Step]) -> int | None:
    """The first day by which half are estimated back in work, or None if not reached."""
    return next((s.day for s in steps if s.survival <= 0.5), None)


def month_day(months: float) -> float:
    return months * DAYS_PER_MONTH
