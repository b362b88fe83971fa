"""The office's import history: every attempt, accepted, already had or refused, and its receipt."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pace_desktop.store import imports
from pace_desktop.store.store import Store


@dataclass(frozen=True)
class ImportRow:
    """One import attempt, as kept in the central store's import history."""

    id: int
    attempted_at: str
    file_name: str
    bundle_id: str | None
    device_id: str | None
    sequence: int | None
    verdict: str
    code: str
    reason: str
    counts: dict[str, int]
    gap: str | None
    imported_by: str


def import_history(store: Store, limit: int = 1000) -> list[ImportRow]:
    """Newest first: every attempt, accepted, already had or refused, with its plain reason."""
    rows = imports.history_rows(store.db, limit)
    return [ImportRow(*r[:9], json.loads(r[9] or "{}"), r[10], r[11]) for r in rows]


def saved_receipt(store: Store, bundle_id: str) -> bytes | None:
    """The receipt issued for a bundle most recently, to save it again."""
    text = imports.latest_receipt(store.db, bundle_id)
    return None if text is None else text.encode("ascii")
