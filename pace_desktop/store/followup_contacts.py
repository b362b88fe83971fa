"""What the follow-up lists read: outcome dates and statuses, and the few client fields a list shows,
straight from the stored JSON (validating every consenting person's whole record took seconds)."""

from __future__ import annotations

from typing import cast

from pace_desktop.store.database import Database

# (client id, PACE ID, first name, preferred name, last name, expected leaving date as ISO text)
DueFields = tuple[str, str, str | None, str | None, str | None, str | None]


def outcome_dates(db: Database) -> list[tuple[str, str | None, str | None]]:
    """(client id, date as ISO text, status) of every outcome, in no particular order."""
    field = db.dialect.json_field
    return cast(
        "list[tuple[str, str | None, str | None]]",
        db.query(f"SELECT parent_id, {field('data', 'date')}, {field('data', 'status')} FROM outcomes"),  # noqa: S608
    )


def clients_json(db: Database) -> list[tuple[str, str]]:
    """(client id, stored JSON) of every client, by PACE ID."""
    return cast("list[tuple[str, str]]", db.query("SELECT id, data FROM clients ORDER BY pace_id"))


def due_fields(db: Database) -> list[DueFields]:
    """The fields a follow-up list needs of every client, by PACE ID."""
    names = ("first_name", "preferred_name", "last_name", "expected_leaving_date")
    fields = ", ".join(db.dialect.json_field("data", name) for name in names)
    return cast(
        "list[DueFields]",
        db.query(f"SELECT id, pace_id, {fields} FROM clients ORDER BY pace_id"),  # noqa: S608
    )


def client_json(db: Database, pace_id: str) -> str | None:
    """The stored JSON of the client with this (normalised) PACE ID, or None."""
    data: str | None = db.scalar("SELECT data FROM clients WHERE pace_id = ?", (pace_id,))
    return data
