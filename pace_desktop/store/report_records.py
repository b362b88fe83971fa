"""Every stored record of one table, streamed for the ``records`` workbook (``reports.records``).

Rows come from one cursor in batches (``Database.stream``), under ``Database.one_pass`` (a small page
cache), so memory stays flat whether the store holds a hundred clients or a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Iterator

from pace_desktop.store.database import STREAM_BATCH, Database

# The tables a records sheet may stream: each holds one record's JSON in ``data``.
RECORD_TABLES = frozenset(
    {"employers", "events", "clients", "consents", "checklists", "interventions", "outcomes", "feedback"}
)


def stream_records(
    db: Database, table: str, *, with_pace_id: bool, batch: int = STREAM_BATCH
) -> Iterator[tuple[str, str | None]]:
    """Each row of ``table`` as (stored JSON, its client's PACE ID or None), in the order stored.

    ``with_pace_id``: the PACE ID of the client a child record belongs to (or the client's own).
    """
    if table not in RECORD_TABLES:
        raise ValueError(f"not a records table: {table}")
    if with_pace_id and table == "clients":
        sql = "SELECT data, pace_id FROM clients ORDER BY seq"
    elif with_pace_id:
        sql = (
            f"SELECT t.data, c.pace_id FROM {table} t "  # noqa: S608 - table names are ours
            "LEFT JOIN clients c ON c.id = t.parent_id ORDER BY t.seq"
        )
    else:
        sql = f"SELECT data, NULL FROM {table} ORDER BY seq"  # noqa: S608
    with db.one_pass():  # memory stays flat, however many rows (the export budget)
        yield from db.stream(sql, batch=batch)
