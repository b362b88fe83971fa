"""The office's enrolled laptops (``devices``): their public keys, enrolment and retirement."""

from __future__ import annotations

from typing import NamedTuple

from pace_desktop.store.database import Database


class DeviceRow(NamedTuple):
    device_id: str
    fingerprint: str
    enrolled_at: str
    enrolled_by: str
    how: str
    retired_at: str | None
    retired_by: str | None


def public_key(db: Database, device_id: str) -> str | None:
    """The enrolled public key (base64), or None for a laptop never enrolled."""
    public: str | None = db.scalar("SELECT public_key FROM devices WHERE device_id = ?", (device_id,))
    return public


def insert_device(
    db: Database,
    device_id: str,
    public_key_b64: str,
    fingerprint: str,
    enrolled_at: str,
    enrolled_by: str,
    how: str,
) -> None:
    """The enrolment row (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO devices(device_id, public_key, fingerprint, enrolled_at, enrolled_by, how) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (device_id, public_key_b64, fingerprint, enrolled_at, enrolled_by, how),
    )


def clear_retired(db: Database, device_id: str) -> None:
    """Accept a retired laptop's bundles again (inside the caller's transaction)."""
    db.execute("UPDATE devices SET retired_at = NULL, retired_by = NULL WHERE device_id = ?", (device_id,))


def retired_at(db: Database, device_id: str) -> str | None:
    """When the laptop was retired (an ISO time), or None."""
    value: str | None = db.scalar("SELECT retired_at FROM devices WHERE device_id = ?", (device_id,))
    return value


def mark_retired(db: Database, device_id: str, at: str, by: str) -> None:
    """Retire the laptop (inside the caller's transaction)."""
    db.execute("UPDATE devices SET retired_at = ?, retired_by = ? WHERE device_id = ?", (at, by, device_id))


def device_rows(db: Database) -> list[DeviceRow]:
    """Every enrolled laptop, by device id."""
    return [
        DeviceRow(*r)
        for r in db.query(
            "SELECT device_id, fingerprint, enrolled_at, enrolled_by, how, retired_at, retired_by "
            "FROM devices ORDER BY device_id"
        )
    ]
