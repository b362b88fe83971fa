"""Generic persistence for the schema's records: one table per entity, the pydantic model as JSON.

Indexed columns beside the JSON serve search, counts and export bookkeeping; the model stays the single
source of truth, so what is stored is exactly what is validated and exported.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Generic, Protocol, TypeVar
from uuid import UUID

from pydantic_core import to_json

from pace_desktop.errors import ValidationFailed
from pace_desktop.records.models import STORED_CONTEXT, Record
from pace_desktop.store.database import Database
from pace_desktop.store.guards import Guards

R = TypeVar("R", bound=Record)
_COLUMNS = ("id", "parent_id", "version", "updated_at", "data")  # every table's, then the entity's own


class RecordStore(Protocol):
    """What a repository needs of the store that owns it. ``Store`` is one; the repository names only
    this, so that store.py can build its repositories without an import cycle.
    """

    db: Database
    actor: str
    guards: Guards

    @property
    def device_id(self) -> str: ...

    def transaction(self) -> AbstractContextManager[Any]: ...

    def audit(
        self, action: str, entity: str | None = None, entity_id: str | None = None, detail: str | None = None
    ) -> int: ...


def uuid_texts(values: Sequence[UUID | None]) -> list[str | None]:
    """``[str(v) if v is not None else None for v in values]`` in one native call: ``str(UUID)`` is
    Python code, and bulk writes make 10,000s (pydantic-core writes a UUID as the same lower-case
    hyphenated text)."""
    return json.loads(to_json(values))  # type: ignore[no-any-return]


def utcnow() -> datetime:
    return datetime.now(UTC)


class Repository(Generic[R]):
    """Reads and writes one entity's table; every write is audited inside the caller's transaction."""

    def __init__(
        self,
        store: RecordStore,
        entity: str,
        table: str,
        model: type[R],
        parent_field: str | None,
        extra: Callable[[R], dict[str, Any]] | None = None,
    ) -> None:
        self.store = store
        self.entity = entity
        self.table = table
        self.model = model
        self.parent_field = parent_field
        self._extra = extra or (lambda record: {})
        self._to_json = model.__pydantic_serializer__.to_json

    # -- rows ----------------------------------------------------------------------------------------
    def _row(
        self, record: R, record_id: str | None = None, parent_id: str | None = None
    ) -> tuple[tuple[str, ...], tuple[Any, ...]]:
        """The column names and values of ``record``'s row. Its id and its parent's id as text may be
        given when the caller already has them (``str(UUID)`` is Python code: a bulk insert makes
        each parent's once, not once per child).
        """
        if parent_id is None and self.parent_field:
            parent = getattr(record, self.parent_field)
            parent_id = str(parent) if parent is not None else None
        extra = self._extra(record)
        values = (
            record_id or str(record.id),
            parent_id,
            record.version,
            record.updated_at.isoformat(),
            self._to_json(record).decode(),
            *extra.values(),
        )  # model_dump_json, no wrapper
        return (*_COLUMNS, *extra), values

    def _load(self, data: str) -> R:
        # Stored records are not re-checked against reference lists the office may since have edited.
        return self.model.model_validate_json(data, context=STORED_CONTEXT)

    # -- reads ---------------------------------------------------------------------------------------
    def get(self, record_id: UUID | str) -> R | None:
        data = self.store.db.scalar(f"SELECT data FROM {self.table} WHERE id = ?", (str(record_id),))  # noqa: S608
        return None if data is None else self._load(data)

    def for_parent(self, parent_id: UUID | str) -> list[R]:
        rows = self.store.db.query(
            f"SELECT data FROM {self.table} WHERE parent_id = ? ORDER BY seq",  # noqa: S608
            (str(parent_id),),
        )
        return [self._load(r[0]) for r in rows]

    def all(self) -> Iterator[R]:
        for (data,) in self.store.db.query(f"SELECT data FROM {self.table} ORDER BY seq"):  # noqa: S608
            yield self._load(data)

    def count(self) -> int:
        return int(self.store.db.scalar(f"SELECT count(*) FROM {self.table}"))  # noqa: S608

    def stored_version(self, record_id: UUID | str) -> int | None:
        version: int | None = self.store.db.scalar(
            f"SELECT version FROM {self.table} WHERE id = ?",  # noqa: S608
            (str(record_id),),
        )
        return version

    def stored_creators(self, record_ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        """``id -> (version, creating device)`` for those of ``record_ids`` stored here (in chunks)."""
        found: dict[str, tuple[int, str]] = {}
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start : start + 500]
            marks = ",".join("?" for _ in chunk)
            sql = (
                f"SELECT id, version, {self._creator} FROM {self.table} "  # noqa: S608
                f"WHERE id IN ({marks})"
            )
            found.update((r[0], (r[1], r[2] or "")) for r in self.store.db.execute(sql, chunk))
        return found

    def _stored(self, record_id: str) -> tuple[int, str] | None:
        """The stored version of a record and the device that created it, or None."""
        row = self.store.db.execute(
            f"SELECT version, {self._creator} FROM {self.table} WHERE id = ?",  # noqa: S608
            (record_id,),
        ).fetchone()
        return None if row is None else (int(row[0]), row[1] or "")

    @property
    def _creator(self) -> str:
        """The creating device's id from a row's JSON, as the store's engine spells it."""
        return self.store.db.dialect.json_field("data", "device_id")

    # -- writes --------------------------------------------------------------------------------------
    def _write(self, record: R, *, insert: bool) -> None:
        cols = dict(zip(*self._row(record), strict=True))
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        if insert:
            self.store.db.execute(self._insert_sql(names, marks), tuple(cols.values()))
        else:
            sets = ", ".join(f"{name} = ?" for name in cols if name != "id")
            sql = f"UPDATE {self.table} SET {sets} WHERE id = ?"  # noqa: S608
            values = [v for k, v in cols.items() if k != "id"]
            self.store.db.execute(sql, (*values, cols["id"]))

    def _insert_sql(self, names: str, marks: str) -> str:
        """One row's INSERT; its ``seq`` (the order rows were added) from the dialect."""
        next_seq = self.store.db.dialect.next_seq(self.table)
        return f"INSERT INTO {self.table} ({names}, seq) VALUES ({marks}, {next_seq})"  # noqa: S608

    def add(self, record: R) -> R:
        """Insert a new record as version 1, stamped with this device and adviser."""
        now = utcnow()
        record = record.model_copy(
            update={
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "device_id": self.store.device_id,
                "updated_by": self.store.actor,
            }
        )
        with self.store.transaction(), self.store.guards.writing(self.entity, [record]):
            self._write(record, insert=True)
            self.store.audit("create", self.entity, str(record.id))
        return record

    def update(self, record: R, *, action: str = "change") -> R:
        """Save a changed record: its version becomes one more than the stored one."""
        with self.store.transaction():
            record_id = str(record.id)
            stored = self._stored(record_id)
            if stored is None:
                raise ValidationFailed("That record no longer exists: it may have been purged or erased.")
            version, creator = stored
            record = record.model_copy(
                update={"version": version + 1, "updated_at": utcnow(), "updated_by": self.store.actor}
            )
            # Re-validate the whole model: model_copy does not, and nothing half-valid is saved.
            record = self.model.model_validate(record.model_dump())
            with self.store.guards.writing(self.entity, [record], {record_id: creator}):
                self._write(record, insert=False)
            self.store.audit(action, self.entity, record_id)
        return record

    def insert_many(self, records: Iterable[R], ids: Sequence[str] | None = None) -> int:
        """Bulk insert, as given, inside the caller's transaction; the caller writes one audit entry.

        ``ids``, when the caller already has each record's id as text, saves making it again.

        The rows are built in one loop, not one ``_row`` call each, and the ids and parent ids made
        text in one native call each (``str(UUID)`` is Python code): the same values ``_row`` gives,
        at two thirds of the cost on seeding's and the office import's 10,000s of records.
        """
        records = list(records)
        if not records:
            return 0
        record_ids: Sequence[str | None] = uuid_texts([r.id for r in records]) if ids is None else ids
        field = self.parent_field
        parent_ids: Sequence[str | None] = (
            uuid_texts([getattr(r, field) for r in records]) if field else [None] * len(records)
        )
        to_json, extra = self._to_json, self._extra
        first = extra(records[0])
        columns = (*_COLUMNS, *first)
        rows = [
            (
                record_id,
                parent_id,
                r.version,
                r.updated_at.isoformat(),
                to_json(r).decode(),
                *(extra(r).values() if i else first.values()),
            )
            for i, (r, record_id, parent_id) in enumerate(zip(records, record_ids, parent_ids, strict=True))
        ]
        with self.store.guards.writing(self.entity, records):
            self.store.db.insert_rows(self.table, columns, rows)
        return len(rows)

    def apply_incoming(self, record: R) -> str:
        """Keep the newer version (office import, an office notice on a laptop), inside the caller's
        transaction. Returns 'added', 'updated' or 'unchanged'.

        The stored version read first settles the common case and gives the guards the creator; the
        write itself is ``write_if_newer``, one statement, so an importer racing another on the central
        database can neither overwrite a newer version nor trip over the other's insert.
        """
        record_id = str(record.id)
        stored = self._stored(record_id)
        if stored is not None and record.version <= stored[0]:
            return "unchanged"
        with self.store.guards.writing(
            self.entity, [record], None if stored is None else {record_id: stored[1]}
        ):
            return self.write_if_newer(record, stored_before=stored is not None)

    def write_if_newer(self, record: R, *, stored_before: bool) -> str:
        """Insert ``record``, or replace the stored row only if ``record`` has a higher version: one
        ``INSERT … ON CONFLICT (id) DO UPDATE … WHERE excluded.version > stored version``. The row
        lock the server takes for the conflict makes a concurrent writer wait and then judge against
        what the first committed. Returns 'added', 'updated', or 'unchanged' when the stored one was as
        new or newer. ``stored_before``: whether the caller saw a stored row (SQLite cannot say which
        it did; its writer is alone, BEGIN IMMEDIATE, so what it read still holds; PostgreSQL says).
        """
        cols = dict(zip(*self._row(record), strict=True))
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        sets = ", ".join(f"{name} = excluded.{name}" for name in cols if name != "id")
        spell = self.store.db.dialect
        sql = (
            self._insert_sql(names, marks)
            + f" ON CONFLICT (id) DO UPDATE SET {sets} WHERE excluded.version > {self.table}.version"
            + f" RETURNING {spell.inserted_flag}"
        )
        row = self.store.db.execute(sql, tuple(cols.values())).fetchone()
        if row is None:
            return "unchanged"
        inserted = not stored_before if row[0] is None else bool(row[0])
        return "added" if inserted else "updated"

    def delete_rows(self, ids: Iterable[str]) -> int:
        """Remove rows outright (purge and erasure; secure_delete overwrites the freed pages)."""
        ids = list(ids)
        if not ids:
            return 0
        marks = ", ".join("?" for _ in ids)
        cur = self.store.db.execute(f"DELETE FROM {self.table} WHERE id IN ({marks})", ids)  # noqa: S608
        removed: int = cur.rowcount
        return removed
