"""The ``summary`` workbook: per event attendance, risk bands, services wanted, referrals, charts.

One overview sheet lists every event; then each event (newest first, up to ``MAX_EVENT_SHEETS``) has
its own sheet with three small tables and a bar chart beside each. The figures are aggregates, so a
normal (not write-only) workbook is fine here; every value still goes through ``cells.put``.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pace_desktop.records.enums import BAND_LABELS, EventType
from pace_desktop.reference import SERVICES, council_area_names, partners
from pace_desktop.reports.aggregates import BANDS, NO_CHECKLIST, EventFigures, event_figures
from pace_desktop.reports.cells import put, put_row, sheet_title

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

MAX_EVENT_SHEETS = 200
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
NO_CHECKLIST_LABEL = "No checklist"
NO_PARTNER_LABEL = "No partner named"

OVERVIEW_HEADERS = (
    "Event date",
    "Employer",
    "Council area",
    "Sector",
    "Event type",
    "Number affected",
    "Registered",
    "Low",
    "Medium",
    "High",
    NO_CHECKLIST_LABEL,
    "Referrals",
)
OVERVIEW_WIDTHS = (12, 34, 22, 20, 16, 11, 11, 9, 9, 9, 12, 10)


def _event_date(fig: EventFigures) -> date | None:
    text = fig.event.get("event_date")
    return date.fromisoformat(text) if text else None


def _event_type(fig: EventFigures) -> str:
    code = fig.event.get("event_type") or ""
    try:
        return EventType(code).label
    except ValueError:
        return code


def _area(fig: EventFigures) -> str:
    code = fig.event.get("council_area") or ""
    return council_area_names().get(code, code)


def _chart_height(categories: int) -> float:
    """Centimetres: enough for every label to show."""
    return max(7.5, 0.6 * categories + 2.5)


def _horizontal(chart: BarChart) -> None:
    chart.type = "bar"  # horizontal bars: long labels stay readable
    chart.x_axis.scaling.orientation = "maxMin"  # first table row at the top, as in the table
    # openpyxl 3.1 marks axes as deleted unless told otherwise; Excel then draws no labels at all.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def bar_chart(
    ws: Worksheet,
    title: str,
    label_col: int,
    data_col: int,
    header_row: int,
    last_row: int,
    anchor: str,
    y_title: str = "People",
) -> BarChart:
    """A bar chart of one column of counts against its labels, placed at ``anchor``."""
    chart = BarChart()
    _horizontal(chart)
    chart.title = title
    chart.y_axis.title = y_title
    chart.legend = None
    chart.height, chart.width = _chart_height(last_row - header_row), 15
    data = Reference(ws, min_col=data_col, min_row=header_row, max_row=last_row)
    labels = Reference(ws, min_col=label_col, min_row=header_row + 1, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    ws.add_chart(chart, anchor)
    return chart


def _print_setup(ws: Worksheet) -> None:
    """Landscape, one page wide: what office staff expect when they print or make a PDF."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _overview(wb: Workbook, figures: list[EventFigures], produced: datetime, shown: int) -> Worksheet:
    ws = wb.active
    ws.title = "Events"
    put(ws, 1, 1, "PACE event summary").font = TITLE
    put(
        ws,
        2,
        1,
        f"Produced {produced:%Y-%m-%d %H:%M} UTC. Registered = people registered at the event; "
        "bands are the band in use (an adviser's override wins).",
    )
    if shown < len(figures):
        put(
            ws,
            3,
            1,
            f"Each of the {shown} most recent events also has its own sheet; "
            f"the other {len(figures) - shown} are listed here only.",
        )
    header_row = 4
    put_row(ws, header_row, OVERVIEW_HEADERS)
    for col, width in enumerate(OVERVIEW_WIDTHS, 1):
        ws.cell(header_row, col).font = BOLD
        ws.column_dimensions[get_column_letter(col)].width = width
    row = header_row
    for fig in figures:
        row += 1
        put_row(
            ws,
            row,
            (
                _event_date(fig),
                fig.event.get("employer_name"),
                _area(fig),
                fig.event.get("sector"),
                _event_type(fig),
                fig.event.get("number_affected"),
                fig.registered,
                *(fig.bands[b] for b in BANDS),
                fig.bands[NO_CHECKLIST],
                fig.referral_total,
            ),
        )
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(OVERVIEW_HEADERS))}{max(row, header_row)}"
    if figures:
        chart = BarChart()
        _horizontal(chart)
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "Risk bands by event"
        chart.y_axis.title = "People"
        chart.height, chart.width = _chart_height(len(figures)), 18
        first_band = OVERVIEW_HEADERS.index("Low") + 1
        data = Reference(ws, min_col=first_band, max_col=first_band + 2, min_row=header_row, max_row=row)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=2, min_row=header_row + 1, max_row=row))
        ws.add_chart(chart, f"{get_column_letter(len(OVERVIEW_HEADERS) + 2)}{header_row}")
    _print_setup(ws)
    return ws


def _table(
    ws: Worksheet,
    top: int,
    headers: tuple[str, str],
    rows: list[tuple[str, int]],
    chart_title: str,
    y_title: str = "People",
) -> int:
    """A two-column table at ``top`` with its bar chart beside it; returns the next free row."""
    put_row(ws, top, headers)
    ws.cell(top, 1).font = ws.cell(top, 2).font = BOLD
    for offset, (label, n) in enumerate(rows, 1):
        put_row(ws, top + offset, (label, n))
    last = top + len(rows)
    chart = bar_chart(ws, chart_title, 1, 2, top, last, f"D{top}", y_title)
    # Leave room for the chart (a row is about half a centimetre) before the next table.
    return max(last, top + math.ceil(chart.height / 0.5)) + 2


def _event_sheet(wb: Workbook, fig: EventFigures, taken: set[str]) -> Worksheet:
    when = _event_date(fig)
    employer = fig.event.get("employer_name") or "Event"
    ws = wb.create_sheet(sheet_title(f"{when.isoformat() if when else ''} {employer}", taken))
    ws.column_dimensions["A"].width = 38
    ws.column_dimensions["B"].width = 14
    put(ws, 1, 1, employer).font = TITLE
    affected = fig.event.get("number_affected")
    facts = [
        ("Event date", when),
        ("Council area", _area(fig)),
        ("Sector", fig.event.get("sector")),
        ("Event type", _event_type(fig)),
        ("HR1 reference", fig.event.get("hr1_reference")),
        ("Number affected", affected),
        ("People registered", fig.registered),
        ("Referrals", fig.referral_total),
    ]
    for offset, (label, value) in enumerate(facts, 3):
        put_row(ws, offset, (label, value))
        ws.cell(offset, 1).font = BOLD
    row = 3 + len(facts)
    put(ws, row, 1, "Registered as a share of those affected").font = BOLD
    if affected:
        put(ws, row, 2, fig.registered / affected, number_format="0%")
    row += 2
    bands = [(BAND_LABELS[b], fig.bands[b]) for b in BANDS] + [(NO_CHECKLIST_LABEL, fig.bands[NO_CHECKLIST])]
    row = _table(ws, row, ("Risk band", "People"), bands, "Risk bands")
    services = [(label, fig.services.get(code, 0)) for code, label in SERVICES.items()]
    row = _table(ws, row, ("Service wanted", "People"), services, "Services wanted")
    names = {p.code: p.name for p in partners()}
    referrals = [(name, fig.referrals.get(code, 0)) for code, name in names.items()]
    referrals += [(code, n) for code, n in sorted(fig.referrals.items()) if code and code not in names]
    referrals.append((NO_PARTNER_LABEL, fig.referrals.get("", 0)))
    _table(ws, row, ("Referred to", "Referrals"), referrals, "Referrals to partners", "Referrals")
    _print_setup(ws)
    return ws


def write_summary(
    store: Store,
    wb: Workbook,
    *,
    produced: datetime | None = None,
    max_event_sheets: int = MAX_EVENT_SHEETS,
) -> dict[str, int]:
    """Fill a normal workbook with the summary; returns {'events': n, 'event_sheets': m}."""
    figures = event_figures(store)
    shown = min(len(figures), max_event_sheets)
    _overview(wb, figures, produced or datetime.now(UTC), shown)
    taken = {"Events"}
    for fig in figures[:shown]:
        _event_sheet(wb, fig, taken)
    return {"events": len(figures), "event_sheets": shown}
