"""The laptops the office trusts: enrolment by key, trust on first use, retirement, the Devices list.

A bundle is accepted only from an enrolled laptop that is not retired (``office/importer.py`` asks
``enrolled_key`` and ``retired_on``); a retired laptop's row stays, so its history stays readable.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pace_desktop.errors import RefusedError
from pace_desktop.store import devices as device_rows
from pace_desktop.store.device import DeviceKey
from pace_desktop.store.office_store import require_office
from pace_desktop.store.store import Store


@dataclass(frozen=True)
class Device:
    device_id: str
    fingerprint: str
    enrolled_at: str
    enrolled_by: str
    how: str  # 'enrolled' (by key) or 'first_use' (--trust-new-devices)
    retired_at: str | None = None  # its bundles are refused from then on
    retired_by: str | None = None


def read_device_key(text_or_path: str) -> DeviceKey:
    """A device key given as the line ``device-key`` printed, or as a file holding that line."""
    text = text_or_path.strip()
    if not text.startswith("PACE-DEVICE-"):
        path = Path(text)
        try:
            if path.is_file() and path.stat().st_size < 4096:
                text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RefusedError("The device key file could not be read: check the path.") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return DeviceKey.parse(lines[0] if len(lines) == 1 else text)


def enrolled_key(store: Store, device_id: str) -> DeviceKey | None:
    public = device_rows.public_key(store.db, device_id)
    return None if public is None else DeviceKey(device_id, base64.b64decode(public))


def add_device(store: Store, key: DeviceKey, *, how: str, at: datetime | None = None) -> None:
    """Insert the enrolment row (inside the caller's transaction)."""
    device_rows.insert_device(
        store.db,
        key.device_id,
        base64.b64encode(key.public).decode(),
        key.fingerprint,
        (at or datetime.now(UTC)).isoformat(timespec="seconds"),
        store.actor,
        how,
    )
    store.audit("enrol", entity="device", entity_id=key.device_id, detail=f"device_{how}")


def enrol_device(store: Store, key_text: str) -> tuple[DeviceKey, bool]:
    """Enrol a laptop's signing key; returns (key, newly_enrolled).

    A device id already enrolled with a different key is refused, never silently replaced. A
    retired laptop enrolled again with its key is accepted again (it was found, and is trusted).
    """
    require_office(store)
    key = read_device_key(key_text)
    with store.transaction():
        known = enrolled_key(store, key.device_id)
        if known is not None:
            if known.public != key.public:
                raise RefusedError(
                    f"Laptop {key.device_id} is already enrolled with a different key: nothing was "
                    "changed. Check with the adviser; a laptop's key changes only if its store was "
                    "remade."
                )
            if retired_on(store, key.device_id) is None:
                return key, False
            device_rows.clear_retired(store.db, key.device_id)
            store.audit("enrol", entity="device", entity_id=key.device_id, detail="device_reenrolled")
            return key, True
        add_device(store, key, how="enrolled")
    return key, True


def retired_on(store: Store, device_id: str) -> str | None:
    """When the office retired this laptop (an ISO time), or None while its bundles are accepted."""
    return device_rows.retired_at(store.db, device_id)


def retire_device(store: Store, device_id: str, *, at: datetime | None = None) -> bool:
    """Refuse this laptop's bundles from now on (lost, stolen, handed back); False if it already was.

    The row stays, so its imports keep their history and a bundle it signs is refused by name
    rather than as an unknown laptop's, which trusting new laptops would enrol.
    """
    require_office(store)
    with store.transaction():
        if enrolled_key(store, device_id) is None:
            raise RefusedError(
                f"No laptop {device_id} is enrolled here: check the laptop's name on the Devices list."
            )
        if retired_on(store, device_id) is not None:
            return False
        device_rows.mark_retired(
            store.db, device_id, (at or datetime.now(UTC)).isoformat(timespec="seconds"), store.actor
        )
        store.audit("retire", entity="device", entity_id=device_id)
    return True


def devices(store: Store) -> list[Device]:
    return [Device(*r) for r in device_rows.device_rows(store.db)]
