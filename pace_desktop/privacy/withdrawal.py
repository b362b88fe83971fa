"""Withdrawing a consent: one action, recording who and when, on a laptop or at the office.

Withdrawing must be as easy as giving (UK GDPR Art. 7(3)): one call names the person and the
purpose. The consent row is kept, marked withdrawn, never deleted (Art. 7(1): the controller must be
able to show the consent and its withdrawal). The change travels: a laptop's withdrawal goes to the
office in the next bundle (consent rows are exported even for people otherwise held back); an
office withdrawal is queued for the laptops that hold the person and reaches them in the office's
signed notice file. Exports and partner requests read the consent's ``active`` column, so the
next one already leaves the person out for that purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.privacy.notice_queue import enrolled_devices, queue_withdrawal
from pace_desktop.privacy.people import device_ids, find_client
from pace_desktop.privacy_notice import all_purposes, purpose_text
from pace_desktop.records.enums import is_valid_purpose
from pace_desktop.records.models import Consent

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

PACE_SUPPORT = "pace_support"


@dataclass(frozen=True)
class WithdrawalResult:
    """What a withdrawal did, in words a person can read."""

    pace_id: str
    purpose: str
    purpose_words: str
    withdrawn_at: datetime
    withdrawn_by: str
    consents: int  # rows marked withdrawn (normally one)
    travels: str  # how the other side hears of it
    next_step: str | None = None

    def summary(self) -> str:
        text = (
            f'Consent withdrawn for {self.pace_id}: "{self.purpose_words}", recorded by '
            f"{self.withdrawn_by} at {self.withdrawn_at:%Y-%m-%d %H:%M} UTC. {self.travels}"
        )
        return text + (f" {self.next_step}" if self.next_step else "")


def check_purpose(purpose: str) -> str:
    purpose = purpose.strip()
    if not is_valid_purpose(purpose):
        raise UsageError(f"There is no consent purpose '{purpose}': use one of {', '.join(all_purposes())}.")
    return purpose


def withdraw(
    store: Store,
    pace_id: str,
    purpose: str,
    *,
    by: str | None = None,
    at: datetime | None = None,
) -> WithdrawalResult:
    """Withdraw the person's active consent for ``purpose``; ``by`` defaults to who unlocked."""
    purpose = check_purpose(purpose)
    who = (by or store.actor).strip()
    if not who:
        raise UsageError("Say who is recording the withdrawal.")
    when = (at or datetime.now(UTC)).astimezone(UTC)
    with store.transaction():
        client = find_client(store, pace_id)
        rows = [c for c in store.consents.for_parent(client.id) if c.purpose == purpose]
        active = [c for c in rows if c.active]
        if not active:
            raise RefusedError(_nothing_to_withdraw(rows))
        devices = device_ids(store, str(client.id))
        for consent in active:
            saved = store.consents.update(consent.withdraw(who, at=when), action="withdraw")
            queue_withdrawal(store, saved, devices | {consent.device_id})
        laptops = enrolled_devices(store, devices) if store.kind == "office" else []
    return WithdrawalResult(
        pace_id=client.pace_id,
        purpose=purpose,
        purpose_words=purpose_text(purpose, "adviser"),
        withdrawn_at=when,
        withdrawn_by=who,
        consents=len(active),
        travels=_travels(store, laptops),
        next_step=_next_step(store, purpose),
    )


def _nothing_to_withdraw(rows: list[Consent]) -> str:
    withdrawn = [c for c in rows if c.withdrawn_at is not None]
    if withdrawn:
        when = max(c.withdrawn_at for c in withdrawn if c.withdrawn_at is not None)
        return f"That consent was already withdrawn on {when:%Y-%m-%d}: nothing was changed."
    if rows:
        return "The person said no to that purpose, so there is nothing to withdraw: nothing was changed."
    return "No answer for that purpose is recorded for this person, so there is nothing to withdraw."


def _travels(store: Store, laptops: list[str]) -> str:
    if store.kind != "office":
        return "It reaches the office with this laptop's next export."
    if not laptops:
        return "No laptop holds this person's records, so no laptop needs telling."
    n = len(laptops)
    return (
        f"{n} {'laptop holds' if n == 1 else 'laptops hold'} this person's records: it reaches "
        f"{'it' if n == 1 else 'them'} in the office's next notice file (office notices)."
    )


def _next_step(store: Store, purpose: str) -> str | None:
    if purpose != PACE_SUPPORT:
        return None
    if store.kind == "office":
        return (
            "Without PACE support consent SDS should not keep the record: erase it unless "
            "another lawful basis applies (see docs/privacy.md)."
        )
    return "Their records stay on this laptop and are no longer exported."
