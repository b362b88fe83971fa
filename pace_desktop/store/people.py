"""Reading what the store holds about one person: their tombstone, the records hanging from their
client id, the laptops that made them, possible-duplicate checks, partner sharing and audit entries.

The privacy package (``privacy.people``, ``privacy.subject_access``, ``privacy.erasure``) builds
its answers from these; table names come from the caller (the repositories' own tables).
"""

from __future__ import annotations

from typing import NamedTuple

from pace_desktop.store.database import Database


class SharedRow(NamedTuple):
    """One partner request item naming the person: who, when, matched on what, and what happened."""

    partner: str
    created_at: str
    match_on: str
    status: str


class AuditRow(NamedTuple):
    at: str
    actor: str
    action: str
    entity: str | None


def table_exists(db: Database, name: str) -> bool:
    return bool(db.scalar(db.dialect.table_exists(), (name,)) == 1)


def last_erased_at(db: Database, pace_id: str) -> str | None:
    """When the person with this PACE ID was last erased here (as stored), or None."""
    when = db.scalar(
        "SELECT erased_at FROM tombstones WHERE pace_id = ? ORDER BY erased_at DESC LIMIT 1", (pace_id,)
    )
    return None if when is None else str(when)


def child_ids(db: Database, table: str, client_id: str) -> list[str]:
    """The ids of the rows of ``table`` hanging from this client, oldest first."""
    return [
        r[0]
        for r in db.query(
            f"SELECT id FROM {table} WHERE parent_id = ? ORDER BY seq",  # noqa: S608
            (client_id,),
        )
    ]


def creator_devices(db: Database, table: str, column: str, client_id: str) -> list[str | None]:
    """The distinct device ids recorded in the rows of ``table`` whose ``column`` is this client id."""
    return [
        device
        for (device,) in db.query(
            f"SELECT DISTINCT {db.dialect.json_field('data', 'device_id')} FROM {table} "  # noqa: S608
            f"WHERE {column} = ?",
            (client_id,),
        )
    ]


def duplicate_checks(db: Database, client_id: str) -> list[tuple[str, str]]:
    """(reason, status) of every possible-duplicate check naming this client."""
    return [
        (reason, status)
        for reason, status in db.query(
            "SELECT reason, status FROM duplicate_review WHERE client_a = ? OR client_b = ?",
            (client_id,) * 2,
        )
    ]


def partners_sent_details(db: Database, client_id: str) -> list[str]:
    """Codes of the partners sent this client's identifiers (not just a keyed hash) in a request."""
    return [
        r[0]
        for r in db.query(
            "SELECT DISTINCT r.partner FROM request_items i JOIN partner_requests r ON r.id = i.request_id "
            "WHERE i.client_id = ? AND i.status = 'sent' ORDER BY 1",
            (client_id,),
        )
    ]


def partner_sharing(db: Database, client_id: str) -> list[SharedRow]:
    """Every partner request item naming this client, oldest request first."""
    return [
        SharedRow(*row)
        for row in db.query(
            "SELECT r.partner, r.created_at, r.match_on, i.status FROM request_items i "
            "JOIN partner_requests r ON r.id = i.request_id WHERE i.client_id = ? "
            "ORDER BY r.created_at, r.seq",
            (client_id,),
        )
    ]


def audit_entries(db: Database, entity_ids: list[str]) -> list[AuditRow]:
    """Every audit entry about one of ``entity_ids``, in chain order."""
    marks = ",".join("?" for _ in entity_ids)
    return [
        AuditRow(*row)
        for row in db.query(
            f"SELECT at, actor, action, entity FROM audit WHERE entity_id IN ({marks}) ORDER BY seq",  # noqa: S608
            entity_ids,
        )
    ]
