"""Writing the checked rows: all in one transaction with one audit entry, each with an unused PACE ID."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pace_desktop.attendees.sheet import Progress
from pace_desktop.records.models import Client, RecordSource
from pace_desktop.records.pace_id import new_pace_id

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


def commit(store: Store, clients: Sequence[Client], progress: Progress | None = None) -> list[Client]:
    """Write all checked clients in one transaction with one audit entry; all or nothing.

    Each gets a PACE ID unused in the store and in this batch, and is stamped as version 1 from this
    device by the adviser.
    """
    now = datetime.now(UTC)
    taken: set[str] = set()
    final: list[Client] = []
    with store.transaction():
        for n, client in enumerate(clients):
            pace_id = client.pace_id
            while pace_id in taken or store.client_queries.pace_id_taken(pace_id):
                pace_id = new_pace_id()
            taken.add(pace_id)
            final.append(
                client.model_copy(
                    update={
                        "pace_id": pace_id,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                        "device_id": store.device_id,
                        "updated_by": store.actor,
                        "source": RecordSource.attendee_import,
                    }
                )
            )
            if progress and n % 500 == 0:
                progress(n, len(clients))
        store.clients.insert_many(final)
        event_ids = sorted({str(c.event_id) for c in final})
        store.audit(
            "create",
            "event",
            event_ids[0] if len(event_ids) == 1 else None,
            detail=f"source=attendee_import;count={len(final)}",
        )
    return final
