"""Finding one person by PACE ID, and every row in the store that is about them.

Every privacy operation starts here, so all of them agree on what "about this person" means: the
client record and every record hanging from it (consents, checklist, interventions, outcomes,
feedback), plus the office's own tables that name the client's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.tables import CHILD_ENTITIES, repositories
from pace_desktop.records.models import Client, Consent
from pace_desktop.records.pace_id import normalise_pace_id
from pace_desktop.store import people as people_store

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


class NotHeld(RefusedError):
    """No one with that PACE ID is held in this store (perhaps erased, purged or never here)."""


def pace_id_or_refuse(pace_id: str) -> str:
    """The PACE ID in its stored form; a usage error for anything that is not one."""
    try:
        return normalise_pace_id(pace_id)
    except ValueError as exc:
        raise UsageError(f"That is not a PACE ID ({exc}): it looks like PACE-7K3Q-9MXD.") from exc


def erased_on(store: Store, pace_id: str) -> str | None:
    """The date (YYYY-MM-DD) the person with this PACE ID was erased here, or None."""
    when = people_store.last_erased_at(store.db, pace_id)
    return None if when is None else when[:10]


def find_client(store: Store, pace_id: str) -> Client:
    """The client with this PACE ID; NotHeld (one plain line, no personal data) if none is held."""
    wanted = pace_id_or_refuse(pace_id)
    client = store.client_queries.by_pace_id(wanted)
    if client is not None:
        return client
    when = erased_on(store, wanted)
    if when is not None:
        raise NotHeld(f"The person with that PACE ID was erased on {when}: nothing else about them is held.")
    if store.kind == "office":
        raise NotHeld("No one with that PACE ID is held in the central store: check the ID.")
    raise NotHeld(
        "No one with that PACE ID is held on this laptop: check the ID (records the office has "
        "confirmed are removed from laptops after the retention period)."
    )


@dataclass(frozen=True)
class PersonHeld:
    """What the rights screen shows about one person: their details by label, and their consents."""

    pace_id: str
    details: dict[str, str]  # "PACE ID", "Name", "Date of birth", "Postcode", "Event", "From laptop"
    consents: list[Consent]


def look_up(store: Store, pace_id: str) -> PersonHeld:
    """Find the person with this PACE ID and what is shown about them; audited as a view.

    NotHeld (one plain line) if nobody with that PACE ID is held; may run on a worker thread.
    """
    client = find_client(store, pace_id)
    event = store.events.get(client.event_id)
    held_at = "" if event is None else f"{event.employer_name}, {event.event_date.strftime('%d %b %Y')}"
    consents = store.consents.for_parent(client.id)
    with store.transaction():
        store.audit("view", "client", str(client.id), detail="rights")
    return PersonHeld(
        pace_id=client.pace_id,
        details={
            "PACE ID": client.pace_id,
            "Name": f"{client.first_name} {client.last_name}",
            "Date of birth": client.date_of_birth.strftime("%d %b %Y") if client.date_of_birth else "",
            "Postcode": client.postcode or "",
            "Event": held_at,
            "From laptop": client.device_id,
        },
        consents=consents,
    )


def child_ids(store: Store, client_id: str) -> dict[str, list[str]]:
    """Entity -> ids of the records hanging from this client, oldest first."""
    repos = repositories(store)
    return {
        entity: people_store.child_ids(store.db, repos[entity].table, client_id) for entity in CHILD_ENTITIES
    }


def record_ids(store: Store, client_id: str) -> set[str]:
    """The client's own id and the ids of every record hanging from it."""
    ids = {client_id}
    for found in child_ids(store, client_id).values():
        ids.update(found)
    return ids


def device_ids(store: Store, client_id: str) -> set[str]:
    """The laptops that created this client's records (which may still hold a copy)."""
    repos = repositories(store)
    found: set[str] = set()
    for entity in ("client", *CHILD_ENTITIES):
        column = "id" if entity == "client" else "parent_id"
        for device in people_store.creator_devices(store.db, repos[entity].table, column, client_id):
            if device:
                found.add(str(device))
    return found


def table_exists(store: Store, name: str) -> bool:
    return people_store.table_exists(store.db, name)


def checkpoint(store: Store) -> None:
    """After deleting people: no copy of them left beside the store (``Store.wipe_leftovers``)."""
    store.wipe_leftovers()
