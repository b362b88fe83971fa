"""The ``partners`` workbook: aggregate counts safe to share outside SDS, small numbers suppressed.

Counts only people whose ``anonymised_statistics`` consent is active: this report leaves SDS, and
that is the purpose people were asked about ("Can we use your answers, without your name, in
statistics?"). Two tables, council area by band and sector by band, suppressed together
(``suppress_linked``): they count the same people, so a band total hidden in one must not be
readable in the other. There is deliberately no council area by sector table: most events are one
employer in one area, so it would amount to counts per employer, and it would link the two tables
through a second set of totals.

Built wholly in memory with XlsxWriter (``reports.xlsx.MemoryWorkbook``: no temp file of any kind);
the suppressed tables are written by ``reports.xlsx_tables.write_table``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pace_desktop.records.enums import BAND_LABELS
from pace_desktop.reference import council_area_names
from pace_desktop.reports.aggregates import BANDS, NO_CHECKLIST, cross_tab, statistics_counts
from pace_desktop.reports.suppression import CountTable, suppress_linked
from pace_desktop.reports.xlsx import put
from pace_desktop.reports.xlsx_tables import TITLE, write_table

if TYPE_CHECKING:
    from pace_desktop.reports.xlsx import SafeWorkbook
    from pace_desktop.store.store import Store

BAND_COLUMNS = (*BANDS, NO_CHECKLIST)
BAND_HEADERS = tuple(BAND_LABELS[b] for b in BANDS) + ("No checklist",)
SCOPE_NOTE = (
    "Counts people registered at PACE events who agreed to their answers being used, without "
    "their name, in statistics. Bands are the band in use (an adviser's override wins)."
)


def _table(
    title: str,
    data: dict[str, dict[str, int]],
    rows: Sequence[tuple[str, str]],
    columns: Sequence[tuple[str, str]],
) -> CountTable:
    """rows/columns: (key in ``data``, label to show)."""
    return CountTable.of(
        title,
        [label for _, label in rows],
        [label for _, label in columns],
        [[data.get(r, {}).get(c, 0) for c, _ in columns] for r, _ in rows],
    )


def partner_tables(store: Store) -> list[tuple[CountTable, str, str]]:
    """The count tables before suppression: (table, header of its row labels, sheet name)."""
    counts = statistics_counts(store)
    names = council_area_names()
    areas = sorted({c.council_area for c in counts}, key=lambda code: names.get(code, code))
    area_rows = [(code, names.get(code, code or "Not known")) for code in areas]
    sectors = sorted({c.sector for c in counts}, key=str.casefold)
    sector_rows = [(s, s or "Not known") for s in sectors]
    bands = list(zip(BAND_COLUMNS, BAND_HEADERS, strict=True))
    by_area = cross_tab(counts, "council_area", "band")
    by_sector = cross_tab(counts, "sector", "band")
    return [
        (
            _table("People by council area and risk band", by_area, area_rows, bands),
            "Council area",
            "By council area",
        ),
        (
            _table("People by sector and risk band", by_sector, sector_rows, bands),
            "Sector",
            "By sector",
        ),
    ]


def write_partners(store: Store, book: SafeWorkbook, *, produced: datetime | None = None) -> dict[str, int]:
    """Fill an empty XlsxWriter workbook (``MemoryWorkbook``) with the partner report; returns the
    tables and values hidden."""
    produced = produced or datetime.now(UTC)
    about = book.add_worksheet("About")
    put(book, about, 1, 1, "PACE partner report", **TITLE)
    put(book, about, 3, 1, f"Produced {produced:%Y-%m-%d %H:%M} UTC.")
    put(book, about, 4, 1, SCOPE_NOTE)
    put(
        book,
        about,
        5,
        1,
        "Counts from 1 to 4 are hidden, and so are enough others that no hidden count can be "
        "worked out from the totals, in either table. Hidden counts all show as *. "
        "0 means nobody.",
    )
    about.set_column(0, 0, 110)
    tables = partner_tables(store)
    published = suppress_linked([table for table, _, _ in tables])
    hidden = 0
    for (_, row_header, sheet), result in zip(tables, published, strict=True):
        hidden += result.hidden
        ws = book.add_worksheet(sheet)
        write_table(book, ws, result, row_header)
        ws.freeze_panes(2, 1)  # B3: the title, the headings and the row labels stay in view
    return {"tables": len(tables), "hidden": hidden}
