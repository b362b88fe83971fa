"""What was sent to partners and what came back: requests, returns, and one person's sharing history.

Read-only views for the office screens, subject access and the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pace_desktop.errors import UsageError
from pace_desktop.partners.identifiers import key_text
from pace_desktop.store import partner_requests, partner_returns
from pace_desktop.store.partner_requests import RequestRow, Sharing
from pace_desktop.store.partner_returns import ReturnRow

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

__all__ = [
    "RequestRow",
    "ReturnRow",
    "Sharing",
    "get_request",
    "list_requests",
    "list_returns",
    "request_key",
    "sent_to",
]


def list_requests(store: Store, partner: str | None = None) -> list[RequestRow]:
    """Newest first; one partner's when ``partner`` is given."""
    return partner_requests.list_requests(store.db, partner)


def get_request(store: Store, request_id: str) -> RequestRow | None:
    return partner_requests.get_request(store.db, request_id)


def request_key(store: Store, request_id: str) -> str:
    """The matching key of an aggregate request, to give the partner's analyst again."""
    key = partner_requests.request_hash_key(store.db, request_id)
    if not key:
        raise UsageError("That is not an aggregate request of this office: it has no matching key.")
    with store.transaction():
        store.audit("view", "partner_request", request_id, detail="matching_key")
    return key_text(bytes.fromhex(key))


def list_returns(store: Store, *, partner: str | None = None) -> list[ReturnRow]:
    return partner_returns.list_returns(store.db, partner=partner)


def sent_to(store: Store, client_id: str) -> list[Sharing]:
    return partner_requests.sharing_of(store.db, client_id)
