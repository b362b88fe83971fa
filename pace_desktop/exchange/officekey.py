"""The office key on a laptop: reading an office.pub file, installing it in the store, reading it back.

The file's format and parser are ``pace_desktop/office_pub.py`` (below the machine policy, which checks
the office key it fixes with the same parser).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING

from pace_desktop.errors import RefusedError
from pace_desktop.office_pub import NOT_A_KEY, OFFICE_PREFIX, RELAY_PREFIX, OfficeKey, parse_office_key
from pace_desktop.store import setting_values

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

__all__ = [
    "MAX_OFFICE_PUB_BYTES",
    "OFFICE_PREFIX",
    "RELAY_PREFIX",
    "SETTING_OFFICE_ID",
    "SETTING_OFFICE_VERIFY_KEY",
    "SETTING_RELAY_PIN",
    "SETTING_RELAY_URL",
    "OfficeKey",
    "install_office_key",
    "laptop_office_key",
    "parse_office_key",
    "policy_office_key",
    "read_office_key_file",
]

MAX_OFFICE_PUB_BYTES = 64 * 1024

# Laptop settings holding the office's receipt key (the age recipient is ``office_recipient``).
SETTING_OFFICE_ID = "office_id"
SETTING_OFFICE_VERIFY_KEY = "office_verify_key"
# The office relay for network sync (docs/sync.md), from the PACE-RELAY-1 line or `sync --relay`.
SETTING_RELAY_URL = "sync_relay_url"
SETTING_RELAY_PIN = "sync_relay_pin"


def read_office_key_file(path: Path | str) -> OfficeKey:
    """Read and parse an office.pub file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_OFFICE_PUB_BYTES:
            raise RefusedError(NOT_A_KEY)
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RefusedError("The office key file could not be read: check the path.") from exc
    return parse_office_key(text)


def policy_office_key() -> OfficeKey | None:
    """The office key the machine's policy fixes, or None."""
    from pace_desktop import policy

    text = policy.current().office_key
    return parse_office_key(text) if text else None


def install_office_key(store: Store, key: OfficeKey, *, check_policy: bool = True) -> None:
    """Make ``key`` this laptop's office: bundles are encrypted to it, its receipts trusted.

    A different key than the one the machine's policy fixes is refused (``check_policy=False`` only
    for the self-check's throwaway stores).
    """
    fixed = policy_office_key() if check_policy else None
    if fixed is not None and fixed.recipient != key.recipient:
        from pace_desktop import policy

        policy.refuse_change("office_key")
    store.set_office_recipient(key.recipient)
    if key.relay_url and key.relay_pin:
        store.set_settings({SETTING_RELAY_URL: key.relay_url, SETTING_RELAY_PIN: key.relay_pin})
    if key.verify_key and key.office_id:
        store.set_settings(
            {
                SETTING_OFFICE_ID: key.office_id,
                SETTING_OFFICE_VERIFY_KEY: base64.b64encode(key.verify_key).decode(),
            }
        )
    else:
        with store.transaction():
            setting_values.delete_values(store.db, SETTING_OFFICE_ID, SETTING_OFFICE_VERIFY_KEY)


def laptop_office_key(store: Store) -> OfficeKey | None:
    """The office key this laptop holds, or None when none was set."""
    recipient = store.office_recipient
    if not recipient:
        return None
    verify = store.setting(SETTING_OFFICE_VERIFY_KEY)
    return OfficeKey(
        recipient, store.setting(SETTING_OFFICE_ID), base64.b64decode(verify) if verify else None
    )
