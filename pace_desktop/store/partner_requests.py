"""Requests sent to partners and the people each named: the ``partner_requests`` and ``request_items``
tables (``partners.request``, ``partners.history``, ``partners.cohort``, ``partners.reciprocity``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pace_desktop.store.database import Database


@dataclass(frozen=True)
class RequestRow:
    id: str
    partner: str
    kind: str  # 'individual' or 'aggregate'
    match_on: str
    created_at: str
    created_by: str
    file_name: str
    sent: int
    withdrawn: int
    skipped: int
    returns: int


@dataclass(frozen=True)
class Sharing:
    """One request a person was named in (for subject access): who, when, and how."""

    partner: str
    request_id: str
    created_at: str
    kind: str
    status: str  # 'sent' (identifiers), 'hashed' (keyed hash only) or 'withdrawn' (told to delete)


@dataclass(frozen=True)
class NewRequest:
    """A request as written to its file, to record beside the people it names."""

    id: str
    partner: str
    kind: str
    match_on: str
    created_at: str
    created_by: str
    file_name: str
    file_sha256: str
    sent: int
    withdrawn: int
    skipped: int
    hash_key: str | None  # hex, aggregate requests only


_REQUEST_COLUMNS = (
    "r.id, r.partner, r.kind, r.match_on, r.created_at, r.created_by, r.file_name, r.sent, "
    "r.withdrawn, r.skipped, (SELECT count(*) FROM partner_returns t WHERE t.request_id = r.id)"
)


def list_requests(db: Database, partner: str | None = None) -> list[RequestRow]:
    """Newest first; one partner's when ``partner`` is given."""
    sql = f"SELECT {_REQUEST_COLUMNS} FROM partner_requests r"  # noqa: S608 - fixed column list
    params: tuple[str, ...] = ()
    if partner is not None:
        sql += " WHERE r.partner = ?"
        params = (partner,)
    return [RequestRow(*r) for r in db.query(sql + " ORDER BY r.created_at DESC, r.seq DESC", params)]


def get_request(db: Database, request_id: str) -> RequestRow | None:
    rows = db.query(
        f"SELECT {_REQUEST_COLUMNS} FROM partner_requests r WHERE r.id = ?",  # noqa: S608
        (request_id,),
    )
    return RequestRow(*rows[0]) if rows else None


def request_hash_key(db: Database, request_id: str) -> str | None:
    """The hex matching key of an aggregate request; None for an individual or unknown one."""
    key = db.scalar("SELECT hash_key FROM partner_requests WHERE id = ?", (request_id,))
    return None if key is None else str(key)


def add_request(db: Database, request: NewRequest, items: Sequence[tuple[str, str, str]]) -> None:
    """Record a request and the people it names, ``items`` as (client id, PACE ID, status).

    Call inside the caller's transaction.
    """
    db.execute(
        "INSERT INTO partner_requests(id, partner, kind, match_on, created_at, created_by, "  # noqa: S608
        "file_name, file_sha256, sent, withdrawn, skipped, hash_key, seq) "
        f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {db.dialect.next_seq('partner_requests')})",
        (
            request.id,
            request.partner,
            request.kind,
            request.match_on,
            request.created_at,
            request.created_by,
            request.file_name,
            request.file_sha256,
            request.sent,
            request.withdrawn,
            request.skipped,
            request.hash_key,
        ),
    )
    db.executemany(
        "INSERT INTO request_items(request_id, client_id, pace_id, status) VALUES (?, ?, ?, ?)",
        [(request.id, client_id, pace_id, status) for client_id, pace_id, status in items],
    )


def request_items(db: Database, request_id: str) -> list[tuple[str, str, str]]:
    """The people one request named, as (PACE ID, client id, status)."""
    return db.query(
        "SELECT pace_id, client_id, status FROM request_items WHERE request_id = ?", (request_id,)
    )


def items_to_partner(db: Database, partner: str, kind: str) -> list[tuple[str, str, str]]:
    """(client id, PACE ID, status) of every item of ``partner``'s requests of ``kind``, oldest first."""
    return db.query(
        "SELECT i.client_id, i.pace_id, i.status FROM request_items i "
        "JOIN partner_requests r ON r.id = i.request_id "
        "WHERE r.partner = ? AND r.kind = ? ORDER BY r.created_at, r.seq",
        (partner, kind),
    )


def clients_on_file_with_status(db: Database, status: str) -> set[str]:
    """Ids of clients still on file who were named in some request with ``status``."""
    return {
        row[0]
        for row in db.query(
            "SELECT id FROM clients WHERE id IN (SELECT client_id FROM request_items WHERE status = ?)",
            (status,),
        )
    }


def partners_and_people(db: Database, statuses: tuple[str, str]) -> list[tuple[str, str]]:
    """Distinct (partner, client id) of people still on file named with one of two ``statuses``."""
    return db.query(
        "SELECT DISTINCT r.partner, i.client_id FROM request_items i "
        "JOIN partner_requests r ON r.id = i.request_id WHERE i.status IN (?, ?) "
        "AND i.client_id IN (SELECT id FROM clients)",
        statuses,
    )


def sharing_of(db: Database, client_id: str) -> list[Sharing]:
    """Every request that named one person, oldest first."""
    rows = db.query(
        "SELECT r.partner, r.id, r.created_at, r.kind, i.status FROM request_items i "
        "JOIN partner_requests r ON r.id = i.request_id WHERE i.client_id = ? ORDER BY r.created_at",
        (str(client_id),),
    )
    return [Sharing(*r) for r in rows]
