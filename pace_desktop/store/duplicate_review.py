"""Possible duplicates the office lists for a person to decide (``duplicate_review``): never merged."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from pace_desktop.store.database import Database


class DuplicateRow(NamedTuple):
    id: int
    client_a: str
    client_b: str
    pace_id_a: str | None
    pace_id_b: str | None
    reason: str
    found_at: str
    status: str


def same_ni_pairs(db: Database, ids_json: str) -> list[tuple[str, str]]:
    """(incoming id, other id) for every other client with the same NI number as one of ``ids_json``
    (a JSON array of client ids, already stored)."""
    return [
        (me, other)
        for me, other in db.execute(
            f"SELECT n.id, c.id FROM {db.dialect.json_rows('?', 'j')} JOIN clients n ON n.id = j.value "  # noqa: S608
            "JOIN clients c ON c.ni = n.ni WHERE c.id != n.id",
            (ids_json,),
        )
    ]


def same_surname_dob_pairs(db: Database, ids_json: str) -> list[tuple[str, str, str | None, str | None]]:
    """(incoming id, other id, incoming first name, other first name) for every other client with the
    same folded surname and date of birth as one of ``ids_json``; first names compared by the caller."""
    return [
        (me, other, mine, theirs)
        for me, other, mine, theirs in db.execute(
            f"SELECT n.id, c.id, {db.dialect.json_field('n.data', 'first_name')}, "  # noqa: S608
            f"{db.dialect.json_field('c.data', 'first_name')} "
            f"FROM {db.dialect.json_rows('?', 'j')} JOIN clients n ON n.id = j.value JOIN clients c "
            f"ON c.last_fold = n.last_fold AND {db.dialect.json_field('c.data', 'date_of_birth')} = "
            f"{db.dialect.json_field('n.data', 'date_of_birth')} WHERE c.id != n.id",  # noqa: S608
            (ids_json,),
        )
    ]


def add_pairs(db: Database, pairs: Iterable[tuple[str, str, str, str]]) -> int:
    """List (client_a, client_b, reason, found_at) pairs not listed yet; how many were new
    (inside the caller's transaction)."""
    added = 0
    for a, b, why, stamp in pairs:
        added += int(
            db.execute(
                db.dialect.insert_or_ignore(
                    "duplicate_review", ("client_a", "client_b", "reason", "found_at")
                ),
                (a, b, why, stamp),
            ).rowcount
        )
    return added


def forget_client(db: Database, client_id: str) -> None:
    """Drop every pair naming this client (it was erased; inside the caller's transaction)."""
    db.execute(
        "DELETE FROM duplicate_review WHERE client_a = ? OR client_b = ?",
        (client_id, client_id),
    )


def duplicate_rows(db: Database, status: str | None) -> list[DuplicateRow]:
    """Pairs with this status (every pair when None), oldest first, with both PACE IDs when held."""
    sql = (
        "SELECT d.id, d.client_a, d.client_b, a.pace_id, b.pace_id, d.reason, d.found_at, d.status "
        "FROM duplicate_review d LEFT JOIN clients a ON a.id = d.client_a "
        "LEFT JOIN clients b ON b.id = d.client_b"
    )
    params: tuple[str, ...] = ()
    if status is not None:
        sql += " WHERE d.status = ?"
        params = (status,)
    return [DuplicateRow(*r) for r in db.query(sql + " ORDER BY d.id", params)]


def set_status(db: Database, pair_id: int, status: str) -> None:
    """Record a person's decision about a pair (inside the caller's transaction)."""
    db.execute("UPDATE duplicate_review SET status = ? WHERE id = ?", (status, pair_id))
