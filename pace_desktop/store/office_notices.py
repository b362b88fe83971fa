"""The office's queue of withdrawals and erasures for laptops (table ``office_notices``), and what a
laptop records when it applies the office's withdrawal.

Rows hold ids, a purpose code and dates only. Writes run inside the caller's transaction.
"""

from __future__ import annotations

from typing import NamedTuple

from pace_desktop.store.database import Database


class QueuedNotice(NamedTuple):
    """One queued item, as stored: ``record_id`` is the consent's id (withdraw) or client's (erase)."""

    kind: str
    record_id: str
    client_id: str
    purpose: str | None
    version: int
    at: str


def enrolled_device_ids(db: Database) -> set[str]:
    """Every enrolled laptop's device id."""
    return {r[0] for r in db.query("SELECT device_id FROM devices")}


def queue_withdrawal(
    db: Database,
    device_id: str,
    kind: str,
    client_id: str,
    consent_id: str,
    purpose: str,
    version: int,
    at: str,
    queued_at: str,
) -> int:
    """Queue (or bring up to date) a withdrawal for one device; rows written."""
    return int(
        db.execute(
            "INSERT INTO office_notices(device_id, kind, client_id, record_id, purpose, version, at, "
            "queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(device_id, kind, record_id) "
            "DO UPDATE SET version = excluded.version, at = excluded.at, queued_at = excluded.queued_at",
            (device_id, kind, client_id, consent_id, purpose, version, at, queued_at),
        ).rowcount
    )


def drop_client_notices(db: Database, client_id: str, kind: str) -> None:
    """Remove this client's queued notices of one kind (an erasure supersedes withdrawals)."""
    db.execute("DELETE FROM office_notices WHERE client_id = ? AND kind = ?", (client_id, kind))


def queue_erasure(db: Database, device_id: str, kind: str, client_id: str, at: str, queued_at: str) -> int:
    """Queue an erasure for one device unless it is queued already; rows written."""
    return int(
        db.execute(
            db.dialect.insert_or_ignore(
                "office_notices",
                ("device_id", "kind", "client_id", "record_id", "purpose", "version", "at", "queued_at"),
                "?, ?, ?, ?, NULL, 1, ?, ?",
            ),
            (device_id, kind, client_id, client_id, at, queued_at),
        ).rowcount
    )


def queued_devices(db: Database) -> list[str]:
    """Laptops with something queued for them."""
    return [r[0] for r in db.query("SELECT DISTINCT device_id FROM office_notices ORDER BY 1")]


def queued_for(db: Database, device_id: str) -> list[QueuedNotice]:
    """Everything queued for one laptop, in the order it was queued."""
    return [
        QueuedNotice(*row)
        for row in db.query(
            "SELECT kind, record_id, client_id, purpose, version, at FROM office_notices "
            "WHERE device_id = ? ORDER BY id",
            (device_id,),
        )
    ]


def confirm_office_withdrawal(db: Database, consent_id: str, version: int, confirmed_at: str) -> None:
    """On a laptop: the office's version of a withdrawn consent counts as exported and confirmed."""
    greatest = db.dialect.greatest
    sql = (
        f"UPDATE consents SET exported_version = {greatest('exported_version', '?')}, "  # noqa: S608
        f"confirmed_version = {greatest('confirmed_version', '?')}, confirmed_at = ? WHERE id = ?"
    )
    db.execute(
        sql,
        (version, version, confirmed_at, consent_id),
    )
