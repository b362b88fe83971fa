"""The office's queue of withdrawals and erasures that laptops must hear about.

A withdrawal or erasure made at the office is queued for every enrolled laptop that created one of
the person's records (it may still hold a copy); ``notices.write_notices`` turns the queue into one
signed file per laptop. Rows hold ids, a purpose code and dates only. Calls run inside the caller's
transaction, so the queue moves with the change it reports.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pace_desktop.records.models import Consent
from pace_desktop.store import office_notices as queue

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

WITHDRAW = "withdraw"
ERASE = "erase"


def enrolled_devices(store: Store, devices: set[str]) -> list[str]:
    """Those of ``devices`` that are enrolled laptops (the office's own id is never one)."""
    enrolled = queue.enrolled_device_ids(store.db)
    return sorted(devices & enrolled)


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds")


def queue_withdrawal(store: Store, consent: Consent, devices: set[str]) -> int:
    """Queue a withdrawn consent (as now stored) for each enrolled device in ``devices``."""
    if store.kind != "office" or consent.withdrawn_at is None:
        return 0
    queued = 0
    for device in enrolled_devices(store, devices):
        queued += queue.queue_withdrawal(
            store.db,
            device,
            WITHDRAW,
            str(consent.client_id),
            str(consent.id),
            consent.purpose,
            consent.version,
            _stamp(consent.withdrawn_at),
            _stamp(datetime.now(UTC)),
        )
    return queued


def queue_erasure(store: Store, client_id: str, devices: set[str], erased_at: datetime) -> int:
    """Queue an erasure for each enrolled device; the person's queued withdrawals are superseded."""
    if store.kind != "office":
        return 0
    queue.drop_client_notices(store.db, client_id, WITHDRAW)
    queued = 0
    for device in enrolled_devices(store, devices):
        queued += queue.queue_erasure(
            store.db, device, ERASE, client_id, _stamp(erased_at), _stamp(datetime.now(UTC))
        )
    return queued


def queued_devices(store: Store) -> list[str]:
    """Laptops with something queued for them."""
    return queue.queued_devices(store.db)
