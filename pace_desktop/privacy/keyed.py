"""The keyed hash that stands in for a PACE ID outside the identifiable records.

HMAC-SHA256 of the PACE ID under a random 256-bit key kept in the store's settings (so encrypted
with everything else, and never exported). The same person gets the same key in every de-identified
export and in the rows retention keeps, so evaluation can follow people over time; without the key
nobody can go back from the hash to the PACE ID, or test a guessed PACE ID against it.
"""

from __future__ import annotations

import hmac
import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

KEY_SETTING = "deidentification_key"


def stored_key(store: Store) -> bytes | None:
    """The store's key, or None if no de-identified data was ever made here."""
    value = store.setting(KEY_SETTING)
    return bytes.fromhex(value) if value else None


def key_for(store: Store) -> bytes:
    """The store's key, made (and audited) on first use."""
    with store.transaction():
        key = stored_key(store)
        if key is None:
            key = secrets.token_bytes(32)
            store.set_settings({KEY_SETTING: key.hex()})
    return key


def person_key(key: bytes, pace_id: str) -> str:
    """The person's stable pseudonym: 64 hex characters."""
    return hmac.new(key, pace_id.encode("ascii"), "sha256").hexdigest()
