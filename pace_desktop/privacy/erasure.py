"""Erasure on request (UK GDPR Art. 17), on a laptop or at the office, for good.

In one transaction the person's rows go from every table that holds them, with ``secure_delete``
on (freed pages are overwritten) and a WAL checkpoint after, and a tombstone is written keeping only
the client id, the PACE ID, the date and the reason. The tombstone is what makes erasure stick: the
office importer skips any record of a tombstoned client, however late or often a bundle arrives.

- On a laptop the tombstone is marked unexported, so the next bundle carries it to the office.
- At the office the erasure is queued for the laptops that created the person's records and reaches
  them in the signed notice file (``notices``).

Kept on purpose: audit entries (ids, never personal data; the hash chain must stay whole) and the
partner request items naming the PACE ID, so the next request to each partner that was sent the
person's details can tell it to delete them (Art. 19).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pace_desktop.errors import UsageError
from pace_desktop.exchange.tables import CHILD_ENTITIES, repositories
from pace_desktop.privacy.keyed import person_key, stored_key
from pace_desktop.privacy.notice_queue import enrolled_devices, queue_erasure
from pace_desktop.privacy.people import checkpoint, device_ids, find_client, table_exists
from pace_desktop.records.models import Client
from pace_desktop.records.validation import clean_text
from pace_desktop.reference import partners
from pace_desktop.store import erasures
from pace_desktop.store.clients import compact, fold
from pace_desktop.store.people import partners_sent_details

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

MAX_REASON = 200
FROM_OFFICE_REASON = "erased at the office"


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure removed (counts only) and how the other side hears of it."""

    pace_id: str
    erased_at: datetime
    removed: dict[str, int]
    travels: str
    shared_with: tuple[str, ...] = field(default_factory=tuple)  # partner names sent their details

    @property
    def records(self) -> int:
        return sum(self.removed.values())

    def summary(self) -> str:
        text = (
            f"Erased {self.pace_id}: {self.records} records removed; only a tombstone (id, PACE ID, "
            f"date, reason) is kept so that nothing can bring them back. {self.travels}"
        )
        if self.shared_with:
            text += (
                f" Their details were sent to {', '.join(self.shared_with)}: the next request to "
                f"{'it' if len(self.shared_with) == 1 else 'each'} says to delete them."
            )
        return text


def check_reason(reason: str, client: Client | None = None) -> str:
    """The reason as kept in the tombstone: plain, short, and never naming the person."""
    try:
        text = clean_text(reason or "", MAX_REASON)
    except ValueError as exc:
        raise UsageError(f"The reason is not accepted: {exc}") from exc
    if not text:
        raise UsageError("Give a reason for the erasure, e.g. 'the person asked'.")
    if client is not None and _names_person(text, client):
        raise UsageError("The reason must not name the person or give their details: say why, not who.")
    return text


def check_erasure_reason(store: Store, pace_id: str, reason: str) -> str:
    """The reason checked against the person with this PACE ID, before anyone is asked to confirm."""
    return check_reason(reason, find_client(store, pace_id))


def _names_person(text: str, client: Client) -> bool:
    words = set(fold(text).replace(",", " ").replace(".", " ").split())
    names = {fold(n) for n in (client.first_name, client.last_name, client.preferred_name) if n}
    if words & {n for n in names if len(n) > 1}:
        return True
    packed = compact(text)
    details = [compact(v) for v in (client.ni_number, client.email, client.phone, client.postcode) if v]
    return any(d and d in packed for d in details)


def erase(store: Store, pace_id: str, reason: str, *, at: datetime | None = None) -> ErasureResult:
    """Erase the person with this PACE ID from this store, leaving only a tombstone."""
    when = (at or datetime.now(UTC)).astimezone(UTC)
    with store.transaction():
        client = find_client(store, pace_id)
        store.guards.check_creators([client], None)  # a laptop erases only people it registered
        text = check_reason(reason, client)
        client_id = str(client.id)
        devices = device_ids(store, client_id)
        shared = _shared_with(store, client_id)
        removed = remove_person(store, client, reason=text, at=when, exported=False)
        laptops: list[str] = []
        if store.kind == "office":
            queue_erasure(store, client_id, devices, when)
            laptops = enrolled_devices(store, devices)
        store.audit("erase", "client", client_id, detail=f"request,records={sum(removed.values())}")
    checkpoint(store)
    return ErasureResult(client.pace_id, when, removed, _travels(store, laptops), shared)


def remove_person(
    store: Store, client: Client, *, reason: str, at: datetime, exported: bool
) -> dict[str, int]:
    """Delete every row about the client and write their tombstone (inside the caller's transaction).

    ``exported`` marks the tombstone as already known to the office (a laptop applying the office's
    own erasure); otherwise a laptop's next export carries it.
    """
    db = store.db
    erasures.hold_people(db)  # imports on the central database wait, and cannot bring them back
    client_id = str(client.id)
    repos = repositories(store)
    removed: dict[str, int] = {}
    for entity in CHILD_ENTITIES:
        removed[entity] = erasures.delete_children(db, repos[entity].table, client_id)
    removed["client"] = erasures.delete_client(db, client_id)
    erasures.delete_drafts(db, client_id)  # a form kept at auto-lock for this person
    erasures.delete_duplicate_checks(db, client_id)
    key = stored_key(store)
    if key is not None and table_exists(store, "deidentified"):
        erasures.delete_deidentified(db, person_key(key, client.pace_id))
    erasures.write_tombstone(
        db, client_id, client.pace_id, at.astimezone(UTC).isoformat(), reason, exported=exported
    )
    return {k: v for k, v in removed.items() if v}


def _shared_with(store: Store, client_id: str) -> tuple[str, ...]:
    """Partners that were sent this person's identifiers (not just a keyed hash) in a request."""
    if not table_exists(store, "request_items"):
        return ()
    codes = partners_sent_details(store.db, client_id)
    names = {p.code: p.name for p in partners()}
    return tuple(names.get(code, code) for code in codes)


def _travels(store: Store, laptops: list[str]) -> str:
    if store.kind != "office":
        return "The erasure reaches the office with this laptop's next export."
    if not laptops:
        return "No laptop holds this person's records."
    n = len(laptops)
    return (
        f"{n} {'laptop' if n == 1 else 'laptops'} may still hold them: the erasure reaches "
        f"{'it' if n == 1 else 'them'} in the office's next notice file (office notices)."
    )
