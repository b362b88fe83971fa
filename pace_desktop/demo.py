"""Believable fictional people for demos, screenshots and benchmarks.

Names mix Scottish, Gaelic, Polish and Urdu, as at real PACE events; every checklist answer and every band
appears. Nobody here is real: employers, streets and NI numbers are generated.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

from pace_desktop.checklist import explain, load_checklist, score
from pace_desktop.privacy_notice import current_notice
from pace_desktop.records.models import (
    STORED_CONTEXT,
    CaptureMethod,
    ChecklistOverride,
    ChecklistRecord,
    Client,
    Consent,
    Disability,
    Employer,
    EmploymentStatus,
    Event,
    EventType,
    Feedback,
    Intervention,
    InterventionStatus,
    Outcome,
    OutcomeStatus,
    RedundancyPay,
    share_purpose,
)
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.records.rules import CONTROLLER, needs_sharing_consent
from pace_desktop.reference import SERVICES, council_areas, current, partners
from pace_desktop.store import demo_data
from pace_desktop.store.store import Store

FIRST = [
    "Ewan",
    "Kirsty",
    "Callum",
    "Shona",
    "Fraser",
    "Morven",
    "Alasdair",
    "Eilidh",
    "Duncan",
    "Isla",
    "Mòrag",
    "Iain",
    "Seonag",
    "Ruairidh",
    "Catrìona",
    "Calum",
    "Màiri",
    "Dòmhnall",
    "Zofia",
    "Krzysztof",
    "Agnieszka",
    "Paweł",
    "Małgorzata",
    "Tomasz",
    "Katarzyna",
    "Ayesha",
    "Imran",
    "Farah",
    "Bilal",
    "Nadia",
    "Usman",
    "Sana",
    "عائشہ",
    "عمران",
]
LAST = [
    "MacLeod",
    "Robertson",
    "Fraser",
    "Campbell",
    "Stewart",
    "Murray",
    "Paterson",
    "Henderson",
    "NicDhòmhnaill",
    "MacAoidh",
    "Caimbeul",
    "NicLeòid",
    "Wójcik",
    "Kowalczyk",
    "Nowak",
    "Łukasiewicz",
    "Zieliński",
    "Szymańska",
    "Siddiqui",
    "Qureshi",
    "Chaudhry",
    "Malik",
    "Hussain",
    "صدیقی",
]
EMPLOYERS = [
    ("Clydeside Precision Castings Ltd", "Manufacturing"),
    ("Kelvin Contact Centre", "Customer service"),
    ("Forth Valley Bottling Co", "Food and drink"),
    ("Northern Lights Retail Group", "Retail"),
    ("Tay Engineering Services", "Engineering"),
    ("Lomond Print Works", "Printing"),
    ("Harbour View Seafoods", "Food and drink"),
    ("Grampian Offshore Supply", "Energy"),
]
STREETS = [
    "High Street",
    "Main Street",
    "Station Road",
    "Church Street",
    "Burnside",
    "Mill Lane",
    "Park Avenue",
    "Victoria Road",
    "Sràid na h-Eaglais",
    "Shore Road",
]
DISTRICTS = ["G51", "G20", "PA4", "ML1", "KA1", "FK2", "EH6", "DD1", "AB11", "IV2", "KY1", "PH1"]
JOBS = [
    "Machine operator",
    "Team leader",
    "Customer adviser",
    "Warehouse operative",
    "Quality inspector",
    "Maintenance engineer",
    "Administrator",
    "Forklift driver",
    "Line supervisor",
    "Payroll clerk",
]
_NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
_NI_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


@dataclass(frozen=True)
class Seeded:
    events: int
    clients: int


def _ni(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(_NI_FIRST) + rng.choice(_NI_SECOND)
        if prefix not in _NI_BANNED:
            return f"{prefix}{rng.randrange(10**6):06d}{rng.choice('ABCD')}"


def _postcode(rng: random.Random) -> str:
    return (
        f"{rng.choice(DISTRICTS)} {rng.randrange(1, 10)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    )


def _answer_choices(parts: list) -> list[tuple[str, list, Any, list]]:
    """Per part: its id, options by points, the 'prefer not to say' option, the scoring options."""
    choices = []
    for part in parts:
        options = sorted(part.options, key=lambda o: o.points)
        prefer = next((o for o in options if o.value == "prefer_not_to_say"), options[0])
        scoring = [o for o in options if o.value != "prefer_not_to_say"] or options
        choices.append((part.id, options, prefer, scoring))
    return choices


def _answers(rng: random.Random, index: int, choices: list[tuple[str, list, Any, list]]) -> dict[str, str]:
    """Answers with a per-person leaning, so all bands occur; the first people cycle every option."""
    leaning = rng.random()
    answers = {}
    for part_id, options, prefer, scoring in choices:
        if index < 12:
            choice = options[index % len(options)]
        elif rng.random() < 0.04:
            choice = prefer
        else:
            pos = min(len(scoring) - 1, int(leaning * len(scoring) + rng.random() * 0.9))
            choice = scoring[pos]
        answers[part_id] = choice.value
    return answers


def make_event(rng: random.Random, when: date, device_id: str = "", adviser: str = "") -> Event:
    employer, sector = rng.choice(EMPLOYERS)
    areas = [a.gss_code for a in council_areas()]
    now = datetime.now(UTC)
    return Event(
        employer_name=employer,
        site_address=f"{rng.randrange(1, 200)} {rng.choice(STREETS)}",
        site_postcode=_postcode(rng),
        council_area=rng.choice(areas),
        sector=sector,
        event_date=when,
        event_type=rng.choice(list(EventType)),
        hr1_reference=f"HR1-{rng.randrange(10000, 99999)}",
        number_affected=rng.randrange(20, 400),
        device_id=device_id,
        updated_by=adviser,
        created_at=now,
        updated_at=now,
    )


def _drama_phone(rng: random.Random) -> str:
    """A mobile number from Ofcom's drama range (07700 900000-900999), never issued to anyone.

    Drawn with the same two random numbers as before, so the rest of the demo data is unchanged.
    """
    rng.randrange(700, 999)
    return f"07700 900{rng.randrange(100000, 999999) % 1000:03d}"


def _redundancy(
    pace_id: str, status: EmploymentStatus, years: float, services: list[str]
) -> tuple[RedundancyPay | None, bool | None]:
    """Schema 2's redundancy pay status and wish for money advice, plausible for the person's situation.

    Drawn from the person's own PACE ID, not the demo's random numbers, so everything else the demo
    makes is the same as before schema 2. Under two years' service there is no statutory redundancy
    pay; someone made redundant has mostly been paid; under notice, it is mostly still to come. Who
    asked for help with money wants money advice.
    """
    own = random.Random(pace_id)  # noqa: S311 - demo data, not secrets
    if status is EmploymentStatus.other or own.random() < 0.15:
        pay = None  # not asked
    elif years < 2:
        pay = RedundancyPay.not_entitled
    elif status is EmploymentStatus.redundant:
        pay = own.choices([RedundancyPay.paid, RedundancyPay.expected, RedundancyPay.disputed], [6, 3, 1])[0]
    elif status is EmploymentStatus.under_notice:
        pay = own.choices(
            [RedundancyPay.expected, RedundancyPay.not_known, RedundancyPay.disputed], [6, 3, 1]
        )[0]
    else:
        pay = RedundancyPay.not_known
    advice = True if "money" in services else own.choices([None, True, False], [4, 2, 4])[0]
    return pay, advice


# Why the fictional employers are making people redundant (the HR1 form's reason).
REASONS = (
    "Site closing: work moving to another plant",
    "Loss of a major contract",
    "Restructuring after a takeover",
    "Fall in orders",
    "Automation of the production line",
)
HR_CONTACTS = ("Morag Testperson", "Iain Exampleton", "Fiona Sampleson", "Ruaridh Demoson")


def make_employers(rng: random.Random, events: list[Event]) -> tuple[list[Employer], list[Event]]:
    """One fictional employer for each employer name among ``events``, reused by every event at it:
    its HR1 (the first event's reference, sent 45 to 90 days before), proposed dismissals from a
    month after its first event, numbers, reason and HR contact. Returns the employers and the events
    now naming them. ``rng`` is its own: the events and people stay the ones they were.
    """
    by_name: dict[str, list[Event]] = {}
    for event in events:
        by_name.setdefault(event.employer_name, []).append(event)
    employers: dict[str, Employer] = {}
    for name, held in by_name.items():
        first = min(held, key=lambda e: e.event_date)
        proposed = max(e.number_affected or 0 for e in held)
        slug = "".join(c for c in name.lower().replace(" ", "-") if c.isalnum() or c == "-")
        start = first.event_date + timedelta(days=rng.randrange(28, 42))
        employers[name] = Employer(
            name=name,
            sector=first.sector,
            sites=sorted({e.site_address for e in held if e.site_address}),
            hr1_reference=first.hr1_reference,
            hr1_date=first.event_date - timedelta(days=rng.randrange(45, 90)),
            first_dismissal_date=start,
            last_dismissal_date=start + timedelta(days=rng.randrange(30, 120)),
            proposed_redundancies=proposed,
            employees_at_site=proposed + rng.randrange(50, 600),
            reason=rng.choice(REASONS),
            contact_name=rng.choice(HR_CONTACTS),
            contact_phone=_drama_phone(rng),
            contact_email=f"hr@{slug}.example",
            device_id=first.device_id,
            updated_by=first.updated_by,
            created_at=first.created_at,
            updated_at=first.created_at,
        )
    named = [event.model_copy(update=employers[event.employer_name].event_fields()) for event in events]
    return list(employers.values()), named


def make_client(
    rng: random.Random, event: Event, pace_id: str, device_id: str = "", adviser: str = ""
) -> Client:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    age_days = rng.randrange(17 * 365, 66 * 365)
    now = datetime.now(UTC)
    # The phone number and e-mail address are written in the stored shape that normalise_phone and
    # normalise_email give them ('07700 900123' -> '+447700900123'; the address is already lower
    # case), and validated as a stored record is, which keeps a value in that shape as it is. The
    # same values as before, without libphonenumber and email-validator parsing each one: a fifth
    # of seeding's time. tests/records/test_contact_libraries.py proves the shapes are the same.
    fields: dict[str, Any] = {
        "event_id": event.id,
        "pace_id": pace_id,
        "first_name": first,
        "last_name": last,
        "date_of_birth": event.event_date - timedelta(days=age_days),
        "gender": rng.choice(["Woman", "Man", None, "Prefer not to say"]),
        "address": f"{rng.randrange(1, 300)} {rng.choice(STREETS)}",
        "postcode": _postcode(rng),
        "phone": _stored_phone(_drama_phone(rng)) if rng.random() < 0.8 else None,
        "email": f"demo.person{rng.randrange(10**6)}@example.org" if rng.random() < 0.6 else None,
        "ni_number": _ni(rng) if rng.random() < 0.7 else None,
        "disability": rng.choice(list(Disability)),
        "employment_status": rng.choice(list(EmploymentStatus)),
        "job_title": rng.choice(JOBS),
        "length_of_service_years": round(rng.uniform(0, 30), 1),
        "notice_date": event.event_date,
        "pace_flag": True,
        "services_wanted": rng.sample(sorted(SERVICES), rng.randrange(0, 4)),
        "device_id": device_id,
        "updated_by": adviser,
        "created_at": now,
        "updated_at": now,
    }
    fields["redundancy_pay_status"], fields["wants_money_advice"] = _redundancy(
        pace_id, fields["employment_status"], fields["length_of_service_years"], fields["services_wanted"]
    )
    return Client.model_validate(fields, context=STORED_CONTEXT)


def _stored_phone(typed: str) -> str:
    """A drama number as normalise_phone stores it: '07700 900123' -> '+447700900123'."""
    return "+44" + typed[1:].replace(" ", "")


def seed(
    store: Store, *, events: int = 5, clients: int = 200, rng_seed: int = 2026, history: bool = False
) -> Seeded:
    """Add fictional events and clients to ``store`` in one transaction (100,000 in under a minute).

    With ``history``, events lie 3 to 27 months back and each person also gets what happened after
    (``_history``): a leaving date, a client-survey answer, help with minutes, follow-up outcomes
    over time (some never followed up: censored), feedback and some advisers' overrides. The people
    themselves are the same either way (the history has its own random numbers).
    """
    rng = random.Random(rng_seed)  # noqa: S311 - demo data, not secrets
    checklist = load_checklist()
    choices = _answer_choices(list(checklist.answerable_parts()))
    figures = current()
    rates = figures.rates
    notice = current_notice()
    now = datetime.now(UTC)
    device, adviser = store.device_id, store.actor
    today = date.today()

    def when(offset: int) -> date:
        return today + timedelta(days=-(abs(offset) * 6 + 90) if history else offset)

    made_events = [make_event(rng, when(rng.randrange(-120, 30)), device, adviser) for _ in range(events)]
    # Employers reused by several events, with their own random numbers (the people stay the same).
    made_employers, made_events = make_employers(random.Random(rng_seed + 2), made_events)  # noqa: S311
    later = random.Random(rng_seed + 1)  # noqa: S311 - the history's own numbers: people stay the same
    extra: dict[str, list] = {"consents": [], "outcomes": [], "interventions": [], "feedback": []}
    # One validated consent per purpose and answer; each person's consents are copies of these
    # with their own ids. Only the id, client and granted flag differ, all of types the models
    # guarantee (a UUID, a validated client's id, a bool), so the models stay the validator and
    # 100,000 people cost one validation each for the consent fields, not four.
    consent_templates = {
        (purpose, granted): Consent(
            client_id=uuid4(),
            purpose=purpose,
            granted=granted,
            notice_version=notice.version,
            notice_sha256=notice.sha256,
            captured_at=now,
            captured_how=CaptureMethod.with_adviser,
            captured_by=adviser,
            device_id=device,
            updated_by=adviser,
            created_at=now,
            updated_at=now,
        )
        for purpose in (*_DEMO_PURPOSES, "client_survey")
        for granted in (True, False)
    }
    # Read once: a query per new PACE ID cost seconds at 100,000 clients.
    taken = demo_data.pace_ids(store.db)
    batch_clients: list[Client] = []
    batch_consents: list[Consent] = []
    batch_checklists: list[ChecklistRecord] = []
    # Committed while the big cache is still there; the referral rule checked once, at the end.
    with store.db.bulk(), store.transaction(), store.guards.deferred():
        store.employers.insert_many(made_employers)
        store.events.insert_many(made_events)
        for i in range(clients):
            # Event by event, as people are registered at each in turn (an event's rows lie together).
            event = made_events[i * len(made_events) // clients]
            pace_id = new_pace_id()
            while pace_id in taken:
                pace_id = new_pace_id()
            taken.add(pace_id)
            client = make_client(rng, event, pace_id, device, adviser)
            answers = _answers(rng, i, choices)
            outcome = score(
                checklist,
                answers,
                date_of_birth=client.date_of_birth,
                event_date=event.event_date,
                council_area=event.council_area,
                area_rates=rates,
                figures_version=figures.figures_version,
                today=today,
            )
            record = ChecklistRecord(
                client_id=client.id,
                checklist_version=outcome.checklist_version,
                answers=answers,
                score=outcome.score,
                band=outcome.band,
                explanation=explain(outcome),
                unanswered=list(outcome.unanswered),
                area_as_of=outcome.area_as_of,
                area_figures=outcome.area_figures,
                device_id=device,
                updated_by=adviser,
                created_at=now,
                updated_at=now,
            )
            granted_now = {}
            for purpose, chance in _DEMO_PURPOSES.items():
                granted = chance >= 1 or rng.random() < chance
                granted_now[purpose] = granted
                batch_consents.append(
                    consent_templates[purpose, granted].model_copy(
                        update={"id": uuid4(), "client_id": client.id}
                    )
                )
            if history:
                sharing = {p for p, granted in granted_now.items() if granted}
                client, record = _history(
                    later,
                    client,
                    event,
                    record,
                    granted_now["contact_followup"],
                    today,
                    consent_templates,
                    extra,
                    sharing,
                )
            batch_clients.append(client)
            batch_checklists.append(record)
            if len(batch_clients) >= 5000:
                _flush(store, batch_clients, batch_consents, batch_checklists, extra)
        _flush(store, batch_clients, batch_consents, batch_checklists, extra)
        store.audit("create", "demo", detail=f"events={events},clients={clients}")
    if store.kind == "office":
        demo_agreements(store, today)
    return Seeded(events, clients)


# The demo partner whose data-sharing agreement is past its review date, so the refusal can be seen.
DEMO_PAST_REVIEW = "ACAS"


def demo_agreements(store: Store, today: date) -> None:
    """A data-sharing agreement for every listed partner (office stores only), each in force except
    ``DEMO_PAST_REVIEW``'s, whose review date has passed. One already recorded is left as it is.
    """
    from pace_desktop.partners.agreements import list_agreements, set_agreement

    recorded = list_agreements(store)
    for number, partner in enumerate(partners(), start=1):
        if partner.code in recorded:
            continue
        lapsed = partner.code == DEMO_PAST_REVIEW
        start = today - timedelta(days=400 if lapsed else 200)
        review = today + timedelta(days=-35 if lapsed else 530)
        set_agreement(
            store,
            partner.code,
            reference=f"DSA-{start.year}-{number:03d}",
            legal_basis="UK GDPR Article 6(1)(a): the person's consent to sharing with this partner",
            scope=(
                f"PACE clients who agreed to sharing with {partner.code}: the identifiers it matches on; "
                "outcomes and services it returns"
            ),
            start=start.isoformat(),
            review=review.isoformat(),
        )


# Purposes every demo person is asked about, and how often each is granted.
_DEMO_PURPOSES: dict[str, float] = {
    "pace_support": 1.0,
    "contact_followup": 0.8,
    "anonymised_statistics": 0.9,
    "share_DWP": 0.6,
}
_SURVEY_CHANCE = 0.5  # with history: the client-survey question too
# With history: mean days from leaving to a job by band, and the chance of no job within two years.
_DAYS_TO_WORK = {"low": (70, 0.05), "medium": (140, 0.15), "high": (260, 0.35)}
_FOLLOWED_UP = 0.8  # chance a due follow-up contact reached the person
_STATUS_WEIGHTS = [
    (InterventionStatus.offered, 2),
    (InterventionStatus.referred, 3),
    (InterventionStatus.attended, 3),
    (InterventionStatus.completed, 2),
]


def _history(
    rng: random.Random,
    client: Client,
    event: Event,
    record: ChecklistRecord,
    followup: bool,
    today: date,
    templates: dict,
    extra: dict[str, list],
    sharing: set[str],
) -> tuple[Client, ChecklistRecord]:
    """What happened to one person after the event (see ``seed``); appends to ``extra``'s lists.

    Help from a partner the person agreed to share with goes through that partner; otherwise SDS
    gives it (``records.rules``: a referral needs the partner's sharing consent), or nobody named.
    """
    stamp = {
        "device_id": client.device_id,
        "updated_by": client.updated_by,
        "created_at": client.created_at,
        "updated_at": client.updated_at,
    }
    leaving = event.event_date + timedelta(days=rng.randrange(7, 60))
    client = client.model_copy(update={"expected_leaving_date": leaving})
    survey = rng.random() < _SURVEY_CHANCE
    extra["consents"].append(
        templates["client_survey", survey].model_copy(update={"id": uuid4(), "client_id": client.id})
    )
    if rng.random() < 0.06:
        band = {"low": "medium", "medium": rng.choice(["low", "high"]), "high": "medium"}[record.band]
        record = record.model_copy(
            update={
                "override": ChecklistOverride(
                    band=band,
                    reason="Adviser's judgement after talking it through",
                    adviser=client.updated_by or "Demo",
                    at=client.created_at,
                )
            }
        )
    band = record.effective_band
    mean, never = _DAYS_TO_WORK[band]
    helped = 0
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
        service = rng.choice(sorted(SERVICES))
        offering = [p.code for p in partners() if service in p.services]
        status = rng.choices([s for s, _ in _STATUS_WEIGHTS], [w for _, w in _STATUS_WEIGHTS])[0]
        helped += status in (InterventionStatus.attended, InterventionStatus.completed)
        partner = rng.choice(offering) if offering else None
        if needs_sharing_consent(partner) and share_purpose(partner or "") not in sharing:
            partner = CONTROLLER if CONTROLLER in offering else None
        extra["interventions"].append(
            Intervention(
                client_id=client.id,
                service=service,
                partner=partner,
                date=min(today, event.event_date + timedelta(days=rng.randrange(0, 60))),
                status=status,
                minutes=rng.choice([15, 20, 30, 45, 60, 90, 120]),
                **stamp,
            )
        )
    days = None if rng.random() < never else int(rng.expovariate(1 / max(20, mean - 10 * helped)))
    lost = rng.random() < 0.1  # a job that did not last
    if days is not None and days <= (today - leaving).days and rng.random() < 0.3:
        extra["outcomes"].append(
            Outcome(
                client_id=client.id,
                date=leaving + timedelta(days=days),
                status=OutcomeStatus.in_work,
                note="Told their adviser",
                **stamp,
            )
        )
    if followup:
        for months in (3, 6, 12):
            due = leaving + timedelta(days=round(months * 30.44))
            if due > today:
                break
            if rng.random() > _FOLLOWED_UP:
                continue  # not reached this time: censored here if never reached again
            if days is not None and days <= (due - leaving).days and not (lost and months == 12):
                reached = OutcomeStatus.self_employed if rng.random() < 0.1 else OutcomeStatus.in_work
            else:
                reached = OutcomeStatus.training if rng.random() < 0.2 else OutcomeStatus.unemployed
            extra["outcomes"].append(
                Outcome(
                    client_id=client.id,
                    date=min(today, due + timedelta(days=rng.randrange(0, 10))),
                    status=reached,
                    **stamp,
                )
            )
    if rng.random() < 0.3:
        extra["feedback"].append(
            Feedback(client_id=client.id, rating=rng.choice([2, 3, 4, 4, 5, 5, 5]), **stamp)
        )
    return client, record


def _flush(
    store: Store, clients: list, consents: list, checklists: list, extra: dict[str, list] | None = None
) -> None:
    store.clients.insert_many(clients)
    store.consents.insert_many(consents)
    store.checklists.insert_many(checklists)
    clients.clear()
    consents.clear()
    checklists.clear()
    for name, repository in (
        ("consents", store.consents),
        ("outcomes", store.outcomes),
        ("interventions", store.interventions),
        ("feedback", store.feedback),
    ):
        rows = (extra or {}).get(name)
        if rows:
            repository.insert_many(rows)
            rows.clear()
