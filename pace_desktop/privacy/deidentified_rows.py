"""Turning one person's stored records into de-identified rows: what evaluation needs, nothing more.

Kept: a keyed hash instead of the PACE ID, the event's month, kind, sector and council area, an
age band at the event, the postcode district, gender grouped, disability, employment situation,
years of service banded, services wanted, the checklist's answers (codes from a closed list),
score and band; per help, outcome and feedback: the month and the codes. Dropped: names, date of
birth, address, full postcode, phone, email, NI number, job title, employer name, event site, every
free-text note, comment and reason, and every record id. The rows are plain JSON (codes, not
labels), so the report words them afresh and retention can store them as they are.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pace_desktop.records.validation import age_on, postcode_district

AGE_BANDS: tuple[tuple[int, str], ...] = (
    (65, "65 and over"),
    (55, "55-64"),
    (45, "45-54"),
    (35, "35-44"),
    (25, "25-34"),
    (16, "16-24"),
)
UNDER_16 = "Under 16"
NOT_KNOWN = "Not known"
AGE_BAND_ORDER = (*(label for _, label in reversed(AGE_BANDS)), UNDER_16, NOT_KNOWN)

SERVICE_BANDS: tuple[tuple[float, str], ...] = (
    (20, "20 years or more"),
    (10, "10-19 years"),
    (5, "5-9 years"),
    (1, "1-4 years"),
    (0, "Under 1 year"),
)

# Gender is typed freely: only the common answers pass, anything else is grouped, never copied.
_GENDERS = {
    "woman": "Woman",
    "female": "Woman",
    "f": "Woman",
    "man": "Man",
    "male": "Man",
    "m": "Man",
    "prefer not to say": "Prefer not to say",
}


def age_band(born: date | None, on: date | None) -> str:
    if born is None or on is None:
        return NOT_KNOWN
    age = age_on(born, on)
    return next((label for start, label in AGE_BANDS if age >= start), UNDER_16)


def service_band(years: float | None) -> str:
    if years is None:
        return NOT_KNOWN
    return next((label for start, label in SERVICE_BANDS if years >= start), NOT_KNOWN)


def gender_group(text: str | None) -> str:
    if not text or not text.strip():
        return NOT_KNOWN
    return _GENDERS.get(" ".join(text.casefold().split()), "Another answer")


def district(postcode: str | None) -> str:
    if not postcode:
        return NOT_KNOWN
    try:
        return postcode_district(postcode)
    except ValueError:
        return NOT_KNOWN


def month(text: str | None) -> str | None:
    """'2026-11-20' or an ISO time -> '2026-11'."""
    return text[:7] if text else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def person_row(
    key: str, client: dict[str, Any], event: dict[str, Any] | None, checklist: dict[str, Any] | None
) -> dict[str, Any]:
    """One person's de-identified row from the stored JSON of their client, event and checklist."""
    event = event or {}
    override = (checklist or {}).get("override") or {}
    return {
        "key": key,
        "event_month": month(event.get("event_date")),
        "event_type": event.get("event_type"),
        "sector": (event.get("sector") or "").strip() or None,
        "council_area": event.get("council_area"),
        "age_band": age_band(_date(client.get("date_of_birth")), _date(event.get("event_date"))),
        "gender": gender_group(client.get("gender")),
        "district": district(client.get("postcode")),
        "disability": client.get("disability"),
        "employment_status": client.get("employment_status"),
        "service_years": service_band(client.get("length_of_service_years")),
        "pace_flag": client.get("pace_flag"),
        "services_wanted": list(client.get("services_wanted") or []),
        "checklist_version": (checklist or {}).get("checklist_version"),
        "score": (checklist or {}).get("score"),
        "band": override.get("band") or (checklist or {}).get("band"),
        "answers": dict((checklist or {}).get("answers") or {}),
    }


def help_row(key: str, intervention: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": key,
        "month": month(intervention.get("date")),
        "service": intervention.get("service"),
        "partner": intervention.get("partner"),
        "status": intervention.get("status"),
        "minutes": intervention.get("minutes"),
        "source": intervention.get("source"),
    }


def outcome_row(key: str, outcome: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": key,
        "month": month(outcome.get("date")),
        "status": outcome.get("status"),
        "source": outcome.get("source"),
    }


def feedback_row(key: str, feedback: dict[str, Any]) -> dict[str, Any]:
    return {"key": key, "month": month(feedback.get("created_at")), "rating": feedback.get("rating")}


def retained(
    key: str, client: dict[str, Any], event: dict[str, Any] | None, children: dict[str, list[dict[str, Any]]]
) -> str:
    """The JSON retention keeps for a person: their row and their help, outcomes and feedback."""
    checklists: list[dict[str, Any] | None] = [*children.get("checklist", [])] or [None]
    return json.dumps(
        {
            "person": person_row(key, client, event, checklists[-1]),
            "help": [help_row(key, i) for i in children.get("intervention", [])],
            "outcomes": [outcome_row(key, o) for o in children.get("outcome", [])],
            "feedback": [feedback_row(key, f) for f in children.get("feedback", [])],
        },
        ensure_ascii=False,
        sort_keys=True,
    )
