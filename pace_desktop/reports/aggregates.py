"""Counts the summary and partner reports are built from, grouped by the store (``store.report_figures``).

Grouping happens in the database, so a report over 100,000 clients reads a few hundred rows, not
every record. Bands are the band in use (an adviser's override wins), as the checklists table stores
it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pace_desktop.store import report_figures

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

BANDS = ("low", "medium", "high")
NO_CHECKLIST = "none"
STATISTICS_PURPOSE = "anonymised_statistics"


@dataclass
class EventFigures:
    """One event's figures for the summary report."""

    event: dict[str, Any]
    registered: int = 0
    bands: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*BANDS, NO_CHECKLIST), 0))
    services: dict[str, int] = field(default_factory=dict)
    referrals: dict[str, int] = field(default_factory=dict)  # by partner code ("" = no partner named)
    employer: dict[str, Any] | None = None  # the employer record the event names, as stored

    @property
    def referral_total(self) -> int:
        return sum(self.referrals.values())


def events(store: Store) -> Iterator[dict[str, Any]]:
    """Every event as its stored JSON, newest first (the order office staff look for them)."""
    for data in report_figures.event_data_newest_first(store.db):
        yield json.loads(data)


def event_figures(store: Store) -> list[EventFigures]:
    """Attendance, bands, services wanted and referrals for every event."""
    employers = {e["id"]: e for e in map(json.loads, report_figures.employer_data(store.db))}
    figures = {e["id"]: EventFigures(e, employer=employers.get(e.get("employer_id"))) for e in events(store)}
    for event_id, band, n in report_figures.clients_by_event_and_band(store.db):
        if event_id in figures:
            fig = figures[event_id]
            fig.registered += n
            key = band if band in BANDS else NO_CHECKLIST
            fig.bands[key] = fig.bands.get(key, 0) + n
    for event_id, service, n in report_figures.services_wanted_by_event(store.db):
        if event_id in figures:
            figures[event_id].services[service] = n
    for event_id, partner, n in report_figures.referrals_by_event(store.db):
        if event_id in figures:
            figures[event_id].referrals[partner] = n
    return list(figures.values())


@dataclass(frozen=True)
class GroupCount:
    council_area: str
    sector: str
    band: str
    count: int


def statistics_counts(store: Store) -> list[GroupCount]:
    """Clients who agreed to anonymised statistics, counted by event council area, sector and band.

    Sectors are typed by advisers, so they are grouped case-insensitively and shown as first spelt.
    """
    rows = report_figures.consenting_by_area_sector_band(store.db, STATISTICS_PURPOSE, NO_CHECKLIST)
    return [GroupCount(area or "", sector or "", band, n) for area, sector, band, n in rows]


def cross_tab(counts: list[GroupCount], row_of: str, col_of: str) -> dict[str, dict[str, int]]:
    """Sum ``counts`` into {row value: {column value: count}} by two of its attributes."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in counts:
        table[getattr(c, row_of)][getattr(c, col_of)] += c.count
    return table
