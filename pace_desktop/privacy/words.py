"""Plain words for what the store keeps as codes: field names, choices, purposes, audit actions.

A person reading their own subject access copy should never meet ``pace_support`` or
``with_adviser``; these tables turn every code into the words an adviser would use with them.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from pace_desktop.privacy_notice import purpose_text
from pace_desktop.records.enums import BAND_LABELS, LabelledEnum
from pace_desktop.reference import SERVICES, council_area_names, partners

NOT_GIVEN = "Not given"

CLIENT_FIELDS: dict[str, str] = {
    "pace_id": "PACE ID",
    "title": "Title",
    "first_name": "First name",
    "last_name": "Last name",
    "preferred_name": "Preferred name",
    "date_of_birth": "Date of birth",
    "gender": "Gender",
    "address": "Address",
    "postcode": "Postcode",
    "phone": "Phone",
    "email": "Email",
    "ni_number": "National Insurance number",
    "disability": "Disability",
    "employment_status": "Employment situation",
    "job_title": "Job title",
    "length_of_service_years": "Years with the employer",
    "notice_date": "Date of redundancy notice",
    "expected_leaving_date": "Expected leaving date",
    "redundancy_pay_status": "Your redundancy pay",
    "wants_money_advice": "Would like advice about money",
    "pace_criteria": "Why PACE support applies",
    "pace_flag": "Flagged as a PACE client",
    "services_wanted": "Help you said would be useful",
    "source": "How your details were entered",
    "needs_review": "Waiting for an adviser to check",
    "notes": "Adviser's notes",
}

ENTITY_WORDS: dict[str, str] = {
    "client": "your details",
    "consent": "a consent answer",
    "checklist": "your checklist answers",
    "intervention": "help or a referral",
    "outcome": "an outcome",
    "feedback": "your feedback",
}

ACTION_WORDS: dict[str, str] = {
    "view": "Looked at",
    "create": "Recorded",
    "change": "Changed",
    "correct": "Corrected at your request",
    "withdraw": "Consent withdrawn",
    "erase": "Erased",
    "subject_access": "Copy of your data produced for you",
    "import": "Received by the office",
    "export": "Sent to the office",
    "purge": "Removed from the laptop",
}

SHARING_WORDS: dict[str, str] = {
    "sent": "Your details were sent so they could match their records to you",
    "hashed": "Only a coded form of your details was sent, for counting; it cannot be read back",
    "withdrawn": "They were told to delete your details",
}


def purpose_words(purpose: str) -> str:
    """The question the person was asked, e.g. 'Can we contact you later to see how you are getting on?'."""
    try:
        return purpose_text(purpose, "client")
    except KeyError:
        return purpose


def partner_name(code: str | None) -> str | None:
    if not code:
        return None
    return next((p.name for p in partners() if p.code == code), code)


def service_name(code: str | None) -> str | None:
    return None if code is None else SERVICES.get(code, code)


def area_name(code: str | None) -> str | None:
    return None if code is None else council_area_names().get(code, code)


def band_name(band: str | None) -> str | None:
    return None if band is None else BAND_LABELS.get(band, band)


def yes_no(value: bool | None) -> str:
    return NOT_GIVEN if value is None else ("Yes" if value else "No")


def plain(value: Any) -> Any:
    """A value as a person reads it: labels for choices, Yes/No, lists joined; dates stay dates."""
    if value is None or value == "" or value == []:
        return NOT_GIVEN
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date | int | float):
        return value
    if isinstance(value, list | tuple):
        return "; ".join(str(plain(v)) for v in value)
    return str(value)


def when(value: datetime | None) -> str:
    """A time in words-with-numbers, UTC: '2026-11-20 14:05 UTC'."""
    return NOT_GIVEN if value is None else f"{value:%Y-%m-%d %H:%M} UTC"
