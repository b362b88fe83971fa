"""The reference set a store keeps in its settings: on the office, the current set office staff
imported; on a laptop, the last signed update it applied. Also, on the office, which version each
laptop was last sent. Callers open the transaction (docs/reference-data.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pace_desktop.reference import ReferenceSet, set_from_content
from pace_desktop.store.database import Database
from pace_desktop.store.setting_values import put_values, stored_value

SETTING_SET = "reference_set"
SETTING_ISSUED = "reference_issued_at"
_SENT_PREFIX = "reference_sent_"


@dataclass(frozen=True)
class StoredReference:
    reference: ReferenceSet
    issued_at: str  # when the office issued it (ISO 8601, UTC): later updates replace earlier ones


def stored_reference(db: Database) -> StoredReference | None:
    """The set kept in this store, or None when it uses the shipped files."""
    raw = stored_value(db, SETTING_SET)
    if not raw:
        return None
    return StoredReference(set_from_content(json.loads(raw)), stored_value(db, SETTING_ISSUED) or "")


def put_reference(db: Database, reference: ReferenceSet, issued_at: str) -> None:
    put_values(db, [(SETTING_SET, reference.content_json()), (SETTING_ISSUED, issued_at)])


def sent_version(db: Database, device_id: str) -> str | None:
    """The version of the set last posted to this laptop's mailbox."""
    return stored_value(db, _SENT_PREFIX + device_id)


def mark_sent(db: Database, device_id: str, version: str) -> None:
    put_values(db, [(_SENT_PREFIX + device_id, version)])
