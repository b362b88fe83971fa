"""The ``impact`` workbook: what happened to people after PACE, and what went with it, with charts.

Sheets: About (method and scope), Summary (the headline figures), Time to work (Kaplan–Meier curves
overall and by band), one sheet per breakdown (age, sector, council area, event type, help,
partner), Sustained work, Time on PACE, Feedback and Checklist validation. Figures come from
``reports.impact`` and ``reports.validation``; this module only lays them out. Hidden counts show
as ``*``; a share or curve point resting on fewer than 5 people is left blank (curves) or ``*``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pace_desktop.errors import RefusedError
from pace_desktop.reports.cells import put, put_row, sheet_title
from pace_desktop.reports.impact import (
    ASSOCIATION,
    CURVE_MONTHS,
    REPORT_MONTHS,
    Curve,
    Grouped,
    Impact,
    gather,
    impact_of,
)
from pace_desktop.reports.partners import shown, write_table
from pace_desktop.reports.suppression import (
    SUPPRESSED_MARK,
    SUPPRESSION_NOTE,
    THRESHOLD,
    SuppressedTable,
)
from pace_desktop.reports.validation import MIN_PEOPLE, Validation, validate

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
PCT = "0%"
MAX_CURVES = 8  # lines per chart: more cannot be told apart

ABOUT = [
    "Counts only people who agreed to their answers being used, without their name, in statistics.",
    "Time to work is measured from each person's leaving date to the first outcome recording them in "
    "work or self-employed. People not (yet) recorded in work are counted up to their last known "
    "outcome and no further (Kaplan–Meier estimate): they are not dropped, and not assumed unemployed.",
    "'Back in work by N months' is the estimated share of people back in work N months after leaving. "
    "A month's figure is left blank once fewer than 5 people are still being followed.",
    "Sustained work at 6 months: in work at both the 3- and 6-month follow-ups; at 12 months: at both "
    "the 6- and 12-month follow-ups. A follow-up counts an outcome dated from 14 days before it until "
    "14 days before the next one.",
    "Time on PACE: the minutes advisers recorded on each intervention, added up per person.",
    ASSOCIATION,
    "Counts from 1 to 4 are hidden, and so are enough others that no hidden count can be worked out "
    "from the totals. Hidden counts show as *. 0 means nobody. A share is shown only when the counts "
    "it rests on are shown and at least 5.",
    "docs/impact.md explains every figure and how it is worked out.",
]


def _pct(value: float | None) -> float | str:
    return SUPPRESSED_MARK if value is None else value


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width


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


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


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


def _bar(
    ws: Worksheet,
    title: str,
    labels: Reference,
    data: Reference,
    anchor: str,
    y_title: str,
    *,
    percent: bool = False,
    rows: int = 5,
    horizontal: bool = True,
) -> None:
    chart = BarChart()
    _axes(chart)
    if horizontal:
        chart.type = "bar"
        chart.x_axis.scaling.orientation = "maxMin"
    chart.title = title
    chart.y_axis.title = y_title
    if percent:
        chart.y_axis.number_format = PCT
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
    chart.height, chart.width = max(7.5, 0.7 * rows + 3), 16
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    ws.add_chart(chart, anchor)


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


def _group_sheet(wb: Workbook, g: Grouped, taken: set[str]) -> Worksheet:
    ws = wb.create_sheet(sheet_title(g.title.split(" (")[0], taken))
    put(ws, 1, 1, f"Time to re-enter work {g.title[0].lower()}{g.title[1:]}").font = TITLE
    row = 2
    if g.note:
        put(ws, row, 1, g.note).font = Font(bold=True, italic=True)
        row += 1
    if g.totals:
        row = count_table(ws, g.table, g.header, row + 1)
    else:  # one person can be in several rows: totals would count people twice
        row = rows_table(ws, g.table, g.header, "People", row + 1)
    row = curve_table(ws, g, row)
    anchor = f"{get_column_letter(9)}3"
    what = g.title.split(" (")[0]
    curve_chart(ws, g.curves, row, 1, anchor, f"Share back in work, {what[0].lower()}{what[1:]}")
    _widths(ws, (34, 14, 14, 14, 14, 14, 12))
    _print_setup(ws)
    return ws


def _summary(ws: Worksheet, result: Impact, validation: Validation | str, produced: datetime) -> None:
    ws.title = "Summary"
    put(ws, 1, 1, "What PACE achieves: impact summary").font = TITLE
    put(ws, 2, 1, f"Produced {produced:%Y-%m-%d %H:%M} UTC. See the About sheet for how each figure is made.")
    overall = result.overall
    facts: list[tuple[str, object, str | None]] = [
        ("People counted", shown(result.people_shown), None),
        ("with a known outcome since leaving", shown(overall.people), None),
        *(
            (f"Estimated back in work by {m} months", _pct(overall.share_by_month.get(m)), PCT)
            for m in REPORT_MONTHS
        ),
        (
            "Median days from leaving to work",
            SUPPRESSED_MARK if overall.median_hidden else (overall.median_days or "not reached"),
            None,
        ),
        ("In sustained work at 6 months (of those known)", _pct(result.sustained_share(6)), PCT),
        ("In sustained work at 12 months (of those known)", _pct(result.sustained_share(12)), PCT),
        ("Time on PACE per person helped, mean minutes", shown(result.time_overall.mean_minutes), None),
        ("Time on PACE, total hours", shown(result.time_overall.hours), None),
        ("Mean feedback rating (1 to 5)", shown(result.mean_rating), None),
    ]
    if isinstance(validation, str):
        facts.append(("Checklist validation", validation, None))
    else:
        for r in validation.rows[4:6]:
            facts.append((f"{r.rule}: precision", _pct(r.precision), PCT))
    _header(ws, 4, ("Figure", "Value"))
    for i, (label, value, fmt) in enumerate(facts, 5):
        put(ws, i, 1, label)
        put(ws, i, 2, value, number_format=fmt)
        ws.cell(i, 2).alignment = Alignment(horizontal="right")
    _widths(ws, (52, 16))
    # Back-in-work by checkpoint as a bar chart beside the figures.
    top = 5 + len(facts) + 2
    _header(ws, top, ("Months after leaving", "Share back in work"))
    for i, m in enumerate(REPORT_MONTHS, 1):
        put(ws, top + i, 1, f"By {m} months")
        value = overall.share_by_month.get(m)
        if value is not None:
            put(ws, top + i, 2, round(value, 4), number_format=PCT)
    _bar(
        ws,
        "Estimated share back in work",
        Reference(ws, min_col=1, min_row=top + 1, max_row=top + 3),
        Reference(ws, min_col=2, min_row=top, max_row=top + 3),
        "D4",
        "Share",
        percent=True,
        horizontal=False,
    )
    _print_setup(ws)


def _time_to_work(wb: Workbook, result: Impact, taken: set[str]) -> None:
    ws = wb.create_sheet(sheet_title("Time to work", taken))
    put(ws, 1, 1, "Time to re-enter work after leaving (Kaplan–Meier estimate)").font = TITLE
    put(ws, 2, 1, "People not yet recorded in work are counted until their last known outcome (censored).")
    row = count_table(ws, result.groups[0].table, "Group", 4)
    row = curve_table(ws, result.groups[0], row)
    row = curve_table(ws, result.groups[1], row)
    curves = [*result.groups[0].curves, *result.groups[1].curves]
    curve_chart(ws, curves, row, 1, "I3", "Share back in work: everyone and by risk band")
    _widths(ws, (34, 14, 14, 14, 14, 14, 12))
    _print_setup(ws)


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


def _sustained(wb: Workbook, result: Impact, taken: set[str]) -> None:
    ws = wb.create_sheet(sheet_title("Sustained work", taken))
    put(ws, 1, 1, "People in sustained work").font = TITLE
    put(
        ws,
        2,
        1,
        "Sustained at 6 months: in work at the 3- and 6-month follow-ups; at 12 months: at the "
        "6- and 12-month follow-ups. 'Not known' lacks one of the two.",
    )
    # No totals row: adding follow-ups up would count each person twice.
    row = rows_table(ws, result.sustained, "Follow-up", "People counted", 4)
    _header(ws, row, ("Follow-up", "Share sustained (of those known)"))
    for i, m in enumerate((6, 12), 1):
        put(ws, row + i, 1, f"At {m} months")
        value = result.sustained_share(m)
        if value is not None:
            put(ws, row + i, 2, round(value, 4), number_format=PCT)
    _bar(
        ws,
        "Share in sustained work",
        Reference(ws, min_col=1, min_row=row + 1, max_row=row + 2),
        Reference(ws, min_col=2, min_row=row, max_row=row + 2),
        "G4",
        "Share",
        percent=True,
        rows=2,
        horizontal=False,
    )
    _widths(ws, (30, 16, 16, 16, 12))
    _print_setup(ws)


def _time_on_pace(wb: Workbook, result: Impact, taken: set[str]) -> None:
    ws = wb.create_sheet(sheet_title("Time on PACE", taken))
    put(ws, 1, 1, "Time spent on PACE (minutes recorded on interventions)").font = TITLE
    put(ws, 2, 1, "Per person helped; events with fewer than 5 people helped show *.")
    _header(
        ws,
        4,
        (
            "Event",
            "People with time recorded",
            "Total hours",
            "Mean minutes per person",
            "Median minutes per person",
        ),
    )
    rows = [result.time_overall, *result.time_by_event]
    for i, r in enumerate(rows, 5):
        put_row(
            ws, i, (r.label, shown(r.people), shown(r.hours), shown(r.mean_minutes), shown(r.median_minutes))
        )
        for col in range(2, 6):
            ws.cell(i, col).alignment = Alignment(horizontal="right")
    ws.cell(5, 1).font = BOLD
    last = 4 + len(rows)
    if len(rows) > 1:
        _bar(
            ws,
            "Hours on PACE per event",
            Reference(ws, min_col=1, min_row=6, max_row=last),
            Reference(ws, min_col=3, min_row=4, max_row=last),
            "G4",
            "Hours",
            rows=len(rows) - 1,
        )
    _widths(ws, (40, 14, 12, 14, 14))
    _print_setup(ws)


def _feedback(wb: Workbook, result: Impact, taken: set[str]) -> None:
    ws = wb.create_sheet(sheet_title("Feedback", taken))
    put(ws, 1, 1, "Feedback ratings (1 poor to 5 very good)").font = TITLE
    put(ws, 2, 1, f"Mean rating: {shown(result.mean_rating)}")
    row = count_table(ws, result.feedback, "Risk band", 4)
    table = result.feedback
    _header(ws, row, ("Rating", "Ratings given"))
    for i, (label, total) in enumerate(zip(table.columns, table.column_totals, strict=True), 1):
        put(ws, row + i, 1, label)
        if total is not None:
            put(ws, row + i, 2, total)
    _bar(
        ws,
        "Ratings given",
        Reference(ws, min_col=1, min_row=row + 1, max_row=row + 5),
        Reference(ws, min_col=2, min_row=row, max_row=row + 5),
        "I4",
        "Ratings",
        horizontal=False,
    )
    _widths(ws, (28, 12, 12, 12, 12, 14, 12))
    _print_setup(ws)


def validation_sheet(wb: Workbook, validation: Validation | str, taken: set[str]) -> None:
    ws = wb.create_sheet(sheet_title("Checklist validation", taken))
    heading = "How well the checklist picks out people still unemployed 12 months after leaving"
    put(ws, 1, 1, heading).font = TITLE
    if isinstance(validation, str):
        put(ws, 3, 1, validation)
        put(
            ws,
            4,
            1,
            f"It is worked out once at least {MIN_PEOPLE} people have a checklist and a known "
            "12-month outcome, with at least 5 unemployed and 5 not.",
        )
        ws.column_dimensions["A"].width = 110
        return
    put(
        ws,
        2,
        1,
        f"{validation.people} people with a checklist and a known 12-month outcome; "
        f"{validation.unemployed} of them unemployed at 12 months. The report's benchmark: the "
        "DWP model was 33% accurate (precision) for its top 8% and 20% for its top 30%.",
    )
    put(
        ws,
        3,
        1,
        "Precision: of the people flagged, the share unemployed at 12 months (for the lowest "
        "scores: the share NOT unemployed). Recall: of everyone unemployed at 12 months, the "
        "share flagged. Compare the checklist's bands with the bands in use to see whether "
        "advisers' overrides improve on the score.",
    )
    _header(ws, 5, ("Rule", "People flagged", "Of whom as predicted", "Precision", "Recall"))
    for i, r in enumerate(validation.rows, 6):
        put_row(
            ws,
            i,
            (r.rule, shown(r.flagged), shown(r.hits), _pct(r.precision), "" if r.lowest else _pct(r.recall)),
        )
        for col in (4, 5):
            ws.cell(i, col).number_format = PCT
        for col in range(2, 6):
            ws.cell(i, col).alignment = Alignment(horizontal="right")
    last = 5 + len(validation.rows)
    put(ws, last + 1, 1, SUPPRESSION_NOTE)
    overridden = shown(validation.overridden if not 0 < validation.overridden < THRESHOLD else None)
    put(ws, last + 2, 1, f"{overridden} of these people had their band changed by an adviser.")
    # Chart data: numbers only (hidden figures left blank).
    top = last + 4
    _header(ws, top, ("Rule", "Precision", "Recall"))
    for i, r in enumerate(validation.rows[:6], 1):
        put(ws, top + i, 1, r.rule)
        if r.precision is not None:
            put(ws, top + i, 2, round(r.precision, 4), number_format=PCT)
        if r.recall is not None:
            put(ws, top + i, 3, round(r.recall, 4), number_format=PCT)
    _bar(
        ws,
        "Precision and recall for 'unemployed at 12 months'",
        Reference(ws, min_col=1, min_row=top + 1, max_row=top + 6),
        Reference(ws, min_col=2, max_col=3, min_row=top, max_row=top + 6),
        "G5",
        "Share",
        percent=True,
        rows=12,
    )
    _widths(ws, (58, 12, 14, 12, 12))
    _print_setup(ws)


def validation_or_reason(people) -> Validation | str:  # noqa: ANN001 - list[Person]
    try:
        return validate(people)
    except RefusedError as exc:
        return exc.message


def write_impact(store: Store, wb: Workbook, *, produced: datetime | None = None) -> dict[str, int]:
    """Fill a normal workbook with the impact report; returns a few counts for the summary line."""
    produced = produced or datetime.now(UTC)
    people = gather(store)
    result = impact_of(people)
    validation = validation_or_reason(people)
    _summary(wb.active, result, validation, produced)
    taken = {"Summary"}
    about = wb.create_sheet(sheet_title("About", taken))
    put(about, 1, 1, "About the impact report").font = TITLE
    for i, line in enumerate(ABOUT, 3):
        put(about, i, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    about.column_dimensions["A"].width = 100
    _print_setup(about)
    _time_to_work(wb, result, taken)
    for g in result.groups[2:]:
        _group_sheet(wb, g, taken)
    _sustained(wb, result, taken)
    _time_on_pace(wb, result, taken)
    _feedback(wb, result, taken)
    validation_sheet(wb, validation, taken)
    return {
        "people": result.people,
        "sheets": len(wb.worksheets),
        "validated": 0 if isinstance(validation, str) else validation.people,
    }
