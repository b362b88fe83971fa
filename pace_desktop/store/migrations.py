"""Numbered schema steps. Each runs in one transaction with its ``user_version`` bump.

Before an existing store is upgraded, an encrypted copy is written beside it, so a failed or regretted upgrade
can be undone by restoring that file. A store newer than this app is refused by name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pace_desktop.errors import StoreError
from pace_desktop.store.audit import AUDIT_DDL
from pace_desktop.store.database import Database

_ENTITY_COLUMNS = """
    id TEXT PRIMARY KEY,
    parent_id TEXT,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    exported_version INTEGER NOT NULL DEFAULT 0,
    confirmed_version INTEGER NOT NULL DEFAULT 0,
    confirmed_at TEXT,
    data TEXT NOT NULL
"""

_V1 = f"""
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
{AUDIT_DDL};
CREATE TABLE events ({_ENTITY_COLUMNS}, event_date TEXT NOT NULL);
CREATE TABLE clients ({_ENTITY_COLUMNS},
    pace_id TEXT NOT NULL,
    first_fold TEXT NOT NULL,
    last_fold TEXT NOT NULL,
    ni TEXT,
    postcode_key TEXT,
    needs_review INTEGER NOT NULL DEFAULT 0);
CREATE TABLE consents ({_ENTITY_COLUMNS}, purpose TEXT NOT NULL, active INTEGER NOT NULL);
CREATE TABLE checklists ({_ENTITY_COLUMNS}, band TEXT NOT NULL);
CREATE TABLE interventions ({_ENTITY_COLUMNS});
CREATE TABLE outcomes ({_ENTITY_COLUMNS});
CREATE TABLE feedback ({_ENTITY_COLUMNS});
CREATE INDEX clients_parent ON clients(parent_id);
CREATE INDEX clients_pace_id ON clients(pace_id);
CREATE INDEX consents_parent ON consents(parent_id);
CREATE UNIQUE INDEX checklists_parent ON checklists(parent_id);
CREATE INDEX interventions_parent ON interventions(parent_id);
CREATE INDEX outcomes_parent ON outcomes(parent_id);
CREATE INDEX feedback_parent ON feedback(parent_id);
"""

# v2: search by name, NI number and postcode prefix at 100,000 clients; drafts kept across auto-lock;
# erasure tombstones so that a late bundle cannot bring an erased person back.
_V2 = """
CREATE INDEX clients_last ON clients(last_fold);
CREATE INDEX clients_first ON clients(first_fold);
CREATE INDEX clients_ni ON clients(ni);
CREATE INDEX clients_postcode ON clients(postcode_key);
CREATE TABLE drafts (key TEXT PRIMARY KEY, saved_at TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE tombstones (
    id TEXT PRIMARY KEY, pace_id TEXT NOT NULL, erased_at TEXT NOT NULL, reason TEXT NOT NULL,
    exported INTEGER NOT NULL DEFAULT 0);
"""


# v3: the exchange. Laptops keep an export history (and when each receipt came back); the
# office keeps enrolled devices, every import attempt with its verdict, the sequence numbers
# seen per device (to report gaps) and possible duplicate people for review, found through
# the (last name, date of birth) index. Both kinds of store get every table: a store's kind
# is a setting, and one schema keeps migrations simple.
_V3 = """
CREATE TABLE exports (
    bundle_id TEXT PRIMARY KEY, sequence INTEGER NOT NULL, created_at TEXT NOT NULL,
    file_name TEXT NOT NULL, records INTEGER NOT NULL, held_back INTEGER NOT NULL,
    counts TEXT NOT NULL, receipt_at TEXT);
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
    enrolled_at TEXT NOT NULL, enrolled_by TEXT NOT NULL, how TEXT NOT NULL);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY, attempted_at TEXT NOT NULL, file_name TEXT NOT NULL, file_sha256 TEXT,
    bundle_id TEXT, device_id TEXT, sequence INTEGER, verdict TEXT NOT NULL, code TEXT NOT NULL,
    reason TEXT NOT NULL, counts TEXT NOT NULL DEFAULT '{}', gap TEXT, imported_by TEXT NOT NULL,
    receipt TEXT);
CREATE INDEX imports_bundle ON imports(bundle_id);
CREATE TABLE device_sequences (
    device_id TEXT NOT NULL, sequence INTEGER NOT NULL, bundle_id TEXT NOT NULL,
    received_at TEXT NOT NULL, PRIMARY KEY (device_id, sequence, bundle_id));
CREATE TABLE duplicate_review (
    id INTEGER PRIMARY KEY, client_a TEXT NOT NULL, client_b TEXT NOT NULL, reason TEXT NOT NULL,
    found_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open',
    UNIQUE (client_a, client_b, reason));
CREATE INDEX clients_name_dob ON clients(last_fold, json_extract(data, '$.date_of_birth'));
"""


def _script(sql: str) -> Callable[[Database], None]:
    def run(db: Database) -> None:
        for statement in (s.strip() for s in sql.split(";")):
            if statement:
                db.conn.execute(statement)

    return run


MIGRATIONS: list[tuple[int, str, Callable[[Database], None]]] = [
    (1, "records, settings and the audit log", _script(_V1)),
    (2, "search indexes, drafts and erasure tombstones", _script(_V2)),
    (3, "exchange: export and import history, devices, sequences, duplicate review", _script(_V3)),
]
SCHEMA_MAX = MIGRATIONS[-1][0]
SCHEMA_MIN = 1


def backup_path(store_path: Path, from_version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return store_path.with_name(f"{store_path.name}.v{from_version}-{stamp}.bak")


def migrate(db: Database, data_key: bytes, *, target: int = SCHEMA_MAX) -> Path | None:
    """Bring ``db`` up to ``target``; returns the backup written first, if the store already held data."""
    current = db.user_version
    if current > SCHEMA_MAX:
        raise StoreError(
            f"This store was written by a newer PACE Intake (schema {current}; this app reads up to "
            f"{SCHEMA_MAX}): install the newer version."
        )
    if current >= target:
        return None
    backup = None
    if current >= SCHEMA_MIN:
        backup = backup_path(db.path, current)
        db.export_copy(backup, data_key)
    for number, _title, step in MIGRATIONS:
        if current < number <= target:
            with db.transaction() as conn:
                step(db)
                conn.execute(f"PRAGMA user_version = {int(number)}")
    return backup


def restore_backup(backup: Path, store_path: Path) -> None:
    """Put a pre-migration copy back in place of the store (the store must be closed)."""
    for suffix in ("-wal", "-shm"):
        side = store_path.with_name(store_path.name + suffix)
        if side.exists():
            side.unlink()
    data = Path(backup).read_bytes()
    from pace_desktop.store.atomic import write_atomic

    write_atomic(store_path, data)
