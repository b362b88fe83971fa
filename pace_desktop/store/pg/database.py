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

Connections come from a bounded ``psycopg_pool`` pool (``POOL_SIZE``): a transaction keeps one for
its thread; any other statement borrows one and gives it back.
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
from pace_desktop.store.pg.connect import connect, open_pool

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


POOL_SIZE = 4
"""Connections one office PC keeps open at most: the window's worker, the full audit check, the relay
and the screen itself each may hold one; a fifth waits for one to come back."""


def _configure(conn: Any) -> None:
    # jsonb as the text the file's JSON column gives (Repository loads it with pydantic).
    conn.adapters.register_loader("jsonb", TextLoader)


class PgDatabase:
    """The central PostgreSQL database, at the newest schema step, through a bounded pool.

    Each statement borrows a connection from the pool (psycopg_pool, at most ``pool_size``) and gives
    it back; a ``transaction()`` or ``snapshot()`` keeps one for the thread that opened it, and every
    statement that thread runs inside it goes to that connection. So several threads (the office
    window's worker and full check, the CLI) run at once on their own connections, and one office PC
    never holds more than ``pool_size`` open. ``close()`` closes the pool and its connections.
    """

    dialect = dialect.POSTGRESQL
    integrity_errors: tuple[type[Exception], ...] = (psycopg.errors.IntegrityError,)

    def __init__(
        self, url: str, *, allow_insecure: bool = False, upgrade: bool = False, pool_size: int = POOL_SIZE
    ) -> None:
        self.url = url
        # One connection first: a wrong address, password or certificate is named plainly, and the
        # schema is checked (or brought up to date) before any pool exists.
        with connect(url, allow_insecure=allow_insecure, autocommit=True) as first:
            if upgrade:  # the schema's owner, at set-up: bring the database to the newest step
                schema.migrate(first)
            else:  # staff: their roles may not change the schema, so a stale one is named, not used
                found = schema.version(first)
                if found != schema.SCHEMA_MAX:
                    raise StoreError(
                        f"The central database is at schema {found}; this app needs {schema.SCHEMA_MAX}: "
                        "ask its administrator to upgrade it (office migrate)."
                        if found < schema.SCHEMA_MAX
                        else f"This central database is from a newer PACE Intake (schema {found}): "
                        "install the newer version."
                    )
        self.pool: Any = open_pool(url, allow_insecure=allow_insecure, size=pool_size, configure=_configure)
        self._local = threading.local()  # .conn and .depth: this thread's transaction, if any

    @staticmethod
    def _sql(sql: str, params: Sequence[Any] | Mapping[str, Any]) -> str:
        return to_psycopg(sql, isinstance(params, Mapping))

    @property
    def _depth(self) -> int:
        return getattr(self._local, "depth", 0)

    @contextmanager
    def _conn(self) -> Iterator[Any]:
        """This thread's transaction's connection, or one borrowed from the pool for one statement."""
        held = getattr(self._local, "conn", None)
        if held is not None:
            with _role_refusals():
                yield held
            return
        with self.pool.connection() as conn, _role_refusals():
            yield conn

    @contextmanager
    def _held(self) -> Iterator[Any]:
        """A connection from the pool kept by this thread until the block ends (depth 1)."""
        with self.pool.connection() as conn:
            self._local.conn, self._local.depth = conn, 1
            try:
                yield conn
            finally:
                self._local.conn, self._local.depth = None, 0

    # -- reading ---------------------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        # A client-side cursor holds its whole result: it is read after the connection goes back.
        with self._conn() as conn:
            return conn.execute(self._sql(sql, params), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        with self._conn() as conn:
            cursor = conn.cursor()
            cursor.executemany(to_psycopg(sql), rows)
            return cursor

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """New rows of ``table`` with one ``COPY`` (``seq`` numbered by its identity, in order): an
        import's 10,000 records go in one round trip rather than an INSERT each. A row that breaks
        a constraint fails the COPY as a failing INSERT would (``integrity_errors``)."""
        with self._conn() as conn, conn.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # noqa: S608
                for row in rows:
                    copy.write_row(row)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._conn() as conn:
            rows: list[tuple[Any, ...]] = conn.execute(self._sql(sql, params), params).fetchall()
            return rows

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._conn() as conn:
            row = conn.execute(self._sql(sql, params), params).fetchone()
        return None if row is None else row[0]

    def stream(
        self, sql: str, params: Sequence[Any] = (), *, batch: int = STREAM_BATCH
    ) -> Iterator[tuple[Any, ...]]:
        """Each row of ``sql`` through a server-side cursor, ``batch`` rows at a time: flat memory."""
        with self.snapshot(), self._conn() as conn:
            cursor = conn.cursor(name=f"pace_{uuid.uuid4().hex}")
            cursor.itersize = batch
            cursor.execute(self._sql(sql, params), params)
            try:
                while rows := cursor.fetchmany(batch):
                    yield from rows
            finally:
                cursor.close()

    # -- writing ---------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[PgDatabase]:
        """One atomic unit of work on one pooled connection; nested calls join the outer one."""
        if self._depth:
            self._local.depth += 1
            try:
                yield self
            finally:
                self._local.depth -= 1
            return
        try:
            with self._held() as conn, conn.transaction():
                yield self
        except psycopg.Error as exc:
            raise self._translate(exc) from exc

    @contextmanager
    def snapshot(self) -> Iterator[PgDatabase]:
        """One read-only transaction that sees one moment (REPEATABLE READ); joins a write one."""
        if self._depth:
            yield self
            return
        with self._held() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield self

    @contextmanager
    def bulk(self, cache_kib: int | None = None) -> Iterator[None]:
        """The server sizes its own caches; the cyclic GC waits meanwhile, as on the file."""
        with gc_paused():
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
        with self._conn() as conn:
            return schema.version(conn)

    def close(self) -> None:
        """Close the pool: its connections end at the server (idempotent)."""
        self.pool.close()
