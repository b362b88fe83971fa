"""The one object that owns a SQLCipher connection: open with a raw key, pragmas, version gate, transactions.

This is the seam between the store's SQL and the engine: every store module speaks to ``Database``
(``query``, ``scalar``, ``execute``, ``executemany``, ``stream``, ``transaction``, ``snapshot``), never to
the driver's connection, and spells what differs between engines through ``dialect`` (``store/dialect.py``).
A PostgreSQL ``Database`` is then an addition with the same methods, not a rewrite of its callers.

Every write goes through ``transaction()``, which rolls back on any exception. The connection is opened in
autocommit mode so that transactions are explicit (``BEGIN IMMEDIATE``), never implied by the driver.
"""

from __future__ import annotations

import errno
import gc
import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from pace_desktop.errors import DiskFull, StoreDamaged, StoreError
from pace_desktop.store import dialect
from pace_desktop.store.keyslots import raw_key_pragma

# SQLite 3.51.3 (SQLCipher 4.14.0) fixed a WAL-reset corruption bug: refuse anything older.
MIN_SQLITE = (3, 51, 3)
MIN_CIPHER = (4, 14, 0)

log = logging.getLogger(__name__)
DatabaseError = sqlcipher.DatabaseError
MAX_INTEGER = 2**63 - 1  # SQLite's largest integer: a sequence number or version above it cannot be stored
IntegrityError = sqlcipher.IntegrityError

# Page cache for bulk writes, in KiB; only pages actually touched are ever allocated.
BULK_CACHE_KIB = 64 * 1024
# Page cache for one pass over a whole table (reports): SQLite's own default, 2 MiB.
ONE_PASS_CACHE_KIB = 2000


# SQLCipher 4's page size: an intact store file is always a whole number of pages.
PAGE_SIZE = 4096


def damaged(path: Path) -> StoreDamaged:
    log.warning("store refused: damaged")
    return StoreDamaged(
        f"The store {Path(path).name} is damaged and was not opened: restore your last backup copy, "
        "or ask the office to recover your data."
    )


def check_pages(path: Path, data_key: bytes, *, full: bool = False) -> None:
    """Raise ``StoreDamaged`` unless every page of the store file is whole and authentic.

    At every open (``full=False``): the file is a whole number of pages, and SQLCipher's
    ``cipher_integrity_check`` reads every page and checks its HMAC, so one flipped bit anywhere is
    found before anything is read or written. ``full=True`` (audit-check) adds SQLite's
    ``integrity_check``, which also walks every b-tree and index. Each check runs on a fresh connection
    of its own, closed after: one corrupt page can poison later checks on the same connection.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise damaged(path) from exc
    if size == 0 or size % PAGE_SIZE:
        raise damaged(path)
    checks = ["PRAGMA cipher_integrity_check"] + (["PRAGMA integrity_check"] if full else [])
    started = time.perf_counter()
    for pragma in checks:
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(raw_key_pragma(data_key))
            rows = conn.execute(pragma).fetchall()
        except DatabaseError as exc:
            raise damaged(path) from exc
        finally:
            conn.close()
        if pragma.endswith("cipher_integrity_check") and rows:
            raise damaged(path)
        if pragma.endswith(" integrity_check") and rows != [("ok",)]:
            raise damaged(path)
    log.debug(
        "page check (%s): %d pages in %.2f s",
        "full" if full else "at open",
        size // PAGE_SIZE,
        time.perf_counter() - started,
    )


class FullCheck:
    """SQLite's ``integrity_check`` (every b-tree and index) on a connection of its own, read-only,
    which another thread may stop (``cancel``: SQLite's interrupt) — the weekly check after unlock,
    which takes about 25 s on a 791 MB store and must never hold up a lock or a re-key.

    ``run()`` returns True when the whole file checked out, False when it was cancelled, and raises
    ``StoreDamaged`` when it did not check out. The pages' HMACs were checked at open.
    """

    def __init__(self, path: Path, data_key: bytes) -> None:
        self.path = Path(path)
        self._key = data_key
        self._guard = threading.Lock()
        self._conn: sqlcipher.Connection | None = None
        self.cancelled = False

    def cancel(self) -> None:
        with self._guard:
            self.cancelled = True
            self._key = b""
            if self._conn is not None:
                self._conn.interrupt()

    def run(self) -> bool:
        started = time.perf_counter()
        with self._guard:
            if self.cancelled:
                return False
            conn = sqlcipher.connect(str(self.path), isolation_level=None, check_same_thread=False)
            self._conn = conn
            key, self._key = self._key, b""
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(raw_key_pragma(key))
            conn.execute("PRAGMA query_only = 1")
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        except DatabaseError as exc:
            if self.cancelled:
                return False
            raise damaged(self.path) from exc
        finally:
            with self._guard:
                self._conn = None
                conn.close()
        if self.cancelled:
            return False
        if rows != [("ok",)]:
            raise damaged(self.path)
        log.info("full integrity check passed in %.1f s", time.perf_counter() - started)
        return True


# Store files this process checked at open and then closed cleanly (no -wal left): their identity then.
# Opening one again unchanged (auto-lock and unlock, the same window) skips the page check; any write
# by anyone else, a copy over it, a cut or a flip changes the size or the modification time.
_CLOSED_CLEAN: dict[str, tuple[int, int, int, int]] = {}


def _identity(path: Path) -> tuple[int, int, int, int]:
    st = os.stat(path)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split()[0].split(".")[:3])


def check_library_versions(conn: sqlcipher.Connection) -> None:
    """Refuse to run on a SQLite/SQLCipher build older than the WAL-reset fix."""
    sqlite = _version_tuple(conn.execute("SELECT sqlite_version()").fetchone()[0])
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if row is None:
        raise StoreError("This copy of the app was built without SQLCipher: reinstall PACE Intake.")
    cipher = _version_tuple(row[0])
    if sqlite < MIN_SQLITE or cipher < MIN_CIPHER:
        raise StoreError(
            "This copy of the app has an old SQLCipher library with a known corruption bug: "
            "reinstall PACE Intake."
        )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector during bulk work that makes thousands of records.

    Records hold no reference cycles, so reference counting frees them as usual; the collector's
    repeated passes over a growing heap cost a fifth of the time of validating a big bundle and a
    tenth of seeding demo data. Restored as it was, even on error.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _is_disk_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "full" in text or getattr(exc, "errno", None) == errno.ENOSPC


# Rows a stream fetches at a time: a 100,000-row report holds a thousand rows in memory, never all.
STREAM_BATCH = 1000


class Database:
    """An open, unlocked SQLCipher database file."""

    dialect = dialect.SQLITE
    # What a broken constraint raises (``store/pg/database.py`` names PostgreSQL's): the importer
    # catches these, whichever engine holds the central store.
    integrity_errors: tuple[type[Exception], ...] = (sqlcipher.IntegrityError,)

    def __init__(self, path: Path, data_key: bytes, *, create: bool = False) -> None:
        self.path = Path(path)
        if not create:
            # A missing or 0-byte file accepts any key (nothing is encrypted until the first write), so an
            # existing store must never be conjured into being here.
            if not self.path.exists():
                raise StoreError("No store was found at that path: check the path, or create one with init.")
            if self.path.stat().st_size == 0:
                raise StoreError("The store file is empty: it was never written. Restore it from a backup.")
        elif self.path.exists() and self.path.stat().st_size > 0:
            raise StoreError("A store already exists at that path: choose another path.")
        else:
            # Owner-only from the first byte; SQLite gives the -wal and -shm files the same mode.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(self.path, 0o600)
        self._lock = threading.RLock()
        self._depth = 0
        # The driver's connection. Only this module (pragmas, transactions, the encrypted export) touches
        # it; every store module goes through the methods below.
        # A statement cache of 512, not 128: a new store runs every schema step on this connection,
        # and with the steps' statements filling 128 places a registration re-prepared its own
        # statements each time (about 40% slower, until the store was opened again).
        self.conn = sqlcipher.connect(
            str(self.path), isolation_level=None, check_same_thread=False, cached_statements=512
        )
        try:
            # SQLCipher logs "hmac check failed" and the like to stderr by default: users see our line.
            self.conn.execute("PRAGMA cipher_log_level = NONE")
            self.conn.execute(raw_key_pragma(data_key))
            check_library_versions(self.conn)
            # A wrong key is only found at the first real read of the file.
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not create and _CLOSED_CLEAN.pop(str(self.path.resolve()), None) != _identity(self.path):
                # Every page whole and authentic before anything is read or written: a damaged store is
                # refused here, by name, rather than failing later as "could not save that change".
                check_pages(self.path, data_key)
        except BaseException as exc:
            self.conn.close()
            if create:  # nothing of a store that could not be made is left behind
                for suffix in ("", "-journal", "-wal", "-shm"):
                    self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
            if not isinstance(exc, DatabaseError):
                raise
            # The key came from a key slot that proved it (AES-GCM), so a first page that will not decrypt
            # is damage (or a .keys file from another store): refused by name, with what to do.
            raise StoreDamaged(
                f"The store {self.path.name} could not be opened: the key does not fit, or the file is "
                "damaged. Restore your last backup copy, or ask the office to recover your data."
            ) from exc
        for pragma in (
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",  # in WAL, NORMAL can lose the last commits on power loss
            "PRAGMA secure_delete = ON",
            "PRAGMA temp_store = MEMORY",
            "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 5000",
            # A checkpoint (WAL pages copied back into the file, then fsync) runs inside whichever
            # commit crosses the limit. At SQLite's 1,000 pages that was every ~15th registration at
            # 100,000 clients, and those saves were the slowest 5%; at 4,000 pages (16 MiB of WAL)
            # it is about one save in sixty. Closing the store checkpoints whatever is left.
            "PRAGMA wal_autocheckpoint = 4000",
            # Every page read from disk is decrypted and checked (HMAC) again unless it is cached:
            # SQLite's 2 MiB default cannot hold one 5,000-client event, which then cost 60 ms to
            # read again after every save instead of 18 ms. Pages are cached only as they are read,
            # and the cache goes with the connection at lock.
            "PRAGMA cache_size = -32768",
        ):
            self.conn.execute(pragma).fetchall()

    # -- reading ---------------------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> sqlcipher.Cursor:
        """One statement; the cursor gives ``rowcount`` (and rows, for the odd read that wants one)."""
        with self._lock:
            return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlcipher.Cursor:
        """One statement for each of ``rows`` (one prepared statement, one call into the driver)."""
        with self._lock:
            return self.conn.executemany(sql, rows)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """New rows of ``table`` (its ``seq`` numbered in order): one prepared INSERT for them all.
        ``PgDatabase`` has the same method, with ``COPY``."""
        marks = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}, seq) VALUES ({marks}, {self.dialect.next_seq(table)})"  # noqa: S608, E501 - our table names
        self.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            rows: list[tuple[Any, ...]] = self.conn.execute(sql, params).fetchall()
            return rows

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def stream(
        self, sql: str, params: Sequence[Any] = (), *, batch: int = STREAM_BATCH
    ) -> Iterator[tuple[Any, ...]]:
        """Each row of ``sql``, fetched ``batch`` rows at a time, so a report of any size keeps its
        memory flat. The statement is closed when the stream ends or is dropped early."""
        with self._lock:
            cursor = self.conn.execute(sql, params)
        try:
            while True:
                with self._lock:
                    rows = cursor.fetchmany(batch)
                if not rows:
                    return
                yield from rows
        finally:
            cursor.close()

    # -- writing ---------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic unit of work; nested calls join the outer transaction. Yields this database, so
        ``with db.transaction() as tx: tx.execute(...)`` reads as it always did."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except DatabaseError as exc:
                raise self._translate(exc) from exc
            self._depth = 1
            try:
                yield self
            except BaseException as exc:
                self._depth = 0
                self._rollback()
                if isinstance(exc, DatabaseError):
                    raise self._translate(exc) from exc
                raise
            else:
                self._depth = 0
                try:
                    self.conn.execute("COMMIT")
                except DatabaseError as exc:
                    self._rollback()
                    raise self._translate(exc) from exc

    @contextmanager
    def bulk(self, cache_kib: int | None = None) -> Iterator[None]:
        """A bigger page cache for one bulk write (seeding demo data, a large import), then the usual.

        Rows keyed by random UUIDs land all over each index; with SQLite's default 2 MiB cache every
        spilled page is encrypted, written and read back again. Open the transaction inside this, so
        that it commits while the cache is still big. The cyclic GC waits meanwhile (``gc_paused``).
        """
        with self._lock, gc_paused(), self._page_cache(cache_kib or BULK_CACHE_KIB):
            yield

    @contextmanager
    def one_pass(self, cache_kib: int = ONE_PASS_CACHE_KIB) -> Iterator[None]:
        """A small page cache while one read passes over many rows it will not read again (a report).

        The usual cache keeps what is read, up to its size, so a 100,000-row export would end some
        30 MiB bigger than a 10,000-row one; with this its memory stays flat. The usual size after.
        """
        with self._page_cache(cache_kib):
            yield

    @contextmanager
    def _page_cache(self, cache_kib: int) -> Iterator[None]:
        """SQLite's page cache at ``cache_kib`` KiB meanwhile, then as it was."""
        with self._lock:
            before = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
            self.conn.execute(f"PRAGMA cache_size = {-int(cache_kib)}")
        try:
            yield
        finally:
            with self._lock:
                self.conn.execute(f"PRAGMA cache_size = {before}")

    @contextmanager
    def snapshot(self) -> Iterator[Database]:
        """One read transaction, so that several queries describe the same moment.

        Deferred: in WAL mode a reader blocks no writer, and an import committing meanwhile (in another
        process) never shows half-applied. Inside a write transaction it simply joins it.
        """
        with self._lock:
            if self._depth:
                yield self
                return
            self.conn.execute("BEGIN DEFERRED")
            self._depth = 1
            try:
                yield self
            finally:
                self._depth = 0
                self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except DatabaseError:
            pass  # SQLite may already have rolled back (e.g. on SQLITE_FULL)

    @staticmethod
    def _translate(exc: BaseException) -> Exception:
        if _is_disk_full(exc):
            return DiskFull()
        return StoreError("The store could not save that change; nothing was changed. Try again.")

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @property
    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def integrity_ok(self) -> bool:
        result: str | None = self.scalar("PRAGMA quick_check")
        return result == "ok"

    def check_pages(self, data_key: bytes, *, full: bool = True) -> None:
        """``check_pages`` on this store's file (fresh connections): raise ``StoreDamaged`` if damaged."""
        check_pages(self.path, data_key, full=full)

    def export_copy(self, target: Path, data_key: bytes) -> None:
        """An encrypted copy under the same key (``Connection.backup()`` fails from an encrypted source)."""
        target = Path(target)
        if target.exists():
            target.unlink()
        key_hex = data_key.hex()
        with self._lock:
            self.conn.execute(
                f"ATTACH DATABASE ? AS backup KEY \"x'{key_hex}'\"",
                (str(target),),  # noqa: S608
            )
            try:
                self.conn.execute("SELECT sqlcipher_export('backup')").fetchall()
                # sqlcipher_export copies schema and rows but not the header's user_version, which is
                # the schema number migrations read: carry it over, or a backup restores as "empty".
                version = int(self.conn.execute("PRAGMA main.user_version").fetchone()[0])
                self.conn.execute(f"PRAGMA backup.user_version = {version}")
            finally:
                self.conn.execute("DETACH DATABASE backup")

    def close(self) -> None:
        with self._lock:
            try:
                self.conn.close()
            except DatabaseError:
                return
            wal = self.path.with_name(self.path.name + "-wal")
            try:
                if not wal.exists():  # the last connection: everything is in the checked file
                    _CLOSED_CLEAN[str(self.path.resolve())] = _identity(self.path)
            except OSError:
                pass
