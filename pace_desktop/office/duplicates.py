"""Possible duplicate clients the import found: listed for office staff to decide, never merged."""

from __future__ import annotations

from dataclasses import dataclass

from pace_desktop.errors import PaceError
from pace_desktop.store import duplicate_review
from pace_desktop.store.store import Store


@dataclass(frozen=True)
class DuplicatePair:
    """Two client records that may be one person: listed for a person to decide, never merged."""

    id: int
    client_a: str
    client_b: str
    pace_id_a: str | None
    pace_id_b: str | None
    reason: str  # 'same_ni' or 'same_name_dob'
    found_at: str
    status: str  # 'open', 'not_duplicate' or 'resolved'

    @property
    def reason_text(self) -> str:
        return {
            "same_ni": "same National Insurance number",
            "same_name_dob": "same name and date of birth",
        }.get(self.reason, self.reason)


def duplicates(store: Store, *, status: str | None = "open") -> list[DuplicatePair]:
    return [DuplicatePair(*r) for r in duplicate_review.duplicate_rows(store.db, status)]


def mark_duplicate(store: Store, pair_id: int, status: str) -> None:
    """Record a person's decision about a pair ('not_duplicate' or 'resolved')."""
    if status not in ("open", "not_duplicate", "resolved"):
        raise PaceError("Choose open, not a duplicate, or resolved.")
    with store.transaction():
        duplicate_review.set_status(store.db, pair_id, status)
        store.audit("change", entity="duplicate_review", entity_id=str(pair_id), detail=status)
