"""The office's import history (``imports``): every attempt at a bundle, and the receipt it was given."""

from __future__ import annotations

from typing import NamedTuple

from pace_desktop.store.database import Database


class ImportAttempt(NamedTuple):
    """What is written for one attempt; ``counts`` is the JSON text of entities and outcomes."""

    attempted_at: str
    file_name: str
    file_sha256: str | None
    bundle_id: str | None
    device_id: str | None
    sequence: int | None
    verdict: str
    code: str
    reason: str
    counts: str | None
    gap: str | None
    imported_by: str
    receipt: str | None


class ImportHistoryRow(NamedTuple):
    """One attempt as read back; ``counts`` is the stored JSON text (or None)."""

    id: int
    attempted_at: str
    file_name: str
    bundle_id: str | None
    device_id: str | None
    sequence: int | None
    verdict: str
    code: str
    reason: str
    counts: str | None
    gap: str | None
    imported_by: str


def hold_bundle(db: Database, bundle_id: str) -> None:
    """Inside the import's transaction, before asking whether the bundle was had: a second import of
    the same bundle (another member of staff, at the same moment, on the central database) waits
    here until the first commits, then finds it accepted. Then the people lock, shared with other
    imports: an erasure under way finishes first, so the import reads its tombstone and cannot bring
    the person back (``erasures.hold_people``). Nothing to do on the file: its writer is alone."""
    if db.dialect.bundle_lock is not None:
        db.execute(db.dialect.bundle_lock, (bundle_id,))
    if db.dialect.people_lock_shared is not None:
        db.execute(db.dialect.people_lock_shared)


def first_accepted_at(db: Database, bundle_id: str) -> str | None:
    """When this bundle was first accepted, or None."""
    value: str | None = db.scalar(
        "SELECT attempted_at FROM imports WHERE bundle_id = ? AND verdict = 'accepted' ORDER BY id LIMIT 1",
        (bundle_id,),
    )
    return value


def record_refused(
    db: Database,
    attempted_at: str,
    file_name: str,
    file_sha256: str | None,
    bundle_id: str | None,
    device_id: str | None,
    sequence: int | None,
    code: str,
    reason: str,
    imported_by: str,
) -> None:
    """A refused attempt (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO imports(attempted_at, file_name, file_sha256, bundle_id, device_id, "
        "sequence, "
        "verdict, code, reason, imported_by) VALUES (?, ?, ?, ?, ?, ?, 'refused', ?, ?, ?)",
        (attempted_at, file_name, file_sha256, bundle_id, device_id, sequence, code, reason, imported_by),
    )


def record_attempt(db: Database, attempt: ImportAttempt) -> None:
    """An accepted or already-had attempt, with its receipt (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO imports(attempted_at, file_name, file_sha256, bundle_id, device_id, "
        "sequence, verdict, code, reason, counts, gap, imported_by, receipt) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        tuple(attempt),
    )


def history_rows(db: Database, limit: int) -> list[ImportHistoryRow]:
    """Newest first, at most ``limit``."""
    rows = db.query(
        "SELECT id, attempted_at, file_name, bundle_id, device_id, sequence, verdict, code, "
        "reason, "
        "counts, gap, imported_by FROM imports ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [ImportHistoryRow(*r) for r in rows]


def latest_receipt(db: Database, bundle_id: str) -> str | None:
    """The receipt text issued for a bundle most recently, or None."""
    text: str | None = db.scalar(
        "SELECT receipt FROM imports WHERE bundle_id = ? AND receipt IS NOT NULL ORDER BY id DESC LIMIT 1",
        (bundle_id,),
    )
    return text
