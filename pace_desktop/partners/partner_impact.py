"""What every partner's own report shows beyond its returns: PACE activity in the partner's service
areas, the referrals made to it and what followed, and the impact figures (issue 20, step 6 of the
report's data-sharing scenario: partners "would receive reports based on analysis of the collated
data"). Written for every partner, whether or not it was ever sent a request.

Counts only people who agreed to anonymised statistics; every table is suppressed with the usual
rules, every share is read only from shown counts of 5 or more. Figures for people who worked with
the partner sit beside everyone's: association, not cause.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font

from pace_desktop.records.enums import InterventionStatus, OutcomeStatus
from pace_desktop.reference import SERVICES
from pace_desktop.reports.cells import put, put_row, sheet_title
from pace_desktop.reports.impact import (
    ASSOCIATION,
    CURVE_MONTHS,
    REPORT_MONTHS,
    Curve,
    Grouped,
    Person,
    gather,
    impact_of,
    linked,
    worked_with_spec,
)
from pace_desktop.reports.partners import shown, write_table
from pace_desktop.reports.suppression import (
    SUPPRESSED_MARK,
    SUPPRESSION_NOTE,
    CountTable,
    SuppressedTable,
    suppress,
    suppress_with_total,
)
from pace_desktop.store import report_figures

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from pace_desktop.store.store import Store

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
STATUS_ORDER = [m.value for m in InterventionStatus]  # offered < referred < attended < completed
NO_OUTCOME = "None recorded"
PCT = "0%"
MAX_CURVES = 8


# The openpyxl table and curve helpers the impact workbook used before it moved to XlsxWriter:
# this report moves next, and these go with it.


def _pct(value: float | None) -> float | str:
    return SUPPRESSED_MARK if value is None else value


def _header(ws: Worksheet, row: int, values: Sequence[str], *, left: int = 1) -> None:
    """Bold, wrapped headings; numbers' headings right-aligned over their numbers."""
    put_row(ws, row, values, start_column=left)
    for col in range(left, left + len(values)):
        ws.cell(row, col).font = BOLD
        ws.cell(row, col).alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="left" if col == left else "right"
        )
    if any(len(str(v)) > 12 for v in values[1:]):
        ws.row_dimensions[row].height = 30


def count_table(ws: Worksheet, table: SuppressedTable, header: str, top: int) -> int:
    """A suppressed count table (``reports.partners.write_table``) with room for wrapped headings."""
    row = write_table(ws, table, header, top=top)
    ws.row_dimensions[top + 1].height = 30
    return row


def _axes(chart: BarChart | LineChart) -> None:
    # openpyxl 3.1 marks axes deleted unless told otherwise; Excel then draws no labels at all.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def curve_chart(ws: Worksheet, curves: Sequence[Curve], top: int, left: int, anchor: str, title: str) -> int:
    """Month-by-month shares for each shown curve as a block at (top, left), with a line chart at
    ``anchor``; returns the row after the block. Blank cells end a line where too few are followed."""
    shown_curves = [c for c in curves if c.people][:MAX_CURVES]
    _header(ws, top, ["Months after leaving", *(c.label for c in shown_curves)], left=left)
    for i, m in enumerate(CURVE_MONTHS, 1):
        put(ws, top + i, left, m)
        for j, c in enumerate(shown_curves, 1):
            value = c.share_by_month.get(m)
            if value is not None:
                put(ws, top + i, left + j, round(value, 4), number_format=PCT)
    last = top + len(CURVE_MONTHS)
    if shown_curves:
        chart = LineChart()
        _axes(chart)
        chart.title = title
        chart.y_axis.title = "Share back in work"
        chart.x_axis.title = "Months after leaving"
        chart.y_axis.number_format = PCT
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.height, chart.width = 11, 22
        chart.legend.position = "b"
        data = Reference(ws, min_col=left + 1, max_col=left + len(shown_curves), min_row=top, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=left, min_row=top + 1, max_row=last))
        for series in chart.series:
            series.smooth = False
        ws.add_chart(chart, anchor)
    return last + 2


def curve_table(ws: Worksheet, g: Grouped, top: int) -> int:
    """Per group: people timed, back in work by 3/6/12 months, median days; returns next row."""
    put(ws, top, 1, f"{g.title}: estimated share back in work").font = BOLD
    _header(
        ws,
        top + 1,
        (g.header, "People known", *(f"By {m} months" for m in REPORT_MONTHS), "Median days to work"),
    )
    row = top + 1
    for c in g.curves:
        row += 1
        median: int | str = SUPPRESSED_MARK if c.median_hidden else (c.median_days or "not reached")
        put_row(
            ws,
            row,
            (c.label, shown(c.people), *(_pct(c.share_by_month.get(m)) for m in REPORT_MONTHS), median),
        )
        for col in range(3, 3 + len(REPORT_MONTHS)):
            ws.cell(row, col).number_format = PCT
            ws.cell(row, col).alignment = Alignment(horizontal="right")
    return row + 2


def rows_table(ws: Worksheet, table: SuppressedTable, header: str, total_header: str, top: int) -> int:
    """A suppressed table's rows and row totals, without a totals row: for rows that count people
    twice when added up (follow-ups of the same people; services one person used several of), or
    that are a few rows of a larger table. Returns the next free row."""
    put(ws, top, 1, table.title).font = BOLD
    _header(ws, top + 1, (header, *table.columns, total_header))
    for i, (label, cells, total) in enumerate(zip(table.rows, table.cells, table.row_totals, strict=True)):
        put_row(ws, top + 2 + i, (label, *(shown(v) for v in cells), shown(total)))
        for col in range(2, len(table.columns) + 3):
            ws.cell(top + 2 + i, col).alignment = Alignment(horizontal="right")
    put(ws, top + 2 + len(table.rows), 1, SUPPRESSION_NOTE)
    return top + 4 + len(table.rows)


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


def referrals_chart(ws: Worksheet, n_rows: int, n_columns: int, name: str) -> None:
    """A stacked bar beside the referral table (title row 4, headings row 5): one bar per furthest
    step, split by where people are now. Hidden counts ("*") draw as nothing."""
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = f"People sent to {name}: how far it went and where they are now"
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.title = "People"
    chart.legend.position = "b"
    chart.add_data(
        Reference(ws, min_col=2, max_col=1 + n_columns, min_row=5, max_row=5 + n_rows), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=6, max_row=5 + n_rows))
    chart.height, chart.width = 9, 18
    ws.add_chart(chart, "K4")


def add_partner_sheets(
    store: Store, wb: Workbook, code: str, name: str, services: tuple[str, ...]
) -> dict[str, int]:
    """Three sheets for one partner; returns how many values were hidden."""
    taken = set(wb.sheetnames)
    if "About" in taken:
        about = wb["About"]
        put(
            about,
            about.max_row + 2,
            1,
            "'Activity in your services', 'Referrals to you' and 'PACE impact' "
            "are in every partner's report, whether or not SDS has sent it anyone's details.",
        )
    everyone = gather(store)
    people = {p.client_id: p for p in everyone}
    hidden = 0

    ws = wb.create_sheet(sheet_title("Activity in your services", taken))
    put(ws, 1, 1, f"PACE activity in {name}'s service areas").font = TITLE
    put(
        ws,
        2,
        1,
        "Your services in the PACE partner table: "
        + (", ".join(SERVICES.get(s, s) for s in services) or "none listed")
        + ".",
    )
    published, minutes = activity_rows(store, people, services)
    hidden += sum(v is None for r in published.cells for v in r) + published.row_totals.count(None)
    row = rows_table(ws, published, "Service", "Total", 4)
    put(ws, row, 1, "Hours advisers recorded on this help").font = BOLD
    for i, (service, total) in enumerate(zip(services, published.row_totals, strict=True), 1):
        put(ws, row + i, 1, SERVICES.get(service, service))
        put(ws, row + i, 2, shown(None if total is None else round(minutes.get(service, 0) / 60, 1)))
    if services:
        chart = BarChart()
        chart.type, chart.title, chart.legend = "bar", "People helped in your service areas", None
        chart.x_axis.delete = chart.y_axis.delete = False
        chart.x_axis.scaling.orientation = "maxMin"
        last = 5 + len(services)
        chart.add_data(
            Reference(ws, min_col=len(STATUS_ORDER) + 2, min_row=5, max_row=last), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=6, max_row=last))
        chart.height, chart.width = max(7.5, 0.8 * len(services) + 3), 16
        ws.add_chart(chart, "I4")

    ws = wb.create_sheet(sheet_title("Referrals to you", taken))
    put(ws, 1, 1, f"Referrals from PACE to {name} and what followed").font = TITLE
    put(
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
    count_table(ws, published, "Furthest step", 4)
    referrals_chart(ws, len(published.rows), len(published.columns), name)

    ws = wb.create_sheet(sheet_title("PACE impact", taken))
    put(ws, 1, 1, "What PACE achieves, and people who worked with you").font = TITLE
    put(ws, 2, 1, ASSOCIATION).font = Font(italic=True, bold=True)
    facts = [
        (f"Everyone: estimated back in work by {m} months", result.overall.share_by_month.get(m))
        for m in REPORT_MONTHS
    ]
    facts += [(f"Everyone: in sustained work at {m} months", result.sustained_share(m)) for m in (6, 12)]
    for i, (label, value) in enumerate(facts, 4):
        put(ws, i, 1, label)
        put(ws, i, 2, shown(value) if value is None else round(value, 4), number_format="0%")
    hidden += g.table.hidden
    row = count_table(ws, g.table, "People", 4 + len(facts) + 1)
    row = curve_table(ws, g, row)
    curve_chart(ws, [result.overall, *g.curves], row, 1, "I4", f"Share back in work: everyone and {code}")
    ws.column_dimensions["A"].width = 46
    return {"hidden": hidden}
