"""Deleting one person's rows and writing their tombstone (``privacy.erasure.remove_person``).

Every function here runs inside the caller's transaction; the counts are rows deleted.
"""

from __future__ import annotations

from pace_desktop.store.database import Database
from pace_desktop.store.people import table_exists


def hold_people(db: Database) -> None:
    """Before an erasure deletes anything (inside its transaction): wait for imports under way on the
    central database to commit, and keep new ones waiting until this erasure has, so none of them
    reads "not erased" and then writes the person back (``imports.hold_bundle``). Nothing on the file."""
    if db.dialect.people_lock is not None:
        db.execute(db.dialect.people_lock)


def delete_children(db: Database, table: str, client_id: str) -> int:
    """Delete the rows of ``table`` hanging from this client; how many went."""
    cur = db.execute(f"DELETE FROM {table} WHERE parent_id = ?", (client_id,))  # noqa: S608
    return max(int(cur.rowcount), 0)


def delete_client(db: Database, client_id: str) -> int:
    return max(int(db.execute("DELETE FROM clients WHERE id = ?", (client_id,)).rowcount), 0)


def delete_drafts(db: Database, client_id: str) -> None:
    """A form kept at auto-lock for this person (key "<prefix>:<event id>:<client id>"). Drafts are
    a laptop's: the central database on PostgreSQL has no such table, and nothing to delete."""
    if not table_exists(db, "drafts"):
        return
    db.execute("DELETE FROM drafts WHERE key LIKE ?", ("%:" + client_id,))


def delete_duplicate_checks(db: Database, client_id: str) -> None:
    db.execute("DELETE FROM duplicate_review WHERE client_a = ? OR client_b = ?", (client_id, client_id))


def delete_deidentified(db: Database, key: str) -> None:
    """The de-identified row kept under this person key (by retention), if any."""
    db.execute("DELETE FROM deidentified WHERE key = ?", (key,))


def write_tombstone(
    db: Database, client_id: str, pace_id: str, erased_at: str, reason: str, *, exported: bool
) -> None:
    """The tombstone that stops any later record of this client coming back (an erasure again
    updates the date and reason)."""
    db.execute(
        "INSERT INTO tombstones(id, pace_id, erased_at, reason, exported, seq) "  # noqa: S608
        f"VALUES (?, ?, ?, ?, ?, {db.dialect.next_seq('tombstones')}) "
        "ON CONFLICT(id) DO UPDATE SET erased_at = excluded.erased_at, reason = excluded.reason",
        (client_id, pace_id, erased_at, reason, int(exported)),
    )
