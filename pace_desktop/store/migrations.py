"""Numbered schema steps. Each runs in one transaction with its ``user_version`` bump.

Before an existing store is upgraded, an encrypted copy is written beside it, so a failed or regretted upgrade
can be undone by restoring that file. A store newer than this app is refused by name.
"""

from __future__ import annotations

import contextlib
import glob
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic_core import to_jsonable_python

from pace_desktop.errors import StoreError
from pace_desktop.records.models import ENTITIES, Record
from pace_desktop.store.atomic import write_atomic
from pace_desktop.store.audit import AUDIT_DDL
from pace_desktop.store.clients import name_order
from pace_desktop.store.database import Database
from pace_desktop.store.dialect import SEQ_TABLES

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


# v4: partner data sharing (office). Each partner's set-up (identifiers it matches on, its age
# recipient, its own codes mapped to ours); every request sent, with one item per client named in
# it (PACE ID and whether it said "withdrawn — delete"), so withdrawal can be passed on and return
# rows checked against what was asked; every return imported, and the counts an aggregate-only
# partner sent back. Items and returns hold ids only, never identifiers.
_V4 = """
CREATE TABLE partners (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, services TEXT NOT NULL DEFAULT '[]',
    match_on TEXT NOT NULL DEFAULT 'ni', recipient TEXT, aggregate_only INTEGER NOT NULL DEFAULT 0,
    mappings TEXT NOT NULL DEFAULT '{}', updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);
CREATE TABLE partner_requests (
    id TEXT PRIMARY KEY, partner TEXT NOT NULL, kind TEXT NOT NULL, match_on TEXT NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT NOT NULL, file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL, sent INTEGER NOT NULL, withdrawn INTEGER NOT NULL,
    skipped INTEGER NOT NULL DEFAULT 0, hash_key TEXT);
CREATE INDEX partner_requests_partner ON partner_requests(partner, created_at);
CREATE TABLE request_items (
    request_id TEXT NOT NULL, client_id TEXT NOT NULL, pace_id TEXT NOT NULL, status TEXT NOT NULL,
    PRIMARY KEY (request_id, client_id));
CREATE INDEX request_items_client ON request_items(client_id);
CREATE INDEX request_items_pace_id ON request_items(pace_id);
CREATE TABLE partner_returns (
    id INTEGER PRIMARY KEY, request_id TEXT NOT NULL, partner TEXT NOT NULL, kind TEXT NOT NULL,
    imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL, added INTEGER NOT NULL, updated INTEGER NOT NULL,
    unchanged INTEGER NOT NULL, refused INTEGER NOT NULL);
CREATE INDEX partner_returns_request ON partner_returns(request_id);
CREATE TABLE return_counts (
    request_id TEXT NOT NULL, measure TEXT NOT NULL, count INTEGER NOT NULL, our_code TEXT,
    return_id INTEGER NOT NULL, PRIMARY KEY (request_id, measure));
"""


# v5: privacy operations (office). Withdrawals and erasures made at the office, queued per laptop
# for the signed notice file that carries them back (ids, purpose codes and dates only, never
# names); and what retention keeps of a person once their identifiable records are removed: one
# de-identified row under a keyed hash, for evaluation.
_V5 = """
CREATE TABLE office_notices (
    id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, kind TEXT NOT NULL, client_id TEXT NOT NULL,
    record_id TEXT NOT NULL, purpose TEXT, version INTEGER NOT NULL, at TEXT NOT NULL,
    queued_at TEXT NOT NULL, UNIQUE (device_id, kind, record_id));
CREATE INDEX office_notices_client ON office_notices(client_id);
CREATE TABLE deidentified (key TEXT PRIMARY KEY, retired_at TEXT NOT NULL, data TEXT NOT NULL);
"""


# v6: the performance budgets at 100,000 clients. Search (p95 under 30 ms): each search key's index
# also carries the name order, so the first 200 matches of a branch come from the index alone,
# however many people share a first letter; the old one-column indexes are prefixes of these. Event
# counts and the event table (under 200 ms): what they need of clients and checklists is in two
# covering indexes, so counting reads no record's JSON.
_V6 = """
DROP INDEX clients_parent;
CREATE INDEX clients_event ON clients(parent_id, id, version, exported_version, needs_review);
CREATE INDEX checklists_band ON checklists(parent_id, band);
DROP INDEX clients_last;
DROP INDEX clients_first;
DROP INDEX clients_pace_id;
DROP INDEX clients_ni;
DROP INDEX clients_postcode;
CREATE INDEX clients_last ON clients(last_fold, first_fold);
CREATE INDEX clients_first ON clients(first_fold, last_fold);
CREATE INDEX clients_pace_id ON clients(pace_id, last_fold, first_fold);
CREATE INDEX clients_ni ON clients(ni, last_fold, first_fold);
CREATE INDEX clients_postcode ON clients(postcode_key, last_fold, first_fold);
"""


# v10 (issue 16): the office keeps each laptop's audit heads, so a laptop's history cannot be rewritten
# unseen once anchored. One row per point of a device's chain the office has verified: the head each
# bundle carried, and the head of every earlier export found in a verified stretch (so a bundle that
# arrives late can still be checked). ``sequence`` is the export it belongs to; ``bundle_id`` is set
# when a bundle carried it.
_V10 = """
CREATE TABLE device_audit_heads (
    device_id TEXT NOT NULL, count INTEGER NOT NULL, hash TEXT NOT NULL, sequence INTEGER,
    bundle_id TEXT, recorded_at TEXT NOT NULL, PRIMARY KEY (device_id, count));
"""


# v11 (issue 17): an explicit ordering column, ``seq``, instead of SQLite's ``rowid``, which PostgreSQL
# does not have (its central schema has had ``seq`` from its first step). Existing rows keep their order:
# ``seq`` is filled from ``rowid``; new rows get one more than the largest (``dialect.next_seq``), read
# from the unique index every such table gets. The indexes that gave "in the order added" for free,
# because an index ends in the rowid, now end in ``seq``: search's five (name order, then the order
# added, still from the index alone), the child records' by-parent ones and the partner's requests.
_V11_INDEXES = """
DROP INDEX clients_last;
DROP INDEX clients_first;
DROP INDEX clients_pace_id;
DROP INDEX clients_ni;
DROP INDEX clients_postcode;
CREATE INDEX clients_last ON clients(last_fold, first_fold, seq);
CREATE INDEX clients_first ON clients(first_fold, last_fold, seq);
CREATE INDEX clients_pace_id ON clients(pace_id, last_fold, first_fold, seq);
CREATE INDEX clients_ni ON clients(ni, last_fold, first_fold, seq);
CREATE INDEX clients_postcode ON clients(postcode_key, last_fold, first_fold, seq);
DROP INDEX consents_parent;
DROP INDEX interventions_parent;
DROP INDEX outcomes_parent;
DROP INDEX feedback_parent;
CREATE INDEX consents_parent ON consents(parent_id, seq);
CREATE INDEX interventions_parent ON interventions(parent_id, seq);
CREATE INDEX outcomes_parent ON outcomes(parent_id, seq);
CREATE INDEX feedback_parent ON feedback(parent_id, seq);
DROP INDEX partner_requests_partner;
CREATE INDEX partner_requests_partner ON partner_requests(partner, created_at, seq);
"""


# v12 (issue 20): the data-sharing agreement with each partner (office), as the partnership report asks:
# its reference, legal basis, scope, start and review dates. Its own table, not columns on ``partners``:
# an agreement can be recorded before the partner's set-up (key, matching) is, and a partner's set-up
# row keeps meaning "office staff configured it". No request is written without one in force.
_V12 = """
CREATE TABLE partner_agreements (
    code TEXT PRIMARY KEY, reference TEXT NOT NULL, legal_basis TEXT NOT NULL, scope TEXT NOT NULL,
    start_date TEXT NOT NULL, review_date TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL);
"""


# v14 (issue 20): the employer as a record of its own, reused by every event held for it (the partnership
# report's employer items: sites, HR1 reference and date, proposed dismissal dates, numbers, reason, the HR
# contact). Shaped like every entity table; an event names its employer in its JSON (``employer_id``).
# Its ``seq`` is set like every other table's since v11 (``dialect.next_seq``). Every stored event gets
# ``employer_id`` (null: none picked yet), so it is still written whole, as the importer requires.
_V14 = f"""
CREATE TABLE employers ({_ENTITY_COLUMNS}, seq INTEGER);
CREATE UNIQUE INDEX employers_seq ON employers(seq);
UPDATE events SET data = json_set(data, '$.employer_id', NULL)
    WHERE json_type(data, '$.employer_id') IS NULL;
"""  # noqa: S608 - constants only, no input


_SEQ_FROM_CREATION = {"employers"}  # tables created after v11, with their seq column from the start


def _ordering_column(db: Database) -> None:
    """v11: ``seq`` on every table read in the order its rows were added, filled from ``rowid``."""
    for table in SEQ_TABLES:
        if table in _SEQ_FROM_CREATION:
            continue
        db.execute(f"ALTER TABLE {table} ADD COLUMN seq INTEGER")  # noqa: S608 - our names
        db.execute(f"UPDATE {table} SET seq = rowid")  # noqa: S608 - the one place rowid is still read
        db.execute(f"CREATE UNIQUE INDEX {table}_seq ON {table}(seq)")  # noqa: S608
    _script(_V11_INDEXES)(db)


def _refold_names(db: Database) -> None:
    """v7: the name keys again, now that ``fold`` also plains ł, ø, æ, œ, đ, ħ and ı, so that a
    search for 'Lukasiewicz' finds 'Łukasiewicz'. Computed with the current ``name_order``; only
    keys that change are written (names in plain ASCII never do).
    """
    changed = []
    for client_id, last, first, preferred, last_fold, first_fold in db.execute(
        "SELECT id, data ->> '$.last_name', data ->> '$.first_name', data ->> '$.preferred_name', "
        "last_fold, first_fold FROM clients"
    ):
        keys = name_order(last, first, preferred)
        if keys != (last_fold, first_fold):
            changed.append((*keys, client_id))
    db.executemany("UPDATE clients SET last_fold = ?, first_fold = ? WHERE id = ?", changed)


ENTITY_TABLES = {
    "event": "events",
    "client": "clients",
    "consent": "consents",
    "checklist": "checklists",
    "intervention": "interventions",
    "outcome": "outcomes",
    "feedback": "feedback",
}


IDENTITY_FIELDS = frozenset(
    ("id", "created_at", "updated_at", "version", "device_id", "updated_by", "pace_id")
)


def stored_defaults(model: type[Record]) -> dict[str, Any]:
    """The JSON value each field of ``model`` takes in a stored record that lacks it: the model's
    default, for every field that has a fixed one (``None``, ``False``, an empty list ...).

    Identity fields and fields whose default is made fresh each time (a new id, now) are never
    invented: a record without them is refused at import. The file's steps 9 and 13 and the
    central database's step 8 (``pg/schema.py``) write these.
    """
    defaults = {}
    for name, info in model.model_fields.items():
        if name in IDENTITY_FIELDS or info.is_required():
            continue
        if info.default_factory is not None and info.default_factory not in (list, dict):
            continue
        defaults[name] = to_jsonable_python(info.get_default(call_default_factory=True))
    return defaults


def _whole_records(db: Database) -> None:
    """v9, again as v13: every stored record has every field of its model, so a bundle carries every
    field the published JSON Schema requires (issue 16: the importer refuses a record missing one).

    A field added to a model after a record was saved (the checklist's ``council_area``, in the
    stores of releases 3 to 5; every field schema 2 added, issue 20) is missing from that record's
    JSON; the model's default is written in, in the model's field order. Only rows missing a field
    are rewritten; identity fields are never invented (a record without them is refused at import,
    as before). An entity whose table a later step creates has no stored records to fill yet.
    """
    for entity, model in ENTITIES.items():
        table = ENTITY_TABLES.get(entity)
        defaults = stored_defaults(model)
        if table is None or not defaults or not _has_table(db, table):
            continue
        missing = " OR ".join(f"json_type(data, '$.{name}') IS NULL" for name in defaults)
        changed = []
        for record_id, data in db.execute(
            f"SELECT id, data FROM {table} WHERE {missing}"  # noqa: S608 - names from the models
        ).fetchall():
            record = json.loads(data)
            whole = {
                name: record[name] if name in record else defaults[name]
                for name in model.model_fields
                if name in record or name in defaults
            }
            whole.update((k, v) for k, v in record.items() if k not in whole)
            changed.append((json.dumps(whole, ensure_ascii=False, separators=(",", ":")), record_id))
        db.executemany(f"UPDATE {table} SET data = ? WHERE id = ?", changed)  # noqa: S608


def _has_table(db: Database, table: str) -> bool:
    return bool(db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)))


def _script(sql: str) -> Callable[[Database], None]:
    def run(db: Database) -> None:
        for statement in (s.strip() for s in sql.split(";")):
            if statement:
                db.execute(statement)

    return run


MIGRATIONS: list[tuple[int, str, Callable[[Database], None]]] = [
    (1, "records, settings and the audit log", _script(_V1)),
    (2, "search indexes, drafts and erasure tombstones", _script(_V2)),
    (3, "exchange: export and import history, devices, sequences, duplicate review", _script(_V3)),
    (4, "partners: set-up, requests and their items, returns and returned counts", _script(_V4)),
    (5, "privacy: office notices for laptops, de-identified rows kept by retention", _script(_V5)),
    (6, "performance: name order in the search indexes, covering indexes for event counts", _script(_V6)),
    (7, "search: name keys fold letters such as ł, ø and æ to plain ones", _refold_names),
    (
        8,
        "exchange: a laptop the office retires (lost, stolen, handed back) stays listed, refused",
        _script(
            "ALTER TABLE devices ADD COLUMN retired_at TEXT; ALTER TABLE devices ADD COLUMN retired_by TEXT"
        ),
    ),
    (
        9,
        "records: every stored record whole, as the published schema and the importer require",
        _whole_records,
    ),
    (10, "exchange: the office keeps each laptop's countersigned audit heads", _script(_V10)),
    (11, "ordering: an explicit seq column instead of rowid, for a second database engine", _ordering_column),
    (12, "partners: each partner's data-sharing agreement, with its review date", _script(_V12)),
    (
        13,
        "records: schema 2's new fields written into every stored record, with their defaults",
        _whole_records,
    ),
    (14, "records: employers, reused by the events held for them", _script(_V14)),
]
SCHEMA_MAX = MIGRATIONS[-1][0]
SCHEMA_MIN = 1


def upgrade_backups(store_path: Path) -> list[Path]:
    """The pre-upgrade copies beside a store (``<store>.v<N>-<time>.bak``), oldest first."""
    return sorted(store_path.parent.glob(f"{glob.escape(store_path.name)}.v*-*.bak"))


def remove_upgrade_backups(store_path: Path) -> int:
    """Delete the pre-upgrade copies; how many went. Each holds everyone who was in the store when it
    was made, so erasure and retention call this: by then the upgraded store has been opened and
    written to, so the upgrade is known good. A copy that cannot be deleted now goes next time.
    """
    removed = 0
    for backup in upgrade_backups(store_path):
        with contextlib.suppress(OSError):
            backup.unlink()
            removed += 1
    return removed


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
            with db.transaction():
                step(db)
                db.execute(f"PRAGMA user_version = {int(number)}")
    return backup


def restore_backup(backup: Path, store_path: Path) -> None:
    """Put a pre-migration copy back in place of the store (the store must be closed)."""
    for suffix in ("-wal", "-shm"):
        side = store_path.with_name(store_path.name + suffix)
        if side.exists():
            side.unlink()
    data = Path(backup).read_bytes()
    write_atomic(store_path, data)
