"""The reads behind the de-identified extract (``privacy.deidentified_extract``): the people whose
statistics consent stands, their records, and the rows retention kept (table ``deidentified``).

The two streams read in batches (``Database.stream``), so an extract of any size keeps its memory flat.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pace_desktop.store.database import Database

_CONSENTED = "EXISTS (SELECT 1 FROM consents s WHERE s.parent_id = c.id AND s.purpose = ? AND s.active = 1)"


def event_data(db: Database) -> list[tuple[str, str]]:
    """(id, stored JSON) of every event."""
    return [(r[0], r[1]) for r in db.query("SELECT id, data FROM events")]


def _stream(db: Database, sql: str, purpose: str) -> Iterator[tuple[Any, ...]]:
    return db.stream(sql, (purpose,))


def consenting_clients(db: Database, purpose: str) -> Iterator[tuple[str, str, str, str | None]]:
    """(PACE ID, event id, client JSON, checklist JSON or None) of each client whose consent for
    ``purpose`` stands, in PACE ID order."""
    return _stream(
        db,
        "SELECT c.pace_id, c.parent_id, c.data, k.data FROM clients c "  # noqa: S608 - fixed SQL only
        f"LEFT JOIN checklists k ON k.parent_id = c.id WHERE {_CONSENTED} ORDER BY c.pace_id",
        purpose,
    )


def consenting_children(db: Database, table: str, purpose: str) -> Iterator[tuple[str, str]]:
    """(PACE ID, stored JSON) of each row of ``table`` whose client's consent for ``purpose`` stands,
    in PACE ID order, oldest first within a person."""
    return _stream(
        db,
        f"SELECT c.pace_id, t.data FROM {table} t JOIN clients c ON c.id = t.parent_id "  # noqa: S608
        f"WHERE {_CONSENTED} ORDER BY c.pace_id, t.seq",
        purpose,
    )


def kept_rows(db: Database) -> list[str]:
    """The stored JSON of every row retention kept, in person key order."""
    return [data for (data,) in db.query("SELECT data FROM deidentified ORDER BY key")]
