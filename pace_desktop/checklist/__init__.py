"""The long-term unemployment risk checklist: its data file and a scorer with no Qt in it."""

from pace_desktop.checklist.data import (
    PREFER_NOT_TO_SAY,
    Band,
    Checklist,
    ChecklistDataError,
    Option,
    Part,
    Question,
    load_checklist,
)
from pace_desktop.checklist.scorer import (
    NOT_ENOUGH_ANSWERS,
    NOT_SCORED,
    ChecklistOutcome,
    Contribution,
    band_in_use,
    explain,
    not_scored_reason,
    score,
    score_counts,
)

__all__ = [
    "NOT_ENOUGH_ANSWERS",
    "NOT_SCORED",
    "band_in_use",
    "not_scored_reason",
    "score_counts",
    "PREFER_NOT_TO_SAY",
    "Band",
    "Checklist",
    "ChecklistDataError",
    "ChecklistOutcome",
    "Contribution",
    "Option",
    "Part",
    "Question",
    "explain",
    "load_checklist",
    "score",
]
