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
from pace_desktop.checklist.scorer import ChecklistOutcome, Contribution, explain, score

__all__ = [
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
