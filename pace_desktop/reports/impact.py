"""What PACE achieves: the figures behind the ``impact`` workbook, the partner reports and the summary.

Qt-free and openpyxl-free. Everything counts only people who agreed to their answers being used,
without their name, in statistics (``anonymised_statistics``), as the partners report does: these
figures leave SDS in partners' reports. Every count goes through ``suppression.suppress`` and every
rate or average is shown only when the counts it rests on are shown (at least ``THRESHOLD`` people).

Definitions (docs/impact.md explains each):

* leaving date: the client's expected leaving date; people without one cannot be timed.
* in work: an outcome of in work or self-employed (``followup.schedule.IN_WORK``).
* time to work: days from leaving to the first in-work outcome (0 if found before leaving);
  people with no in-work outcome are censored at their last known outcome (Kaplan–Meier).
* sustained: in work at a checkpoint and at the one before (``followup.schedule.sustained``).
* help received: interventions attended or completed; a partner "worked with" when an intervention
  with it was referred, attended or completed. Figures by help are association, not cause.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pace_desktop.followup.schedule import DEFAULT_MONTHS, IN_WORK, KNOWN, status_at, sustained
from pace_desktop.partners.cohort import purpose_ids
from pace_desktop.records.enums import BAND_LABELS, EventType
from pace_desktop.reference import SERVICES, council_area_names, partners
from pace_desktop.reports.aggregates import BANDS, STATISTICS_PURPOSE
from pace_desktop.reports.suppression import (
    THRESHOLD,
    CountTable,
    SuppressedTable,
    suppress,
    suppress_linked,
)
from pace_desktop.reports.survival import (
    at_risk_at,
    kaplan_meier,
    median_days,
    month_day,
    survival_at,
)
from pace_desktop.store import report_figures

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

CURVE_MONTHS: tuple[int, ...] = tuple(range(0, 25))
REPORT_MONTHS: tuple[int, ...] = (3, 6, 12)
RECEIVED = frozenset({"attended", "completed"})
WORKED_WITH = frozenset({"referred", "attended", "completed"})
NOT_KNOWN = "Not known"
AGE_GROUPS = (
    (0, 25, "Under 25"),
    (25, 35, "25 to 34"),
    (35, 45, "35 to 44"),
    (45, 55, "45 to 54"),
    (55, 200, "55 and over"),
)
OUTCOME_COLUMNS = ("Back in work", "Not yet, last known", "Not timed: no outcome or leaving date")
ASSOCIATION = (
    "These figures show association, not cause: people who had this help may differ from "
    "those who did not in ways that matter more than the help itself."
)


@dataclass
class Person:
    """One counted person's facts (no names, no identifiers beyond the record id)."""

    client_id: str
    event_id: str
    leaving: date | None
    age_group: str
    sector: str
    council_area: str
    event_type: str
    event_label: str
    score: int | None
    band: str | None  # the checklist's own band
    effective_band: str | None  # the band in use (an adviser's override wins)
    overridden: bool
    outcomes: list[tuple[date, str]] = field(default_factory=list)
    services: set[str] = field(default_factory=set)  # received (attended or completed)
    partners: set[str] = field(default_factory=set)  # referred to, attended or completed
    referred_to: set[str] = field(default_factory=set)
    minutes: int = 0
    ratings: list[int] = field(default_factory=list)

    def survival_point(self) -> tuple[int, bool] | None:
        """(days, back in work) for Kaplan–Meier, or None with no leaving date or no known outcome."""
        if self.leaving is None:
            return None
        work = sorted(d for d, s in self.outcomes if s in IN_WORK)
        if work:
            return max(0, (work[0] - self.leaving).days), True
        known = [d for d, s in self.outcomes if s in KNOWN]
        if not known:
            return None
        return max(0, (max(known) - self.leaving).days), False

    def statuses(self, months: Sequence[int] = DEFAULT_MONTHS) -> dict[int, str]:
        return status_at(self.outcomes, self.leaving, months) if self.leaving else {}


def _age_group(born: str | None, on: date | None) -> str:
    if not born or on is None:
        return NOT_KNOWN
    b = date.fromisoformat(born)
    age = on.year - b.year - ((on.month, on.day) < (b.month, b.day))
    return next((label for lo, hi, label in AGE_GROUPS if lo <= age < hi), NOT_KNOWN)


def gather(store: Store, wanted: set[str] | None = None) -> list[Person]:
    """Facts for every person with ``anonymised_statistics`` consent (and in ``wanted``, if given)."""
    counted = purpose_ids(store, STATISTICS_PURPOSE)
    if wanted is not None:
        counted &= wanted
    areas = council_area_names()
    event_info: dict[str, tuple[str, str, str, str, date]] = {}
    for data in report_figures.event_data(store.db):
        e = json.loads(data)
        day = date.fromisoformat(e["event_date"])
        try:
            kind = EventType(e.get("event_type") or "").label
        except ValueError:
            kind = e.get("event_type") or NOT_KNOWN
        event_info[e["id"]] = (
            (e.get("sector") or "").strip() or NOT_KNOWN,
            areas.get(e.get("council_area") or "", e.get("council_area") or NOT_KNOWN),
            kind,
            f"{day.isoformat()} {e.get('employer_name') or ''}".strip(),
            day,
        )
    people: dict[str, Person] = {}
    for cid, event_id, born, leaving in report_figures.client_birth_and_leaving(store.db):
        if cid not in counted:
            continue
        sector, area, kind, label, event_day = event_info.get(
            event_id, (NOT_KNOWN, NOT_KNOWN, NOT_KNOWN, NOT_KNOWN, None)
        )
        leave = date.fromisoformat(leaving) if leaving else None
        people[cid] = Person(
            cid,
            event_id,
            leave,
            _age_group(born, leave or event_day),
            sector,
            area,
            kind,
            label,
            None,
            None,
            None,
            False,
        )
    for cid, data in report_figures.checklist_data(store.db):
        if cid in people:
            k = json.loads(data)
            p = people[cid]
            p.score, p.band = int(k["score"]), k["band"]
            override = k.get("override")
            p.effective_band = override["band"] if override else k["band"]
            p.overridden = bool(override) and override["band"] != k["band"]
    for cid, when, status in report_figures.outcome_statuses(store.db):
        if cid in people and when:
            people[cid].outcomes.append((date.fromisoformat(when), status or ""))
    for cid, service, partner, status, minutes in report_figures.intervention_facts(store.db):
        if cid in people:
            p = people[cid]
            p.minutes += int(minutes or 0)
            if service is not None and status in RECEIVED:
                p.services.add(service)
            if partner and status in WORKED_WITH:
                p.partners.add(partner)
            if partner and status == "referred":
                p.referred_to.add(partner)
    for cid, rating in report_figures.feedback_ratings(store.db):
        if cid in people and rating:
            people[cid].ratings.append(int(rating))
    return list(people.values())


# -- time to work ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Curve:
    """One group's Kaplan–Meier figures, ready to publish: None wherever too few people stand behind."""

    label: str
    people: int | None  # counted people with a known outcome (shown count or None)
    back_in_work: int | None
    share_by_month: dict[int, float | None]  # month -> estimated share back in work (0–1)
    median_days: int | None
    median_hidden: bool


def curve(
    label: str,
    points: Sequence[tuple[int, bool]],
    months: Iterable[int] = CURVE_MONTHS,
    people: int | None = None,
    back: int | None = None,
) -> Curve:
    """A group's curve: each month's share is shown only while 5 or more people are still followed
    and once none or 5 or more are back in work; nothing is shown for a group whose people or
    returns to work are hidden."""
    steps = kaplan_meier(points)
    shown = people is not None and back is not None and people >= THRESHOLD
    shares: dict[int, float | None] = {}
    for m in months:
        day = month_day(m)
        # Also hidden while only 1 to 4 people are back in work: the share would all but count them.
        back_by = sum(1 for days, event in points if event and days <= day)
        ok = shown and (m == 0 or at_risk_at(points, day) >= THRESHOLD) and not 0 < back_by < THRESHOLD
        shares[m] = (1 - survival_at(steps, day)) if ok else None
    med = median_days(steps) if shown else None
    # The median is shown only if 5 or more were still followed on that day.
    hidden = med is not None and at_risk_at(points, med) < THRESHOLD
    return Curve(label, people, back, shares, None if hidden else med, hidden or not shown)


@dataclass(frozen=True)
class Grouped:
    """A breakdown: the suppressed count table and, per row, the curve."""

    title: str
    header: str
    table: SuppressedTable
    curves: list[Curve]
    note: str = ""
    totals: bool = True  # False: rows overlap (one person in several), so no totals row is shown


def _counted(
    title: str,
    people: Sequence[Person],
    groups_of: Callable[[Person], Iterable[str]],
    order: Sequence[str] | None = None,
) -> tuple[CountTable, dict[str, list[tuple[int, bool]]], bool]:
    """The count table (back in work / not yet / not timed), each group's survival points, and
    whether the groups split the people (each person in exactly one group)."""
    members: dict[str, list[Person]] = defaultdict(list)
    partition = True
    for p in people:
        mine = list(groups_of(p))
        partition = partition and len(set(mine)) == 1
        for g in mine:
            members[g].append(p)
    labels = list(order or ())
    labels += sorted((g for g in members if g not in labels), key=str.casefold)
    counts, points_by = [], {}
    for g in labels:
        pts = [pt for p in members.get(g, []) if (pt := p.survival_point()) is not None]
        points_by[g] = pts
        back = sum(1 for _, e in pts if e)
        counts.append([back, len(pts) - back, len(members.get(g, [])) - len(pts)])
    return CountTable.of(title, labels, OUTCOME_COLUMNS, counts), points_by, partition


def _with_curves(
    header: str,
    table: SuppressedTable,
    points_by: dict[str, list[tuple[int, bool]]],
    note: str,
    *,
    totals: bool = True,
) -> Grouped:
    curves = []
    for i, g in enumerate(table.rows):
        shown_back, not_yet = table.cells[i][0], table.cells[i][1]
        known = None if shown_back is None or not_yet is None else shown_back + not_yet
        curves.append(curve(g, points_by[g], people=known, back=shown_back))
    return Grouped(table.title, header, table, curves, note, totals)


def grouped(
    title: str,
    header: str,
    people: Sequence[Person],
    groups_of: Callable[[Person], Iterable[str]],
    order: Sequence[str] | None = None,
    note: str = "",
) -> Grouped:
    """Count table (back in work / not yet / not timed) and a curve per group, suppressed on its
    own. Breakdowns of the same people that are published together go through ``linked``."""
    table, points_by, _ = _counted(title, people, groups_of, order)
    return _with_curves(header, suppress(table), points_by, note)


@dataclass(frozen=True)
class Breakdown:
    """What ``linked`` needs to build one breakdown."""

    title: str
    header: str
    groups_of: Callable[[Person], Iterable[str]]
    order: Sequence[str] | None = None
    note: str = ""


def linked(people: Sequence[Person], specs: Sequence[Breakdown]) -> list[Grouped]:
    """Breakdowns of the same people, suppressed together.

    Every breakdown that splits the people (each person in one row: band, age, sector, area, event
    type, worked with a partner or not) has the same column totals as "Everyone": an overall total
    minus the shown rows would reveal a hidden row wherever one table hid a total another showed.
    So these are suppressed as one linked set (``suppression.suppress_linked``): a shared total is
    hidden everywhere or nowhere, and no hidden count can be worked out from all of them together.
    A breakdown where a person can be in several rows has no such identity with the totals and is
    suppressed on its own (``breakdowns`` builds those from linked yes/no splits instead).
    """
    built = [(_counted(s.title, people, s.groups_of, s.order), s) for s in specs]
    split = [i for i, ((_, _, partition), _) in enumerate(built) if partition]
    published: dict[int, SuppressedTable] = {}
    for i, result in zip(split, suppress_linked([built[i][0][0] for i in split]), strict=True):
        published[i] = result
    out = []
    for i, ((table, points_by, _), s) in enumerate(built):
        out.append(_with_curves(s.header, published.get(i) or suppress(table), points_by, s.note))
    return out


def _age_order() -> list[str]:
    return [label for _, _, label in AGE_GROUPS] + [NOT_KNOWN]


def worked_with_spec(code: str, name: str) -> Breakdown:
    """People who worked with one partner beside those who did not (its reciprocity report)."""
    return Breakdown(
        f"Worked with {name} or not",
        "People",
        lambda p: [f"Worked with {code}" if code in p.partners else f"Did not work with {code}"],
        [f"Worked with {code}", f"Did not work with {code}"],
        ASSOCIATION,
    )


def _yes_no(label: str, test: Callable[[Person], bool], no: str = "") -> Breakdown:
    """A split of everyone by one yes/no question, the yes row labelled ``label``."""
    no = no or f"Not: {label}"
    return Breakdown(label, "", lambda p: [label if test(p) else no], [label, no])


def _received(service: str) -> Callable[[Person], bool]:
    return lambda p: service in p.services


def _overlapping(
    title: str,
    header: str,
    people: Sequence[Person],
    groups_of: Callable[[Person], Iterable[str]],
    order: Sequence[str],
    rows: Sequence[Grouped],
    note: str,
) -> Grouped:
    """A breakdown where one person can be in several rows, built from linked yes/no splits: row k
    is the first row of ``rows[k]`` as published there, so it shows the same hidden counts as
    every other linked table and no totals row (which would count people twice)."""
    _, points_by, _ = _counted(title, people, groups_of, order)
    table = SuppressedTable(
        title=title,
        rows=tuple(order),
        columns=OUTCOME_COLUMNS,
        cells=tuple(g.table.cells[0] for g in rows),
        row_totals=tuple(g.table.row_totals[0] for g in rows),
        column_totals=(None,) * len(OUTCOME_COLUMNS),
        grand_total=None,
        threshold=THRESHOLD,
    )
    return _with_curves(header, table, {g: points_by.get(g, []) for g in order}, note, totals=False)


def breakdowns(people: Sequence[Person]) -> tuple[list[Grouped], dict[str, Grouped]]:
    """Time to work overall and by each characteristic the issue asks for; and, per partner, people
    who worked with it or not. All are linked: every report showing any of them shows the same
    pattern of hidden counts.

    Help received and partner worked with let one person be in several rows, so each of their rows
    comes from its own linked yes/no split (received this help or not; worked with this partner or
    not, the partner's own report; any help or none; any partner or none).
    """
    band_label: dict[str | None, str] = {None: "No checklist"}
    band_label.update(BAND_LABELS)
    names = {p.code: p.name for p in partners()}
    specs = [
        Breakdown("Everyone counted", "Group", lambda p: ["Everyone"], ["Everyone"]),  # a row if nobody
        Breakdown(
            "By risk band (band in use)",
            "Risk band",
            lambda p: [band_label.get(p.effective_band, NOT_KNOWN)],
            [BAND_LABELS[b] for b in BANDS] + ["No checklist"],
        ),
        Breakdown("By age group (at leaving)", "Age group", lambda p: [p.age_group], _age_order()),
        Breakdown("By sector", "Sector", lambda p: [p.sector]),
        Breakdown("By council area", "Council area", lambda p: [p.council_area]),
        Breakdown("By event type", "Event type", lambda p: [p.event_type], [m.label for m in EventType]),
    ]
    partner_specs = [worked_with_spec(code, name) for code, name in names.items()]
    help_specs = [_yes_no(label, _received(s)) for s, label in SERVICES.items()]
    extra = [
        _yes_no("No help recorded", lambda p: not p.services, "Some help recorded"),
        _yes_no("No partner", lambda p: not p.partners, "Some partner"),
    ]
    result = linked(people, specs + partner_specs + help_specs + extra)
    n, k, h = len(specs), len(partner_specs), len(help_specs)
    worked, helped, (no_help, no_partner) = result[n : n + k], result[n + k : n + k + h], result[n + k + h :]
    by_help = _overlapping(
        "By help received (association, not cause)",
        "Help received",
        people,
        lambda p: [SERVICES.get(s, s) for s in p.services] or ["No help recorded"],
        [*SERVICES.values(), "No help recorded"],
        [*helped, no_help],
        ASSOCIATION,
    )
    by_partner = _overlapping(
        "By partner worked with (association, not cause)",
        "Partner",
        people,
        lambda p: [names.get(c, c) for c in p.partners] or ["No partner"],
        [*names.values(), "No partner"],
        [*worked, no_partner],
        ASSOCIATION,
    )
    return [*result[:n], by_help, by_partner], dict(zip(names, worked, strict=True))


# -- sustained work ---------------------------------------------------------------------------------

SUSTAINED_COLUMNS = ("Sustained", "Not sustained", "Not known")


def sustained_table(
    people: Sequence[Person],
    months: Sequence[int] = DEFAULT_MONTHS,
    at: Sequence[int] = (6, 12),
    *,
    total_hidden: bool = False,
) -> SuppressedTable:
    """People in sustained work at each checkpoint: in work there and at the one before.

    Each checkpoint counts the same people, so its row total is the number of people counted, the
    grand total of every breakdown. The checkpoints are suppressed together as linked one-column
    tables (a row total hidden in one is hidden in the other), and with ``total_hidden`` (the
    breakdowns hide the number of people) the largest count of each checkpoint is hidden with it,
    so that "one more person" fits every published table at once. There are no column totals:
    adding the checkpoints up would count people twice.
    """
    rows = []
    for m in at:
        yes = no = unknown = 0
        for p in people:
            if p.leaving is None:
                unknown += 1
                continue
            s = sustained(p.statuses(months), months, m)
            yes += s is True
            no += s is False
            unknown += s is None
        rows.append([yes, no, unknown])
    per_checkpoint = [
        CountTable.of(f"At {m} months", SUSTAINED_COLUMNS, ("People",), [[v] for v in r])
        for m, r in zip(at, rows, strict=True)
    ]
    published = suppress_linked(per_checkpoint)
    cells = [[c[0] for c in t.cells] for t in published]
    totals = [t.grand_total for t in published]
    if total_hidden and len(people) >= THRESHOLD:
        for r, counts in zip(cells, rows, strict=True):
            r[max(range(len(counts)), key=lambda j: counts[j])] = None
        totals = [None] * len(totals)
    return SuppressedTable(
        title="People in sustained work",
        rows=tuple(f"At {m} months" for m in at),
        columns=SUSTAINED_COLUMNS,
        cells=tuple(tuple(r) for r in cells),
        row_totals=tuple(totals),
        column_totals=(None,) * len(SUSTAINED_COLUMNS),
        grand_total=None,
        threshold=THRESHOLD,
    )


def share(part: int | None, whole: int | None) -> float | None:
    """part / whole when both are shown and whole is at least THRESHOLD, else None."""
    if part is None or whole is None or whole < THRESHOLD:
        return None
    return part / whole


# -- time spent on PACE -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeRow:
    label: str
    people: int | None  # people with some recorded time
    hours: float | None
    mean_minutes: float | None
    median_minutes: float | None


def _time_row(label: str, minutes: list[int], hidden: bool) -> TimeRow:
    n = len(minutes)
    if hidden or n < THRESHOLD:
        return TimeRow(label, None if n else 0, None if n else 0.0, None, None)
    return TimeRow(
        label,
        n,
        round(sum(minutes) / 60, 1),
        round(statistics.fmean(minutes), 1),
        float(statistics.median(minutes)),
    )


def time_spent(people: Sequence[Person]) -> tuple[TimeRow, list[TimeRow]]:
    """(everyone, per event): minutes recorded on interventions, for people with any time recorded.

    The overall row is the total of the event rows, so an event hidden on its own would be the
    overall figures minus the shown events. The people-with-time counts per event are therefore
    suppressed as one table with its total (``suppression.suppress``: 1–4 hidden, and at least
    one more event, or the total, with them); an event's hours and minutes are shown only when its
    count is, and the overall row only when the total is.
    """
    with_time = [p for p in people if p.minutes > 0]
    by_event: dict[str, list[int]] = defaultdict(list)
    for p in with_time:
        by_event[p.event_label].append(p.minutes)
    labels = sorted(by_event, reverse=True)
    table = suppress(
        CountTable.of("People with time recorded", labels, ("People",), [[len(by_event[e])] for e in labels])
    )
    overall = _time_row("Everyone", [p.minutes for p in with_time], table.grand_total is None)
    rows = [_time_row(label, by_event[label], table.row_totals[i] is None) for i, label in enumerate(labels)]
    return overall, rows


# -- feedback ---------------------------------------------------------------------------------------

RATING_COLUMNS = ("1 (poor)", "2", "3", "4", "5 (very good)")


def feedback_table(people: Sequence[Person]) -> tuple[SuppressedTable, float | None]:
    """Ratings by band in use (each rating once), and the mean rating when 5 or more were given."""
    band_label: dict[str | None, str] = {None: "No checklist"}
    band_label.update(BAND_LABELS)
    rows = [BAND_LABELS[b] for b in BANDS] + ["No checklist"]
    counts = {r: [0] * 5 for r in rows}
    ratings = []
    for p in people:
        for r in p.ratings:
            counts[band_label.get(p.effective_band, "No checklist")][r - 1] += 1
            ratings.append(r)
    table = suppress(
        CountTable.of("Feedback ratings by risk band", rows, RATING_COLUMNS, [counts[r] for r in rows])
    )
    # The mean is one more equation on the rating totals (the sum of rating × count): with two rating
    # totals hidden it would give both. So it is shown only when every rating total is shown.
    complete = len(ratings) >= THRESHOLD and all(v is not None for v in table.column_totals)
    mean = round(statistics.fmean(ratings), 2) if complete else None
    return table, mean


# -- everything ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Impact:
    people: int
    timed: int  # with a leaving date
    groups: list[Grouped]
    worked_with: dict[str, Grouped]  # partner code -> worked with it or not (linked with groups)
    sustained: SuppressedTable
    time_overall: TimeRow
    time_by_event: list[TimeRow]
    feedback: SuppressedTable
    mean_rating: float | None

    @property
    def people_shown(self) -> int | None:
        """The number of people counted as published (the breakdowns' grand total)."""
        return self.groups[0].table.grand_total

    @property
    def overall(self) -> Curve:
        return self.groups[0].curves[0]

    def sustained_share(self, months: int) -> float | None:
        i = [f"At {m} months" for m in (6, 12)].index(f"At {months} months")
        yes, no = self.sustained.cells[i][0], self.sustained.cells[i][1]
        return share(yes, None if yes is None or no is None else yes + no)


def impact(store: Store, wanted: set[str] | None = None) -> Impact:
    return impact_of(gather(store, wanted))


def impact_of(people: Sequence[Person]) -> Impact:
    overall, per_event = time_spent(people)
    fb, mean = feedback_table(people)
    groups, worked_with = breakdowns(people)
    return Impact(
        len(people),
        sum(p.leaving is not None for p in people),
        groups,
        worked_with,
        sustained_table(people, total_hidden=groups[0].table.grand_total is None),
        overall,
        per_event,
        fb,
        mean,
    )
