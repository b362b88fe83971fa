"""What was sent to partners and what came back: requests, returns, and one person's sharing history.

Read-only views for the office screens, subject access and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pace_desktop.errors import UsageError
from pace_desktop.partners.identifiers import key_text

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


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


_REQUEST_COLUMNS = (
    "r.id, r.partner, r.kind, r.match_on, r.created_at, r.created_by, r.file_name, r.sent, "
    "r.withdrawn, r.skipped, (SELECT count(*) FROM partner_returns t WHERE t.request_id = r.id)"
)


def list_requests(store: Store, partner: str | None = None) -> list[RequestRow]:
    """Newest first; one partner's when ``partner`` is given."""
    sql = f"SELECT {_REQUEST_COLUMNS} FROM partner_requests r"  # noqa: S608 - fixed column list
    params: tuple[str, ...] = ()
    if partner is not None:
        sql += " WHERE r.partner = ?"
        params = (partner,)
    return [RequestRow(*r) for r in store.db.query(sql + " ORDER BY r.created_at DESC, r.rowid DESC", params)]


def get_request(store: Store, request_id: str) -> RequestRow | None:
    rows = store.db.query(
        f"SELECT {_REQUEST_COLUMNS} FROM partner_requests r WHERE r.id = ?",  # noqa: S608
        (request_id,),
    )
    return RequestRow(*rows[0]) if rows else None


def request_key(store: Store, request_id: str) -> str:
    """The matching key of an aggregate request, to give the partner's analyst again."""
    key = store.db.scalar("SELECT hash_key FROM partner_requests WHERE id = ?", (request_id,))
    if not key:
        raise UsageError("That is not an aggregate request of this office: it has no matching key.")
    with store.transaction():
        store.audit("view", "partner_request", request_id, detail="matching_key")
    return key_text(bytes.fromhex(key))


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


def list_returns(store: Store, *, partner: str | None = None) -> list[ReturnRow]:
    sql = (
        "SELECT id, request_id, partner, kind, imported_at, imported_by, file_name, added, updated, "
        "unchanged, refused FROM partner_returns"
    )
    params: tuple[str, ...] = ()
    if partner is not None:
        sql += " WHERE partner = ?"
        params = (partner,)
    return [ReturnRow(*r) for r in store.db.query(sql + " ORDER BY id DESC", params)]


@dataclass(frozen=True)
class Sharing:
    """One request a person was named in (for subject access): who, when, and how."""

    partner: str
    request_id: str
    created_at: str
    kind: str
    status: str  # 'sent' (identifiers), 'hashed' (keyed hash only) or 'withdrawn' (told to delete)


def sent_to(store: Store, client_id: str) -> list[Sharing]:
    rows = store.db.query(
        "SELECT r.partner, r.id, r.created_at, r.kind, i.status FROM request_items i "
        "JOIN partner_requests r ON r.id = i.request_id WHERE i.client_id = ? ORDER BY r.created_at",
        (str(client_id),),
    )
    return [Sharing(*r) for r in rows]
