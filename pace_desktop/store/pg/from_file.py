"""``office migrate``: move an office's central store file into an empty PostgreSQL database.

One run, one transaction: every table the office uses (devices, import history, records, tombstones,
partners, notices, the audit log and its head, settings), then counts compared table by table and the
audit chain re-verified on the server's copy; any difference rolls everything back. A database that
already holds records or audit entries is refused, so the move cannot run twice.

The office's secret keys (its age identity, which opens bundles, and its receipt-signing key) are not
copied: a database server is not where they belong. They stay in the file, which the office PC keeps
as its keyring (docs/central-database.md); the public halves travel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pace_desktop.errors import RefusedError, StoreError
from pace_desktop.store.audit import GENESIS, entry_hash
from pace_desktop.store.dialect import POSTGRESQL, SEQ_TABLES
from pace_desktop.store.pg import schema
from pace_desktop.store.store import is_secret_setting

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

COPIED = ("settings", "audit", "audit_head", *schema.ENTITY_TABLES, *schema.OFFICE_TABLES)


@dataclass(frozen=True)
class MigrationResult:
    counts: dict[str, int]
    audit_entries: int

    def summary(self) -> str:
        records = sum(self.counts[t] for t in schema.ENTITY_TABLES)
        return (
            f"Moved {self.counts['clients']:,} people ({records:,} records), {self.counts['devices']} "
            f"laptops, {self.counts['imports']:,} import history rows and {self.audit_entries:,} audit "
            "entries; counts and the audit chain checked on the server."
        )


def _columns(central: Store, table: str) -> list[str]:
    return [r[1] for r in central.db.query(f"PRAGMA table_info({table})")]


def _is_empty(conn: Any) -> bool:
    for table in ("audit", *schema.ENTITY_TABLES, "devices", "imports"):
        if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:  # noqa: S608 - our names
            return False
    return True


def verify_chain(conn: Any) -> int:
    """Re-check the audit chain as stored on the server; returns the number of entries."""
    previous, count = GENESIS, 0
    cur = conn.execute(
        "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit ORDER BY seq"
    )
    for seq, at, actor, action, entity, entity_id, detail, prev_hash, digest in cur:
        if (
            prev_hash != previous
            or entry_hash(seq, at, actor, action, entity, entity_id, detail, prev_hash) != digest
        ):
            raise StoreError(
                f"The audit chain did not check out at entry {seq} after the move: nothing "
                "was kept on the server."
            )
        previous, count = digest, count + 1
    head = conn.execute("SELECT count, hash FROM audit_head WHERE id = 1").fetchone()
    if head is None or (int(head[0]), head[1]) != (count, previous) and count:
        raise StoreError("The audit head did not match the chain after the move: nothing was kept.")
    return count


def migrate_from_file(central: Store, conn: Any) -> MigrationResult:
    """Copy ``central`` (an open office store) into the database behind ``conn``."""
    from pace_desktop.store.office_store import require_office

    require_office(central)
    schema.migrate(conn)
    if not _is_empty(conn):
        raise RefusedError(
            "That database already holds an office's records: the move runs once, into an "
            "empty database. Nothing was changed."
        )
    counts: dict[str, int] = {}
    with conn.transaction():
        conn.execute("LOCK TABLE audit, audit_head, settings IN EXCLUSIVE MODE")
        conn.execute("DELETE FROM audit_head")
        # The entries arrive already chained, with their head: the server's head-moving trigger
        # (schema step 5) waits until they are in, and the chain is verified below instead.
        conn.execute("ALTER TABLE audit DISABLE TRIGGER audit_moves_head")
        conn.execute("DELETE FROM settings")
        for table in COPIED:
            columns = _columns(central, table)
            rows = central.db.query(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608 - our names
            if table == "settings":
                rows = [r for r in rows if not is_secret_setting(r[0])]
            with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # noqa: S608 - our names
                for row in rows:
                    copy.write_row(row)
            counts[table] = len(rows)
            stored = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 - our names
            if stored != counts[table]:
                raise StoreError(
                    f"The {table} table did not arrive whole ({stored} of {counts[table]} "
                    "rows): nothing was kept on the server."
                )
        for table in ("imports", "duplicate_review", "partner_returns", "office_notices"):
            # Rows kept their ids; new rows continue after them.
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"GREATEST((SELECT max(id) FROM {table}), 1))"
            )
        for table in SEQ_TABLES:
            if table in COPIED:  # rows kept their order (seq, from the file's schema 11); new ones follow
                conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'seq'), "  # noqa: S608
                    f"GREATEST((SELECT max(seq) FROM {table}), 1))"
                )
        conn.execute("ALTER TABLE audit ENABLE TRIGGER audit_moves_head")
        entries = verify_chain(conn)
        from pace_desktop.store.audit import append

        append(_Adapter(conn), actor=central.actor, action="migrate", detail=f"from_file,entries={entries}")
    return MigrationResult(counts, entries)


class _Adapter:
    """The audit module speaks sqlite3's paramstyle (?); this hands its statements to psycopg (%s),
    inside the move's own transaction (a nested ``transaction()`` is psycopg's savepoint)."""

    dialect = POSTGRESQL

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def transaction(self) -> Any:
        return self.conn.transaction()

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), params)
