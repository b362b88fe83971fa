"""Client-specific queries: search by name, PACE ID, NI number or postcode prefix, and event counts."""

from __future__ import annotations

import heapq
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Protocol

from pace_desktop.records.models import STORED_CONTEXT, Client
from pace_desktop.records.pace_id import normalise_pace_id
from pace_desktop.records.stored import StoredReader
from pace_desktop.store.database import Database

_TOP = "\U0010ffff"
_CLIENTS = StoredReader(Client)  # rows this store wrote, typed without re-running their checks


# Letters that Unicode does not decompose into a base letter and an accent, but that people type
# without the accent on a UK keyboard: 'Pawel' for 'Paweł', 'Soren' for 'Søren'.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe"})


def fold(text: str | None) -> str:
    """Case- and accent-insensitive search key: 'Mòrag' and 'MORAG' fold to 'morag', 'Łukasz' to
    'lukasz'. Stored as the clients' name keys: a change here needs a schema step that recomputes
    them (migrations step 7).
    """
    if not text:
        return ""
    if text.isascii():  # nothing to decompose (most names): the same result, sooner
        return text.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()
    return plain.translate(_PLAIN_LETTERS)


def compact(text: str | None) -> str:
    """Upper case with spaces removed: the key for NI numbers, postcodes and PACE IDs."""
    return "".join((text or "").split()).upper()  # str.split's whitespace is re's \s, at a third of the cost


def name_order(
    last_name: str | None, first_name: str | None, preferred_name: str | None = None
) -> tuple[str, str]:
    """The (last_fold, first_fold) pair clients are kept in name order by: surname, then the name
    they go by, then their first name. The event table sorts its rows by the same key.
    """
    first = fold(first_name)
    return fold(last_name), (fold(preferred_name) if preferred_name else first) + " " + first


def client_columns(client: Client) -> dict[str, Any]:
    last_fold, first_fold = name_order(client.last_name, client.first_name, client.preferred_name)
    return {
        "pace_id": client.pace_id,
        "first_fold": first_fold,
        "last_fold": last_fold,
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


_EVENT_ROWS = (
    "SELECT c.id, c.pace_id, c.data, k.band, c.needs_review, c.exported_version >= c.version"
    " FROM clients c LEFT JOIN checklists k INDEXED BY checklists_band ON k.parent_id = c.id"
    " WHERE c.parent_id = ?"
)


@dataclass(frozen=True)
class EventCounts:
    clients: int
    high_risk: int
    not_exported: int
    needs_review: int

    @classmethod
    def of_rows(cls, rows: list[tuple[Any, ...]]) -> EventCounts:
        """One event's counts from its ``rows_for_event`` rows, which carry what each count looks at
        (band, needs_review, exported): the event screen has them already, so it need not count again.
        """
        return cls(
            len(rows),
            sum(1 for r in rows if r[3] == "high"),
            sum(1 for r in rows if not r[5]),
            sum(1 for r in rows if r[4]),
        )


class HasDatabase(Protocol):
    """The store, as the client queries see it: its current database (a re-key replaces it)."""

    db: Database


class ClientQueries:
    """Reads over the clients table that go beyond one record."""

    def __init__(self, store: HasDatabase) -> None:
        self.store = store

    def search(self, text: str, *, event_id: str | None = None, limit: int = 200) -> list[Client]:
        """Prefix search on surname, first or preferred name, PACE ID, NI number or postcode.

        Results come in name order (surname, then first name). Each kind of key is looked up on its
        own index, which also holds the name order, so each branch yields at most ``limit`` rows
        without reading the table; only the final ``limit`` rows are read, typed natively
        (``records.stored``: they were validated when saved). A first
        letter that matches tens of thousands of people costs the same as a full NI number.
        """
        text = text.strip()
        if not text or limit <= 0:
            return []
        name = fold(text)
        key = compact(text)
        branches = [("last_fold", name), ("first_fold", name), ("ni", key), ("postcode_key", key)]
        if re.search("[0-9A-Z]", key):  # Only letters or digits can be part of a PACE ID.
            branches.append(("pace_id", pace_id_prefix(key)))
        scope, scope_params = ("", []) if event_id is None else (" AND parent_id = ?", [str(event_id)])
        found: dict[int, tuple[str, str, int]] = {}
        db = self.store.db
        with db.snapshot():
            for column, prefix in branches:
                if not prefix:
                    continue
                # Each branch's index ends in (last_fold, first_fold, seq): its first matches in name
                # order come from the index alone.
                sql = (
                    f"SELECT last_fold, first_fold, seq FROM clients "  # noqa: S608 - fixed names
                    f"WHERE {column} >= ? AND {column} < ?{scope} "
                    "ORDER BY last_fold, first_fold, seq LIMIT ?"
                )
                for row in db.query(sql, [prefix, prefix + _TOP, *scope_params, limit]):
                    found[row[2]] = row
            seqs = [row[2] for row in heapq.nsmallest(limit, found.values())]
            if not seqs:
                return []
            data = dict(
                db.query(
                    f"SELECT seq, data FROM clients WHERE seq IN ({db.dialect.marks(len(seqs))})",  # noqa: S608
                    seqs,
                )
            )
        return [_CLIENTS.read(data[s]) for s in seqs]

    def by_pace_id(self, pace_id: str) -> Client | None:
        try:
            wanted = normalise_pace_id(pace_id)
        except ValueError:
            return None
        data = self.store.db.scalar("SELECT data FROM clients WHERE pace_id = ?", (wanted,))
        return None if data is None else Client.model_validate_json(data, context=STORED_CONTEXT)

    def rows_for_event(self, event_id: str) -> list[tuple[Any, ...]]:
        """Light rows for the event table: id, pace_id, data JSON, band, needs_review, exported flag.

        In name order (``name_order``: surname, the name they go by, first name), so a table shows
        them sorted without sorting 5,000 rows itself.
        """
        # The band comes from the covering (parent_id, band) index: no checklist JSON is read.
        return self.store.db.query(
            _EVENT_ROWS + " ORDER BY c.last_fold, c.first_fold, c.seq", (str(event_id),)
        )

    def event_counts(self, event_id: str | None = None) -> dict[str, EventCounts]:
        """Counts per event for the home screen, or for one event when ``event_id`` is given.

        Read from two covering indexes (schema v6), never from the records' JSON: all events of a
        100,000-client store count in tens of milliseconds, one event in a few.
        """
        where, params = ("", ()) if event_id is None else (" WHERE c.parent_id = ?", (str(event_id),))
        sql = (
            "SELECT c.parent_id, count(*),"
            " sum(CASE WHEN k.band = 'high' THEN 1 ELSE 0 END),"
            " sum(CASE WHEN c.exported_version < c.version THEN 1 ELSE 0 END),"
            " sum(c.needs_review)"
            " FROM clients c INDEXED BY clients_event"
            " LEFT JOIN checklists k INDEXED BY checklists_band ON k.parent_id = c.id"
        )
        rows = self.store.db.query(sql + where + " GROUP BY c.parent_id", params)
        return {r[0]: EventCounts(r[1], r[2] or 0, r[3] or 0, r[4] or 0) for r in rows}

    def pace_id_taken(self, pace_id: str) -> bool:
        return self.store.db.scalar("SELECT 1 FROM clients WHERE pace_id = ?", (pace_id,)) is not None
