"""What every partner's own report shows beyond its returns: PACE activity in the partner's service
areas, the referrals made to it and what followed, and the impact figures (issue 20, step 6 of the
report's data-sharing scenario: partners "would receive reports based on analysis of the collated
data"). Written for every partner, whether or not it was ever sent a request.

Counts only people who agreed to anonymised statistics; every table is suppressed with the usual
rules, every share is read only from shown counts of 5 or more. Figures for people who worked with
the partner sit beside everyone's: association, not cause.

Written with XlsxWriter into the partner's own report (``reciprocity.write_partner_report``, a
``reports.xlsx.MemoryWorkbook``); the tables and charts are the impact workbook's
(``reports.xlsx_tables``). Rows and columns are numbered as the sheet shows them (A1 is row 1, column 1).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from pace_desktop.records.enums import InterventionStatus, OutcomeStatus
from pace_desktop.reference import SERVICES
from pace_desktop.reports.cells import sheet_title
from pace_desktop.reports.impact import (
    ASSOCIATION,
    REPORT_MONTHS,
    Person,
    gather,
    impact_of,
    linked,
    worked_with_spec,
)
from pace_desktop.reports.suppression import (
    CountTable,
    SuppressedTable,
    suppress,
    suppress_with_total,
)
from pace_desktop.reports.xlsx import put
from pace_desktop.reports.xlsx_tables import (
    BOLD,
    PCT,
    TITLE,
    bar,
    count_table,
    curve_chart,
    curve_table,
    rows_table,
    shown,
)
from pace_desktop.store import report_figures

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from pace_desktop.reports.xlsx import SafeWorkbook
    from pace_desktop.store.store import Store

STATUS_ORDER = [m.value for m in InterventionStatus]  # offered < referred < attended < completed
NO_OUTCOME = "None recorded"


def activity_table(
    store: Store, people: dict[str, Person], services: tuple[str, ...]
) -> tuple[CountTable, dict[str, int]]:
    """People helped in each of the partner's services, by the furthest the help went; minutes too."""
    furthest: dict[tuple[str, str], int] = {}
    minutes: dict[str, int] = defaultdict(int)
    for cid, service, status, mins in report_figures.service_statuses_and_minutes(store.db):
        if cid in people and service in services and status in STATUS_ORDER:
            key = (service, cid)
            furthest[key] = max(furthest.get(key, 0), STATUS_ORDER.index(status))
            minutes[service] += int(mins or 0)
    counts = {s: [0] * len(STATUS_ORDER) for s in services}
    for (service, _), level in furthest.items():
        counts[service][level] += 1
    table = CountTable.of(
        "People helped in your service areas, by how far the help went",
        [SERVICES.get(s, s) for s in services],
        [m.label for m in InterventionStatus],
        [counts[s] for s in services],
    )
    return table, dict(minutes)


def activity_rows(
    store: Store, people: dict[str, Person], services: tuple[str, ...]
) -> tuple[SuppressedTable, dict[str, int]]:
    """The partner's rows of one table of every service, suppressed once for all partners.

    Partners share services: suppressing each partner's rows on their own would hide a service's
    small count with a different second count in each report, and two reports together would give
    it away. So every report shows the same pattern, and no totals row (a few rows of the whole,
    and one person can be in several services).
    """
    every = tuple(dict.fromkeys([*SERVICES, *services]))
    table, minutes = activity_table(store, people, every)
    whole = suppress(table)
    keep = [every.index(s) for s in services]
    return (
        SuppressedTable(
            title=whole.title,
            rows=tuple(whole.rows[i] for i in keep),
            columns=whole.columns,
            cells=tuple(whole.cells[i] for i in keep),
            row_totals=tuple(whole.row_totals[i] for i in keep),
            column_totals=(None,) * len(whole.columns),
            grand_total=None,
            threshold=whole.threshold,
        ),
        minutes,
    )


SENT_STEPS = STATUS_ORDER[1:]  # referred, attended, completed: the people who worked with it


def referral_table(store: Store, people: dict[str, Person], code: str) -> CountTable:
    """People referred to (or helped by) the partner, by how far it went and their latest outcome.

    Exactly the people who "worked with" the partner in the impact figures (referred, attended or
    completed): the table's total is that row's total on the PACE impact sheet. People only offered
    its help were not sent to it and are not counted here.
    """
    furthest: dict[str, int] = {}
    for cid, status in report_figures.statuses_with_partner(store.db, code):
        if cid in people and status in SENT_STEPS:
            furthest[cid] = max(furthest.get(cid, 0), SENT_STEPS.index(status))
    columns = [m.value for m in OutcomeStatus] + [""]
    counts = [[0] * len(columns) for _ in SENT_STEPS]
    for cid, level in furthest.items():
        outcomes = sorted(people[cid].outcomes)
        latest = outcomes[-1][1] if outcomes else ""
        counts[level][columns.index(latest if latest in columns else "")] += 1
    return CountTable.of(
        "People sent to you, by how far it went and where they are now (latest outcome)",
        [InterventionStatus(s).label for s in SENT_STEPS],
        [m.label for m in OutcomeStatus] + [NO_OUTCOME],
        counts,
    )


def referrals_chart(book: SafeWorkbook, ws: Worksheet, n_rows: int, n_columns: int, name: str) -> None:
    """A stacked bar beside the referral table (title row 4, headings row 5): one bar per furthest
    step, split by where people are now. Hidden counts ("*") draw as nothing."""
    bar(
        book,
        ws,
        f"People sent to {name}: how far it went and where they are now",
        1,
        range(2, 2 + n_columns),
        5,
        5 + n_rows,
        "K4",
        "People",
        stacked=True,
        height_cm=9,
        width_cm=18,
    )


def add_partner_sheets(
    store: Store,
    book: SafeWorkbook,
    code: str,
    name: str,
    services: tuple[str, ...],
    *,
    about_row: int | None = None,
) -> dict[str, int]:
    """Three sheets for one partner; returns how many values were hidden. With ``about_row``, a line
    on the workbook's About sheet (at that row) says these sheets are in every partner's report."""
    taken = {ws.get_name() for ws in book.worksheets()}
    about = book.get_worksheet_by_name("About")
    if about is not None and about_row is not None:
        put(
            book,
            about,
            about_row,
            1,
            "'Activity in your services', 'Referrals to you' and 'PACE impact' "
            "are in every partner's report, whether or not SDS has sent it anyone's details.",
        )
    everyone = gather(store)
    people = {p.client_id: p for p in everyone}
    hidden = 0

    ws = book.add_worksheet(sheet_title("Activity in your services", taken))
    put(book, ws, 1, 1, f"PACE activity in {name}'s service areas", **TITLE)
    put(
        book,
        ws,
        2,
        1,
        "Your services in the PACE partner table: "
        + (", ".join(SERVICES.get(s, s) for s in services) or "none listed")
        + ".",
    )
    published, minutes = activity_rows(store, people, services)
    hidden += sum(v is None for r in published.cells for v in r) + published.row_totals.count(None)
    row = rows_table(book, ws, published, "Service", "Total", 4)
    put(book, ws, row, 1, "Hours advisers recorded on this help", **BOLD)
    for i, (service, total) in enumerate(zip(services, published.row_totals, strict=True), 1):
        put(book, ws, row + i, 1, SERVICES.get(service, service))
        put(book, ws, row + i, 2, shown(None if total is None else round(minutes.get(service, 0) / 60, 1)))
    if services:
        bar(
            book,
            ws,
            "People helped in your service areas",
            1,
            [len(STATUS_ORDER) + 2],  # the Total column
            5,
            5 + len(services),
            "I4",
            "",  # no axis title, as before: the chart's title says what is counted
            legend=False,
            height_cm=max(7.5, 0.8 * len(services) + 3),
        )

    ws = book.add_worksheet(sheet_title("Referrals to you", taken))
    put(book, ws, 1, 1, f"Referrals from PACE to {name} and what followed", **TITLE)
    put(
        book,
        ws,
        2,
        1,
        "Each person once, at the furthest the help went; 'where they are now' is their latest "
        "recorded outcome, from follow-up contacts or partners' returns.",
    )
    result = impact_of(everyone)
    # Linked with the impact report's breakdowns (same people, same totals): the same hidden
    # counts whichever report a reader holds. A partner dropped from the table since is linked alone.
    g = result.worked_with.get(code) or linked(everyone, [worked_with_spec(code, name)])[0]
    # The referrals table counts the same people as the "worked with" row: its total is that row's
    # total, shown or hidden there, and the table is suppressed knowing it.
    published = suppress_with_total(referral_table(store, people, code), g.table.row_totals[0] is not None)
    hidden += published.hidden
    count_table(book, ws, published, "Furthest step", 4)
    referrals_chart(book, ws, len(published.rows), len(published.columns), name)

    ws = book.add_worksheet(sheet_title("PACE impact", taken))
    put(book, ws, 1, 1, "What PACE achieves, and people who worked with you", **TITLE)
    put(book, ws, 2, 1, ASSOCIATION, italic=True, bold=True)
    facts = [
        (f"Everyone: estimated back in work by {m} months", result.overall.share_by_month.get(m))
        for m in REPORT_MONTHS
    ]
    facts += [(f"Everyone: in sustained work at {m} months", result.sustained_share(m)) for m in (6, 12)]
    for i, (label, value) in enumerate(facts, 4):
        put(book, ws, i, 1, label)
        put(book, ws, i, 2, shown(value) if value is None else round(value, 4), num_format=PCT)
    hidden += g.table.hidden
    row = count_table(book, ws, g.table, "People", 4 + len(facts) + 1)
    row = curve_table(book, ws, g, row)
    title = f"Share back in work: everyone and {code}"
    curve_chart(book, ws, [result.overall, *g.curves], row, 1, "I4", title)
    ws.set_column(0, 0, 46)
    return {"hidden": hidden}
