"""What the demo seeding and the screenshot tooling read from a store: PACE IDs already given."""

from __future__ import annotations

from pace_desktop.store.database import Database


def pace_ids(db: Database) -> set[str]:
    """Every PACE ID held, read once (a query per new PACE ID cost seconds at 100,000 clients)."""
    return {row[0] for row in db.query("SELECT pace_id FROM clients")}


def first_pace_id_with_ni(db: Database, ni: str) -> str | None:
    """The first PACE ID (in order) of a client with this compacted NI number, or None."""
    pace_id: str | None = db.scalar(
        "SELECT pace_id FROM clients WHERE ni = ? ORDER BY pace_id LIMIT 1", (ni,)
    )
    return pace_id


def any_pace_id(db: Database) -> str | None:
    """Some client's PACE ID, or None when there are no clients."""
    pace_id: str | None = db.scalar("SELECT pace_id FROM clients LIMIT 1")
    return pace_id
