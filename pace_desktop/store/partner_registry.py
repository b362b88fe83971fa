"""The ``partners`` table: each partner's set-up as office staff saved it (``partners.registry``)."""

from __future__ import annotations

from typing import NamedTuple

from pace_desktop.store.database import Database


class PartnerRow(NamedTuple):
    """One saved set-up, as stored: ``services`` and ``mappings`` are JSON text."""

    name: str
    services: str
    match_on: str
    recipient: str | None
    aggregate_only: int
    mappings: str
    updated_at: str | None
    updated_by: str | None


def partner_row(db: Database, code: str) -> PartnerRow | None:
    """The saved set-up of partner ``code``, or None if office staff never saved one."""
    rows = db.query(
        "SELECT name, services, match_on, recipient, aggregate_only, mappings, updated_at, updated_by "
        "FROM partners WHERE code = ?",
        (code,),
    )
    return PartnerRow(*rows[0]) if rows else None


def save_partner(db: Database, code: str, row: PartnerRow) -> None:
    """Add or replace partner ``code``'s set-up (call inside the caller's transaction)."""
    db.execute(
        "INSERT INTO partners(code, name, services, match_on, recipient, aggregate_only, mappings, "
        "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
        "name = excluded.name, services = excluded.services, match_on = excluded.match_on, "
        "recipient = excluded.recipient, aggregate_only = excluded.aggregate_only, "
        "mappings = excluded.mappings, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by",
        (code, *row),
    )


class AgreementRow(NamedTuple):
    """One partner's data-sharing agreement, as stored: dates as ISO text (YYYY-MM-DD)."""

    reference: str
    legal_basis: str
    scope: str
    start_date: str
    review_date: str
    updated_at: str
    updated_by: str


def agreement_rows(db: Database) -> dict[str, AgreementRow]:
    """Every recorded agreement, by partner code."""
    rows = db.query(
        "SELECT code, reference, legal_basis, scope, start_date, review_date, updated_at, updated_by "
        "FROM partner_agreements"
    )
    return {r[0]: AgreementRow(*r[1:]) for r in rows}


def agreement_row(db: Database, code: str) -> AgreementRow | None:
    """Partner ``code``'s agreement, or None if office staff never recorded one."""
    rows = db.query(
        "SELECT reference, legal_basis, scope, start_date, review_date, updated_at, updated_by "
        "FROM partner_agreements WHERE code = ?",
        (code,),
    )
    return AgreementRow(*rows[0]) if rows else None


def save_agreement(db: Database, code: str, row: AgreementRow) -> None:
    """Add or replace partner ``code``'s agreement (call inside the caller's transaction)."""
    db.execute(
        "INSERT INTO partner_agreements(code, reference, legal_basis, scope, start_date, review_date, "
        "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
        "reference = excluded.reference, legal_basis = excluded.legal_basis, scope = excluded.scope, "
        "start_date = excluded.start_date, review_date = excluded.review_date, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        (code, *row),
    )
