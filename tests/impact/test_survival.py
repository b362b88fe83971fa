"""Kaplan–Meier worked by hand on six people."""

from __future__ import annotations

import pytest

from pace_desktop.reports.survival import at_risk_at, kaplan_meier, median_days, survival_at

# Back in work on days 30, 90, 90, 200; censored (last known not in work) on days 60 and 120.
SIX = [(30, True), (60, False), (90, True), (90, True), (120, False), (200, True)]


def test_six_people_by_hand():
    steps = kaplan_meier(SIX)
    assert [(s.day, s.at_risk, s.events, s.censored) for s in steps] == [
        (30, 6, 1, 0),
        (60, 5, 0, 1),
        (90, 4, 2, 0),
        (120, 2, 0, 1),
        (200, 1, 1, 0),
    ]
    # S(30) = 5/6; S(90) = 5/6 × 2/4 = 5/12; S(200) = 5/12 × 0/1 = 0.
    assert [s.survival for s in steps] == pytest.approx([5 / 6, 5 / 6, 5 / 12, 5 / 12, 0.0])
    assert survival_at(steps, 29) == 1.0
    assert survival_at(steps, 100) == pytest.approx(5 / 12)
    assert median_days(steps) == 90
    assert at_risk_at(SIX, 91) == 2


def test_censored_people_are_not_dropped():
    """Dropping the two censored people would give S(90) = 1/4; keeping them gives 5/12."""
    dropped = kaplan_meier([d for d in SIX if d[1]])
    assert survival_at(dropped, 90) == pytest.approx(1 / 4)
    assert survival_at(kaplan_meier(SIX), 90) == pytest.approx(5 / 12)


def test_ties_events_before_censoring_and_no_median():
    steps = kaplan_meier([(10, True), (10, False), (20, False)])
    assert steps[0].at_risk == 3 and steps[0].survival == pytest.approx(2 / 3)
    assert median_days(steps) is None
    assert kaplan_meier([]) == []
    with pytest.raises(ValueError):
        kaplan_meier([(-1, True)])
