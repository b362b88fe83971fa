"""Turning what a form gathered into records: consents with the notice shown, and the checklist result.

Shared by the adviser's form, the kiosk, the attendee import and demo data, so all four store the same shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from uuid import UUID

from pace_desktop.checklist import explain, load_checklist, score
from pace_desktop.privacy_notice import Notice, current_notice
from pace_desktop.records.models import (
    CaptureMethod,
    ChecklistOverride,
    ChecklistRecord,
    Client,
    Consent,
    Event,
)

_PLACEHOLDER = UUID(int=0)


def build_consents(
    choices: Mapping[str, bool],
    *,
    how: CaptureMethod,
    by: str,
    notice: Notice | None = None,
    client_id: UUID = _PLACEHOLDER,
    at: datetime | None = None,
) -> list[Consent]:
    """One consent row per purpose answered; unanswered purposes get no row (nothing is pre-ticked)."""
    notice = notice or current_notice()
    at = at or datetime.now(UTC)
    return [
        Consent(
            client_id=client_id,
            purpose=purpose,
            granted=bool(granted),
            notice_version=notice.version,
            notice_sha256=notice.sha256,
            notice_language=notice.language,
            captured_at=at,
            captured_how=how,
            captured_by=by,
            device_id="",
            updated_by=by,
            created_at=at,
            updated_at=at,
        )
        for purpose, granted in choices.items()
    ]


def build_checklist(
    answers: Mapping[str, str],
    *,
    client: Client,
    event: Event,
    council_area: str | None = None,
    today: date | None = None,
) -> ChecklistRecord:
    """Score the answers for this client at this event and wrap the result as a record.

    The area question is about where the client lives; without a better answer it is the event's area,
    since PACE events are held at the workplace most attendees live near.
    """
    checklist = load_checklist()
    outcome = score(
        checklist,
        answers,
        date_of_birth=client.date_of_birth,
        event_date=event.event_date,
        council_area=council_area or event.council_area,
        today=today,
    )
    now = datetime.now(UTC)
    return ChecklistRecord(
        client_id=client.id,
        checklist_version=outcome.checklist_version,
        answers=dict(answers),
        score=outcome.score,
        band=outcome.band,
        explanation=explain(outcome),
        unanswered=list(outcome.unanswered),
        area_as_of=outcome.area_as_of,
        area_figures=outcome.area_figures,
        council_area=council_area or event.council_area,
        device_id="",
        updated_by="",
        created_at=now,
        updated_at=now,
    )


def with_override(record: ChecklistRecord, band: str, reason: str, adviser: str) -> ChecklistRecord:
    """The adviser's judgement is final: record their band and reason beside the computed one."""
    override = ChecklistOverride(band=band, reason=reason, adviser=adviser, at=datetime.now(UTC))
    return record.model_copy(update={"override": override})
