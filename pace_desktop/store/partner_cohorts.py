"""Consent answers by purpose, for working out who may be counted or named (``partners.cohort``):
the ``consents`` table read by purpose, and the clients who gave a standing answer.
"""

from __future__ import annotations

from pace_desktop.store.database import Database


def purpose_answers(db: Database, purpose: str) -> list[tuple[str, str | None, int, int]]:
    """Every answer for ``purpose``: (client id, captured at, row number, active)."""
    return db.query(
        "SELECT parent_id, json_extract(data, '$.captured_at'), rowid, active FROM consents "
        "WHERE purpose = ?",
        (purpose,),
    )


def client_answers(db: Database, client_id: str, purpose: str) -> list[tuple[str | None, int, int]]:
    """One client's answers for ``purpose``: (captured at, row number, active)."""
    return db.query(
        "SELECT json_extract(data, '$.captured_at'), rowid, active FROM consents "
        "WHERE parent_id = ? AND purpose = ?",
        (client_id, purpose),
    )


def clients_with_active_answer(db: Database, purpose: str) -> list[tuple[str, str]]:
    """(id, stored JSON) of clients with an active answer for ``purpose``, in PACE ID order."""
    return db.query(
        "SELECT id, data FROM clients WHERE id IN (SELECT parent_id FROM consents WHERE purpose = ? "
        "AND active = 1) ORDER BY pace_id",
        (purpose,),
    )
