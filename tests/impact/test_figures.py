"""Impact figures and checklist validation on hand-made people, each number worked out on paper."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pace_desktop.errors import RefusedError
from pace_desktop.reports.impact import Person, feedback_table, grouped, sustained_table, time_spent
from pace_desktop.reports.validation import validate

LEFT = date(2025, 1, 31)


def p(i, outcomes=(), *, score=None, band=None, eff=None, minutes=0, ratings=(), event="E1", leaving=LEFT):
    return Person(
        f"c{i}",
        event,
        leaving,
        "35 to 44",
        "Retail",
        "Glasgow City",
        "Group session",
        event,
        score,
        band,
        eff if eff is not None else band,
        eff is not None and eff != band,
        [(LEFT + timedelta(days=d), s) for d, s in outcomes],
        minutes=minutes,
        ratings=list(ratings),
    )


def twelve() -> list[Person]:
    """10 back in work on days 5, 10, … 50; 5 last known unemployed (days 100–104); 5 never heard of."""
    back = [p(i, [(5 * (i + 1), "in_work")]) for i in range(10)]
    not_yet = [p(10 + i, [(100 + i, "unemployed")]) for i in range(5)]
    return back + not_yet + [p(20 + i) for i in range(5)]


def test_time_to_work_by_hand():
    g = grouped("Everyone counted", "Group", twelve(), lambda _: ["Everyone"])
    assert g.table.cells == ((10, 5, 5),) and g.table.grand_total == 20
    c = g.curves[0]
    # No censoring before day 100, so S after k returns to work is (15 - k) / 15.
    assert c.share_by_month[0] == 0
    assert c.share_by_month[1] == pytest.approx(6 / 15)  # day 30.4: days 5–30 back in work
    assert c.share_by_month[2] == pytest.approx(10 / 15)  # day 60.9: all ten; 5 still followed
    assert c.share_by_month[3] == pytest.approx(10 / 15)
    assert c.share_by_month[4] is None  # day 121.8: nobody still followed
    assert c.median_days == 40  # S(40) = 7/15 < 0.5, with 8 still followed on day 40


def test_a_share_resting_on_1_to_4_returns_to_work_is_hidden():
    people = [p(i, [(200, "unemployed")]) for i in range(10)] + [p(10, [(20, "in_work")])]
    c = grouped("x", "X", people, lambda _: ["All"]).curves[0]
    # 11 people shown (10 not yet, 1 back hidden in the table): no curve at all.
    assert c.people is None
    people += [p(11 + i, [(40 + i, "in_work")]) for i in range(5)]
    c = grouped("x", "X", people, lambda _: ["All"]).curves[0]
    assert c.share_by_month[1] is None  # only 1 back by day 30.4
    assert c.share_by_month[2] == pytest.approx(6 / 16)  # six by day 60.9


def test_small_groups_show_no_curve():
    people = twelve() + [p(40, [(15, "in_work")]), p(41, [(99, "training")])]
    g = grouped("By x", "X", people, lambda q: ["Small" if q.client_id in ("c40", "c41") else "Big"])
    assert g.table.rows == ("Big", "Small")
    assert g.table.cells[1] == (None, None, 0)
    small = g.curves[1]
    assert small.people is None and set(small.share_by_month.values()) == {None}


def test_sustained_work_by_hand():
    both = [p(i, [(182, "in_work"), (366, "self_employed")]) for i in range(6)]
    lost = [p(10 + i, [(182, "in_work"), (366, "unemployed")]) for i in range(5)]
    early = [p(20 + i, [(181, "in_work")]) for i in range(5)]
    table = sustained_table(both + lost + early)
    # At 6 months nobody has a 3-month outcome, so sustained there is not known for anyone.
    assert table.cells == ((0, 0, 16), (6, 5, 5))


def test_time_and_feedback_by_hand():
    people = [p(i, minutes=m, event="2025-01-10 A") for i, m in enumerate((30, 60, 90, 120, 150))]
    people += [p(10 + i, minutes=45, event="2025-02-01 B") for i in range(3)] + [p(20)]
    overall, per_event = time_spent(people)
    # Eight people with time: 30+60+90+120+150+45×3 = 585 minutes = 9.75 hours; mean 73.125.
    got = (overall.people, overall.hours, overall.mean_minutes, overall.median_minutes)
    assert got == (8, 9.8, 73.1, 52.5)
    # B (3 people) is hidden; showing A (5 people, 7.5 hours) beside the overall row would give B
    # as 8 - 5 people and 9.75 - 7.5 hours, so A is hidden too.
    assert [(r.label, r.people, r.hours, r.mean_minutes) for r in per_event] == [
        ("2025-02-01 B", None, None, None),
        ("2025-01-10 A", None, None, None),
    ]
    rated = [p(30 + i, band="high", ratings=[5]) for i in range(5)]
    rated += [p(40 + i, band="low", ratings=[3]) for i in range(5)]
    table, mean = feedback_table(rated)
    assert table.rows == ("Low", "Medium", "High", "No checklist")
    assert table.cells == ((0, 0, 5, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 5), (0, 0, 0, 0, 0))
    assert mean == 4.0
    table, mean = feedback_table([p(50, band="low", ratings=[2])])
    assert (table.cells[0][1], table.grand_total, mean) == (None, None, None)  # one rating: hidden


def validation_people() -> list[Person]:
    """Scores 1–100; unemployed at 12 months: 81–100 and 11–20. Bands: high 81+, medium 61–80.
    Advisers moved 71–80 down to low and 11–20 up to high."""
    out = []
    for score in range(1, 101):
        band = "high" if score >= 81 else "medium" if score >= 61 else "low"
        eff = "low" if 71 <= score <= 80 else "high" if 11 <= score <= 20 else None
        status = "unemployed" if score >= 81 or 11 <= score <= 20 else "in_work"
        out.append(p(score, [(365, status)], score=score, band=band, eff=eff))
    return out


def test_checklist_validation_by_hand():
    v = validate(validation_people())
    assert (v.people, v.unemployed, v.overridden) == (100, 30, 20)
    got = {r.rule: (r.flagged, r.hits, r.precision, r.recall) for r in v.rows}
    approx = pytest.approx
    assert got == {
        "Checklist band: high": (20, 20, 1.0, approx(20 / 30)),
        "Checklist band: medium or high": (40, 20, 0.5, approx(20 / 30)),
        "Band in use (after advisers' overrides): high": (30, 30, 1.0, 1.0),
        "Band in use (after advisers' overrides): medium or high": (40, 30, 0.75, 1.0),
        "Top 8% of scores (score 93 or more)": (8, 8, 1.0, approx(8 / 30)),
        "Top 30% of scores (score 71 or more)": (30, 20, approx(20 / 30), approx(20 / 30)),
        "Lowest 8% of scores (score 8 or less): not unemployed": (8, 8, 1.0, None),
        "Lowest 30% of scores (score 30 or less): not unemployed": (30, 20, approx(20 / 30), None),
        "Overridden people only: checklist band high": (0, 0, None, 0.0),
        "Overridden people only: adviser's band high": (10, 10, 1.0, 1.0),
    }
    assert v.line() == (
        "Checklist validation on 100 people with a known 12-month outcome (30 unemployed): "
        "Top 8% of scores (score 93 or more): precision 100%, recall 27%; "
        "Top 30% of scores (score 71 or more): precision 67%, recall 67%."
    )


def test_validation_hides_what_rests_on_small_numbers():
    people = validation_people()
    # Score 71 now unemployed too: 'band in use: high' misses exactly 1 person, so its counts and
    # figures hide (the miss could otherwise be worked out from hits and the total unemployed).
    people[70] = p(71, [(365, "unemployed")], score=71, band="medium", eff="low")
    rows = {r.rule: r for r in validate(people).rows}
    row = rows["Band in use (after advisers' overrides): high"]
    assert (row.hits, row.recall) == (None, None)


def test_validation_refuses_too_few_and_says_how_many():
    people = validation_people()[:49]
    with pytest.raises(RefusedError, match="needs at least 50 people .* there are 49"):
        validate(people)
    few_unemployed = [q for q in validation_people() if not 11 <= (q.score or 0) <= 96]
    with pytest.raises(RefusedError, match="5 people unemployed at 12 months and 5 not; there are 4"):
        validate(few_unemployed, minimum=10)
    # No 12-month outcome (day 200 is the 6-month window) or no checklist: not counted.
    assert (
        validate(
            validation_people()
            + [p(99, [(200, "unemployed")], score=3, band="low"), p(98, [(365, "unemployed")])]
        ).people
        == 100
    )
