"""The ``summary`` workbook: per event attendance, risk bands, services wanted, referrals, charts.

One overview sheet lists every event; then each event (newest first, up to ``MAX_EVENT_SHEETS``) has
its own sheet with three small tables and a bar chart beside each. The figures are aggregates, small
enough to build wholly in memory (``reports.xlsx.MemoryWorkbook``, XlsxWriter: no temp file); every
value still goes through the safe cells (``reports.xlsx.put``). Rows and columns below are numbered
as the sheet shows them (A1 is row 1, column 1).
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from pace_desktop.records.enums import BAND_LABELS, EventType
from pace_desktop.reference import SERVICES, council_area_names, partners
from pace_desktop.reports.aggregates import BANDS, NO_CHECKLIST, EventFigures, event_figures
from pace_desktop.reports.cells import sheet_title
from pace_desktop.reports.xlsx import put, put_row

if TYPE_CHECKING:
    from pace_desktop.reports.xlsx import SafeWorkbook
    from pace_desktop.store.store import Store

MAX_EVENT_SHEETS = 200
BOLD = {"bold": True}
TITLE = {"bold": True, "font_size": 14}
PIXELS_PER_CM = 96 / 2.54  # XlsxWriter sizes charts in pixels (96 a inch); the layout below is in cm
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


def _bar_chart(book: SafeWorkbook, title: str, height_cm: float, width_cm: float, **kind: Any) -> Any:
    """A horizontal bar chart (long labels stay readable), first table row at the top as in the
    table, sized in centimetres. XlsxWriter's bar chart swaps the axes: x is the value axis."""
    chart = book.add_chart({"type": "bar", **kind})
    chart.set_title({"name": title})
    chart.set_y_axis({"reverse": True})
    chart.set_size({"width": round(width_cm * PIXELS_PER_CM), "height": round(height_cm * PIXELS_PER_CM)})
    return chart


def bar_chart(
    book: SafeWorkbook,
    ws: Any,
    title: str,
    label_col: int,
    data_col: int,
    header_row: int,
    last_row: int,
    anchor: str,
    y_title: str = "People",
) -> float:
    """A bar chart of one column of counts against its labels, placed at ``anchor``; returns its
    height in centimetres."""
    height = _chart_height(last_row - header_row)
    chart = _bar_chart(book, title, height, 15)
    name = ws.get_name()
    chart.add_series(
        {
            "name": [name, header_row - 1, data_col - 1],
            "categories": [name, header_row, label_col - 1, last_row - 1, label_col - 1],
            "values": [name, header_row, data_col - 1, last_row - 1, data_col - 1],
        }
    )
    chart.set_x_axis({"name": y_title})
    chart.set_legend({"none": True})
    ws.insert_chart(anchor, chart)
    return height


def _print_setup(ws: Any) -> None:
    """Landscape, one page wide: what office staff expect when they print or make a PDF."""
    ws.set_landscape()
    ws.fit_to_pages(1, 0)


def _overview(book: SafeWorkbook, figures: list[EventFigures], produced: datetime, shown: int) -> Any:
    ws = book.add_worksheet("Events")
    put(book, ws, 1, 1, "PACE event summary", **TITLE)
    put(
        book,
        ws,
        2,
        1,
        f"Produced {produced:%Y-%m-%d %H:%M} UTC. Registered = people registered at the event; "
        "bands are the band in use (an adviser's override wins).",
    )
    if shown < len(figures):
        put(
            book,
            ws,
            3,
            1,
            f"Each of the {shown} most recent events also has its own sheet; "
            f"the other {len(figures) - shown} are listed here only.",
        )
    header_row = 4
    put_row(book, ws, header_row, OVERVIEW_HEADERS, **BOLD)
    for col, width in enumerate(OVERVIEW_WIDTHS):
        ws.set_column(col, col, width)
    row = header_row
    for fig in figures:
        row += 1
        put_row(
            book,
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
    ws.freeze_panes(header_row, 0)
    ws.autofilter(header_row - 1, 0, max(row, header_row) - 1, len(OVERVIEW_HEADERS) - 1)
    if figures:
        chart = _bar_chart(book, "Risk bands by event", _chart_height(len(figures)), 18, subtype="stacked")
        first_band = OVERVIEW_HEADERS.index("Low")  # 0-based, as XlsxWriter counts
        for col in range(first_band, first_band + 3):
            chart.add_series(
                {
                    "name": ["Events", header_row - 1, col],
                    "categories": ["Events", header_row, 1, row - 1, 1],
                    "values": ["Events", header_row, col, row - 1, col],
                    "overlap": 100,
                }
            )
        chart.set_x_axis({"name": "People"})
        ws.insert_chart(header_row - 1, len(OVERVIEW_HEADERS) + 1, chart)
    _print_setup(ws)
    return ws


def _table(
    book: SafeWorkbook,
    ws: Any,
    top: int,
    headers: tuple[str, str],
    rows: list[tuple[str, int]],
    chart_title: str,
    y_title: str = "People",
) -> int:
    """A two-column table at ``top`` with its bar chart beside it; returns the next free row."""
    put_row(book, ws, top, headers, **BOLD)
    for offset, (label, n) in enumerate(rows, 1):
        put_row(book, ws, top + offset, (label, n))
    last = top + len(rows)
    height = bar_chart(book, ws, chart_title, 1, 2, top, last, f"D{top}", y_title)
    # Leave room for the chart (a row is about half a centimetre) before the next table.
    return max(last, top + math.ceil(height / 0.5)) + 2


def _employer_facts(employer: dict[str, Any] | None) -> list[tuple[str, Any]]:
    """The employer's own fields, below the event's (none for an event that names no employer)."""
    if employer is None:
        return []

    def day(name: str) -> date | None:
        value = employer.get(name)
        return date.fromisoformat(value) if value else None

    return [
        ("Employer's sites", "; ".join(employer.get("sites") or []) or None),
        ("HR1 date", day("hr1_date")),
        ("First proposed dismissal", day("first_dismissal_date")),
        ("Last proposed dismissal", day("last_dismissal_date")),
        ("Proposed redundancies", employer.get("proposed_redundancies")),
        ("Employees at the site", employer.get("employees_at_site")),
        ("Reason for the redundancies", employer.get("reason")),
        ("Employer's HR contact", employer.get("contact_name")),
        ("HR contact's phone", employer.get("contact_phone")),
        ("HR contact's e-mail", employer.get("contact_email")),
    ]


def _event_sheet(book: SafeWorkbook, fig: EventFigures, taken: set[str]) -> Any:
    when = _event_date(fig)
    employer = fig.event.get("employer_name") or "Event"
    ws = book.add_worksheet(sheet_title(f"{when.isoformat() if when else ''} {employer}", taken))
    ws.set_column(0, 0, 38)
    ws.set_column(1, 1, 14)
    put(book, ws, 1, 1, employer, **TITLE)
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
    facts += _employer_facts(fig.employer)
    for offset, (label, value) in enumerate(facts, 3):
        put(book, ws, offset, 1, label, **BOLD)
        put(book, ws, offset, 2, value)
    row = 3 + len(facts)
    put(book, ws, row, 1, "Registered as a share of those affected", **BOLD)
    if affected:
        put(book, ws, row, 2, fig.registered / affected, num_format="0%")
    row += 2
    bands = [(BAND_LABELS[b], fig.bands[b]) for b in BANDS] + [(NO_CHECKLIST_LABEL, fig.bands[NO_CHECKLIST])]
    row = _table(book, ws, row, ("Risk band", "People"), bands, "Risk bands")
    services = [(label, fig.services.get(code, 0)) for code, label in SERVICES.items()]
    row = _table(book, ws, row, ("Service wanted", "People"), services, "Services wanted")
    names = {p.code: p.name for p in partners()}
    referrals = [(name, fig.referrals.get(code, 0)) for code, name in names.items()]
    referrals += [(code, n) for code, n in sorted(fig.referrals.items()) if code and code not in names]
    referrals.append((NO_PARTNER_LABEL, fig.referrals.get("", 0)))
    _table(book, ws, row, ("Referred to", "Referrals"), referrals, "Referrals to partners", "Referrals")
    _print_setup(ws)
    return ws


def write_summary(
    store: Store,
    book: SafeWorkbook,
    *,
    produced: datetime | None = None,
    max_event_sheets: int = MAX_EVENT_SHEETS,
) -> dict[str, int]:
    """Fill an empty XlsxWriter workbook (``MemoryWorkbook``) with the summary; returns
    {'events': n, 'event_sheets': m}."""
    figures = event_figures(store)
    shown = min(len(figures), max_event_sheets)
    _overview(book, figures, produced or datetime.now(UTC), shown)
    taken = {"Events"}
    for fig in figures[:shown]:
        _event_sheet(book, fig, taken)
    return {"events": len(figures), "event_sheets": shown}
