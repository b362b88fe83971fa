"""Office retention's reads and writes: each person's last contact, and the de-identified row kept
when their identifiable records go (``privacy.retention``).
"""

from __future__ import annotations

from typing import NamedTuple

from pace_desktop.store.database import Database


def _last_contact(db: Database) -> str:
    """Each client's latest contact date as ISO text, and whether their consent for a purpose (the
    one parameter) stands, spelled for ``db``'s engine."""
    field, greatest = db.dialect.json_field, db.dialect.greatest

    def latest(table: str, expression: str) -> str:
        return f"coalesce((SELECT max({expression}) FROM {table} x WHERE x.parent_id = c.id), '')"  # noqa: S608

    last = greatest(
        f"coalesce(e.event_date, substr({field('c.data', 'created_at')}, 1, 10))",
        latest("interventions", field("x.data", "date")),
        latest("outcomes", field("x.data", "date")),
        latest("feedback", f"substr({field('x.data', 'created_at')}, 1, 10)"),
    )
    return (
        f"SELECT c.id, c.pace_id, {last}, "  # noqa: S608 - our own SQL text
        "CASE WHEN EXISTS (SELECT 1 FROM consents s WHERE s.parent_id = c.id AND s.purpose = ? "
        "AND s.active = 1) THEN 1 ELSE 0 END "
        "FROM clients c LEFT JOIN events e ON e.id = c.parent_id"
    )


class LastContact(NamedTuple):
    """A client's latest contact (event, help, outcome or feedback; ISO date first) and whether their
    consent for ``purpose`` stands."""

    client_id: str
    pace_id: str
    last: str
    consented: int


def last_contacts(db: Database, purpose: str) -> list[LastContact]:
    """Every client's last contact, in PACE ID order."""
    return [LastContact(*row) for row in db.query(_last_contact(db) + " ORDER BY c.pace_id", (purpose,))]


def last_contact(db: Database, purpose: str, client_id: str) -> LastContact | None:
    """One client's last contact as it is now, or None if they are gone."""
    row = db.execute(_last_contact(db) + " WHERE c.id = ?", (purpose, client_id)).fetchone()
    return None if row is None else LastContact(*row)


def child_data(db: Database, table: str, client_id: str) -> list[str]:
    """The stored JSON of the rows of ``table`` hanging from this client, oldest first."""
    return [
        d
        for (d,) in db.execute(
            f"SELECT data FROM {table} WHERE parent_id = ? ORDER BY seq",  # noqa: S608
            (client_id,),
        )
    ]


def event_data(db: Database, event_id: str) -> str | None:
    """The stored JSON of one event, or None."""
    data = db.scalar("SELECT data FROM events WHERE id = ?", (event_id,))
    return None if data is None else str(data)


def keep_deidentified(db: Database, key: str, retired_at: str, data: str) -> None:
    """Keep (or replace) the de-identified row for one person key."""
    db.execute(
        db.dialect.insert_or_replace("deidentified", ("key", "retired_at", "data")),
        (key, retired_at, data),
    )
