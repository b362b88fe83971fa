"""The laptop's purge: the clients (with every child record) and events the office has confirmed at
their current version by a cutoff, deleted with one statement per table."""

from __future__ import annotations

from collections.abc import Mapping

from pace_desktop.store.database import Database


def _settled(alias: str) -> str:
    """SQL: this row is confirmed at its current version, and was confirmed by the cutoff."""
    return (
        f"({alias}.version = {alias}.confirmed_version AND {alias}.confirmed_at IS NOT NULL "
        f"AND {alias}.confirmed_at <= :cutoff)"
    )


def delete_settled(
    db: Database, child_tables: Mapping[str, str], cutoff: str, cutoff_date: str
) -> dict[str, int]:
    """Delete every client settled by ``cutoff`` whose child records (``child_tables``: entity -> its
    repository's table) are all settled too, with those records; then every settled event whose
    date is on or before ``cutoff_date`` and that no client is left at. Rows deleted per entity
    (``client``, ``event`` and each child entity; inside the caller's transaction)."""
    params = {"cutoff": cutoff, "cutoff_date": cutoff_date}
    unsettled_child = " OR ".join(
        f"EXISTS (SELECT 1 FROM {table} x "  # noqa: S608
        f"WHERE x.parent_id = c.id AND NOT {_settled('x')})"
        for table in child_tables.values()
    )
    counts: dict[str, int] = {}
    ids = [
        (r[0],)
        for r in db.execute(
            f"SELECT c.id FROM clients c WHERE {_settled('c')} AND NOT ({unsettled_child})",  # noqa: S608
            params,
        ).fetchall()
    ]
    for entity, table in child_tables.items():
        cur = db.executemany(f"DELETE FROM {table} WHERE parent_id = ?", ids)  # noqa: S608
        counts[entity] = max(int(cur.rowcount), 0)
    counts["client"] = max(int(db.executemany("DELETE FROM clients WHERE id = ?", ids).rowcount), 0)
    # An event holds no one's personal data: it goes once its people have gone and its date
    # is past.
    counts["event"] = max(
        int(
            db.execute(
                f"DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE {_settled('e')} "  # noqa: S608
                "AND e.event_date <= :cutoff_date "
                "AND NOT EXISTS (SELECT 1 FROM clients c WHERE c.parent_id = e.id))",
                params,
            ).rowcount
        ),
        0,
    )
    return counts
