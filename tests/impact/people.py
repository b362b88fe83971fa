"""Tiny hand-made stores of fictional people, so that every figure can be worked out on paper."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from pace_desktop.records.models import (
    CaptureMethod,
    ChecklistOverride,
    ChecklistRecord,
    Client,
    Event,
    EventType,
    Feedback,
    Intervention,
    InterventionStatus,
    Outcome,
)
from pace_desktop.registration import build_consents

GLASGOW = "S12000049"
FIFE = "S12000047"


def event(
    store,
    *,
    sector="Manufacturing",
    area=GLASGOW,
    kind=EventType.group_session,
    when=date(2025, 1, 10),
    employer="Clydeside Demo Castings",
) -> Event:
    return store.events.add(
        Event(employer_name=employer, council_area=area, sector=sector, event_date=when, event_type=kind)
    )


def person(
    store,
    ev: Event,
    *,
    leaving: date | None = date(2025, 1, 31),
    consents: dict[str, bool] | None = None,
    outcomes: list[tuple[int, str]] = (),  # (days after leaving, status)
    score: int | None = None,
    band: str = "low",
    override: str | None = None,
    interventions: list[tuple[str, str | None, int, str]] = (),  # (service, partner, minutes, status)
    rating: int | None = None,
    born: date = date(1980, 5, 1),
    first: str = "Eilidh",
    last: str = "Demo",
) -> Client:
    """One fictional person; consents default to every core purpose granted, and a yes to sharing
    with each partner they are referred to (records.rules: a referral needs it)."""
    if consents is None:
        consents = {
            "pace_support": True,
            "contact_followup": True,
            "client_survey": True,
            "anonymised_statistics": True,
        }
    consents = {
        f"share_{partner}": True for _s, partner, _m, _st in interventions if partner not in (None, "SDS")
    } | consents
    at = datetime(2025, 1, 10, 12, tzinfo=UTC)
    client = Client(
        event_id=ev.id,
        first_name=first,
        last_name=last,
        expected_leaving_date=leaving,
        date_of_birth=born,
        email="demo.person@example.org",
        phone="07700 900123",
    )
    checklist = None
    if score is not None:
        checklist = ChecklistRecord(
            client_id=client.id,
            checklist_version="ltu-1",
            score=score,
            band=band,
            override=ChecklistOverride(band=override, reason="Adviser's judgement", adviser="Ailsa Demo")
            if override
            else None,
        )
    client = store.register(
        client, build_consents(consents, how=CaptureMethod.with_adviser, by="Ailsa Demo", at=at), checklist
    )
    base = leaving or date(2025, 1, 31)
    with store.transaction():
        for days, status in outcomes:
            store.outcomes.add(Outcome(client_id=client.id, date=base + timedelta(days=days), status=status))
        for service, partner, minutes, status in interventions:
            store.interventions.add(
                Intervention(
                    client_id=client.id,
                    service=service,
                    partner=partner,
                    date=date(2025, 1, 20),
                    status=InterventionStatus(status),
                    minutes=minutes,
                )
            )
        if rating is not None:
            store.feedback.add(Feedback(client_id=client.id, rating=rating))
    return client
