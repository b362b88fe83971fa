"""Purge: delete from the laptop what the office has confirmed, once retention has passed.

A client goes as a whole (their record and every child record) and only when every one of those
records is confirmed at its current version, so nothing unsent is ever lost. ``secure_delete``
overwrites the freed pages; a WAL checkpoint then empties the ``-wal`` file of older page copies.
The audit entry holds counts only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from pace_desktop.exchange.tables import CHILD_ENTITIES, repositories
from pace_desktop.store import laptop_purge

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


@dataclass(frozen=True)
class PurgeResult:
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def purge(store: Store, *, now: datetime | None = None, retention_days: int | None = None) -> PurgeResult:
    """Delete confirmed records older than the retention period (default: the store's setting).

    Safe to call at every unlock; returns what was removed (nothing on an office store).
    """
    if store.kind == "office":
        return PurgeResult()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    days = store.int_setting("retention_days") if retention_days is None else retention_days
    cutoff_at = now - timedelta(days=max(0, days))
    repos = repositories(store)
    with store.transaction():
        counts = laptop_purge.delete_settled(
            store.db,
            {entity: repos[entity].table for entity in CHILD_ENTITIES},
            cutoff_at.isoformat(timespec="seconds"),
            cutoff_at.date().isoformat(),
        )
        counts = {k: v for k, v in counts.items() if v}
        if counts:
            store.audit("purge", detail=",".join(f"{k}={v}" for k, v in sorted(counts.items())))
    if counts:
        store.wipe_leftovers()
    return PurgeResult(counts)
