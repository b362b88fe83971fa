"""The ``Database`` seam over PostgreSQL (psycopg 3): the same methods the SQLCipher ``Database`` has
(``query``, ``scalar``, ``execute``, ``executemany``, ``stream``, ``transaction``, ``snapshot``), so the
store modules run unchanged on the central database.

- Store SQL writes ``?`` (and ``:name`` with a mapping of parameters); each statement text is turned
  into psycopg's ``%s`` / ``%(name)s`` once and remembered. A ``%`` in the SQL is doubled, and nothing
  inside a quoted literal is touched.
- The connection is in autocommit; ``transaction()`` is an explicit one (nested calls join it, as in
  the file's), ``snapshot()`` a read-only REPEATABLE READ transaction, so several reads see one moment.
- ``jsonb`` comes back as its text, as the file's JSON column does, so ``Repository`` loads it alike.
- Errors leave as the file's do: a full disk as ``DiskFull``, anything else failing a transaction as
  the one plain ``StoreError`` line; a broken constraint inside it is ``integrity_errors`` (the
  importer turns it into its refusal before then).

One connection per ``Database`` (one per office PC process, as the file has). ``psycopg_pool`` is not
in requirements.lock, so there is no pool yet: a server process serving many staff would want one.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg.types.string import TextLoader

from pace_desktop.errors import DiskFull, RoleRefused, StoreError
from pace_desktop.store import dialect
from pace_desktop.store.database import STREAM_BATCH, gc_paused
from pace_desktop.store.pg import schema
from pace_desktop.store.pg.connect import connect

_NAME = re.compile(r"[A-Za-z_]\w*")


@lru_cache(maxsize=1024)
def to_psycopg(sql: str, named: bool = False) -> str:
    """``sql`` with ``?`` (or ``:name`` when ``named``) as psycopg's placeholders, ``%`` doubled;
    quoted literals ('…') kept as written, but for their ``%``."""
    out: list[str] = []
    quoted = False
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch == "%":
            out.append("%%")
        elif quoted:
            out.append(ch)
            quoted = ch != "'"
        elif ch == "'":
            out.append(ch)
            quoted = True
        elif ch == "?" and not named:
            out.append("%s")
        elif named and ch == ":" and (i == 0 or sql[i - 1] != ":") and (found := _NAME.match(sql, i + 1)):
            out.append(f"%({found.group()})s")
            i = found.end()
            continue
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def refused_by_role() -> RoleRefused:
    """The server refused a statement to this login: its roles do not allow it."""
    return RoleRefused(
        "The central database refused this: your database login does not have the role for it "
        "(ask its administrator; docs/central-database.md lists the roles). Nothing was changed."
    )


@contextmanager
def _role_refusals() -> Iterator[None]:
    """A statement the server refused for want of a grant, as the one line a member of staff reads."""
    try:
        yield
    except psycopg.errors.InsufficientPrivilege as exc:
        raise refused_by_role() from exc


class PgDatabase:
    """An open connection to the central PostgreSQL database, at the newest schema step."""

    dialect = dialect.POSTGRESQL
    integrity_errors: tuple[type[Exception], ...] = (psycopg.errors.IntegrityError,)

    def __init__(self, url: str, *, allow_insecure: bool = False, upgrade: bool = False) -> None:
        self.url = url
        self.conn: Any = connect(url, allow_insecure=allow_insecure, autocommit=True)
        # jsonb as the text the file's JSON column gives (Repository loads it with pydantic).
        self.conn.adapters.register_loader("jsonb", TextLoader)
        self._lock = threading.RLock()
        self._depth = 0
        if upgrade:  # the schema's owner, at set-up: bring the database to the newest step
            schema.migrate(self.conn)
        else:  # staff: their roles may not change the schema, so a stale one is named, not used
            found = schema.version(self.conn)
            if found != schema.SCHEMA_MAX:
                self.conn.close()
                raise StoreError(
                    f"The central database is at schema {found}; this app needs {schema.SCHEMA_MAX}: "
                    "ask its administrator to upgrade it (office migrate)."
                    if found < schema.SCHEMA_MAX
                    else f"This central database is from a newer PACE Intake (schema {found}): "
                    "install the newer version."
                )

    @staticmethod
    def _sql(sql: str, params: Sequence[Any] | Mapping[str, Any]) -> str:
        return to_psycopg(sql, isinstance(params, Mapping))

    # -- reading ---------------------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        with self._lock, _role_refusals():
            return self.conn.execute(self._sql(sql, params), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        with self._lock, _role_refusals():
            cursor = self.conn.cursor()
            cursor.executemany(to_psycopg(sql), rows)
            return cursor

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock, _role_refusals():
            rows: list[tuple[Any, ...]] = self.conn.execute(self._sql(sql, params), params).fetchall()
            return rows

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock, _role_refusals():
            row = self.conn.execute(self._sql(sql, params), params).fetchone()
        return None if row is None else row[0]

    def stream(
        self, sql: str, params: Sequence[Any] = (), *, batch: int = STREAM_BATCH
    ) -> Iterator[tuple[Any, ...]]:
        """Each row of ``sql`` through a server-side cursor, ``batch`` rows at a time: flat memory."""
        with self.snapshot():
            with self._lock:
                cursor = self.conn.cursor(name=f"pace_{uuid.uuid4().hex}")
                cursor.itersize = batch
                cursor.execute(self._sql(sql, params), params)
            try:
                while True:
                    with self._lock:
                        rows = cursor.fetchmany(batch)
                    if not rows:
                        return
                    yield from rows
            finally:
                with self._lock:
                    cursor.close()

    # -- writing ---------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[PgDatabase]:
        """One atomic unit of work; nested calls join the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            try:
                with self.conn.transaction():
                    yield self
            except psycopg.Error as exc:
                raise self._translate(exc) from exc
            finally:
                self._depth = 0

    @contextmanager
    def snapshot(self) -> Iterator[PgDatabase]:
        """One read-only transaction that sees one moment (REPEATABLE READ); joins a write one."""
        with self._lock:
            if self._depth:
                yield self
                return
            self._depth = 1
            try:
                with self.conn.transaction():
                    self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    yield self
            finally:
                self._depth = 0

    @contextmanager
    def bulk(self, cache_kib: int | None = None) -> Iterator[None]:
        """The server sizes its own caches; the cyclic GC waits meanwhile, as on the file."""
        with self._lock, gc_paused():
            yield

    @contextmanager
    def one_pass(self, cache_kib: int = 0) -> Iterator[None]:
        yield

    @staticmethod
    def _translate(exc: BaseException) -> Exception:
        if isinstance(exc, psycopg.errors.DiskFull):
            return DiskFull()
        if isinstance(exc, psycopg.errors.InsufficientPrivilege):
            return refused_by_role()
        return StoreError("The store could not save that change; nothing was changed. Try again.")

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @property
    def user_version(self) -> int:
        return schema.version(self.conn)

    def close(self) -> None:
        with self._lock:
            self.conn.close()
