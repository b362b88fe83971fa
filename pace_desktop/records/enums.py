"""The schema's fixed choices, each with the plain label the UI shows, and the consent purposes.

Values are the stable codes stored and exchanged; labels are for people and may be reworded freely.
"""

from __future__ import annotations

from enum import StrEnum

from pace_desktop.privacy_notice import CORE_PURPOSES
from pace_desktop.reference import partner_codes


class LabelledEnum(StrEnum):
    """A StrEnum whose members have a ``label`` for display (kept per class, see ``_LABELS``)."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self.value]


class EventType(LabelledEnum):
    group_session = "group_session"
    one_to_one = "one_to_one"
    drop_in = "drop_in"


class Disability(LabelledEnum):
    yes = "yes"
    no = "no"
    prefer_not_to_say = "prefer_not_to_say"


class EmploymentStatus(LabelledEnum):
    at_risk = "at_risk"
    under_notice = "under_notice"
    redundant = "redundant"
    other = "other"


class CaptureMethod(LabelledEnum):
    self_kiosk = "self_kiosk"
    with_adviser = "with_adviser"


class InterventionStatus(LabelledEnum):
    offered = "offered"
    referred = "referred"
    attended = "attended"
    completed = "completed"


class RedundancyPay(LabelledEnum):
    """Where the person's redundancy pay (statutory or contractual) stands."""

    not_known = "not_known"
    not_entitled = "not_entitled"
    expected = "expected"
    paid = "paid"
    disputed = "disputed"


class OutcomeStatus(LabelledEnum):
    in_work = "in_work"
    training = "training"
    self_employed = "self_employed"
    unemployed = "unemployed"
    unknown = "unknown"


class RecordSource(LabelledEnum):
    adviser = "adviser"
    kiosk = "kiosk"
    attendee_import = "attendee_import"
    partner_return = "partner_return"
    office = "office"


# Keyed by class, then value: StrEnum members hash like their strings, so one flat dict could mix up
# two enums that happen to share a value.
_LABELS: dict[type[LabelledEnum], dict[str, str]] = {
    EventType: {"group_session": "Group session", "one_to_one": "One-to-one", "drop_in": "Drop-in"},
    Disability: {"yes": "Yes", "no": "No", "prefer_not_to_say": "Prefer not to say"},
    EmploymentStatus: {
        "at_risk": "At risk",
        "under_notice": "Under notice",
        "redundant": "Redundant",
        "other": "Other",
    },
    CaptureMethod: {"self_kiosk": "By the person at the kiosk", "with_adviser": "With an adviser"},
    InterventionStatus: {
        "offered": "Offered",
        "referred": "Referred",
        "attended": "Attended",
        "completed": "Completed",
    },
    RedundancyPay: {
        "not_known": "Not known yet",
        "not_entitled": "Not entitled",
        "expected": "Expected",
        "paid": "Paid",
        "disputed": "Disputed",
    },
    OutcomeStatus: {
        "in_work": "In work",
        "training": "In training",
        "self_employed": "Self-employed",
        "unemployed": "Unemployed",
        "unknown": "Not known",
    },
    RecordSource: {
        "adviser": "Adviser",
        "kiosk": "Kiosk",
        "attendee_import": "Attendee list",
        "partner_return": "Partner return",
        "office": "Office",
    },
}

BAND_LABELS: dict[str, str] = {"low": "Low", "medium": "Medium", "high": "High"}


def choices(enum: type[LabelledEnum]) -> list[tuple[LabelledEnum, str]]:
    """(member, label) pairs in declaration order, ready for a combo box."""
    return [(member, member.label) for member in enum]


# -- Consent purposes --------------------------------------------------------------------------

SHARE_PREFIX = "share_"
PURPOSE_MESSAGE = "Choose a consent purpose from the list."


def share_purpose(partner_code: str) -> str:
    """The purpose that allows sharing with one partner: 'DWP' -> 'share_DWP'."""
    return SHARE_PREFIX + partner_code


def is_valid_purpose(p: str) -> bool:
    """One of the core purposes, or ``share_<CODE>`` for a partner listed in ``partners.csv``."""
    if p in CORE_PURPOSES:
        return True
    return p.startswith(SHARE_PREFIX) and p.removeprefix(SHARE_PREFIX) in partner_codes()
