"""Returns imported from partners and the counts they gave: the ``partner_returns`` and
``return_counts`` tables (``partners.returns``, ``partners.counts``, ``partners.history``,
``partners.reciprocity``), and the look-ups a return's rows are checked against.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from pace_desktop.store.database import Database


@dataclass(frozen=True)
class ReturnRow:
    id: int
    request_id: str
    partner: str
    kind: str  # 'rows' or 'counts'
    imported_at: str
    imported_by: str
    file_name: str
    added: int
    updated: int
    unchanged: int
    refused: int


@dataclass(frozen=True)
class NewReturn:
    """One imported return, as recorded in the import's transaction."""

    request_id: str
    partner: str
    kind: str
    imported_at: str
    imported_by: str
    file_name: str
    file_sha256: str
    added: int
    updated: int
    unchanged: int
    refused: int


class ReturnedCount(NamedTuple):
    """One count an aggregate-only partner returned, with the request it answers."""

    partner: str
    request_id: str
    sent: int
    measure: str
    value: int  # the count
    our_code: str | None


def list_returns(db: Database, *, partner: str | None = None) -> list[ReturnRow]:
    """Newest first; one partner's when ``partner`` is given."""
    sql = (
        "SELECT id, request_id, partner, kind, imported_at, imported_by, file_name, added, updated, "
        "unchanged, refused FROM partner_returns"
    )
    params: tuple[str, ...] = ()
    if partner is not None:
        sql += " WHERE partner = ?"
        params = (partner,)
    return [ReturnRow(*r) for r in db.query(sql + " ORDER BY id DESC", params)]


def add_return(db: Database, new: NewReturn) -> int:
    """Record an imported return; its id. Call inside the caller's transaction."""
    return int(
        db.scalar(
            "INSERT INTO partner_returns(request_id, partner, kind, imported_at, imported_by, "  # noqa: S608
            "file_name, file_sha256, added, updated, unchanged, refused) "
            f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?){db.dialect.returning_id}",
            (
                new.request_id,
                new.partner,
                new.kind,
                new.imported_at,
                new.imported_by,
                new.file_name,
                new.file_sha256,
                new.added,
                new.updated,
                new.unchanged,
                new.refused,
            ),
        )
    )


def set_return_totals(db: Database, return_id: int, added: int, updated: int, unchanged: int) -> None:
    db.execute(
        "UPDATE partner_returns SET added = ?, updated = ?, unchanged = ? WHERE id = ?",
        (added, updated, unchanged, return_id),
    )


def held_counts(db: Database, request_id: str) -> dict[str, int]:
    """The counts held for an aggregate request (measure -> count), in no particular order."""
    return dict(db.query("SELECT measure, count FROM return_counts WHERE request_id = ?", (request_id,)))


def save_count(
    db: Database, request_id: str, measure: str, count: int, our_code: str | None, return_id: int
) -> None:
    """Add or replace one measure's count for a request (call inside the caller's transaction)."""
    db.execute(
        "INSERT INTO return_counts(request_id, measure, count, our_code, return_id, seq) "  # noqa: S608
        f"VALUES (?, ?, ?, ?, ?, {db.dialect.next_seq('return_counts')}) "
        "ON CONFLICT(request_id, measure) DO UPDATE SET "
        "count = excluded.count, our_code = excluded.our_code, return_id = excluded.return_id",
        (request_id, measure, count, our_code, return_id),
    )


def returned_counts(db: Database, request_id: str) -> dict[str, int]:
    """The counts held for an aggregate request (measure -> count), in the order they were first held."""
    return dict(
        db.query("SELECT measure, count FROM return_counts WHERE request_id = ? ORDER BY seq", (request_id,))
    )


def all_returned_counts(db: Database) -> list[ReturnedCount]:
    """Every returned count, by partner, then request (oldest first), then as held."""
    return [
        ReturnedCount(*r)
        for r in db.query(
            "SELECT r.partner, r.id, r.sent, c.measure, c.count, c.our_code FROM return_counts c "
            "JOIN partner_requests r ON r.id = c.request_id ORDER BY r.partner, r.created_at, c.seq"
        )
    ]


# -- the look-ups a return's rows are checked against ---------------------------------------------


def client_has_pace_id(db: Database, pace_id: str) -> bool:
    return bool(db.scalar("SELECT 1 FROM clients WHERE pace_id = ?", (pace_id,)))


def erased_pace_id(db: Database, pace_id: str) -> bool:
    """Whether a client with this PACE ID was erased (a tombstone holds it)."""
    return bool(db.scalar("SELECT 1 FROM tombstones WHERE pace_id = ?", (pace_id,)))


def client_on_file(db: Database, client_id: str) -> bool:
    return bool(db.scalar("SELECT 1 FROM clients WHERE id = ?", (client_id,)))
