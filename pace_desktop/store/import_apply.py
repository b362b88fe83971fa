"""What applying a bundle at the office reads and writes beside the repositories: the ids of erased
people, who holds a PACE ID, and the erasures a bundle carries (``tombstones``)."""

from __future__ import annotations

from collections.abc import Sequence

from pace_desktop.store.database import Database

_CHUNK = 500  # ids per IN (...) query


def erased_ids(db: Database) -> set[str]:
    """Every id ever erased here (tombstoned)."""
    return {r[0] for r in db.execute("SELECT id FROM tombstones")}


def client_ids_by_pace_id(db: Database, pace_ids: Sequence[str]) -> dict[str, str]:
    """PACE ID -> client id for the stored clients holding one of ``pace_ids`` (queried in chunks)."""
    found: dict[str, str] = {}
    for start in range(0, len(pace_ids), _CHUNK):
        chunk = pace_ids[start : start + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        sql = f"SELECT pace_id, id FROM clients WHERE pace_id IN ({marks})"  # noqa: S608
        found.update(db.execute(sql, chunk).fetchall())
    return found


def insert_tombstone(
    db: Database, client_id: str, pace_id: str | None, erased_at: str, reason: str | None
) -> None:
    """Tombstone an id (already sent: ``exported`` is 1); one already there is kept as it is."""
    db.execute(
        db.dialect.insert_or_ignore(
            "tombstones",
            ("id", "pace_id", "erased_at", "reason", "exported", "seq"),
            f"?, ?, ?, ?, 1, {db.dialect.next_seq('tombstones')}",
        ),
        (client_id, pace_id, erased_at, reason),
    )


def delete_children(db: Database, table: str, client_id: str) -> None:
    """Delete a client's records from one child table (``table`` is a repository's own table name)."""
    db.execute(
        f"DELETE FROM {table} WHERE parent_id = ?",  # noqa: S608
        (client_id,),
    )


def delete_client(db: Database, client_id: str) -> bool:
    """Delete the client row; False when there was none."""
    return bool(db.execute("DELETE FROM clients WHERE id = ?", (client_id,)).rowcount)
