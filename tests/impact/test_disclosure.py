"""No hidden count in the impact tables can be worked out from the totals and the other shown
figures, across every table published together (issue 20: the differencing leak).

Each test builds fictional people with one small group, publishes the figures, and then lists every
set of tables a reader could believe (``consistent_tables`` from the suppression tests: shown values
fixed, hidden counts at least 1) for all linked tables at once: the tables must agree on their shared
totals. Every hidden value must differ between at least two of those joint readings. Each test also
shows that suppressing the tables one by one, as before, gave the small count away.
"""

from __future__ import annotations

from collections.abc import Sequence

from pace_desktop.reports.impact import (
    Person,
    breakdowns,
    feedback_table,
    grouped,
    sustained_table,
    time_spent,
)
from pace_desktop.reports.suppression import SuppressedTable
from tests.impact.test_figures import p
from tests.reports.test_suppression import joint_hidden_values


def assert_nothing_recoverable(tables: Sequence[SuppressedTable], bound: int) -> None:
    values = joint_hidden_values([t.matrix() for t in tables], bound)
    assert values, "the small group must be hidden"
    for v in values:
        assert len(v) >= 2, f"a hidden count can be worked out: it can only be {v}"


def recoverable_anywhere(tables: Sequence[SuppressedTable], bound: int) -> bool:
    return any(len(v) == 1 for v in joint_hidden_values([t.matrix() for t in tables], bound))


def cohort() -> list[Person]:
    """10 people in Glasgow and Fife: 5 back in work and 4 last known unemployed in Glasgow; the
    one person in Fife (on the high band) last known unemployed."""
    people = [p(i, [(20 + i, "in_work")]) for i in range(5)]
    people += [p(10 + i, [(200, "unemployed")]) for i in range(4)]
    fife = p(20, [(200, "unemployed")])
    fife.council_area, fife.effective_band = "Fife", "high"
    return [*people, fife]


def test_breakdowns_are_linked_so_the_everyone_row_gives_nothing_away():
    people = cohort()
    groups, worked_with = breakdowns(people)
    everyone, by_band, area = groups[0].table, groups[1].table, groups[4].table
    assert area.rows == ("Fife", "Glasgow City") and area.cells[0][1] is None
    assert everyone.column_totals == by_band.column_totals == area.column_totals
    # Every breakdown that splits the people, and every partner's "worked with" table, shows the
    # same totals as Everyone.
    splits = [g.table for g in groups[:6]] + [g.table for g in worked_with.values()]
    assert all(t.column_totals == everyone.column_totals for t in splits)
    # Help received and partner worked with can hold a person in several rows: each row is the
    # published first row of a linked yes/no split (for partners, the partner's own report), and
    # there are no totals to subtract from.
    by_help, by_partner = groups[6].table, groups[7].table
    assert by_help.column_totals == (None, None, None) and by_help.grand_total is None
    for code, g in worked_with.items():
        row = by_partner.rows.index(g.title.removeprefix("Worked with ").removesuffix(" or not"))
        assert (by_partner.cells[row], by_partner.row_totals[row]) == (
            g.table.cells[0],
            g.table.row_totals[0],
        ), code
    assert_nothing_recoverable([everyone, by_band, area], bound=11)
    # One by one (the old way): the area table hid "back in work" for Glasgow and its total,
    # Everyone showed that total (5), so Glasgow's back in work was 5 and its not yet 9 - 5 = 4,
    # and Fife's hidden 1 was 5 - 4.
    alone = [
        grouped("Everyone", "G", people, lambda _: ["Everyone"]).table,
        grouped("Area", "A", people, lambda q: [q.council_area]).table,
    ]
    assert recoverable_anywhere(alone, bound=11)


def test_sustained_work_rows_hide_nothing_given_the_number_of_people():
    people = [p(i, [(91, "in_work"), (182, "in_work"), (365, "in_work")]) for i in range(8)]
    people += [p(10 + i, [(91, "in_work"), (182, "unemployed")]) for i in range(2)]
    people += [p(20 + i) for i in range(6)]  # never reached: not known
    table = sustained_table(people)
    assert table.rows == ("At 6 months", "At 12 months")
    assert table.cells[0][1] is None  # 2 not sustained at 6 months
    assert table.row_totals == (16, 16)  # the number of people, as every breakdown shows it
    # Each follow-up is a one-column table of the same 16 people (its total shown).
    per_checkpoint = [
        SuppressedTable(r, table.columns, ("People",), tuple((v,) for v in cells), cells, (total,), total, 5)
        for r, cells, total in zip(table.rows, table.cells, table.row_totals, strict=True)
    ]
    assert_nothing_recoverable(per_checkpoint, bound=17)


def test_sustained_work_hides_the_number_of_people_with_the_breakdowns():
    people = [p(i, [(91, "in_work"), (182, "in_work")]) for i in range(8)]
    table = sustained_table(people, total_hidden=True)
    assert table.row_totals == (None, None)
    assert all(sum(v is None for v in r) >= 1 for r in table.cells)


def test_time_per_event_cannot_be_taken_from_the_overall_row():
    people = [p(i, minutes=60, event="2025-01-10 A") for i in range(6)]
    people += [p(10 + i, minutes=30, event="2025-02-01 B") for i in range(7)]
    people += [p(20 + i, minutes=90, event="2025-03-01 C") for i in range(2)]
    overall, per_event = time_spent(people)
    assert (overall.people, overall.hours) == (15, 12.5)
    rows = {r.label: (r.people, r.hours) for r in per_event}
    assert rows["2025-03-01 C"] == (None, None)
    # A second event is hidden with C: 15 minus the shown events is then two events' people.
    hidden = [label for label, (n, _) in rows.items() if n is None]
    assert len(hidden) == 2
    assert rows["2025-01-10 A"] == (None, None)  # the smaller of the other two
    assert rows["2025-02-01 B"] == (7, 3.5)


def test_the_mean_rating_does_not_give_two_hidden_rating_totals_away():
    people = [p(i, band="low", ratings=[1]) for i in range(2)]
    people += [p(10 + i, band="low", ratings=[2]) for i in range(3)]
    people += [p(20 + i, band="low", ratings=[5]) for i in range(10)]
    table, mean = feedback_table(people)
    assert table.column_totals == (None, None, 0, 0, 10) and table.grand_total == 15
    # 15 ratings, ten 5s: the 1s and 2s add up to 5. A mean of 3.87 would add 1×a + 2×b = 8, so
    # a = 2 and b = 3. It is not shown.
    assert mean is None
    assert_nothing_recoverable([table], bound=16)
    whole = [p(i, band="low", ratings=[r]) for i, r in enumerate([3] * 5 + [4] * 5)]
    assert feedback_table(whole)[1] == 3.5
