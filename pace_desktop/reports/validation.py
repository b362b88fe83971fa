"""Checklist validation: how well the risk bands, the top scores and advisers' overrides pick out
people still unemployed 12 months after leaving.

Counts people (with ``anonymised_statistics`` consent) who have a checklist and a known status at the
12-month checkpoint (``followup.schedule``: an outcome dated from 14 days before the 12-month point
on, other than "not known"). The thing predicted is "unemployed at 12 months".

For each rule that flags people: precision = flagged and unemployed / flagged (what the report calls
"accurate at predicting": the DWP model was 33% for its top 8%), recall = flagged and unemployed /
all unemployed. For the lowest scores the figure is the share NOT unemployed (the report's "94%
accurate at predicting the 8% lowest risk").

The top (or lowest) p% of scores: everyone whose score is at least (at most) the score of the person
at the p% mark, counting ties in, so the group may be a little larger than p%.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pace_desktop.errors import RefusedError
from pace_desktop.reports.impact import Person
from pace_desktop.reports.suppression import THRESHOLD, CountTable, suppress

MIN_PEOPLE = 50
UNEMPLOYED = "unemployed"


@dataclass(frozen=True)
class Row:
    rule: str
    flagged: int | None  # hidden (None) when 1 to 4
    hits: int | None  # flagged and unemployed at 12 months (or, for 'lowest', flagged and not)
    precision: float | None
    recall: float | None  # None for the 'lowest' rows and wherever a count is hidden
    lowest: bool = False


@dataclass(frozen=True)
class Validation:
    people: int
    unemployed: int
    rows: list[Row]
    overridden: int  # people whose band an adviser changed, among those counted

    def line(self) -> str:
        """One line for the command line: the two cut-offs the report quotes."""
        parts = []
        for r in self.rows:
            if r.rule.startswith("Top "):
                parts.append(f"{r.rule}: precision {_pct(r.precision)}, recall {_pct(r.recall)}")
        return (
            f"Checklist validation on {self.people} people with a known 12-month outcome "
            f"({self.unemployed} unemployed): " + "; ".join(parts) + "."
        )


def _pct(x: float | None) -> str:
    return "hidden" if x is None else f"{x:.0%}"


def known_at_12(people: Sequence[Person]) -> list[tuple[Person, bool]]:
    """(person, unemployed at 12 months) for people with a checklist and a known 12-month status."""
    out = []
    for p in people:
        if p.score is None:
            continue
        status = p.statuses().get(12)
        if status is not None and status != "unknown":
            out.append((p, status == UNEMPLOYED))
    return out


def cut_score(scores: Sequence[int], fraction: float, *, top: bool) -> int:
    """The score at the ``fraction`` mark from the top (or bottom)."""
    ordered = sorted(scores, reverse=top)
    k = max(1, math.ceil(fraction * len(ordered)))
    return ordered[k - 1]


def _row(
    rule: str, data: Sequence[tuple[Person, bool]], flag: Callable[[Person], bool], *, lowest: bool = False
) -> Row:
    """Flagged / not flagged by unemployed / not, suppressed with the usual rules; figures read from
    what is shown, so no hidden count can be worked back from a percentage."""
    counts = [[0, 0], [0, 0]]
    for p, unemployed in data:
        counts[0 if flag(p) else 1][0 if unemployed else 1] += 1
    table = suppress(
        CountTable.of(rule, ("Flagged", "Not flagged"), ("Unemployed", "Not unemployed"), counts)
    )
    flagged = table.row_totals[0]
    hits = table.cells[0][1 if lowest else 0]
    precision = None
    if hits is not None and flagged is not None and flagged >= THRESHOLD:
        precision = hits / flagged
    positives = table.column_totals[0]
    recall = None
    if not lowest and hits is not None and positives is not None and positives >= THRESHOLD:
        recall = hits / positives
    return Row(rule, flagged, hits, precision, recall, lowest)


def validate(people: Sequence[Person], minimum: int = MIN_PEOPLE) -> Validation:
    """The table, or a refusal saying how many people it needs."""
    data = known_at_12(people)
    positives = sum(1 for _, u in data if u)
    if len(data) < minimum:
        raise RefusedError(
            f"Checklist validation needs at least {minimum} people with a checklist and a "
            f"known 12-month outcome; there are {len(data)}."
        )
    if positives < THRESHOLD or len(data) - positives < THRESHOLD:
        raise RefusedError(
            f"Checklist validation needs at least {THRESHOLD} people unemployed at 12 months "
            f"and {THRESHOLD} not; there are {positives} and {len(data) - positives}."
        )
    scores = [p.score for p, _ in data if p.score is not None]
    top8, top30 = cut_score(scores, 0.08, top=True), cut_score(scores, 0.30, top=True)
    low8, low30 = cut_score(scores, 0.08, top=False), cut_score(scores, 0.30, top=False)
    overridden = [(p, u) for p, u in data if p.overridden]
    rows = [
        _row("Checklist band: high", data, lambda p: p.band == "high"),
        _row("Checklist band: medium or high", data, lambda p: p.band in ("medium", "high")),
        _row("Band in use (after advisers' overrides): high", data, lambda p: p.effective_band == "high"),
        _row(
            "Band in use (after advisers' overrides): medium or high",
            data,
            lambda p: p.effective_band in ("medium", "high"),
        ),
        _row(f"Top 8% of scores (score {top8} or more)", data, lambda p: (p.score or 0) >= top8),
        _row(f"Top 30% of scores (score {top30} or more)", data, lambda p: (p.score or 0) >= top30),
        _row(
            f"Lowest 8% of scores (score {low8} or less): not unemployed",
            data,
            lambda p: (p.score or 0) <= low8,
            lowest=True,
        ),
        _row(
            f"Lowest 30% of scores (score {low30} or less): not unemployed",
            data,
            lambda p: (p.score or 0) <= low30,
            lowest=True,
        ),
        _row("Overridden people only: checklist band high", overridden, lambda p: p.band == "high"),
        _row("Overridden people only: adviser's band high", overridden, lambda p: p.effective_band == "high"),
    ]
    return Validation(len(data), positives, rows, len(overridden))
