"""The audit log: append-only, hash-chained entries in the encrypted store: who did what, when.

Each entry's hash covers its own fields and the hash of the entry before it, so an edited, removed
or reordered entry breaks the chain. A one-row ``audit_head`` (count and hash of the newest entry),
moved in the same transaction, catches the removal of the newest entries, which a chain cannot.
Entries name records by id only, never personal data. The caller owns the transaction: nothing
here commits the caller's work.

Hash: SHA-256 over the canonical JSON (keys sorted, no spaces, ASCII) of ``seq, at, actor, action,
entity, entity_id, detail, prev_hash``; the first entry's ``prev_hash`` is 64 zeros.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from pace_desktop.store.dialect import SQLITE

GENESIS = "0" * 64


class Executor(Protocol):
    """What the audit log needs of a database: ``execute`` giving a cursor. A ``Database``, or the
    PostgreSQL move's adapter (``store/pg/from_file.py``)."""

    def execute(self, sql: str, params: Any = ()) -> Any: ...


AUDIT_DDL = (
    """CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT,
    entity_id TEXT,
    detail TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL);
CREATE INDEX audit_entity_id ON audit(entity_id);
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    count INTEGER NOT NULL,
    hash TEXT NOT NULL);
INSERT INTO audit_head (id, count, hash) VALUES (1, 0, '"""
    + GENESIS
    + "')"
)

ACTIONS: frozenset[str] = frozenset(
    {
        "unlock",
        "lock",
        "unlock_failed",
        "view",
        "create",
        "change",
        "export",
        "import",
        "receipt",
        "purge",
        "kiosk_start",
        "kiosk_stop",
        "adviser_added",
        "adviser_removed",
        "passphrase_changed",
        "settings_changed",
        "enrol",
        "retire",
        "migrate",
        "erase",
        "withdraw",
        "correct",
        "report",
        "subject_access",
    }
)

# Code-like values only: no spaces and no "@", so a name or an email cannot slip in by mistake.
_DETAIL = re.compile(r"[A-Za-z0-9_.,:;=/+\-]{1,200}")
_ENTITY = re.compile(r"[A-Za-z0-9_.\-]{1,40}")
_ENTITY_ID = re.compile(r"[A-Za-z0-9_.:\-]{1,100}")
_FIELDS = ("seq", "at", "actor", "action", "entity", "entity_id", "detail", "prev_hash")
_COLUMNS = "seq, at, actor, action, entity, entity_id, detail, prev_hash, hash"


def entry_hash(
    seq: int,
    at: str,
    actor: str,
    action: str,
    entity: str | None,
    entity_id: str | None,
    detail: str | None,
    prev_hash: str,
) -> str:
    """The hash an entry with these fields must carry."""
    values = (seq, at, actor, action, entity, entity_id, detail, prev_hash)
    for value in values:
        # Only what append() writes can be hashed; a blob or a float was put there by hand.
        if value is not None and type(value) not in (str, int):
            raise ValueError("unexpected value type in an audit entry")
    canonical = json.dumps(
        dict(zip(_FIELDS, values, strict=True)), sort_keys=True, separators=(",", ":"), ensure_ascii=True
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def append(
    db: Executor,
    *,
    actor: str,
    action: str,
    entity: str | None = None,
    entity_id: str | None = None,
    detail: str | None = None,
    at: datetime | None = None,
) -> int:
    """Add one entry and move the head as one unit, inside the caller's transaction; returns seq."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if not isinstance(actor, str) or not actor.strip() or len(actor) > 200:
        raise ValueError("an audit entry needs an actor of at most 200 characters")
    if entity is not None and not _ENTITY.fullmatch(entity):
        raise ValueError("audit entity must be a short code such as 'client'")
    if entity_id is not None and not _ENTITY_ID.fullmatch(entity_id):
        raise ValueError("audit entity_id must be an id, not free text")
    if detail is not None and not _DETAIL.fullmatch(detail):
        raise ValueError("audit detail must be a short code with no spaces, never personal data")
    if at is None:
        at = datetime.now(UTC)
    elif at.tzinfo is None:
        raise ValueError("audit times must carry a time zone")
    stamp = at.astimezone(UTC).isoformat(timespec="microseconds")

    spelling = getattr(db, "dialect", SQLITE)
    if spelling.server_moves_audit_head:
        # PostgreSQL: a savepoint needs a transaction, so the database's own (which nests as one).
        # The head is locked as it is read and moved by the server's trigger (schema step 5).
        with db.transaction():  # type: ignore[attr-defined]
            return _write_entry(db, spelling, stamp, actor, action, entity, entity_id, detail)
    # A savepoint makes entry + head one unit: inside the caller's transaction it only nests (no
    # commit); on a connection in autocommit it is the atomic write of this entry and nothing else.
    db.execute("SAVEPOINT audit_append")
    try:
        seq = _write_entry(db, spelling, stamp, actor, action, entity, entity_id, detail)
    except BaseException:
        # SQLite may already have rolled the whole transaction back (a full disk): then there is
        # no savepoint left to undo, and the original error is the one worth raising.
        with contextlib.suppress(Exception):
            db.execute("ROLLBACK TO audit_append")
            db.execute("RELEASE audit_append")
        raise
    db.execute("RELEASE audit_append")
    return seq


def _write_entry(
    db: Executor,
    spelling: Any,
    stamp: str,
    actor: str,
    action: str,
    entity: str | None,
    entity_id: str | None,
    detail: str | None,
) -> int:
    """The entry after the head, and (where the appender moves it) the head."""
    head = db.execute(spelling.audit_head_for_append).fetchone()
    head_count, head_hash = (0, GENESIS) if head is None else (int(head[0]), str(head[1]))
    last_seq = db.execute("SELECT max(seq) FROM audit").fetchone()[0] or 0
    # The chain continues from the head, not from the newest row: if the newest rows were
    # deleted, the next entry leaves a visible gap instead of quietly closing it.
    seq = max(head_count, last_seq) + 1
    digest = entry_hash(seq, stamp, actor, action, entity, entity_id, detail, head_hash)
    db.execute(
        f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
        (seq, stamp, actor, action, entity, entity_id, detail, head_hash, digest),
    )
    if not spelling.server_moves_audit_head:
        db.execute(
            "INSERT INTO audit_head (id, count, hash) VALUES (1, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET count = excluded.count, hash = excluded.hash",
            (seq, digest),
        )
    return seq


@dataclass
class AuditReport:
    """The result of checking the chain: ``problem`` is one plain line when ``ok`` is False."""

    ok: bool
    entries: int
    problem: str | None = None
    first_bad_seq: int | None = None

    def message(self) -> str:
        """One line for the person at the keyboard: what was found and whom to tell."""
        if self.ok:
            return f"The audit log checks out: {self.entries:,} entries, each linked to the one before."
        return (
            f"The audit log does not check out: {self.problem} Someone may have changed this "
            "store outside PACE Intake: tell your data protection lead."
        )


def verify(db: Executor) -> AuditReport:
    """Walk the whole chain in order; report the first entry that was changed, removed or moved."""
    found = _first_problem(db)
    total = int(db.execute("SELECT count(*) FROM audit").fetchone()[0])
    if found is None:
        return AuditReport(ok=True, entries=total)
    problem, seq = found
    return AuditReport(ok=False, entries=total, problem=problem, first_bad_seq=seq)


def entries_for(db: Executor, entity_id: str) -> list[dict[str, Any]]:
    """One record's history, oldest first, for its History tab (``at`` is a UTC datetime)."""
    rows = db.execute(
        "SELECT seq, at, actor, action, entity, entity_id, detail FROM audit "
        "WHERE entity_id = ? ORDER BY seq",
        (entity_id,),
    ).fetchall()
    return [
        {
            "seq": seq,
            "at": datetime.fromisoformat(at),
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": eid,
            "detail": detail,
        }
        for seq, at, actor, action, entity, eid, detail in rows
    ]


# -- checking -------------------------------------------------------------------------------------
def _first_problem(db: Executor) -> tuple[str, int] | None:
    expected, prev = 1, GENESIS
    for row in db.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq"):  # noqa: S608
        seq, stored_prev, stored_hash = row[0], row[7], row[8]
        if seq < expected:
            return f"Audit entry {seq} has a number the app never writes.", seq
        if seq > expected:
            return f"Audit entry {expected} is missing: it was removed.", expected
        if _hash_of(row, seq) != stored_hash:
            written_as = _original_seq(db, row)
            if written_as is not None:
                return (f"Audit entry {seq} is out of order: it was written as entry {written_as}.", seq)
            return f"Audit entry {seq} was changed after it was written.", seq
        if stored_prev != prev:
            if seq == 1:
                return "Audit entry 1 was changed after it was written.", 1
            return (
                f"Audit entries {seq - 1} and {seq} no longer link: one of them was changed "
                "after it was written.",
                seq - 1,
            )
        prev, expected = stored_hash, expected + 1

    last = expected - 1
    head = db.execute("SELECT count, hash FROM audit_head WHERE id = 1").fetchone()
    if head is None:
        if last == 0:
            return None
        return "The audit log's record of its newest entry was removed.", last
    count, head_hash = int(head[0]), head[1]
    if count > last:
        return f"Audit entry {last + 1} is missing: the newest entries were removed.", last + 1
    if count < last:
        return f"Audit entry {count + 1} was added outside the app.", count + 1
    if head_hash != prev:
        return f"Audit entry {last} was changed after it was written.", last
    return None


def _hash_of(row: Any, seq: int) -> str | None:
    try:
        return entry_hash(seq, *row[1:8])
    except ValueError:
        return None


def _original_seq(db: Executor, row: Any) -> int | None:
    """Where a row that fails its hash was first written, if it is intact but moved (else None).

    Its old neighbours still point at it: the entry that followed it holds its hash as
    ``prev_hash``, the one before holds its ``prev_hash`` as hash, the head holds it if newest.
    """
    seq, stored_prev, stored_hash = row[0], row[7], row[8]
    candidates: set[int] = set()
    for (after,) in db.execute("SELECT seq FROM audit WHERE prev_hash = ?", (stored_hash,)):
        candidates.add(after - 1)
    if stored_prev == GENESIS:
        candidates.add(1)
    for (before,) in db.execute("SELECT seq FROM audit WHERE hash = ?", (stored_prev,)):
        candidates.add(before + 1)
    head = db.execute("SELECT count FROM audit_head WHERE id = 1 AND hash = ?", (stored_hash,)).fetchone()
    if head is not None:
        candidates.add(int(head[0]))
    for candidate in sorted(candidates - {seq}):
        if candidate > 0 and _hash_of(row, candidate) == stored_hash:
            return candidate
    return None


# -- anchoring (issue 16): the head, the entries since a point, and the chain recomputed elsewhere --
SEGMENT_FIELDS = ("seq", "at", "actor", "action", "entity", "entity_id", "detail")


def head(db: Executor) -> tuple[int, str]:
    """The newest entry's number and hash, as the one-row head holds them (0 and 64 zeros if none)."""
    row = db.execute("SELECT count, hash FROM audit_head WHERE id = 1").fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def stored_hash(db: Executor, seq: int) -> str | None:
    """The hash entry ``seq`` carries in this store (64 zeros for 0; None when there is no such entry)."""
    if seq == 0:
        return GENESIS
    row = db.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else str(row[0])


def entries_after(db: Executor, seq: int) -> list[tuple[Any, ...]]:
    """Every entry after ``seq``, oldest first, as ``SEGMENT_FIELDS`` (no hashes: a reader recomputes
    them, which is the point)."""
    rows: list[tuple[Any, ...]] = db.execute(
        f"SELECT {', '.join(SEGMENT_FIELDS)} FROM audit WHERE seq > ? ORDER BY seq",  # noqa: S608
        (seq,),
    ).fetchall()
    return rows


def chain_hashes(start_seq: int, start_hash: str, entries: list[tuple[Any, ...]]) -> list[str]:
    """The hash of each entry in ``entries`` (``SEGMENT_FIELDS`` rows) when the chain is continued from
    entry ``start_seq`` with hash ``start_hash``; ValueError if the numbers do not follow on."""
    hashes: list[str] = []
    prev = start_hash
    for offset, entry in enumerate(entries, start=1):
        if len(entry) != len(SEGMENT_FIELDS) or entry[0] != start_seq + offset or type(entry[0]) is not int:
            raise ValueError("audit entries do not follow on from the anchor")
        seq, at, actor, action, entity, entity_id, detail = entry
        prev = entry_hash(seq, at, actor, action, entity, entity_id, detail, prev)
        hashes.append(prev)
    return hashes
