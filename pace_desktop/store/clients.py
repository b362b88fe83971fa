"""Client-specific queries: search by name, PACE ID, NI number or postcode prefix, and event counts."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pace_desktop.records.models import STORED_CONTEXT, Client
from pace_desktop.records.pace_id import normalise_pace_id

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

_TOP = "\U0010ffff"


def fold(text: str | None) -> str:
    """Case- and accent-insensitive search key: 'Mòrag' and 'MORAG' both fold to 'morag'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def compact(text: str | None) -> str:
    """Upper case with spaces removed: the key for NI numbers, postcodes and PACE IDs."""
    return re.sub(r"\s+", "", text or "").upper()


def client_columns(client: Client) -> dict[str, Any]:
    return {
        "pace_id": client.pace_id,
        "first_fold": fold(client.preferred_name or client.first_name) + " " + fold(client.first_name),
        "last_fold": fold(client.last_name),
        "ni": compact(client.ni_number) or None,
        "postcode_key": compact(client.postcode) or None,
        "needs_review": int(client.needs_review),
    }


def pace_id_prefix(typed: str) -> str:
    """What a typed PACE ID fragment looks like in stored form: '7k3q9m' -> 'PACE-7K3Q-9M'."""
    payload = re.sub(r"[^0-9A-Z]", "", typed.upper())
    if payload.startswith("PACE"):
        payload = payload[4:]
    if not payload:
        return "PACE-"
    return "PACE-" + payload[:4] + ("-" + payload[4:8] if len(payload) > 4 else "")


@dataclass(frozen=True)
class EventCounts:
    clients: int
    high_risk: int
    not_exported: int
    needs_review: int


class ClientQueries:
    """Reads over the clients table that go beyond one record."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def search(self, text: str, *, event_id: str | None = None, limit: int = 200) -> list[Client]:
        """Prefix search on surname, first or preferred name, PACE ID, NI number or postcode."""
        text = text.strip()
        if not text:
            return []
        name = fold(text)
        key = compact(text)
        branches = [
            ("last_fold", name),
            ("first_fold", name),
            ("pace_id", pace_id_prefix(key)),
            ("ni", key),
            ("postcode_key", key),
        ]
        parts, params = [], []
        for column, prefix in branches:
            parts.append(f"SELECT rowid FROM clients WHERE {column} >= ? AND {column} < ?")  # noqa: S608
            params += [prefix, prefix + _TOP]
        sql = f"SELECT data FROM clients WHERE rowid IN ({' UNION '.join(parts)})"  # noqa: S608
        if event_id is not None:
            sql += " AND parent_id = ?"
            params.append(str(event_id))
        sql += " ORDER BY last_fold, first_fold LIMIT ?"  # noqa: S608 - fixed column names only
        params.append(limit)
        return [Client.model_validate_json(d, context=STORED_CONTEXT)
                for (d,) in self.store.db.query(sql, params)]

    def by_pace_id(self, pace_id: str) -> Client | None:
        try:
            wanted = normalise_pace_id(pace_id)
        except ValueError:
            return None
        data = self.store.db.scalar("SELECT data FROM clients WHERE pace_id = ?", (wanted,))
        return None if data is None else Client.model_validate_json(data, context=STORED_CONTEXT)

    def rows_for_event(self, event_id: str) -> list[tuple[Any, ...]]:
        """Light rows for the event table: id, pace_id, data JSON, band, needs_review, exported flag."""
        return self.store.db.query(
            "SELECT c.id, c.pace_id, c.data, k.band, c.needs_review, c.exported_version >= c.version"
            " FROM clients c LEFT JOIN checklists k ON k.parent_id = c.id"
            " WHERE c.parent_id = ? ORDER BY c.rowid",
            (str(event_id),),
        )

    def event_counts(self) -> dict[str, EventCounts]:
        rows = self.store.db.query(
            "SELECT c.parent_id, count(*),"
            " sum(CASE WHEN k.band = 'high' THEN 1 ELSE 0 END),"
            " sum(CASE WHEN c.exported_version < c.version THEN 1 ELSE 0 END),"
            " sum(c.needs_review)"
            " FROM clients c LEFT JOIN checklists k ON k.parent_id = c.id GROUP BY c.parent_id"
        )
        return {r[0]: EventCounts(r[1], r[2] or 0, r[3] or 0, r[4] or 0) for r in rows}

    def pace_id_taken(self, pace_id: str) -> bool:
        return self.store.db.scalar("SELECT 1 FROM clients WHERE pace_id = ?", (pace_id,)) is not None
