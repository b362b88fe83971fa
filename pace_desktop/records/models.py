"""The SDS PACE schema, version 2, as pydantic models: the single source of truth for every record.

The store keeps each record as this model's JSON, bundles and exports carry the same JSON, and the
published JSON Schema (``resources/schema``) is generated from these classes (see ``schema.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Self
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from pace_desktop.errors import ValidationFailed
from pace_desktop.records.enums import (
    BAND_LABELS,
    CaptureMethod,
    Disability,
    EmploymentStatus,
    EventType,
    InterventionStatus,
    OutcomeStatus,
    RecordSource,
    RedundancyPay,
    choices,
    is_valid_purpose,
    share_purpose,
)
from pace_desktop.records.fastpath import plain_errors
from pace_desktop.records.fields import (
    BUNDLE_CONTEXT,
    STORED_CONTEXT,
    Band,
    BlankIsNone,
    CouncilArea,
    DateOfBirth,
    Email,
    LanguageCode,
    NiNumber,
    PaceId,
    PartnerCode,
    Phone,
    Postcode,
    Purpose,
    ServiceCode,
    ServiceList,
    Sha256,
    Text,
    UtcDatetime,
    utcnow,
)
from pace_desktop.records.ids import uuid7
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.records.validation import clean_text

__all__ = [
    "BAND_LABELS",
    "BUNDLE_CONTEXT",
    "ENTITIES",
    "MAX_INTEGER",
    "RECORD_KEY",
    "SCHEMA_VERSION",
    "STORED_CONTEXT",
    "CaptureMethod",
    "ChecklistOverride",
    "ChecklistRecord",
    "Client",
    "Consent",
    "Disability",
    "Employer",
    "EmploymentStatus",
    "Event",
    "EventType",
    "Feedback",
    "Intervention",
    "InterventionStatus",
    "Outcome",
    "OutcomeStatus",
    "Record",
    "RecordSource",
    "RedundancyPay",
    "Tombstone",
    "as_validation_failed",
    "choices",
    "field_errors",
    "is_valid_purpose",
    "share_purpose",
]

# 2 (issue 20): the client's redundancy arrangements (redundancy pay, wanting money advice), the
# employer as a record reused across events, and the version of the area figures a checklist used, as
# the partnership report asks. Bundles of schema 1 still import: what a version's records must carry
# is its published schema file (``records/schema.py``), and newer fields take their defaults.
SCHEMA_VERSION = 2
MAX_INTEGER = 2**63 - 1  # SQLite's largest integer: a version is stored as one

# Caps on the lists a record holds (the published schema states them): a checklist has 17 answers
# in ltu-1, so 100 leaves room for later versions and refuses a bundle of 200,000.
MAX_ANSWERS = 100
MAX_LINES = 100

_CONFIG = ConfigDict(
    extra="forbid",
    validate_assignment=True,
    # No str_strip_whitespace: free text is trimmed by its own cleaning, typed identifiers by their
    # normalising, and a bundle's values are checked as written (their length included), exactly
    # as the published JSON Schema states them.
    # ValidationError's text otherwise quotes the input: names and NI numbers must not reach logs.
    hide_input_in_errors=True,
    # Records are always written whole, so the published schema marks every field as present.
    json_schema_serialization_defaults_required=True,
)

_Name = Annotated[str, Text(200)]  # an adviser or device: empty until the store stamps it
_OptName = Annotated[str | None, Text(200, optional=True)]


class Record(BaseModel):
    """Fields every record carries: identity, times (UTC), version, the device and the adviser."""

    model_config = _CONFIG

    id: UUID = Field(default_factory=uuid7)  # time-ordered: one save's ids share index pages (ids.py)
    created_at: UtcDatetime = Field(default_factory=utcnow)
    updated_at: UtcDatetime = Field(default_factory=utcnow)
    version: int = Field(default=1, ge=1, le=MAX_INTEGER, description="Rises by one with every saved change.")
    device_id: Annotated[str, Text(100)] = Field(default="", description="The creating laptop.")
    updated_by: _Name = Field(default="", description="The adviser who last changed it.")

    def touch(self, adviser: str) -> Self:
        """A copy marked as changed now by ``adviser``: version one higher, ``updated_at`` now."""
        return self.model_copy(
            update={
                "version": self.version + 1,
                "updated_at": utcnow(),
                "updated_by": clean_text(adviser, 200),
            }
        )


class Employer(Record):
    """An employer making people redundant, kept once and reused by every event held for it (the
    partnership report's employer items: HR1 notification, proposed dismissals, numbers, reason and
    the employer's HR contact). Events name it by ``employer_id`` and carry its name and sector."""

    name: Annotated[str, Text(200, required="Enter the employer's name.")]
    sector: Annotated[str, Text(100, required="Enter the employer's sector.")]
    sites: list[Annotated[str, Text(500)]] = Field(
        default_factory=list, max_length=MAX_LINES, description="The employer's affected sites, one an entry."
    )
    hr1_reference: Annotated[str | None, Text(50, optional=True)] = None
    hr1_date: dt.date | None = Field(
        default=None, description="When the HR1 form was sent to the Insolvency Service."
    )
    first_dismissal_date: dt.date | None = Field(default=None, description="The first proposed dismissal.")
    last_dismissal_date: dt.date | None = Field(default=None, description="The last proposed dismissal.")
    proposed_redundancies: int | None = Field(default=None, ge=0, le=1_000_000)
    employees_at_site: int | None = Field(default=None, ge=0, le=1_000_000)
    reason: Annotated[str | None, Text(1000, optional=True, multiline=True)] = None
    contact_name: Annotated[str | None, Text(200, optional=True)] = None
    contact_phone: Annotated[Phone | None, BlankIsNone] = None
    contact_email: Annotated[Email | None, BlankIsNone] = None

    @model_validator(mode="after")
    def _dismissals_in_order(self) -> Self:
        first, last = self.first_dismissal_date, self.last_dismissal_date
        if first is not None and last is not None and last < first:
            raise ValueError("The last proposed dismissal date cannot be before the first.")
        return self

    def event_fields(self) -> dict[str, Any]:
        """What an event held for this employer takes from it: its id, and its name, sector and HR1
        reference, which the event keeps too (the name printed on the event, and older readers)."""
        return {
            "employer_id": self.id,
            "employer_name": self.name,
            "sector": self.sector,
            "hr1_reference": self.hr1_reference,
        }


class Event(Record):
    """A PACE event at an employer's site: a group session, a one-to-one or a drop-in."""

    employer_name: Annotated[str, Text(200, required="Enter the employer's name.")]
    site_address: Annotated[str | None, Text(500, optional=True, multiline=True)] = None
    site_postcode: Annotated[Postcode | None, BlankIsNone] = None
    council_area: CouncilArea = Field(description="GSS code of one of Scotland's 32 council areas.")
    sector: Annotated[str, Text(100, required="Enter the employer's sector.")]
    event_date: dt.date
    event_type: EventType
    hr1_reference: Annotated[str | None, Text(50, optional=True)] = None
    number_affected: int | None = Field(default=None, ge=0, le=1_000_000)
    employer_id: UUID | None = Field(
        default=None,
        description="The employer record this event is for; its name and sector are copied here.",
    )


class Client(Record):
    """A person registered at an event."""

    event_id: UUID
    pace_id: PaceId = Field(default_factory=new_pace_id, description="e.g. PACE-7K3Q-9MXY")
    title: Annotated[str | None, Text(20, optional=True)] = None
    first_name: Annotated[str, Text(100, required="Enter the first name.")]
    last_name: Annotated[str, Text(100, required="Enter the last name.")]
    preferred_name: Annotated[str | None, Text(100, optional=True)] = None
    date_of_birth: DateOfBirth | None = None
    gender: Annotated[str | None, Text(50, optional=True)] = None
    address: Annotated[str | None, Text(500, optional=True, multiline=True)] = None
    postcode: Annotated[Postcode | None, BlankIsNone] = None
    phone: Annotated[Phone | None, BlankIsNone] = None
    email: Annotated[Email | None, BlankIsNone] = None
    ni_number: Annotated[NiNumber | None, BlankIsNone] = None
    disability: Disability | None = None
    employment_status: EmploymentStatus | None = None
    job_title: Annotated[str | None, Text(100, optional=True)] = None
    length_of_service_years: float | None = Field(default=None, ge=0, le=70)
    notice_date: dt.date | None = None
    expected_leaving_date: dt.date | None = None
    redundancy_pay_status: RedundancyPay | None = None  # schema 2; None: not asked
    wants_money_advice: bool | None = None  # schema 2; None: not asked
    pace_criteria: Annotated[str | None, Text(500, optional=True)] = None
    pace_flag: bool = True
    services_wanted: ServiceList = Field(default_factory=list)
    source: RecordSource = RecordSource.adviser
    needs_review: bool = False
    notes: Annotated[str | None, Text(4000, optional=True, multiline=True)] = None

    @property
    def display_name(self) -> str:
        """'Preferred Last', or 'First Last' when no preferred name was given."""
        return f"{self.preferred_name or self.first_name} {self.last_name}"


class Consent(Record):
    """One purpose, granted or declined, with proof of what the person was shown (GDPR Art. 7)."""

    client_id: UUID
    purpose: Purpose
    granted: bool
    notice_version: Annotated[str, Text(20, required="The privacy-notice version is missing.")]
    notice_sha256: Sha256
    notice_language: LanguageCode = "en"  # the language the notice was shown in
    captured_at: UtcDatetime
    captured_how: CaptureMethod
    captured_by: _Name
    withdrawn_at: UtcDatetime | None = None
    withdrawn_by: _OptName = None

    @model_validator(mode="after")
    def _withdrawal_whole(self) -> Self:
        if (self.withdrawn_at is None) != (self.withdrawn_by is None):
            raise ValueError("A withdrawal needs both when it happened and who recorded it.")
        return self

    @property
    def active(self) -> bool:
        return self.granted and self.withdrawn_at is None

    def withdraw(self, by: str, at: dt.datetime | None = None) -> Consent:
        """A validated copy recording withdrawal (the row is kept, never deleted)."""
        data = self.model_dump()
        data.update(withdrawn_at=at or utcnow(), withdrawn_by=by)
        return Consent.model_validate(data, context=STORED_CONTEXT)


class ChecklistOverride(BaseModel):
    """An adviser's own band for a client, with their reason: the adviser's judgement is final."""

    model_config = _CONFIG

    band: Band
    reason: Annotated[str, Text(1000, required="Give a reason for changing the band.")]
    adviser: _Name
    at: UtcDatetime = Field(default_factory=utcnow)


class ChecklistRecord(Record):
    """A scored long-term unemployment risk checklist: for triage, never for exclusion."""

    client_id: UUID
    checklist_version: Annotated[str, Text(20, required="The checklist version is missing.")]
    answers: dict[Annotated[str, Text(100)], Annotated[str, Text(200)]] = Field(
        default_factory=dict, max_length=MAX_ANSWERS
    )
    score: int = Field(ge=0, le=1000)
    band: Band
    explanation: list[Annotated[str, Text(500)]] = Field(default_factory=list, max_length=MAX_LINES)
    unanswered: list[Annotated[str, Text(100)]] = Field(default_factory=list, max_length=MAX_LINES)
    area_as_of: int | None = Field(
        default=None, ge=1900, le=2200, description="Year of the area unemployment rate."
    )
    council_area: CouncilArea | None = Field(
        default=None, description="GSS code of where the client lives, as the area question used it."
    )
    area_figures: Annotated[str | None, Text(40, optional=True)] = Field(
        default=None,
        description="Version id of the area unemployment figures the area question used "
        "(their as-of and a SHA-256 prefix); None when the area was not known.",
    )
    override: ChecklistOverride | None = None

    @property
    def effective_band(self) -> str:
        return self.override.band if self.override else self.band


class Intervention(Record):
    """Help offered, referred or given: a service, perhaps through a partner."""

    client_id: UUID
    service: ServiceCode
    partner: PartnerCode | None = None
    date: dt.date
    status: InterventionStatus
    minutes: int = Field(default=0, ge=0, le=1440)
    note: Annotated[str | None, Text(2000, optional=True, multiline=True)] = None
    source: RecordSource = RecordSource.adviser


class Outcome(Record):
    """Where the person is at a date after the redundancy."""

    client_id: UUID
    date: dt.date
    status: OutcomeStatus
    source: RecordSource = RecordSource.adviser
    note: Annotated[str | None, Text(2000, optional=True, multiline=True)] = None


class Feedback(Record):
    """The person's rating of the help they had, 1 (poor) to 5 (very good)."""

    client_id: UUID
    rating: int = Field(ge=1, le=5)
    comment: Annotated[str | None, Text(2000, optional=True, multiline=True)] = None


class Tombstone(BaseModel):
    """An erased client, as a bundle carries it: their id must never come back, wherever a late
    record turns up. Only the id, the PACE ID, when and why (a reason that never names them)."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    id: UUID
    pace_id: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    erased_at: AwareDatetime
    reason: Annotated[str, StringConstraints(max_length=200)]


# In the order a bundle carries and the office applies them: an employer before the events naming it.
ENTITIES: dict[str, type[Record]] = {
    "employer": Employer,
    "event": Event,
    "client": Client,
    "consent": Consent,
    "checklist": ChecklistRecord,
    "intervention": Intervention,
    "outcome": Outcome,
    "feedback": Feedback,
}


# -- errors for people -------------------------------------------------------------------------

RECORD_KEY = "_record"  # field_errors key for a rule about the record as a whole

_PLAIN: dict[str, str] = {
    "missing": "Fill in this field.",
    "string_type": "Enter text here.",
    "int_type": "Enter a whole number.",
    "int_parsing": "Enter a whole number.",
    "int_from_float": "Enter a whole number.",
    "float_type": "Enter a number.",
    "float_parsing": "Enter a number.",
    "finite_number": "Enter a number.",
    "bool_type": "Choose yes or no.",
    "bool_parsing": "Choose yes or no.",
    "date_type": "Enter a real date.",
    "date_parsing": "Enter a real date.",
    "date_from_datetime_parsing": "Enter a real date.",
    "date_from_datetime_inexact": "Enter a date without a time.",
    "datetime_type": "Enter a real date and time.",
    "datetime_parsing": "Enter a real date and time.",
    "datetime_from_date_parsing": "Enter a real date and time.",
    "timezone_aware": "Give the time with its time zone.",
    "enum": "Choose one of the options in the list.",
    "literal_error": "Choose one of the options in the list.",
    "uuid_type": "This is not a valid record identifier.",
    "uuid_parsing": "This is not a valid record identifier.",
    "extra_forbidden": "This field is not part of the record.",
    "list_type": "This should be a list of choices.",
    "dict_type": "This should be a set of answers.",
    "model_type": "This part of the record is not in the expected form.",
    "model_attributes_type": "This part of the record is not in the expected form.",
    "string_pattern_mismatch": "This is not in the expected form.",
}
_FALLBACK = "This value is not accepted: check it and try again."


def _plain_message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    bounds = {
        "greater_than_equal": ("of at least", "ge"),
        "greater_than": ("above", "gt"),
        "less_than_equal": ("of at most", "le"),
        "less_than": ("below", "lt"),
    }
    if kind in bounds and bounds[kind][1] in ctx:
        words, key = bounds[kind]
        limit = ctx[key]
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return f"Enter a number {words} {limit}."
    if kind == "string_too_long" and "max_length" in ctx:
        return f"This is too long: keep it to {ctx['max_length']} characters or fewer."
    if kind == "too_long" and "max_length" in ctx:
        return f"This holds too many items: at most {ctx['max_length']}."
    return _PLAIN.get(kind, _FALLBACK)


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Field name -> the plain message to show beside it (the first problem found for each field).

    Nested fields are dotted ('override.reason'); list positions are dropped ('services_wanted');
    a rule about the whole record is under ``RECORD_KEY``. No message contains the value typed.
    """
    out: dict[str, str] = {}
    for error in plain_errors(exc):
        key = ".".join(str(part) for part in error["loc"] if isinstance(part, str)) or RECORD_KEY
        out.setdefault(key, _plain_message(error))
    return out


def as_validation_failed(exc: ValidationError) -> ValidationFailed:
    """The user-facing error for a record that failed validation, with its per-field messages."""
    errors = field_errors(exc)
    if len(errors) == 1:
        message = next(iter(errors.values()))
    else:
        message = "Some details need correcting: see the message beside each field."
    return ValidationFailed(message, errors)
