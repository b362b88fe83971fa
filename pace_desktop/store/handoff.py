"""What the office's CRM hand-off reads and marks in the central store (the SQL lives here).

"Changed since the last hand-off" is kept per record, in the store itself: every entity table has an
``exported_version`` column, which on a laptop tracks bundles and at the office is otherwise unused. A
record is due when its ``version`` is newer than that mark; the hand-off sets the mark to the version it
wrote, in the same transaction that read the rows. An import that updates a record leaves the mark
alone, so a late bundle's change is due however old its laptop time is (its ``updated_at`` could not
serve as a watermark).

Deletions are read from the erasure tombstones, which are never deleted: each has a ``seq`` that only
rises (schema 11; for older rows the same number as their rowid), and the hand-off keeps the highest one
it has passed on. Withdrawals are consent rows that changed and carry a ``withdrawn_at``. The
hand-off's own marks (number, time, tombstone seq) are one setting, inside the encrypted store: no
schema change, no file beside the store to lose or copy.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pace_desktop.store.database import STREAM_BATCH

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

# (entity, table), in the order a CRM loads them: parents before children.
TABLES: tuple[tuple[str, str], ...] = (
    ("employer", "employers"),
    ("event", "events"),
    ("client", "clients"),
    ("consent", "consents"),
    ("checklist", "checklists"),
    ("intervention", "interventions"),
    ("outcome", "outcomes"),
    ("feedback", "feedback"),
)
STATE_SETTING = "crm_handoff_state"


@dataclass(frozen=True)
class HandoffState:
    """The last hand-off's marks: its number, when (ISO UTC), and the highest tombstone passed on."""

    number: int = 0
    until: str | None = None
    tombstone_seq: int = 0


@dataclass(frozen=True)
class Tombstone:
    seq: int
    client_id: str
    pace_id: str
    erased_at: str
    reason: str


def load_state(store: Store) -> HandoffState:
    text = store.setting(STATE_SETTING)
    if not text:
        return HandoffState()
    data = json.loads(text)
    # Stored as "tombstone_rowid" since the first hand-off; the tombstone's seq is that same number.
    return HandoffState(int(data["number"]), data.get("until"), int(data["tombstone_rowid"]))


def save_state(store: Store, state: HandoffState) -> None:
    """Inside the caller's transaction."""
    store.db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (
            STATE_SETTING,
            json.dumps(
                {"number": state.number, "until": state.until, "tombstone_rowid": state.tombstone_seq},
                sort_keys=True,
            ),
        ),
    )


def _due(full: bool, alias: str = "t") -> str:
    return "1" if full else f"{alias}.version > {alias}.exported_version"


def due_counts(store: Store, *, full: bool = False) -> dict[str, int]:
    """Records due per entity (``full``: every record)."""
    return {
        entity: int(store.db.scalar(f"SELECT count(*) FROM {table} t WHERE {_due(full)}"))  # noqa: S608
        for entity, table in TABLES
    }


def due_rows(
    store: Store, table: str, *, full: bool = False, batch: int = STREAM_BATCH
) -> Iterator[tuple[str, str | None]]:
    """Each due record of ``table`` as (its JSON, its client's PACE ID or None), oldest row first."""
    if table == "clients":
        sql = f"SELECT t.data, t.pace_id FROM clients t WHERE {_due(full)} ORDER BY t.seq"  # noqa: S608
    elif table in ("employers", "events"):  # no client above them
        sql = f"SELECT t.data, NULL FROM {table} t WHERE {_due(full)} ORDER BY t.seq"  # noqa: S608
    else:
        sql = (
            f"SELECT t.data, c.pace_id FROM {table} t LEFT JOIN clients c ON c.id = t.parent_id "  # noqa: S608
            f"WHERE {_due(full)} ORDER BY t.seq"
        )
    yield from store.db.stream(sql, batch=batch)


def mark_handed(store: Store) -> int:
    """Every due record's mark set to its version (inside the transaction that read them)."""
    marked = 0
    for _entity, table in TABLES:
        cur = store.db.execute(
            f"UPDATE {table} SET exported_version = version WHERE version > exported_version"  # noqa: S608
        )
        marked += max(cur.rowcount, 0)
    return marked


def tombstones_after(store: Store, seq: int) -> list[Tombstone]:
    """Erasures recorded after tombstone ``seq`` (0: all of them), in the order they were made."""
    return [
        Tombstone(*r)
        for r in store.db.query(
            "SELECT seq, id, pace_id, erased_at, reason FROM tombstones WHERE seq > ? ORDER BY seq",
            (seq,),
        )
    ]


def highest_tombstone(store: Store) -> int:
    return int(store.db.scalar("SELECT coalesce(max(seq), 0) FROM tombstones"))
