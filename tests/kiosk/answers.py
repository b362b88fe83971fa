"""A fictional person's complete kiosk answers, and a test event, for the Qt-free kiosk tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from pace_desktop.records.models import Event, EventType
from pace_desktop.registration.kiosk.pages import consent_field, share_purposes

EVENT_DATE = date(2026, 11, 20)


def make_event(**changes: Any) -> Event:
    event = Event(
        employer_name="Clydeside Test Fabrication",
        council_area="S12000018",
        sector="Manufacturing",
        event_date=EVENT_DATE,
        event_type=EventType.group_session,
    )
    return event.model_copy(update=changes)


def full_answers(**changes: Any) -> dict[str, Any]:
    """Everything a person answers on the way to 'Check your answers' (Zofia is fictional)."""
    answers: dict[str, Any] = {
        consent_field("pace_support"): "yes",
        consent_field("contact_followup"): "yes",
        consent_field("client_survey"): "no",
        consent_field("anonymised_statistics"): "yes",
        "first_name": "Zofia",
        "last_name": "Wójcik-Łukasiewicz",
        "preferred_name": "",
        "date_of_birth.day": "3",
        "date_of_birth.month": "11",
        "date_of_birth.year": "1968",
        "address_line1": "4 Sample Row",
        "address_line2": "",
        "town": "Port Glasgow",
        "postcode": "pa14 5aa",
        "phone": "",
        "email": "zofia@example.org",
        "ni_number": "",
        "job_title": "Welder",
        "years_service": "22",
        "employment_status": "under_notice",
        "leaving_date.day": "",
        "leaving_date.month": "",
        "leaving_date.year": "",
        "q1_qualification": "scqf_1_4",
        "q2_licence": "no",
        "q2_vehicle": "no",
        "q4_household": "alone",
        "q5_dependants": "no",
        "q6_confidence": "not_at_all",
        "q6_expectation": "no",
        "q6_luck_or_effort": "luck",
        "q8_searching": "no",
        "q8_interviews": "no",
        "q8_employer_contact": "no",
        "q9_physical": "a_lot",
        "q9_mental": "prefer_not_to_say",
        "q9_disability": "yes",
        "q10_parent_in_work": "no",
        "services": ["benefits", "money"],
    }
    for purpose, _name in share_purposes():
        answers[consent_field(purpose)] = "yes" if purpose == "share_DWP" else "no"
    answers.update(changes)
    return answers
