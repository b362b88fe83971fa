"""What the adviser's client record reads from the store beyond the records themselves: its history.

The audit log's SQL stays in ``store/audit.py``, beside the entity; this module reads the entries of a
client and their records together, in one transaction, so the History tab shows one moment's log.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pace_desktop.store import audit
from pace_desktop.store.database import Database


def history(db: Database, entity_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The audit entries of each record in ``entity_ids``, each record's oldest first.

    An entry is ``{"seq", "at" (UTC datetime), "actor", "action", "entity", "entity_id", "detail"}``,
    as ``audit.entries_for`` gives it; one indexed read per record, as before.
    """
    # The transaction holds the connection's lock, so no write lands between two records' reads.
    with db.transaction():
        return [entry for entity_id in entity_ids for entry in audit.entries_for(db, entity_id)]
