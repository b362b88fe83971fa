"""Rules about records together, not one field at a time: each has a name it is refused by.

The rules are pure functions here, over records or the few facts they need. The store applies them
to every write (``store/guards.py``: the adviser's form, the kiosk, the CLI, demo data, attendee
lists, partner returns), and the office import applies them to every bundle (``office/importer``),
so no writer can get round them. Messages name the rule and never hold personal data.

- ``referral_without_consent``: a referral to a partner needs that partner's sharing consent
  (``share_<CODE>``) to have stood when the referral was made. SDS, the controller, needs none
  for its own services. A later withdrawal keeps the referrals made before it (they happened; the
  record of them is SDS's) and stops any new one.
- ``not_this_devices_record``: a laptop creates, changes and erases only records it created (the
  record's ``device_id``); a record's creator never changes. The office may change any record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pace_desktop.errors import ValidationFailed
from pace_desktop.records.enums import share_purpose
from pace_desktop.reference import partner_name

REFERRAL_WITHOUT_CONSENT = "referral_without_consent"
NOT_THIS_DEVICES_RECORD = "not_this_devices_record"
CONTROLLER = "SDS"  # the partner code of SDS itself: its own help needs no sharing consent


class RuleBroken(ValidationFailed):
    """A write that would break one of the rules; ``code`` is the rule's name."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ConsentFact:
    """What the referral rule needs of one consent row."""

    purpose: str
    granted: bool
    captured_at: datetime
    withdrawn_at: datetime | None
    created_at: datetime  # orders two answers given at the same moment


def consent_facts(consents: Iterable[object]) -> list[ConsentFact]:
    """The facts of ``Consent`` records (anything with their attributes)."""
    return [
        ConsentFact(c.purpose, c.granted, c.captured_at, c.withdrawn_at, c.created_at)  # type: ignore[attr-defined]
        for c in consents
    ]


def needs_sharing_consent(partner: str | None) -> bool:
    """True for a referral to a partner other than SDS itself."""
    return partner is not None and partner != CONTROLLER


def sharing_stood(partner: str, at: datetime, consents: Iterable[ConsentFact]) -> bool:
    """Whether the person's consent to share with ``partner`` stood at ``at``.

    The latest answer for that partner given at or before ``at`` decides (a person may answer
    again later, each answer its own row); it stands if it was a yes not withdrawn by ``at``.
    """
    purpose = share_purpose(partner)
    answers = [c for c in consents if c.purpose == purpose and c.captured_at <= at]
    if not answers:
        return False
    latest = max(answers, key=lambda c: (c.captured_at, c.created_at))
    return latest.granted and (latest.withdrawn_at is None or latest.withdrawn_at > at)


def referral_problem(partner: str | None, at: datetime, consents: Iterable[object]) -> str | None:
    """Why a referral to ``partner`` made at ``at`` breaks ``referral_without_consent``, or None.

    ``consents`` are the person's ``Consent`` records or ``ConsentFact``s.
    """
    if not needs_sharing_consent(partner):
        return None
    assert partner is not None
    items = list(consents)
    facts = [c if isinstance(c, ConsentFact) else consent_facts([c])[0] for c in items]
    if sharing_stood(partner, at, facts):
        return None
    return referral_message(partner)


def referral_message(partner: str) -> str:
    return (
        f"Not referred: the person has not agreed to share their details with "
        f"{partner_name(partner)} (rule {REFERRAL_WITHOUT_CONSENT}). Record their answer on "
        "the Consent tab first."
    )


def check_referral(partner: str | None, at: datetime, consents: Iterable[object]) -> None:
    """Raise ``RuleBroken('referral_without_consent')`` unless the referral may be made."""
    problem = referral_problem(partner, at, consents)
    if problem is not None:
        raise RuleBroken(REFERRAL_WITHOUT_CONSENT, problem)


def owner_problem(device_id: str, creator: str) -> str | None:
    """Why the laptop ``device_id`` may not change a record created by ``creator``, or None."""
    if creator == device_id:
        return None
    return (
        f"This record was created on another laptop, so this one may not change or erase it "
        f"(rule {NOT_THIS_DEVICES_RECORD}): nothing was changed. The office can."
    )


def check_owner(device_id: str, creator: str) -> None:
    """Raise ``RuleBroken('not_this_devices_record')`` unless ``device_id`` created the record."""
    problem = owner_problem(device_id, creator)
    if problem is not None:
        raise RuleBroken(NOT_THIS_DEVICES_RECORD, problem)
