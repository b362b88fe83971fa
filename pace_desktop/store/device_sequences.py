"""The sequence numbers each laptop's bundles carried, as they reached the office (``device_sequences``)."""

from __future__ import annotations

from pace_desktop.store.database import Database


def used_by_another_bundle(db: Database, device_id: str, sequence: int, bundle_id: str) -> bool:
    """Whether another bundle from this laptop already carried this sequence number."""
    return (
        db.execute(
            "SELECT 1 FROM device_sequences WHERE device_id = ? AND sequence = ? AND bundle_id != ?",
            (device_id, sequence, bundle_id),
        ).fetchone()
        is not None
    )


def record_sequence(db: Database, device_id: str, sequence: int, bundle_id: str, received_at: str) -> None:
    """Keep this bundle's number (a pair already kept stays as it is; inside the caller's transaction)."""
    db.execute(
        db.dialect.insert_or_ignore(
            "device_sequences", ("device_id", "sequence", "bundle_id", "received_at")
        ),
        (device_id, sequence, bundle_id, received_at),
    )


def sequences_seen(db: Database, device_id: str) -> set[int]:
    """Every sequence number that reached the office from this laptop."""
    return {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT sequence FROM device_sequences WHERE device_id = ?", (device_id,)
        )
    }
