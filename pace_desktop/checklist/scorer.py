"""Scoring a person's checklist answers into a band, with each answer that counted and why.

The outcome is stored in the client record, so it is a frozen, JSON-ready pydantic model and carries
the checklist version, the year of the area figures it used and their version id.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from pydantic import BaseModel, ConfigDict

from pace_desktop.checklist.data import (
    PREFER_NOT_TO_SAY,
    AgeRule,
    AreaRule,
    Band,
    Checklist,
    ChecklistDataError,
    Question,
)
from pace_desktop.errors import ValidationFailed
from pace_desktop.reference import SCOTLAND_GSS, AreaRate, current

STALE_AFTER_YEARS = 2  # the area figures are out of date, and the scorer warns, after two years


class Contribution(BaseModel):
    """One answer that added to the score; ``part_id`` is None for the computed age and area."""

    model_config = ConfigDict(frozen=True)

    question_id: str
    part_id: str | None
    question_title: str
    answer_label: str
    points: int
    stars: int


class ChecklistOutcome(BaseModel):
    model_config = ConfigDict(frozen=True)

    checklist_version: str
    score: int
    max_score: int
    band: Band
    contributions: tuple[Contribution, ...]
    unanswered: tuple[str, ...]
    area_as_of: int
    area_data_stale: bool
    notes: tuple[str, ...]
    answered: int = 0  # questions the person gave a real answer to (not blank, not prefer not to say)
    area_figures: str | None = None  # version id of the area figures the area question used

    @property
    def counts(self) -> bool:
        """Whether the score means anything: see ``score_counts``."""
        return self.answered > 0


NOT_SCORED = "Not scored"
NOT_ENOUGH_ANSWERS = "Not enough answers to score"


def real_answers(answers: Mapping[str, str]) -> int:
    """How many answers are real ones: blank and "prefer not to say" are not."""
    return sum(1 for value in answers.values() if value not in ("", PREFER_NOT_TO_SAY))


def score_counts(answers: Mapping[str, str]) -> bool:
    """A score counts once the person has really answered at least one question. With nothing
    answered, or only "prefer not to say", a total of 0 would read as "Low risk" when nothing is
    known: the band is then not shown, in the client's record and in the event's list alike."""
    return real_answers(answers) > 0


def band_in_use(band: str | None, answers: Mapping[str, str], override: str | None) -> str | None:
    """The band to show and count: the adviser's override wins; otherwise the scored band if the
    score counts, else None ("Not scored" or "Not enough answers to score")."""
    if override:
        return override
    return band if band and score_counts(answers) else None


def not_scored_reason(answers: Mapping[str, str]) -> str:
    """Why there is no band: nothing answered yet, or only "prefer not to say"."""
    return NOT_ENOUGH_ANSWERS if any(v == PREFER_NOT_TO_SAY for v in answers.values()) else NOT_SCORED


# (part id or None, answer label, points before the question's cap)
_Scored = tuple[str | None, str, int]


def _age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _answered(q: Question, answers: Mapping[str, str], unanswered: list[str]) -> list[_Scored]:
    scored: list[_Scored] = []
    for part in q.parts:
        value = answers.get(part.id, "")
        if value in ("", PREFER_NOT_TO_SAY):
            unanswered.append(part.id)
            continue
        option = part.option(value)
        if option is None:
            raise ValidationFailed(
                f"Checklist question {q.id} ({q.title}): that answer is not one of its options.",
                {part.id: "Not one of the options."},
            )
        if option.points:
            scored.append((part.id, option.summary or option.label, option.points))
    return scored


def score(
    checklist: Checklist,
    answers: Mapping[str, str],
    *,
    date_of_birth: date | None,
    event_date: date,
    council_area: str | None,
    area_rates: Mapping[str, AreaRate] | None = None,
    figures_version: str | None = None,
    today: date | None = None,
) -> ChecklistOutcome:
    """Score ``answers`` (part id to option value); age and area come from the dates and GSS code.

    Each question's points are capped at its stars. Blank and "prefer not to say" answers, a missing
    date of birth and an unknown council area all score nothing and are listed as unanswered.
    Without ``area_rates`` the figures in use are read (the office's update, or the shipped ones),
    with their version id; given ``area_rates``, ``figures_version`` is theirs.
    """
    if area_rates is None:
        reference = current()
        rates: Mapping[str, AreaRate] = reference.rates
        figures_version = reference.figures_version
    else:
        rates = area_rates
    area_figures: str | None = None
    today = today or date.today()
    known = {p.id for p in checklist.answerable_parts()}
    if stray := sorted(set(answers) - known):
        raise ValidationFailed(f"Checklist answers name a question part that does not exist: {stray[0]}.")
    scotland = rates.get(SCOTLAND_GSS)
    if scotland is None:
        raise ChecklistDataError(
            "Area unemployment file has no Scotland row: ask the office for a complete file."
        )
    area_as_of = scotland.as_of

    contributions: list[Contribution] = []
    unanswered: list[str] = []
    notes: list[str] = []
    total = 0
    for q in checklist.questions:
        scored: list[_Scored] = []
        if isinstance(q.computed, AgeRule):
            if date_of_birth is None:
                unanswered.append(q.id)
                notes.append("Date of birth not given: the age question scores nothing.")
            elif date_of_birth > event_date:
                raise ValidationFailed(
                    "Date of birth is after the event date: check both dates.",
                    {"date_of_birth": "After the event date."},
                )
            else:
                age = _age_on(date_of_birth, event_date)
                band = max((b for b in q.computed.bands if age >= b.from_age), key=lambda b: b.from_age)
                scored = [(None, band.label, band.points)] if band.points else []
        elif isinstance(q.computed, AreaRule):
            row = rates.get(council_area) if council_area else None
            if row is None or row.gss_code == SCOTLAND_GSS:
                unanswered.append(q.id)
                notes.append("Council area not known: the area question scores nothing.")
            else:
                area_as_of = row.as_of
                area_figures = figures_version
                if row.rate_pct > scotland.rate_pct:
                    label = (
                        f"Lives in {row.name}, unemployment {row.rate_pct:.1f}% against "
                        f"{scotland.rate_pct:.1f}% for Scotland ({row.as_of} figures)"
                    )
                    scored = [(None, label, q.computed.points_above_scotland)]
        else:
            scored = _answered(q, answers, unanswered)
        # Share the cap out in the file's part order, so contributions add up to the score.
        room = q.stars
        for part_id, label, points in scored:
            share = min(points, room)
            room -= share
            contributions.append(
                Contribution(
                    question_id=q.id,
                    part_id=part_id,
                    question_title=q.title,
                    answer_label=label,
                    points=share,
                    stars=q.stars,
                )
            )
        total += q.stars - room

    stale = today.year - area_as_of > STALE_AFTER_YEARS
    if stale:
        notes.append(f"Area unemployment figures are from {area_as_of}, more than two years old.")
    return ChecklistOutcome(
        checklist_version=checklist.version,
        score=total,
        max_score=checklist.max_score,
        band=checklist.band_for(total),
        contributions=tuple(contributions),
        unanswered=tuple(unanswered),
        area_as_of=area_as_of,
        area_data_stale=stale,
        notes=tuple(notes),
        answered=real_answers(answers),
        area_figures=area_figures,
    )


def explain(outcome: ChecklistOutcome) -> list[str]:
    """The lines an adviser reads: the total, each answer that counted, what is missing, caveats."""
    lines = [f"Score {outcome.score} of {outcome.max_score}: {outcome.band} risk."]
    for c in outcome.contributions:
        stars = "★" * c.stars
        if c.points:
            lines.append(f"{c.answer_label} ({stars} question): +{c.points}")
        else:
            lines.append(f"{c.answer_label} ({stars} question): +0 (the question is already at its maximum)")
    if n := len(outcome.unanswered):
        lines.append(
            f"{n} {'answer' if n == 1 else 'answers'} not given or 'prefer not to say': they score nothing."
        )
    lines.extend(outcome.notes)
    return lines
