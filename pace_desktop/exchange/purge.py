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

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


@dataclass(frozen=True)
class PurgeResult:
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _settled(alias: str) -> str:
    """SQL: this row is confirmed at its current version, and was confirmed by the cutoff."""
    return (
        f"({alias}.version = {alias}.confirmed_version AND {alias}.confirmed_at IS NOT NULL "
        f"AND {alias}.confirmed_at <= :cutoff)"
    )


def purge(store: Store, *, now: datetime | None = None, retention_days: int | None = None) -> PurgeResult:
    """Delete confirmed records older than the retention period (default: the store's setting).

    Safe to call at every unlock; returns what was removed (nothing on an office store).
    """
    if store.kind == "office":
        return PurgeResult()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    days = store.int_setting("retention_days") if retention_days is None else retention_days
    cutoff_at = now - timedelta(days=max(0, days))
    params = {
        "cutoff": cutoff_at.isoformat(timespec="seconds"),
        "cutoff_date": cutoff_at.date().isoformat(),
    }
    repos = repositories(store)
    unsettled_child = " OR ".join(
        f"EXISTS (SELECT 1 FROM {repos[e].table} x "  # noqa: S608
        f"WHERE x.parent_id = c.id AND NOT {_settled('x')})"
        for e in CHILD_ENTITIES
    )
    counts: dict[str, int] = {}
    with store.transaction() as conn:
        ids = [
            (r[0],)
            for r in conn.execute(
                f"SELECT c.id FROM clients c WHERE {_settled('c')} AND NOT ({unsettled_child})",  # noqa: S608
                params,
            ).fetchall()
        ]
        for entity in CHILD_ENTITIES:
            cur = conn.executemany(f"DELETE FROM {repos[entity].table} WHERE parent_id = ?", ids)  # noqa: S608
            counts[entity] = max(cur.rowcount, 0)
        counts["client"] = max(conn.executemany("DELETE FROM clients WHERE id = ?", ids).rowcount, 0)
        # An event holds no one's personal data: it goes once its people have gone and its date
        # is past.
        counts["event"] = max(
            conn.execute(
                f"DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE {_settled('e')} "  # noqa: S608
                "AND e.event_date <= :cutoff_date "
                "AND NOT EXISTS (SELECT 1 FROM clients c WHERE c.parent_id = e.id))",
                params,
            ).rowcount,
            0,
        )
        counts = {k: v for k, v in counts.items() if v}
        if counts:
            store.audit("purge", detail=",".join(f"{k}={v}" for k, v in sorted(counts.items())))
    if counts:
        store.wipe_leftovers()
    return PurgeResult(counts)
