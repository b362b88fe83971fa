"""The schema's models: normalisation on the way in, JSON round trips, plain messages per field."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone
from uuid import UUID, uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from pace_desktop.errors import ValidationFailed
from pace_desktop.records.enums import LabelledEnum, choices
from pace_desktop.records.models import (
    ENTITIES,
    RECORD_KEY,
    SCHEMA_VERSION,
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
    Record,
    RecordSource,
    RedundancyPay,
    as_validation_failed,
    field_errors,
    is_valid_purpose,
)
from pace_desktop.records.pace_id import CHECK_MESSAGE, is_valid_pace_id
from pace_desktop.records.validation import NI_MESSAGE
from pace_desktop.reference import council_areas

NOTICE_SHA = hashlib.sha256(b"fictional notice").hexdigest()
EDINBURGH = "S12000036"


def make_event(**changes: object) -> Event:
    fields: dict[str, object] = dict(
        employer_name="Caledonian Widgets Ltd",
        site_address="Unit 4, Fictional Park\nLeith",
        site_postcode="eh6 6aa",
        council_area=EDINBURGH,
        sector="Manufacturing",
        event_date=date(2026, 3, 2),
        event_type="group_session",
        hr1_reference="HR1/2026/0042",
        number_affected=120,
        device_id="LAPTOP-07",
        updated_by="Ailsa Demo",
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def make_client(event_id: UUID | None = None, **changes: object) -> Client:
    fields: dict[str, object] = dict(
        event_id=event_id or uuid4(),
        title="Ms",
        first_name="Mòrag",
        last_name="NicDhòmhnaill",
        preferred_name="Morag",
        date_of_birth=date(1979, 5, 17),
        gender="Woman",
        address="3 Imaginary Row\nPortobello",
        postcode="eh15 1aa",
        phone="07700 900123",
        email="Morag.N@Example.ORG",
        ni_number="ab 12 34 56 c",
        disability="prefer_not_to_say",
        employment_status="under_notice",
        job_title="Line supervisor",
        length_of_service_years=12.5,
        notice_date=date(2026, 2, 1),
        expected_leaving_date=date(2026, 4, 30),
        pace_criteria="Under notice of redundancy",
        services_wanted=["benefits", "money"],
        notes="Prefers a morning call.\n\nHas a forklift licence.",
    )
    fields.update(changes)
    return Client(**fields)  # type: ignore[arg-type]


def make_consent(**changes: object) -> Consent:
    fields: dict[str, object] = dict(
        client_id=uuid4(),
        purpose="pace_support",
        granted=True,
        notice_version="2026-1",
        notice_sha256=NOTICE_SHA,
        captured_at=datetime(2026, 3, 2, 10, 15, tzinfo=UTC),
        captured_how="self_kiosk",
        captured_by="Ailsa Demo",
    )
    fields.update(changes)
    return Consent(**fields)  # type: ignore[arg-type]


def errors_of(build: object, **kwargs: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        build(**kwargs)  # type: ignore[operator]
    return field_errors(info.value)


# -- normalisation and round trips ---------------------------------------------------------------


def test_client_fields_are_normalised() -> None:
    c = make_client(pace_id="pace 7k3q 9mxy")
    assert c.pace_id == "PACE-7K3Q-9MXY"
    assert c.postcode == "EH15 1AA"
    assert c.phone == "+447700900123"
    assert c.email == "Morag.N@example.org"
    assert c.ni_number == "AB123456C"
    assert c.disability is Disability.prefer_not_to_say
    assert c.employment_status is EmploymentStatus.under_notice
    assert c.display_name == "Morag NicDhòmhnaill"
    assert make_client(preferred_name=None).display_name == "Mòrag NicDhòmhnaill"


def test_redundancy_arrangements_are_recorded_and_default_to_not_asked() -> None:
    c = make_client(redundancy_pay_status="expected", wants_money_advice=True)
    assert c.redundancy_pay_status is RedundancyPay.expected
    assert c.redundancy_pay_status.label == "Expected"
    assert c.wants_money_advice is True
    assert json.loads(c.model_dump_json())["redundancy_pay_status"] == "expected"
    bare = Client(event_id=uuid4(), first_name="Zofia", last_name="Wójcik-Łukasiewicz")
    assert bare.redundancy_pay_status is None and bare.wants_money_advice is None
    assert [label for _, label in choices(RedundancyPay)] == [
        "Not known yet",
        "Not entitled",
        "Expected",
        "Paid",
        "Disputed",
    ]
    assert errors_of(make_client, redundancy_pay_status="lots") == {
        "redundancy_pay_status": "Choose one of the options in the list."
    }


def test_new_client_gets_a_valid_pace_id_and_defaults() -> None:
    c = Client(event_id=uuid4(), first_name="Zofia", last_name="Wójcik-Łukasiewicz")
    assert is_valid_pace_id(c.pace_id)
    assert c.version == 1 and c.pace_flag and not c.needs_review
    assert c.source is RecordSource.adviser and c.services_wanted == []
    assert c.created_at.tzinfo is UTC


def test_blank_optional_fields_become_none() -> None:
    c = make_client(
        title="  ", preferred_name="", postcode=" ", phone="", email="", ni_number=" ", notes="\n \n"
    )
    assert (c.title, c.preferred_name, c.postcode, c.phone, c.email, c.ni_number, c.notes) == (
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    )


def test_text_is_cleaned_in_models() -> None:
    e = make_event(employer_name="  Caledonian   Widgets\tLtd ")
    assert e.employer_name == "Caledonian Widgets Ltd"
    assert e.site_address == "Unit 4, Fictional Park\nLeith"


def test_services_wanted_each_once_in_order() -> None:
    c = make_client(services_wanted=["money", "benefits", "money"])
    assert c.services_wanted == ["money", "benefits"]


@pytest.mark.parametrize("name", ["Mòrag NicDhòmhnaill", "Zofia Wójcik-Łukasiewicz", "عائشہ"])
def test_names_from_any_language_accepted(name: str) -> None:
    first, _, last = name.partition(" ")
    c = make_client(first_name=first, last_name=last or "Bibi")
    assert Client.model_validate_json(c.model_dump_json()) == c


def every_record() -> list[Record]:
    event = make_event()
    client = make_client(event.id)
    consent = make_consent(client_id=client.id)
    override = ChecklistOverride(band="high", reason="Adviser knows of a caring role", adviser="Ailsa Demo")
    return [
        event,
        client,
        consent,
        consent.withdraw("Ailsa Demo"),
        ChecklistRecord(
            client_id=client.id,
            checklist_version="ltu-1",
            answers={"q1_qualification": "scqf_5", "q4_living": "alone"},
            score=7,
            band="medium",
            explanation=["Lives alone: +3"],
            unanswered=["q9_health"],
            area_as_of=2006,
            override=override,
        ),
        Intervention(
            client_id=client.id,
            service="benefits",
            partner="DWP",
            date=date(2026, 3, 9),
            status="referred",
            minutes=30,
            note="Booked for Monday.",
        ),
        Outcome(client_id=client.id, date=date(2026, 9, 1), status="in_work", source="partner_return"),
        Feedback(client_id=client.id, rating=5, comment="Very helpful, thank you."),
    ]


@pytest.mark.parametrize("record", every_record(), ids=lambda r: type(r).__name__)
def test_every_entity_round_trips_through_json(record: Record) -> None:
    text = record.model_dump_json()
    again = type(record).model_validate_json(text)
    assert again == record
    assert again.model_dump_json() == text
    assert type(record).model_validate_json(text, context=STORED_CONTEXT) == record


def test_round_trip_keeps_times_in_utc() -> None:
    local = timezone(timedelta(hours=1))
    e = make_event(created_at=datetime(2026, 6, 1, 10, 0, tzinfo=local))
    assert e.created_at == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert e.created_at.utcoffset() == timedelta(0)
    assert '"created_at":"2026-06-01T09:00:00Z"' in e.model_dump_json()


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(categories=("L", "M", "Zs", "Pd")), min_size=1, max_size=60).filter(
        lambda s: s.strip() and not s.strip()[0].isspace()
    )
)
def test_property_any_letters_round_trip(name: str) -> None:
    c = make_client(first_name=name)
    assert c.first_name
    assert Client.model_validate_json(c.model_dump_json()).first_name == c.first_name


# -- plain messages ------------------------------------------------------------------------------


def test_field_errors_give_plain_messages_beside_each_field() -> None:
    errors = errors_of(
        make_client,
        first_name="  ",
        last_name="",
        ni_number="QQ 12 34 56 C",
        postcode="EH1",
        phone="12345",
        email="morag@",
        date_of_birth=date.today() + timedelta(days=1),
        length_of_service_years=71,
        services_wanted=["money", "astrology"],
        disability="maybe",
        pace_id="PACE-7K3Q-9MXD",
        notice_date="2026-02-30",
        event_id="not-a-uuid",
    )
    assert errors == {
        "event_id": "This is not a valid record identifier.",
        "pace_id": CHECK_MESSAGE,
        "first_name": "Enter the first name.",
        "last_name": "Enter the last name.",
        "date_of_birth": "The date of birth is in the future: check the year.",
        "postcode": "Enter a UK postcode like EH1 1AA.",
        "phone": "Enter a UK phone number like 07700 900123 or 0131 496 0000.",
        "email": "Enter an email address like name@example.com.",
        "ni_number": "Enter a National Insurance number like AB 12 34 56 C.",
        "disability": "Choose one of the options in the list.",
        "length_of_service_years": "Enter a number of at most 70.",
        "notice_date": "Enter a real date.",
        "services_wanted": "Choose a service from the list.",
    }


def test_errors_never_contain_what_was_typed() -> None:
    secret_bits = ["ZX987654", "98 76 54", "Wójcik", "zofia.w@", "512 345"]
    with pytest.raises(ValidationError) as info:
        make_client(
            ni_number="ZX 98 76 54 E",
            first_name="Zofia\x00",
            last_name="Wójcik" * 30,
            email="zofia.w@",
            phone="+48 512 345 678",
        )
    shown = [str(info.value), repr(info.value), *field_errors(info.value).values()]
    for text in shown:
        for bit in secret_bits:
            assert bit not in text


def test_missing_required_fields() -> None:
    errors = errors_of(Client)
    assert errors == {
        "event_id": "Fill in this field.",
        "first_name": "Fill in this field.",
        "last_name": "Fill in this field.",
    }


def test_unknown_fields_refused() -> None:
    errors = errors_of(make_client, favourite_colour="green")
    assert errors == {"favourite_colour": "This field is not part of the record."}


def test_assignment_is_validated() -> None:
    c = make_client()
    c.postcode = "g21du"
    assert c.postcode == "G2 1DU"
    with pytest.raises(ValidationError) as info:
        c.ni_number = "AB123456E"
    assert field_errors(info.value) == {"ni_number": NI_MESSAGE}
    assert c.ni_number == "AB123456C"  # the refused assignment changed nothing


def test_naive_times_are_refused() -> None:
    errors = errors_of(make_event, created_at=datetime(2026, 3, 2, 9, 0))
    assert errors == {"created_at": "Give the time with its time zone."}


def test_version_starts_at_one() -> None:
    assert errors_of(make_event, version=0) == {"version": "Enter a number of at least 1."}


def test_as_validation_failed_is_a_user_error() -> None:
    with pytest.raises(ValidationError) as info:
        make_client(first_name="")
    err = as_validation_failed(info.value)
    assert isinstance(err, ValidationFailed)
    assert str(err) == "Enter the first name."
    assert err.field_errors == {"first_name": "Enter the first name."}
    with pytest.raises(ValidationError) as info:
        make_client(first_name="", last_name="")
    assert str(as_validation_failed(info.value)).startswith("Some details need correcting")


# -- record behaviour ----------------------------------------------------------------------------


def test_touch_bumps_version_and_stamps_adviser() -> None:
    c = make_client(updated_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    changed = c.touch("  Tomasz   Demo ")
    assert (changed.version, changed.updated_by) == (2, "Tomasz Demo")
    assert changed.updated_at > c.updated_at
    assert (c.version, c.updated_by) == (1, "")
    assert changed.id == c.id and changed.created_at == c.created_at


def test_event_council_area_must_be_one_of_the_32() -> None:
    assert len(council_areas()) == 32
    for area in council_areas():
        assert make_event(council_area=area.gss_code).council_area == area.gss_code
    for bad in ("S12000099", "Edinburgh", "", "E06000001"):
        assert errors_of(make_event, council_area=bad) == {
            "council_area": "Choose a council area from the list."
        }


def test_stored_records_survive_reference_data_changes() -> None:
    # An office may later drop a partner or area code: stored records must still open.
    i = Intervention(
        client_id=uuid4(), service="money", partner="DWP", date=date(2026, 3, 9), status="offered"
    )
    data = i.model_dump_json().replace('"DWP"', '"GONE"')
    with pytest.raises(ValidationError):
        Intervention.model_validate_json(data)
    assert Intervention.model_validate_json(data, context=STORED_CONTEXT).partner == "GONE"


def test_event_required_fields_have_their_own_messages() -> None:
    errors = errors_of(
        make_event, employer_name=" ", sector="", event_type="party", number_affected=-1, site_postcode="EH1"
    )
    assert errors == {
        "employer_name": "Enter the employer's name.",
        "site_postcode": "Enter a UK postcode like EH1 1AA.",
        "sector": "Enter the employer's sector.",
        "event_type": "Choose one of the options in the list.",
        "number_affected": "Enter a number of at least 0.",
    }


@pytest.mark.parametrize(
    ("purpose", "valid"),
    [
        ("pace_support", True),
        ("contact_followup", True),
        ("client_survey", True),
        ("anonymised_statistics", True),
        ("share_DWP", True),
        ("share_ACAS", True),
        ("share_NOPE", False),
        ("share_", False),
        ("share_dwp", False),
        ("marketing", False),
        ("", False),
    ],
)
def test_consent_purposes(purpose: str, valid: bool) -> None:
    assert is_valid_purpose(purpose) is valid
    if valid:
        assert make_consent(purpose=purpose).purpose == purpose
    else:
        assert errors_of(make_consent, purpose=purpose) == {
            "purpose": "Choose a consent purpose from the list."
        }


def test_consent_active_and_withdrawal() -> None:
    c = make_consent()
    assert c.active
    assert not make_consent(granted=False).active
    w = c.withdraw("Ailsa Demo", at=datetime(2026, 4, 1, 12, 0, tzinfo=UTC))
    assert not w.active and w.granted and w.withdrawn_by == "Ailsa Demo"
    assert c.active  # the original is untouched: withdrawal adds to the record, never deletes


def test_consent_withdrawal_needs_time_and_person_together() -> None:
    message = "A withdrawal needs both when it happened and who recorded it."
    at = datetime(2026, 4, 1, tzinfo=UTC)
    assert errors_of(make_consent, withdrawn_at=at) == {RECORD_KEY: message}
    assert errors_of(make_consent, withdrawn_by="Ailsa Demo") == {RECORD_KEY: message}


def test_consent_notice_fingerprint() -> None:
    assert make_consent(notice_sha256=NOTICE_SHA.upper()).notice_sha256 == NOTICE_SHA
    assert errors_of(make_consent, notice_sha256="abc") == {
        "notice_sha256": "The privacy-notice fingerprint must be 64 hexadecimal characters."
    }
    assert make_consent().captured_how is CaptureMethod.self_kiosk


def test_consent_notice_language() -> None:
    """A consent written before languages (no notice_language) was shown the English notice."""
    assert make_consent().notice_language == "en"
    assert make_consent(notice_language="gd").notice_language == "gd"
    assert errors_of(make_consent, notice_language="Polish") == {
        "notice_language": "The notice language must be a language code such as en, pl or gd."
    }


def test_checklist_override_decides_the_effective_band() -> None:
    k = ChecklistRecord(client_id=uuid4(), checklist_version="ltu-1", score=3, band="low")
    assert k.effective_band == "low"
    k.override = ChecklistOverride(band="high", reason="Caring for a parent", adviser="Ailsa Demo")
    assert k.effective_band == "high"
    assert errors_of(ChecklistOverride, band="high", reason="   ", adviser="Ailsa Demo") == {
        "reason": "Give a reason for changing the band."
    }
    assert errors_of(ChecklistOverride, band="extreme", reason="x", adviser="A") == {
        "band": "Choose one of the options in the list."
    }


def test_intervention_rules() -> None:
    base = dict(client_id=uuid4(), service="benefits", date=date(2026, 3, 9), status="attended")
    i = Intervention(**base)  # type: ignore[arg-type]
    assert (i.minutes, i.partner, i.status) == (0, None, InterventionStatus.attended)
    assert errors_of(Intervention, **{**base, "service": "astrology"}) == {
        "service": "Choose a service from the list."
    }
    assert errors_of(Intervention, **{**base, "partner": "NOPE"}) == {
        "partner": "Choose a partner from the list."
    }
    assert errors_of(Intervention, **{**base, "minutes": 1441}) == {
        "minutes": "Enter a number of at most 1440."
    }
    assert errors_of(Intervention, **{**base, "minutes": "lots"}) == {"minutes": "Enter a whole number."}


def test_outcome_and_feedback_rules() -> None:
    o = Outcome(client_id=uuid4(), date=date(2026, 9, 1), status="self_employed")
    assert o.status is OutcomeStatus.self_employed and o.source is RecordSource.adviser
    for rating in (1, 5):
        assert Feedback(client_id=uuid4(), rating=rating).rating == rating
    assert errors_of(Feedback, client_id=uuid4(), rating=0) == {"rating": "Enter a number of at least 1."}
    assert errors_of(Feedback, client_id=uuid4(), rating=6) == {"rating": "Enter a number of at most 5."}


def test_unusual_age_is_valid_in_the_model() -> None:
    # Under 16 or over 80 asks the adviser to confirm (dob_warning) but is not an error.
    assert make_client(date_of_birth=date(2012, 1, 1)).date_of_birth == date(2012, 1, 1)
    assert errors_of(make_client, date_of_birth=date(1900, 1, 1)) == {
        "date_of_birth": "The date of birth makes the person 120 or older: check the year."
    }


def test_notes_keep_paragraphs_and_are_capped() -> None:
    assert make_client().notes == "Prefers a morning call.\n\nHas a forklift licence."
    assert errors_of(make_client, notes="x" * 4001) == {
        "notes": "This is too long: keep it to 4000 characters or fewer."
    }


# -- the catalogue -------------------------------------------------------------------------------


def test_entities_and_version() -> None:
    assert SCHEMA_VERSION == 2
    assert ENTITIES == {
        "employer": Employer,
        "event": Event,
        "client": Client,
        "consent": Consent,
        "checklist": ChecklistRecord,
        "intervention": Intervention,
        "outcome": Outcome,
        "feedback": Feedback,
    }


def test_every_choice_has_a_plain_label() -> None:
    enums: list[type[LabelledEnum]] = [
        EventType,
        Disability,
        EmploymentStatus,
        CaptureMethod,
        InterventionStatus,
        OutcomeStatus,
        RecordSource,
    ]
    for enum in enums:
        for member, label in choices(enum):
            assert label and "_" not in label and label[0].isupper()
            assert member.label == label
    assert EventType.group_session.label == "Group session"
    assert EmploymentStatus.under_notice.label == "Under notice"
    assert Disability.prefer_not_to_say.label == "Prefer not to say"
