"""The record rules (``records/rules.py``) on every write to a store, in the writer's transaction.

Every repository write (``add``, ``update``, ``insert_many``, ``apply_incoming``) goes through
``Guards.writing``, so each writer — the adviser's form, the kiosk, the CLI, demo data, attendee
lists, partner returns, office notices, the office import — meets the same rules:

- on a laptop, a record is written only if this laptop created it (``not_this_devices_record``);
  in any store, a record's creator (``device_id``) never changes;
- no write may leave a referral without the sharing consent it needs
  (``referral_without_consent``): the person's referrals are checked before and after, and a
  referral the write makes break refuses it. Comparing before and after keeps a withdrawal always
  possible, and a record written before these rules existed readable and changeable.

``deferred()`` checks once for a batch (a registration, demo data, an import) instead of per write.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Protocol

from pace_desktop.records.enums import SHARE_PREFIX
from pace_desktop.records.rules import (
    CONTROLLER,
    NOT_THIS_DEVICES_RECORD,
    REFERRAL_WITHOUT_CONSENT,
    ConsentFact,
    RuleBroken,
    check_owner,
    needs_sharing_consent,
    referral_message,
    sharing_stood,
)
from pace_desktop.store.database import Database

_CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def referral_breaches(
    db: Database, client_ids: Iterable[str], *, laptop: str | None = None
) -> dict[str, str]:
    """Intervention id -> partner, for each referral of these clients made without the sharing
    consent it needed (``records.rules.sharing_stood`` at the referral's ``created_at``).

    ``laptop``: judge as that laptop knew the consents (an office import). A withdrawal made at the
    office reaches a laptop only in a notice file; a referral the laptop made before it had that
    notice is history, and is kept. Once the notice is applied the laptop's own store refuses any
    new referral.
    """
    ids = sorted(set(client_ids))
    referrals: list[tuple[str, str, str, str]] = []
    for chunk in _chunks(ids):
        marks = ",".join("?" for _ in chunk)
        referrals += db.execute(
            "SELECT id, parent_id, data ->> '$.partner', data ->> '$.created_at' FROM interventions "  # noqa: S608
            f"WHERE parent_id IN ({marks}) AND data ->> '$.partner' IS NOT NULL "
            "AND data ->> '$.partner' != ?",
            (*chunk, CONTROLLER),
        ).fetchall()
    if not referrals:
        return {}
    consents: dict[str, list[ConsentFact]] = {}
    for chunk in _chunks(sorted({r[1] for r in referrals})):
        marks = ",".join("?" for _ in chunk)
        unheard: set[str] = set()
        if laptop is not None:
            unheard = {
                r[0]
                for r in db.execute(
                    "SELECT record_id FROM office_notices WHERE device_id = ? AND kind = 'withdraw' "  # noqa: S608
                    f"AND client_id IN ({marks})",
                    (laptop, *chunk),
                )
            }
        for consent_id, client_id, purpose, granted, captured, withdrawn, created in db.execute(
            "SELECT id, parent_id, purpose, data ->> '$.granted', data ->> '$.captured_at', "  # noqa: S608
            "data ->> '$.withdrawn_at', data ->> '$.created_at' FROM consents "
            f"WHERE parent_id IN ({marks}) AND substr(purpose, 1, {len(SHARE_PREFIX)}) = ?",
            (*chunk, SHARE_PREFIX),
        ):
            if consent_id in unheard:
                withdrawn = None
            consents.setdefault(client_id, []).append(
                ConsentFact(
                    purpose,
                    bool(granted),
                    datetime.fromisoformat(captured),
                    datetime.fromisoformat(withdrawn) if withdrawn else None,
                    datetime.fromisoformat(created),
                )
            )
    return {
        record_id: partner
        for record_id, client_id, partner, at in referrals
        if not sharing_stood(partner, datetime.fromisoformat(at), consents.get(client_id, ()))
    }


def _referral_clients(entity: str, records: Sequence[Any]) -> set[str]:
    """The clients whose referrals a write of these records could make break."""
    if entity == "intervention":
        return {str(r.client_id) for r in records if needs_sharing_consent(r.partner)}
    if entity == "consent":
        # A withdrawal is never refused (UK GDPR Art. 7(3)), and it keeps the referrals made
        # before it; only a new answer could change what stood when a referral was made.
        return {
            str(r.client_id) for r in records if r.purpose.startswith(SHARE_PREFIX) and r.withdrawn_at is None
        }
    return set()


def _refuse_new(after: Mapping[str, str], before: Iterable[str]) -> None:
    new = sorted(set(after) - set(before))
    if new:
        raise RuleBroken(REFERRAL_WITHOUT_CONSENT, referral_message(after[new[0]]))


class GuardedStore(Protocol):
    """What the guards read of their store. ``Store`` is one; naming only this keeps store.py, which
    builds the guards, free of an import cycle.
    """

    db: Database

    @property
    def kind(self) -> str: ...

    @property
    def device_id(self) -> str: ...


class Guards:
    """The rules for one store (``Store.guards``)."""

    def __init__(self, store: GuardedStore) -> None:
        self.store = store
        self._kind: str | None = None
        self._device: str | None = None  # a store's kind and device never change once written
        self._pending: set[str] | None = None  # clients written under deferred()
        self._before: set[str] = set()  # referrals already without consent before they were
        self._laptop: str | None = None  # deferred(laptop=...): judged as that laptop knew

    @property
    def on_laptop(self) -> bool:
        if self._kind is None:
            self._kind = self.store.kind
        return self._kind != "office"

    def check_creators(self, records: Sequence[Any], creators: Mapping[str, str] | None) -> None:
        """A laptop writes only its own records; nobody changes who created a record."""
        if creators:
            for record in records:
                creator = creators.get(str(record.id))
                if creator is not None and record.device_id != creator:
                    raise RuleBroken(
                        NOT_THIS_DEVICES_RECORD,
                        "A record's creating laptop cannot be changed "
                        f"(rule {NOT_THIS_DEVICES_RECORD}): nothing was changed.",
                    )
        if self.on_laptop:
            if self._device is None:
                self._device = self.store.device_id
            own = self._device
            for creator in (creators or {}).values():
                check_owner(own, creator)
            for record in records:
                check_owner(own, record.device_id)

    @contextmanager
    def writing(
        self, entity: str, records: Sequence[Any], creators: Mapping[str, str] | None = None
    ) -> Iterator[None]:
        """Around one write of ``records`` of ``entity``; ``creators`` maps the ids of records
        already stored to the device that created them (for a change)."""
        self.check_creators(records, creators)
        clients = _referral_clients(entity, records)
        if not clients:
            yield
            return
        db = self.store.db
        if self._pending is not None:
            first_seen = clients - self._pending
            if first_seen:
                self._before |= set(referral_breaches(db, first_seen, laptop=self._laptop))
                self._pending |= first_seen
            yield
            return
        before = referral_breaches(db, clients)
        yield
        _refuse_new(referral_breaches(db, clients), before)

    @contextmanager
    def deferred(self, *, laptop: str | None = None) -> Iterator[None]:
        """Check the referral rule once, at the end, for every client written inside (inside the
        caller's transaction, so a refusal rolls the whole batch back). ``laptop``: an import of
        that laptop's bundle (``referral_breaches``)."""
        if self._pending is not None:  # nested: the outermost checks
            yield
            return
        self._pending, self._before, self._laptop = set(), set(), laptop
        try:
            yield
            if self._pending:
                after = referral_breaches(self.store.db, self._pending, laptop=laptop)
                _refuse_new(after, self._before)
        finally:
            self._pending, self._before, self._laptop = None, set(), None
