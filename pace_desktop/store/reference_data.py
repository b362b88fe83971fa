"""The reference set a store keeps in its settings: on the office, the current set office staff
imported; on a laptop, the last signed update it applied. Also, on the office, which laptops were
sent a version: read from the audit log, where each post is recorded (every role may append to it,
and its entity id is indexed), so no table and no grant is needed. Callers open the transaction
(docs/reference-data.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pace_desktop.reference import ReferenceSet, set_from_content
from pace_desktop.store.database import Database
from pace_desktop.store.setting_values import put_values, stored_value

SETTING_SET = "reference_set"
SETTING_ISSUED = "reference_issued_at"
SENT_DETAIL = "device="  # the audit detail of a post: "device=<device id>"


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


def sent_to(db: Database, version: str) -> set[str]:
    """The laptops this version was posted to (audit entries ``export reference <version>``)."""
    rows = db.query(
        "SELECT detail FROM audit WHERE entity_id = ? AND action = 'export' AND entity = 'reference'",
        (version,),
    )
    return {str(d).removeprefix(SENT_DETAIL) for (d,) in rows if d and str(d).startswith(SENT_DETAIL)}
