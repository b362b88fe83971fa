"""Who may be named to a partner: clients whose sharing consent for that partner stands today.

A client's consent for a purpose is their most recent answer for it (by when it was captured): a
later "no" or a withdrawal outweighs an earlier "yes". Clients who were sent to a partner in an
individual request and no longer consent (or whose record was erased) are owed a "withdrawn —
delete" line in the next request to that partner, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pace_desktop.records.enums import share_purpose
from pace_desktop.records.models import STORED_CONTEXT, Client
from pace_desktop.store import partner_requests
from pace_desktop.store.partner_cohorts import client_answers, clients_with_active_answer, purpose_answers

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

# request_items.status: named with identifiers, told to delete, or sent only as a keyed hash.
SENT = "sent"
WITHDRAWN = "withdrawn"
HASHED = "hashed"
INDIVIDUAL = "individual"
AGGREGATE = "aggregate"


def consenting_ids(store: Store, partner: str) -> set[str]:
    """Ids of clients whose latest answer for ``share_<partner>`` is a yes that was not withdrawn."""
    return purpose_ids(store, share_purpose(partner))


def purpose_ids(store: Store, purpose: str) -> set[str]:
    """Ids of clients whose latest answer for ``purpose`` is a yes that was not withdrawn."""
    latest: dict[str, tuple[str, int, int]] = {}
    for client_id, captured, rowid, active in purpose_answers(store.db, purpose):
        key = (captured or "", rowid, active)
        if client_id not in latest or key[:2] > latest[client_id][:2]:
            latest[client_id] = key
    return {client_id for client_id, (_, _, active) in latest.items() if active}


def consent_stands(store: Store, partner: str, client_id: str) -> bool:
    rows = client_answers(store.db, client_id, share_purpose(partner))
    return bool(rows) and bool(max(rows, key=lambda r: (r[0] or "", r[1]))[2])


def consenting_clients(store: Store, partner: str) -> Iterator[Client]:
    """The consenting clients themselves, in PACE ID order (an order that says nothing about them)."""
    wanted = consenting_ids(store, partner)
    for client_id, data in clients_with_active_answer(store.db, share_purpose(partner)):
        if client_id in wanted:
            yield Client.model_validate_json(data, context=STORED_CONTEXT)


@dataclass(frozen=True)
class Flag:
    """A client to tell the partner to delete: still on file (withdrew) or erased."""

    client_id: str
    pace_id: str
    erased: bool


def withdrawal_flags(store: Store, partner: str, consenting: set[str]) -> list[Flag]:
    """Clients whose latest individual request item to ``partner`` named them and who no longer consent."""
    last: dict[str, tuple[str, str]] = {}
    for client_id, pace_id, status in partner_requests.items_to_partner(store.db, partner, INDIVIDUAL):
        last[client_id] = (pace_id, status)
    owed = sorted(
        (pace_id, client_id)
        for client_id, (pace_id, status) in last.items()
        if status == SENT and client_id not in consenting
    )
    if not owed:
        return []
    present = partner_requests.clients_on_file_with_status(store.db, SENT)
    return [Flag(client_id, pace_id, client_id not in present) for pace_id, client_id in owed]
