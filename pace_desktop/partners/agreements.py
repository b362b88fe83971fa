"""Each partner's data-sharing agreement, and the rule that nothing is sent to a partner without one in force.

The partnership report asks that sharing rest on a recorded arrangement with each partner: its reference,
the legal basis, what it covers (scope), when it started and when it must be reviewed. Office staff record
it (the Partners page, or ``office partner-agreement``). A request to a partner is refused, by name, when
its agreement is missing, not yet started, or past its review date (``check_sharing``): the command line
and the office screen both ask this one rule, and ``partners.request`` asks it again before writing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from pace_desktop.errors import ValidationFailed
from pace_desktop.partners.registry import check_code
from pace_desktop.records.rules import RuleBroken
from pace_desktop.store.partner_registry import AgreementRow, agreement_row, agreement_rows, save_agreement

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

NO_AGREEMENT = "no_sharing_agreement"
PAST_REVIEW = "agreement_past_review"
NOT_STARTED = "agreement_not_started"

FIELDS = ("reference", "legal_basis", "scope", "start", "review")
_LIMITS = {"reference": 60, "legal_basis": 300, "scope": 500}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class SharingRefused(RuleBroken):
    """Nothing may be sent to this partner now; ``code`` names the rule (``NO_AGREEMENT``…)."""


@dataclass(frozen=True)
class Agreement:
    """One partner's data-sharing agreement as office staff recorded it."""

    partner: str
    reference: str
    legal_basis: str
    scope: str
    start: date
    review: date
    updated_at: str | None = None
    updated_by: str | None = None

    def describe(self) -> list[str]:
        """Plain lines for the command line (the agreement holds no personal data)."""
        return [
            f"  agreement: {self.reference}",
            f"  legal basis: {self.legal_basis}",
            f"  scope: {self.scope}",
            f"  in force from {self.start.isoformat()}, review by {self.review.isoformat()}",
        ]


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _from_row(code: str, row: AgreementRow) -> Agreement:
    return Agreement(
        code,
        row.reference,
        row.legal_basis,
        row.scope,
        _day(row.start_date),
        _day(row.review_date),
        row.updated_at,
        row.updated_by,
    )


def get_agreement(store: Store, code: str) -> Agreement | None:
    """Partner ``code``'s agreement, or None when none is recorded."""
    code = check_code(code)
    row = agreement_row(store.db, code)
    return None if row is None else _from_row(code, row)


def list_agreements(store: Store) -> dict[str, Agreement]:
    """Every recorded agreement, by partner code."""
    return {code: _from_row(code, row) for code, row in agreement_rows(store.db).items()}


def refusal(code: str, agreement: Agreement | None, today: date | None = None) -> SharingRefused | None:
    """Why nothing may be sent to partner ``code`` today, or None when its agreement is in force.

    In force means recorded, started (start on or before today) and not past review (review on or
    after today: the review date itself is the last day a request may be written).
    """
    today = today or date.today()
    if agreement is None:
        return SharingRefused(
            NO_AGREEMENT,
            f"{code} has no data-sharing agreement on file, so nothing can be sent to it: nothing was "
            f"written. Record {code}'s agreement (reference, legal basis, scope, start and review "
            f"dates) first.",
        )
    if today > agreement.review:
        return SharingRefused(
            PAST_REVIEW,
            f"{code}'s data-sharing agreement {agreement.reference} was due for review on "
            f"{agreement.review.isoformat()}, so nothing can be sent to it: nothing was written. "
            f"Review it with {code}, then record the new review date.",
        )
    if today < agreement.start:
        return SharingRefused(
            NOT_STARTED,
            f"{code}'s data-sharing agreement {agreement.reference} starts on "
            f"{agreement.start.isoformat()}: nothing can be sent to {code} before then, and nothing "
            f"was written.",
        )
    return None


def status_line(code: str, agreement: Agreement | None, today: date | None = None) -> str:
    """One plain line saying whether a request may be sent to partner ``code`` today, and why not."""
    refused = refusal(code, agreement, today)
    if refused is None:
        assert agreement is not None  # noqa: S101 - refusal() returns None only for an agreement
        return (
            f"In force: requests can be sent to {code} until the review date, {agreement.review.isoformat()}."
        )
    if refused.code == NO_AGREEMENT:
        return f"No agreement on file: no request can be sent to {code}."
    assert agreement is not None  # noqa: S101 - only a missing agreement has none
    if refused.code == PAST_REVIEW:
        return (
            f"Past its review date ({agreement.review.isoformat()}): no request can be sent to {code} "
            f"until it is reviewed."
        )
    return f"Not in force until {agreement.start.isoformat()}: no request can be sent to {code} before then."


def check_sharing(store: Store, code: str, today: date | None = None) -> Agreement:
    """The agreement in force for partner ``code``; raises ``SharingRefused`` when there is none."""
    code = check_code(code)
    agreement = get_agreement(store, code)
    refused = refusal(code, agreement, today)
    if refused is not None:
        raise refused
    assert agreement is not None  # noqa: S101 - refusal() returns None only for an agreement
    return agreement


def parse_day(text: str, what: str) -> date:
    """An ISO date (YYYY-MM-DD) typed by a person, or a one-line ``ValidationFailed`` naming ``what``."""
    value = (text or "").strip()
    if not _ISO_DAY.fullmatch(value):
        raise ValidationFailed(f"Enter the {what} as a date like 2026-04-01 (year-month-day).")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationFailed(f"The {what} must be a real date, like 2026-04-01.") from None


def check_agreement(
    *, reference: str, legal_basis: str, scope: str, start: str, review: str
) -> tuple[str, str, str, date, date]:
    """The fields tidied (spaces collapsed) and the dates read, or ``ValidationFailed`` with one plain
    line per bad field in ``field_errors`` (keys from ``FIELDS``) and the first of them as its message.
    """
    texts = {"reference": reference, "legal_basis": legal_basis, "scope": scope}
    tidy = {name: " ".join((value or "").split()) for name, value in texts.items()}
    problems: dict[str, str] = {}
    missing = {
        "reference": "Enter the agreement's reference (at most 60 characters).",
        "legal_basis": "Enter the legal basis for sharing (at most 300 characters).",
        "scope": "Enter what the agreement covers (at most 500 characters).",
    }
    for name, value in tidy.items():
        if not value or len(value) > _LIMITS[name]:
            problems[name] = missing[name]
    days: dict[str, date] = {}
    for name, what in (("start", "start date"), ("review", "review date")):
        try:
            days[name] = parse_day(start if name == "start" else review, what)
        except ValidationFailed as exc:
            problems[name] = exc.message
    if "start" in days and "review" in days and days["review"] <= days["start"]:
        problems["review"] = "The review date must be after the start date."
    if problems:
        first = next(name for name in FIELDS if name in problems)
        raise ValidationFailed(problems[first], field_errors=problems)
    return tidy["reference"], tidy["legal_basis"], tidy["scope"], days["start"], days["review"]


def set_agreement(
    store: Store,
    code: str,
    *,
    reference: str | None = None,
    legal_basis: str | None = None,
    scope: str | None = None,
    start: str | None = None,
    review: str | None = None,
) -> Agreement:
    """Record or change partner ``code``'s agreement: what is given replaces, the rest is kept.

    A partner with no agreement yet needs every field. Checked whole before anything is saved; the
    change is audited (which fields, never their values).
    """
    code = check_code(code)
    current = get_agreement(store, code)
    given = {
        "reference": reference,
        "legal_basis": legal_basis,
        "scope": scope,
        "start": start,
        "review": review,
    }
    kept = {
        "reference": current.reference if current else "",
        "legal_basis": current.legal_basis if current else "",
        "scope": current.scope if current else "",
        "start": current.start.isoformat() if current else "",
        "review": current.review.isoformat() if current else "",
    }
    values = {name: value if (value := given[name]) is not None else kept[name] for name in FIELDS}
    ref, basis, what, began, due = check_agreement(**values)
    changed = [name for name in FIELDS if given[name] is not None]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction():
        save_agreement(
            store.db,
            code,
            AgreementRow(ref, basis, what, began.isoformat(), due.isoformat(), now, store.actor),
        )
        store.audit(
            "settings_changed",
            "partner_agreement",
            code,
            detail="agreement:" + (",".join(changed) or "saved"),
        )
    saved = get_agreement(store, code)
    assert saved is not None  # noqa: S101 - just saved
    return saved
