"""The ``impact`` workbook: what happened to people after PACE, and what went with it, with charts.

Sheets: About (method and scope), Summary (the headline figures), Time to work (Kaplan–Meier curves
overall and by band), one sheet per breakdown (age, sector, council area, event type, help,
partner), Sustained work, Time on PACE, Feedback and Checklist validation. Figures come from
``reports.impact`` and ``reports.validation``; this module only lays them out. Hidden counts show
as ``*``; a share or curve point resting on fewer than 5 people is left blank (curves) or ``*``.

Built wholly in memory with XlsxWriter (``reports.xlsx.MemoryWorkbook``: no temp file of any kind);
the tables and charts it shares with the partners' reports are in ``reports.xlsx_tables``. Rows and
columns below are numbered as the sheet shows them (A1 is row 1, column 1).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pace_desktop.errors import RefusedError
from pace_desktop.reports.cells import sheet_title
from pace_desktop.reports.impact import ASSOCIATION, REPORT_MONTHS, Grouped, Impact, gather, impact_of
from pace_desktop.reports.suppression import SUPPRESSED_MARK, SUPPRESSION_NOTE, THRESHOLD
from pace_desktop.reports.validation import MIN_PEOPLE, Validation, validate
from pace_desktop.reports.xlsx import put, put_row
from pace_desktop.reports.xlsx_tables import (
    BOLD,
    PCT,
    RIGHT,
    TITLE,
    bar,
    count_table,
    curve_chart,
    curve_table,
    header,
    print_setup,
    rows_table,
    shown,
    widths,
)

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from pace_desktop.reports.xlsx import SafeWorkbook
    from pace_desktop.store.store import Store

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


def _group_sheet(book: SafeWorkbook, g: Grouped, taken: set[str]) -> Worksheet:
    ws = book.add_worksheet(sheet_title(g.title.split(" (")[0], taken))
    put(book, ws, 1, 1, f"Time to re-enter work {g.title[0].lower()}{g.title[1:]}", **TITLE)
    row = 2
    if g.note:
        put(book, ws, row, 1, g.note, bold=True, italic=True)
        row += 1
    if g.totals:
        row = count_table(book, ws, g.table, g.header, row + 1)
    else:  # one person can be in several rows: totals would count people twice
        row = rows_table(book, ws, g.table, g.header, "People", row + 1)
    row = curve_table(book, ws, g, row)
    what = g.title.split(" (")[0]
    curve_chart(book, ws, g.curves, row, 1, "I3", f"Share back in work, {what[0].lower()}{what[1:]}")
    widths(ws, (34, 14, 14, 14, 14, 14, 12))
    print_setup(ws)
    return ws


def _summary(book: SafeWorkbook, result: Impact, validation: Validation | str, produced: datetime) -> None:
    ws = book.add_worksheet("Summary")
    put(book, ws, 1, 1, "What PACE achieves: impact summary", **TITLE)
    put(
        book,
        ws,
        2,
        1,
        f"Produced {produced:%Y-%m-%d %H:%M} UTC. See the About sheet for how each figure is made.",
    )
    overall = result.overall
    facts: list[tuple[str, object, str | None]] = [
        ("People counted", shown(result.people_shown), None),
        ("with a known outcome since leaving", shown(overall.people), None),
        *(
            (f"Estimated back in work by {m} months", shown(overall.share_by_month.get(m)), PCT)
            for m in REPORT_MONTHS
        ),
        (
            "Median days from leaving to work",
            SUPPRESSED_MARK if overall.median_hidden else (overall.median_days or "not reached"),
            None,
        ),
        ("In sustained work at 6 months (of those known)", shown(result.sustained_share(6)), PCT),
        ("In sustained work at 12 months (of those known)", shown(result.sustained_share(12)), PCT),
        ("Time on PACE per person helped, mean minutes", shown(result.time_overall.mean_minutes), None),
        ("Time on PACE, total hours", shown(result.time_overall.hours), None),
        ("Mean feedback rating (1 to 5)", shown(result.mean_rating), None),
    ]
    if isinstance(validation, str):
        facts.append(("Checklist validation", validation, None))
    else:
        for r in validation.rows[4:6]:
            facts.append((f"{r.rule}: precision", shown(r.precision), PCT))
    header(book, ws, 4, ("Figure", "Value"))
    for i, (label, value, fmt) in enumerate(facts, 5):
        put(book, ws, i, 1, label)
        put(book, ws, i, 2, value, **RIGHT, **({"num_format": fmt} if fmt else {}))
    widths(ws, (52, 16))
    # Back-in-work by checkpoint as a bar chart beside the figures.
    top = 5 + len(facts) + 2
    header(book, ws, top, ("Months after leaving", "Share back in work"))
    for i, m in enumerate(REPORT_MONTHS, 1):
        put(book, ws, top + i, 1, f"By {m} months")
        value = overall.share_by_month.get(m)
        if value is not None:
            put(book, ws, top + i, 2, round(value, 4), num_format=PCT)
    bar(
        book,
        ws,
        "Estimated share back in work",
        1,
        [2],
        top,
        top + 3,
        "D4",
        "Share",
        percent=True,
        horizontal=False,
    )
    print_setup(ws)


def _time_to_work(book: SafeWorkbook, result: Impact, taken: set[str]) -> None:
    ws = book.add_worksheet(sheet_title("Time to work", taken))
    put(book, ws, 1, 1, "Time to re-enter work after leaving (Kaplan–Meier estimate)", **TITLE)
    put(
        book,
        ws,
        2,
        1,
        "People not yet recorded in work are counted until their last known outcome (censored).",
    )
    row = count_table(book, ws, result.groups[0].table, "Group", 4)
    row = curve_table(book, ws, result.groups[0], row)
    row = curve_table(book, ws, result.groups[1], row)
    curves = [*result.groups[0].curves, *result.groups[1].curves]
    curve_chart(book, ws, curves, row, 1, "I3", "Share back in work: everyone and by risk band")
    widths(ws, (34, 14, 14, 14, 14, 14, 12))
    print_setup(ws)


def _sustained(book: SafeWorkbook, result: Impact, taken: set[str]) -> None:
    ws = book.add_worksheet(sheet_title("Sustained work", taken))
    put(book, ws, 1, 1, "People in sustained work", **TITLE)
    put(
        book,
        ws,
        2,
        1,
        "Sustained at 6 months: in work at the 3- and 6-month follow-ups; at 12 months: at the "
        "6- and 12-month follow-ups. 'Not known' lacks one of the two.",
    )
    # No totals row: adding follow-ups up would count each person twice.
    row = rows_table(book, ws, result.sustained, "Follow-up", "People counted", 4)
    header(book, ws, row, ("Follow-up", "Share sustained (of those known)"))
    for i, m in enumerate((6, 12), 1):
        put(book, ws, row + i, 1, f"At {m} months")
        value = result.sustained_share(m)
        if value is not None:
            put(book, ws, row + i, 2, round(value, 4), num_format=PCT)
    bar(
        book,
        ws,
        "Share in sustained work",
        1,
        [2],
        row,
        row + 2,
        "G4",
        "Share",
        percent=True,
        rows=2,
        horizontal=False,
    )
    widths(ws, (30, 16, 16, 16, 12))
    print_setup(ws)


def _time_on_pace(book: SafeWorkbook, result: Impact, taken: set[str]) -> None:
    ws = book.add_worksheet(sheet_title("Time on PACE", taken))
    put(book, ws, 1, 1, "Time spent on PACE (minutes recorded on interventions)", **TITLE)
    put(book, ws, 2, 1, "Per person helped; events with fewer than 5 people helped show *.")
    header(
        book,
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
        put(book, ws, i, 1, r.label, **(BOLD if i == 5 else {}))
        values = (shown(r.people), shown(r.hours), shown(r.mean_minutes), shown(r.median_minutes))
        put_row(book, ws, i, values, start_column=2, **RIGHT)
    last = 4 + len(rows)
    if len(rows) > 1:
        # The events only (row 6 on), under the "Total hours" heading.
        bar(
            book,
            ws,
            "Hours on PACE per event",
            1,
            [3],
            4,
            last,
            "G4",
            "Hours",
            rows=len(rows) - 1,
            first_row=6,
        )
    widths(ws, (40, 14, 12, 14, 14))
    print_setup(ws)


def _feedback(book: SafeWorkbook, result: Impact, taken: set[str]) -> None:
    ws = book.add_worksheet(sheet_title("Feedback", taken))
    put(book, ws, 1, 1, "Feedback ratings (1 poor to 5 very good)", **TITLE)
    put(book, ws, 2, 1, f"Mean rating: {shown(result.mean_rating)}")
    row = count_table(book, ws, result.feedback, "Risk band", 4)
    table = result.feedback
    header(book, ws, row, ("Rating", "Ratings given"))
    for i, (label, total) in enumerate(zip(table.columns, table.column_totals, strict=True), 1):
        put(book, ws, row + i, 1, label)
        if total is not None:
            put(book, ws, row + i, 2, total)
    bar(book, ws, "Ratings given", 1, [2], row, row + 5, "I4", "Ratings", horizontal=False)
    widths(ws, (28, 12, 12, 12, 12, 14, 12))
    print_setup(ws)


def validation_sheet(book: SafeWorkbook, validation: Validation | str, taken: set[str]) -> None:
    ws = book.add_worksheet(sheet_title("Checklist validation", taken))
    heading = "How well the checklist picks out people still unemployed 12 months after leaving"
    put(book, ws, 1, 1, heading, **TITLE)
    if isinstance(validation, str):
        put(book, ws, 3, 1, validation)
        put(
            book,
            ws,
            4,
            1,
            f"It is worked out once at least {MIN_PEOPLE} people have a checklist and a known "
            "12-month outcome, with at least 5 unemployed and 5 not.",
        )
        ws.set_column(0, 0, 110)
        return
    put(
        book,
        ws,
        2,
        1,
        f"{validation.people} people with a checklist and a known 12-month outcome; "
        f"{validation.unemployed} of them unemployed at 12 months. The report's benchmark: the "
        "DWP model was 33% accurate (precision) for its top 8% and 20% for its top 30%.",
    )
    put(
        book,
        ws,
        3,
        1,
        "Precision: of the people flagged, the share unemployed at 12 months (for the lowest "
        "scores: the share NOT unemployed). Recall: of everyone unemployed at 12 months, the "
        "share flagged. Compare the checklist's bands with the bands in use to see whether "
        "advisers' overrides improve on the score.",
    )
    header(book, ws, 5, ("Rule", "People flagged", "Of whom as predicted", "Precision", "Recall"))
    for i, r in enumerate(validation.rows, 6):
        put(book, ws, i, 1, r.rule)
        put_row(book, ws, i, (shown(r.flagged), shown(r.hits)), start_column=2, **RIGHT)
        shares = (shown(r.precision), "" if r.lowest else shown(r.recall))
        put_row(book, ws, i, shares, start_column=4, num_format=PCT, **RIGHT)
    last = 5 + len(validation.rows)
    put(book, ws, last + 1, 1, SUPPRESSION_NOTE)
    overridden = shown(validation.overridden if not 0 < validation.overridden < THRESHOLD else None)
    put(book, ws, last + 2, 1, f"{overridden} of these people had their band changed by an adviser.")
    # Chart data: numbers only (hidden figures left blank).
    top = last + 4
    header(book, ws, top, ("Rule", "Precision", "Recall"))
    for i, r in enumerate(validation.rows[:6], 1):
        put(book, ws, top + i, 1, r.rule)
        if r.precision is not None:
            put(book, ws, top + i, 2, round(r.precision, 4), num_format=PCT)
        if r.recall is not None:
            put(book, ws, top + i, 3, round(r.recall, 4), num_format=PCT)
    bar(
        book,
        ws,
        "Precision and recall for 'unemployed at 12 months'",
        1,
        [2, 3],
        top,
        top + 6,
        "G5",
        "Share",
        percent=True,
        rows=12,
    )
    widths(ws, (58, 12, 14, 12, 12))
    print_setup(ws)


def validation_or_reason(people) -> Validation | str:  # noqa: ANN001 - list[Person]
    try:
        return validate(people)
    except RefusedError as exc:
        return exc.message


def write_impact(store: Store, book: SafeWorkbook, *, produced: datetime | None = None) -> dict[str, int]:
    """Fill an empty XlsxWriter workbook (``MemoryWorkbook``) with the impact report; returns a few
    counts for the summary line."""
    produced = produced or datetime.now(UTC)
    people = gather(store)
    result = impact_of(people)
    validation = validation_or_reason(people)
    _summary(book, result, validation, produced)
    taken = {"Summary"}
    about = book.add_worksheet(sheet_title("About", taken))
    put(book, about, 1, 1, "About the impact report", **TITLE)
    for i, line in enumerate(ABOUT, 3):
        put(book, about, i, 1, line, text_wrap=True, valign="top")
    about.set_column(0, 0, 100)
    print_setup(about)
    _time_to_work(book, result, taken)
    for g in result.groups[2:]:
        _group_sheet(book, g, taken)
    _sustained(book, result, taken)
    _time_on_pace(book, result, taken)
    _feedback(book, result, taken)
    validation_sheet(book, validation, taken)
    return {
        "people": result.people,
        "sheets": len(book.worksheets()),
        "validated": 0 if isinstance(validation, str) else validation.people,
    }
