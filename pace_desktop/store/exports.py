"""The laptop's exports: what is pending for the next bundle, marking it sent, the export history
(``exports``), and the office's receipts confirming records.

``table`` arguments are a repository's own table name (``Repository.table``), never user input.
With ``resend_unconfirmed`` a record counts as pending until the office confirmed it, not only
until it was sent.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import NamedTuple, cast

from pace_desktop.store.database import Database

# (id, parent_id, version, data): the rows as SQLite gives them, not rebuilt (an export reads 10,000s).
PendingRow = tuple[str, str | None, int, str]


class TombstoneRow(NamedTuple):
    id: str
    pace_id: str | None
    erased_at: str
    reason: str | None


class ExportHistoryRow(NamedTuple):
    """One export as recorded; ``counts`` is the stored JSON text."""

    bundle_id: str
    sequence: int
    created_at: str
    file_name: str
    records: int
    held_back: int
    counts: str
    receipt_at: str | None


def _since(resend_unconfirmed: bool) -> str:
    return "confirmed_version" if resend_unconfirmed else "exported_version"


def pace_support_consents(db: Database) -> list[tuple[str, int, int | None]]:
    """(client id, active, granted) of every PACE support consent row, in no particular order."""
    return cast(
        "list[tuple[str, int, int | None]]",
        db.query(
            "SELECT parent_id, active, json_extract(data, '$.granted') FROM consents "
            "WHERE purpose = 'pace_support'"
        ),
    )


def exported_versions(db: Database) -> dict[str, int]:
    """Client id -> the version last exported (0 when never)."""
    return dict(db.query("SELECT id, exported_version FROM clients"))


def pending_rows(db: Database, table: str, *, resend_unconfirmed: bool) -> list[PendingRow]:
    """The table's records changed since they were exported (or confirmed), in the order they were
    stored."""
    since = _since(resend_unconfirmed)
    return cast(
        "list[PendingRow]",
        db.query(
            f"SELECT id, parent_id, version, data FROM {table} "  # noqa: S608
            f"WHERE version > {since} ORDER BY seq"
        ),
    )


def pending_tombstones(db: Database, *, resend_unconfirmed: bool) -> list[TombstoneRow]:
    """Erasures not sent yet (every erasure when resending), in the order they were made."""
    unsent = "" if resend_unconfirmed else "WHERE exported = 0 "
    return [
        TombstoneRow(*r)
        for r in db.query(
            f"SELECT id, pace_id, erased_at, reason FROM tombstones {unsent}ORDER BY seq"  # noqa: S608
        )
    ]


def mark_exported(db: Database, table: str, held_back: Sequence[str], *, resend_unconfirmed: bool) -> None:
    """Mark every pending record of the table as sent at its version, except ``held_back`` ids, with one
    statement (inside the export's transaction)."""
    since = _since(resend_unconfirmed)
    sql = (
        f"UPDATE {table} SET exported_version = version "  # noqa: S608
        f"WHERE version > {since} AND exported_version < version"
    )
    if held_back:
        held_sql = sql + f" AND id NOT IN (SELECT value FROM {db.dialect.json_rows('?', 'held')})"  # noqa: S608
        db.execute(held_sql, (json.dumps(list(held_back)),))
    else:
        db.execute(sql)


def mark_tombstones_exported(db: Database, ids: Sequence[str]) -> None:
    """Mark these erasures as sent, with one statement (inside the export's transaction)."""
    db.executemany("UPDATE tombstones SET exported = 1 WHERE id = ?", [(i,) for i in ids])


def set_export_sequence(db: Database, sequence: int) -> None:
    """The sequence number of the last bundle written (inside the export's transaction)."""
    db.execute(
        "INSERT INTO settings(key, value) VALUES ('export_sequence', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(sequence),),
    )


def record_export(
    db: Database,
    bundle_id: str,
    sequence: int,
    created_at: str,
    file_name: str,
    records: int,
    held_back: int,
    counts_json: str,
) -> None:
    """One line of the export history (inside the export's transaction)."""
    db.execute(
        "INSERT INTO exports(bundle_id, sequence, created_at, file_name, records, held_back, "
        "counts)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (bundle_id, sequence, created_at, file_name, records, held_back, counts_json),
    )


def history_rows(db: Database, limit: int) -> list[ExportHistoryRow]:
    """Newest first, at most ``limit``."""
    rows = db.query(
        "SELECT bundle_id, sequence, created_at, file_name, records, held_back, counts, receipt_at "
        "FROM exports ORDER BY sequence DESC, created_at DESC LIMIT ?",
        (limit,),
    )
    return [ExportHistoryRow(*r) for r in rows]


def changed_count(db: Database, table: str) -> int:
    """How many of the table's records changed since they were last exported."""
    sql = "SELECT count(*) FROM {} WHERE version > exported_version"
    return int(db.scalar(sql.format(table)))


def unsent_tombstone_count(db: Database) -> int:
    """How many erasures were not sent yet."""
    return int(db.scalar("SELECT count(*) FROM tombstones WHERE exported = 0"))


def confirm_versions(db: Database, table: str, items: Sequence[tuple[str, int]], confirmed_at: str) -> int:
    """Record the office's confirmation of (record id, version) pairs in one statement, never moving a
    confirmation back; how many rows changed (inside the caller's transaction)."""
    cur = db.executemany(
        f"UPDATE {table} SET confirmed_version = ?, confirmed_at = ? "  # noqa: S608
        "WHERE id = ? AND confirmed_version < ?",
        [(version, confirmed_at, record_id, version) for record_id, version in items],
    )
    return max(int(cur.rowcount), 0)


def mark_receipt(db: Database, bundle_id: str, received_at: str) -> None:
    """Note when this bundle's first receipt came (inside the caller's transaction)."""
    db.execute(
        "UPDATE exports SET receipt_at = ? WHERE bundle_id = ? AND receipt_at IS NULL",
        (received_at, bundle_id),
    )
