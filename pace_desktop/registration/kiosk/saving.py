"""Building and saving the records of one self-registration: the client, its consents, its checklist."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from pace_desktop.checklist import load_checklist
from pace_desktop.errors import RefusedError, ValidationFailed
from pace_desktop.languages import SOURCE_LANGUAGE
from pace_desktop.privacy_notice import CORE_PURPOSES, current_notice
from pace_desktop.records.models import (
    CaptureMethod,
    ChecklistRecord,
    Client,
    Consent,
    Disability,
    Event,
    RecordSource,
    as_validation_failed,
)
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.registration import build_checklist, build_consents
from pace_desktop.registration.kiosk.checks import date_value
from pace_desktop.registration.kiosk.flow import KioskFlow
from pace_desktop.registration.kiosk.pages import NO, YES, consent_field, share_purposes

KIOSK_ACTOR = "kiosk"  # store.actor while the kiosk writes; the audit log and consents name it


def _text(answers: Mapping[str, Any], key: str) -> str | None:
    value = str(answers.get(key, "") or "").strip()
    return value or None


def build_records(
    event: Event, answers: Mapping[str, Any], language: str = SOURCE_LANGUAGE
) -> tuple[Client, list[Consent], ChecklistRecord]:
    """The client (needs review, source kiosk), a consent per purpose answered, the checklist.

    Each consent records ``language`` and the exact notice text shown in it (its version and hash).

    Raises ValidationFailed when an answer would not make a valid record: nothing half-valid.
    """
    if answers.get(consent_field("pace_support")) != YES:
        raise RefusedError("Nothing was saved: the person did not agree to SDS keeping their details.")
    address_lines = [_text(answers, k) for k in ("address_line1", "address_line2", "town")]
    years = _text(answers, "years_service")
    disability = answers.get("q9_disability") or None
    try:
        client = Client(
            event_id=event.id,
            first_name=answers.get("first_name", ""),
            last_name=answers.get("last_name", ""),
            preferred_name=_text(answers, "preferred_name"),
            date_of_birth=date_value(answers, "date_of_birth"),
            address="\n".join(line for line in address_lines if line) or None,
            postcode=_text(answers, "postcode"),
            phone=_text(answers, "phone"),
            email=_text(answers, "email"),
            ni_number=_text(answers, "ni_number"),
            disability=Disability(disability) if disability else None,
            employment_status=_text(answers, "employment_status"),
            job_title=_text(answers, "job_title"),
            length_of_service_years=float(years) if years else None,
            expected_leaving_date=date_value(answers, "leaving_date"),
            services_wanted=list(answers.get("services") or []),
            source=RecordSource.kiosk,
            needs_review=True,
        )
    except ValidationError as err:
        raise as_validation_failed(err) from None
    purposes = [
        "pace_support",
        *(p for p in CORE_PURPOSES if p != "pace_support"),
        *(p for p, _ in share_purposes()),
    ]
    choices = {
        p: answers[consent_field(p)] == YES for p in purposes if answers.get(consent_field(p)) in (YES, NO)
    }
    consents = build_consents(
        choices,
        how=CaptureMethod.self_kiosk,
        by=KIOSK_ACTOR,
        notice=current_notice(language),
        client_id=client.id,
    )
    checklist_answers = {
        p.id: str(answers[p.id]) for p in load_checklist().answerable_parts() if answers.get(p.id)
    }
    checklist = build_checklist(checklist_answers, client=client, event=event)
    return client, consents, checklist


def submit(store: Any, event: Event, answers: Mapping[str, Any], language: str = SOURCE_LANGUAGE) -> None:
    """Save one self-registration in one transaction, written as the kiosk; returns nothing.

    ``language`` is the one the person read the kiosk in: their consents record its notice.

    ``store`` is a ``pace_desktop.store.store.Store`` (typed loosely: this module stays light).
    """
    flow = KioskFlow(event)
    flow.answers.update(answers)
    if (problem := flow.first_invalid()) is not None:
        _page, errors = problem
        raise ValidationFailed("Some answers need correcting before they can be sent.", errors)
    client, consents, checklist = build_records(event, answers, language)
    while store.client_queries.pace_id_taken(client.pace_id):  # a clash is rare, but never fatal
        client = client.model_copy(update={"pace_id": new_pace_id()})
    before = store.actor
    store.actor = KIOSK_ACTOR
    try:
        store.register(client, consents, checklist)
    finally:
        store.actor = before
