"""Every impact figure for one small fictional group, worked out on paper in the comments and
asserted exactly (shares as fractions, not approximately).

21 people, all left on 31 January 2025 (follow-ups: 3 months = 30 April, day 89, window days
75–166; 6 months = 31 July, day 181, window days 167–350; 12 months = 31 January 2026, day 365,
window from day 351). Outcomes are (day after leaving, status).

  P1–P5    in work 100, 200, 400            back day 100; sustained 6: yes; 12: yes   60 min, rates 5
  P6–P10   in work 100, unemployed 200      back day 100; 6: no; 12: not known        30 min, rates 4
  P11      unemployed 100, in work 200, 400 back day 200; 6: no; 12: yes             no time
  P12–P14  unemployed 100, 200, 400         last known day 400; 6: no; 12: no         90 min, rates 2
  P15      unemployed 150                   last known day 150; not known, not known  90 min, rates 2
  P16      in work 300                      back day 300; not known, not known        90 min, rates 2
  P17      self-employed 20                 back day 20 (before any window)           no time
  P18      unemployed 100                   last known day 100; not known             no time
  P19      in work 300                      back day 300; not known                   no time
  P20–P21  unemployed 100, 200, 400         last known day 400; 6: no; 12: no         no time
P1–P11 came to event "A", P12–P21 to event "B".
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from pace_desktop.reports.impact import Person, impact_of
from pace_desktop.reports.survival import kaplan_meier

LEFT = date(2025, 1, 31)


def person(n: int, outcomes, minutes: int = 0, rating: int | None = None) -> Person:
    return Person(
        f"P{n}",
        "A" if n <= 11 else "B",
        LEFT,
        "35 to 44",
        "Retail",
        "Glasgow City",
        "Group session",
        "2025-01-10 A" if n <= 11 else "2025-01-20 B",
        None,
        None,
        None,
        False,
        [(LEFT + timedelta(days=d), s) for d, s in outcomes],
        minutes=minutes,
        ratings=[] if rating is None else [rating],
    )


def people() -> list[Person]:
    out = [person(n, [(100, "in_work"), (200, "in_work"), (400, "in_work")], 60, 5) for n in range(1, 6)]
    out += [person(n, [(100, "in_work"), (200, "unemployed")], 30, 4) for n in range(6, 11)]
    out.append(person(11, [(100, "unemployed"), (200, "in_work"), (400, "in_work")]))
    out += [
        person(n, [(100, "unemployed"), (200, "unemployed"), (400, "unemployed")], 90, 2)
        for n in (12, 13, 14)
    ]
    out.append(person(15, [(150, "unemployed")], 90, 2))
    out.append(person(16, [(300, "in_work")], 90, 2))
    out.append(person(17, [(20, "self_employed")]))
    out.append(person(18, [(100, "unemployed")]))
    out.append(person(19, [(300, "in_work")]))
    out += [person(n, [(100, "unemployed"), (200, "unemployed"), (400, "unemployed")]) for n in (20, 21)]
    return out


def exact(value: float | None) -> Fraction | None:
    """The fraction a computed share stands for (denominators here are below 100)."""
    return None if value is None else Fraction(value).limit_denominator(1000)


def test_time_to_work_with_censoring_by_hand():
    result = impact_of(people())
    # 14 back in work (days 20, 100 ×10, 200, 300 ×2); 7 last known not in work (censored on
    # days 100, 150 and 400 ×5); nobody untimed.
    assert result.groups[0].table.cells == ((14, 7, 0),) and result.people_shown == 21
    steps = kaplan_meier([p.survival_point() for p in people()])
    # Day 20: 21 followed, 1 back: S = 20/21. Day 100: 20 followed (P18, censored that day, still
    # counts: returns first), 10 back: S = 20/21 × 10/20 = 10/21. Then 9 left; P15, censored on
    # day 150 (of 9), leaves 8. Day 200: 1 of 8: S = 10/21 × 7/8 = 5/12. Day 300: 2 of 7: S = 5/12 × 5/7
    # = 25/84. Day 400: the last 5 censored.
    assert [(s.day, s.at_risk, s.events, s.censored) for s in steps] == [
        (20, 21, 1, 0),
        (100, 20, 10, 1),
        (150, 9, 0, 1),
        (200, 8, 1, 0),
        (300, 7, 2, 0),
        (400, 5, 0, 5),
    ]
    assert [exact(s.survival) for s in steps] == [
        Fraction(20, 21),
        Fraction(10, 21),
        Fraction(10, 21),
        Fraction(5, 12),
        Fraction(25, 84),
        Fraction(25, 84),
    ]
    shares = {m: exact(v) for m, v in result.overall.share_by_month.items()}
    # Month m is day 30.44 × m. Months 1–3: only 1 back in work, so hidden. Months 4–6 (days
    # 122–183): 1 - 10/21 = 11/21, with 9, 8 and 8 still followed. Months 7–9: 1 - 5/12 = 7/12
    # (7 followed). Months 10–13 (days 304–396): 1 - 25/84 = 59/84 with the 5 censored on day 400
    # still followed; month 14 (day 426): nobody followed, hidden.
    assert shares[0] == 0
    assert [shares[m] for m in (1, 2, 3)] == [None, None, None]
    assert [shares[m] for m in (4, 5, 6)] == [Fraction(11, 21)] * 3
    assert [shares[m] for m in (7, 8, 9)] == [Fraction(7, 12)] * 3
    assert [shares[m] for m in (10, 11, 12, 13)] == [Fraction(59, 84)] * 4
    assert shares[14] is None
    # The median: the first day S is at most 1/2 is day 100 (10/21), with 20 followed.
    assert (result.overall.median_days, result.overall.median_hidden) == (100, False)
    # Dropping the censored instead would give 1 - S = 14/14 by day 300: everyone.
    assert (
        exact(1 - kaplan_meier([(d, e) for d, e in (p.survival_point() for p in people()) if e])[-1].survival)
        == 1
    )


def test_sustained_work_at_6_and_12_months_by_hand():
    result = impact_of(people())
    # At 6 months: yes P1–P5 (5); no P6–P11, P12–P14, P20–P21 (11); not known P15–P19 (5).
    # At 12 months: yes P1–P5 and P11 (6); no P12–P14, P20–P21 (5); not known P6–P10, P15–P19 (10).
    assert result.sustained.cells == ((5, 11, 5), (6, 5, 10))
    assert result.sustained.row_totals == (21, 21)
    assert exact(result.sustained_share(6)) == Fraction(5, 16)
    assert exact(result.sustained_share(12)) == Fraction(6, 11)


def test_time_on_pace_per_person_and_per_event_by_hand():
    result = impact_of(people())
    overall = result.time_overall
    # 15 people with time: 5 × 60 + 5 × 30 + 5 × 90 = 900 minutes = 15 hours; mean 60; the middle
    # (8th) of 30×5, 60×5, 90×5 is 60.
    assert (overall.people, overall.hours, overall.mean_minutes, overall.median_minutes) == (
        15,
        15.0,
        60.0,
        60.0,
    )
    # Event A: 10 people, 450 minutes = 7.5 hours, mean 45, median (30 + 60) / 2 = 45.
    # Event B: 5 people, 450 minutes, mean 90, median 90.
    assert [(r.label, r.people, r.hours, r.mean_minutes, r.median_minutes) for r in result.time_by_event] == [
        ("2025-01-20 B", 5, 7.5, 90.0, 90.0),
        ("2025-01-10 A", 10, 7.5, 45.0, 45.0),
    ]


def test_feedback_ratings_by_hand():
    result = impact_of(people())
    # Nobody has a checklist: every rating is in the "No checklist" row. Five 2s, five 4s, five
    # 5s: mean (10 + 20 + 25) / 15 = 55/15 = 3.666…, shown as 3.67.
    assert result.feedback.rows[-1] == "No checklist"
    assert result.feedback.cells[-1] == (0, 5, 0, 5, 5)
    assert result.feedback.column_totals == (0, 5, 0, 5, 5) and result.feedback.grand_total == 15
    assert result.mean_rating == 3.67
