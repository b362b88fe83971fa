"""Each laptop's audit heads the office countersigned (``device_audit_heads``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from pace_desktop.store.database import Database


class HeadRow(NamedTuple):
    """One laptop's newest countersigned head."""

    device_id: str
    newest_count: int
    recorded_at: str


def recorded_heads(db: Database, device_id: str) -> dict[int, str]:
    """Entry number -> hash of every head recorded for this laptop, in entry order."""
    return dict(
        db.execute(
            "SELECT count, hash FROM device_audit_heads WHERE device_id = ? ORDER BY count", (device_id,)
        )
    )


HeadInsert = tuple[str, int, str | None, int | None, str | None, str]


def record_heads(db: Database, rows: Sequence[HeadInsert]) -> None:
    """(device_id, count, hash, sequence, bundle_id, recorded_at) rows, one statement; a head already
    recorded keeps its row and gains the bundle id if it had none (inside the caller's transaction)."""
    db.executemany(
        "INSERT INTO device_audit_heads(device_id, count, hash, sequence, bundle_id, recorded_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device_id, count) DO UPDATE SET "
        "bundle_id = coalesce(device_audit_heads.bundle_id, excluded.bundle_id)",
        rows,
    )


def newest_heads(db: Database) -> list[HeadRow]:
    """Each laptop's newest head, by device id."""
    return [
        HeadRow(*r)
        for r in db.query(
            # The newest head's own row (not SQLite's bare column beside max(), which PostgreSQL
            # refuses): (device_id, count) is the key, so one row per laptop.
            "SELECT h.device_id, h.count, h.recorded_at FROM device_audit_heads h WHERE h.count = "
            "(SELECT max(m.count) FROM device_audit_heads m WHERE m.device_id = h.device_id) "
            "ORDER BY h.device_id"
        )
    ]
