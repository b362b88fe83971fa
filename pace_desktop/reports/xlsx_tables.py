"""Laid-out XlsxWriter sheets shared by the impact, reciprocity and partner workbooks: suppressed
count tables, Kaplan–Meier curve tables and their charts, bar charts, print setup.

Rows and columns are numbered as the sheet shows them (A1 is row 1, column 1); every value goes
through the safe cells (``reports.xlsx.put``). XlsxWriter cannot read a sheet back, so nothing here
looks at what a sheet already holds: callers pass the rows they laid out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pace_desktop.reports.impact import CURVE_MONTHS, REPORT_MONTHS, Curve, Grouped
from pace_desktop.reports.suppression import SUPPRESSED_MARK, SUPPRESSION_NOTE, SuppressedTable
from pace_desktop.reports.xlsx import put, put_row

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from pace_desktop.reports.xlsx import SafeWorkbook

BOLD = {"bold": True}
TITLE = {"bold": True, "font_size": 14}
RIGHT = {"align": "right"}
PCT = "0%"
MAX_CURVES = 8  # lines per chart: more cannot be told apart
PIXELS_PER_CM = 96 / 2.54  # XlsxWriter sizes charts in pixels (96 an inch); the layouts are in cm


def shown(value: float | None) -> float | str:
    """A published count, or the mark for a hidden one."""
    return SUPPRESSED_MARK if value is None else value


def widths(ws: Worksheet, values: Sequence[float]) -> None:
    for col, width in enumerate(values):
        ws.set_column(col, col, width)


def print_setup(ws: Worksheet) -> None:
    """Landscape, one page wide: what office staff expect when they print or make a PDF."""
    ws.set_landscape()
    ws.fit_to_pages(1, 0)


def header(book: SafeWorkbook, ws: Worksheet, row: int, values: Sequence[str], *, left: int = 1) -> None:
    """Bold, wrapped headings; numbers' headings right-aligned over their numbers."""
    for offset, value in enumerate(values):
        align = "left" if offset == 0 else "right"
        put(book, ws, row, left + offset, value, bold=True, text_wrap=True, valign="top", align=align)
    if any(len(str(v)) > 12 for v in values[1:]):
        ws.set_row(row - 1, 30)


def write_table(
    book: SafeWorkbook,
    ws: Worksheet,
    table: SuppressedTable,
    row_header: str,
    *,
    top: int = 1,
    note: str = SUPPRESSION_NOTE,
) -> int:
    """Write a suppressed table (totals included) at ``top``, with columns wide enough for it;
    returns the next free row."""
    put(book, ws, top, 1, table.title, **BOLD)
    heading = top + 1
    put_row(book, ws, heading, (row_header, *table.columns, "Total"), bold=True, text_wrap=True, valign="top")
    row = heading
    for label, cells, total in zip(table.rows, table.cells, table.row_totals, strict=True):
        row += 1
        put(book, ws, row, 1, label)
        # Right-aligned: "*" lines up with the numbers.
        put_row(book, ws, row, start_column=2, values=(*(shown(v) for v in cells), shown(total)), **RIGHT)
    row += 1
    put(book, ws, row, 1, "Total", **BOLD)
    totals = (*(shown(v) for v in table.column_totals), shown(table.grand_total))
    put_row(book, ws, row, start_column=2, values=totals, bold=True, align="right")
    put(book, ws, row + 1, 1, note)
    ws.set_column(0, 0, 28)
    ws.set_column(1, len(table.columns) + 1, 12)
    return row + 3


def count_table(book: SafeWorkbook, ws: Worksheet, table: SuppressedTable, heading: str, top: int) -> int:
    """A suppressed count table (``write_table``) with room for wrapped headings."""
    row = write_table(book, ws, table, heading, top=top)
    ws.set_row(top, 30)  # the headings' row (top + 1 as the sheet shows it)
    return row


def rows_table(
    book: SafeWorkbook, ws: Worksheet, table: SuppressedTable, heading: str, total_header: str, top: int
) -> int:
    """A suppressed table's rows and row totals, without a totals row: for rows that count people
    twice when added up (follow-ups of the same people; services one person used several of), or
    that are a few rows of a larger table. Returns the next free row."""
    put(book, ws, top, 1, table.title, **BOLD)
    header(book, ws, top + 1, (heading, *table.columns, total_header))
    for i, (label, cells, total) in enumerate(zip(table.rows, table.cells, table.row_totals, strict=True)):
        put(book, ws, top + 2 + i, 1, label)
        put_row(
            book, ws, top + 2 + i, start_column=2, values=(*(shown(v) for v in cells), shown(total)), **RIGHT
        )
    put(book, ws, top + 2 + len(table.rows), 1, SUPPRESSION_NOTE)
    return top + 4 + len(table.rows)


def series(
    chart: Any,
    ws: Worksheet,
    label_col: int,
    data_cols: Sequence[int],
    header_row: int,
    last_row: int,
    *,
    first_row: int | None = None,
    **extra: Any,
) -> None:
    """One series per data column: named by its heading at ``header_row``, values from
    ``first_row`` (the row below the heading unless given) to ``last_row``, against the labels in
    ``label_col`` (all numbered as the sheet shows them)."""
    name = ws.get_name()
    first = header_row + 1 if first_row is None else first_row
    for col in data_cols:
        chart.add_series(
            {
                "name": [name, header_row - 1, col - 1],
                "categories": [name, first - 1, label_col - 1, last_row - 1, label_col - 1],
                "values": [name, first - 1, col - 1, last_row - 1, col - 1],
                **extra,
            }
        )


def size(chart: Any, height_cm: float, width_cm: float) -> None:
    chart.set_size({"width": round(width_cm * PIXELS_PER_CM), "height": round(height_cm * PIXELS_PER_CM)})


def bar(
    book: SafeWorkbook,
    ws: Worksheet,
    title: str,
    label_col: int,
    data_cols: Sequence[int],
    header_row: int,
    last_row: int,
    anchor: str,
    y_title: str,
    *,
    percent: bool = False,
    rows: int = 5,
    horizontal: bool = True,
    stacked: bool = False,
    legend: bool = True,
    height_cm: float | None = None,
    width_cm: float = 16,
    first_row: int | None = None,
) -> None:
    """A bar chart (horizontal: first row at the top, as in the table) or a column chart of
    ``data_cols`` against ``label_col``. XlsxWriter's bar chart swaps the axes: x is the value axis."""
    kind: dict[str, Any] = {"type": "bar" if horizontal else "column"}
    if stacked:
        kind["subtype"] = "stacked"
    chart = book.add_chart(kind)
    chart.set_title({"name": title})
    values_axis: dict[str, Any] = {"name": y_title}
    if percent:
        values_axis.update({"num_format": PCT, "min": 0, "max": 1})
    if horizontal:
        chart.set_x_axis(values_axis)
        chart.set_y_axis({"reverse": True})
    else:
        chart.set_y_axis(values_axis)
    extra: dict[str, Any] = {"overlap": 100} if stacked else {}
    series(chart, ws, label_col, data_cols, header_row, last_row, first_row=first_row, **extra)
    chart.set_legend({"position": "bottom"} if legend else {"none": True})
    size(chart, height_cm if height_cm is not None else max(7.5, 0.7 * rows + 3), width_cm)
    ws.insert_chart(anchor, chart)


def curve_chart(
    book: SafeWorkbook, ws: Worksheet, curves: Sequence[Curve], top: int, left: int, anchor: str, title: str
) -> int:
    """Month-by-month shares for each shown curve as a block at (top, left), with a line chart at
    ``anchor``; returns the row after the block. Blank cells end a line where too few are followed."""
    shown_curves = [c for c in curves if c.people][:MAX_CURVES]
    header(book, ws, top, ["Months after leaving", *(c.label for c in shown_curves)], left=left)
    for i, m in enumerate(CURVE_MONTHS, 1):
        put(book, ws, top + i, left, m)
        for j, c in enumerate(shown_curves, 1):
            value = c.share_by_month.get(m)
            if value is not None:
                put(book, ws, top + i, left + j, round(value, 4), num_format=PCT)
    last = top + len(CURVE_MONTHS)
    if shown_curves:
        chart = book.add_chart({"type": "line"})
        chart.set_title({"name": title})
        chart.set_y_axis({"name": "Share back in work", "num_format": PCT, "min": 0, "max": 1})
        chart.set_x_axis({"name": "Months after leaving"})
        chart.show_blanks_as("gap")
        series(chart, ws, left, range(left + 1, left + 1 + len(shown_curves)), top, last, smooth=False)
        chart.set_legend({"position": "bottom"})
        size(chart, 11, 22)
        ws.insert_chart(anchor, chart)
    return last + 2


def curve_table(book: SafeWorkbook, ws: Worksheet, g: Grouped, top: int) -> int:
    """Per group: people timed, back in work by 3/6/12 months, median days; returns next row."""
    put(book, ws, top, 1, f"{g.title}: estimated share back in work", **BOLD)
    header(
        book,
        ws,
        top + 1,
        (g.header, "People known", *(f"By {m} months" for m in REPORT_MONTHS), "Median days to work"),
    )
    row = top + 1
    for c in g.curves:
        row += 1
        median: int | str = SUPPRESSED_MARK if c.median_hidden else (c.median_days or "not reached")
        put(book, ws, row, 1, c.label)
        put(book, ws, row, 2, shown(c.people))
        put_row(
            book,
            ws,
            row,
            start_column=3,
            values=[shown(c.share_by_month.get(m)) for m in REPORT_MONTHS],
            num_format=PCT,
            **RIGHT,
        )
        put(book, ws, row, 3 + len(REPORT_MONTHS), median)
    return row + 2
