"""The one-page impact summary's content, Qt-free: headline figures as text and the curves to draw.

``pace_desktop.ui.impact_page`` paints it as PNG or PDF; the CLI imports that lazily. Every value
here comes from the same figures as the workbook, so the page and the workbook always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pace_desktop.reports.impact import REPORT_MONTHS, gather, impact_of
from pace_desktop.reports.impact_workbook import validation_or_reason
from pace_desktop.reports.suppression import SUPPRESSED_MARK

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


@dataclass(frozen=True)
class SummaryPage:
    title: str
    produced: str
    facts: list[tuple[str, str]]  # (label, value as shown)
    curves: list[tuple[str, dict[int, float]]]  # label -> month -> share back in work (shown points only)
    bars: list[tuple[str, float | None]]  # sustained work shares
    notes: list[str]


def _pct(x: float | None) -> str:
    return SUPPRESSED_MARK if x is None else f"{x:.0%}"


def summary_page(store: Store, *, produced: datetime | None = None) -> SummaryPage:
    people = gather(store)
    result = impact_of(people)
    validation = validation_or_reason(people)
    overall = result.overall
    median = (
        SUPPRESSED_MARK
        if overall.median_hidden
        else (f"{overall.median_days} days" if overall.median_days is not None else "not reached")
    )
    facts = [
        (
            "People counted",
            SUPPRESSED_MARK if result.people_shown is None else f"{result.people_shown:,}",
        ),
        (
            "With a known outcome since leaving",
            SUPPRESSED_MARK if overall.people is None else f"{overall.people:,}",
        ),
        *(
            (f"Back in work by {m} months (estimate)", _pct(overall.share_by_month.get(m)))
            for m in REPORT_MONTHS
        ),
        ("Median time from leaving to work", median),
        ("Sustained work at 12 months", _pct(result.sustained_share(12))),
        (
            "Time on PACE per person helped",
            SUPPRESSED_MARK
            if result.time_overall.mean_minutes is None
            else f"{result.time_overall.mean_minutes:.0f} minutes",
        ),
        (
            "Mean feedback rating",
            SUPPRESSED_MARK if result.mean_rating is None else f"{result.mean_rating:.1f} of 5",
        ),
    ]
    notes = []
    if isinstance(validation, str):
        notes.append(validation)
    else:
        top8 = validation.rows[4]
        notes.append(
            f"Checklist: of the top 8% of scores, {_pct(top8.precision)} were unemployed at "
            f"12 months (the report's DWP benchmark: 33%), on {validation.people} people."
        )
    notes.append(
        "Counts only people who agreed to anonymised statistics. * = hidden (fewer than 5 "
        "people). People not yet in work are counted up to their last known outcome "
        "(Kaplan–Meier)."
    )
    curves = []
    for c in [*result.groups[0].curves, *result.groups[1].curves]:
        points = {m: v for m, v in c.share_by_month.items() if v is not None}
        if c.people and points:
            curves.append((c.label, points))
    bars = [(f"Sustained at {m} months", result.sustained_share(m)) for m in (6, 12)]
    when = (produced or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    return SummaryPage("What PACE achieves", when, facts, curves, bars, notes)
