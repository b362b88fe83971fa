"""Office retention: identifiable data is kept N years after a person's last contact, then goes.

The rule (UK GDPR Art. 5(1)(e), storage limitation): once N years (setting
``identifiable_retention_years``, default 6) have passed since the last contact with someone — the
event they came to, help, an outcome, or feedback given (when it was recorded), whichever is
latest — their identifiable records
are removed. People who agreed to their answers being used in statistics leave one de-identified
row behind (``deidentified_rows``; it stays in the de-identified export); everyone else is erased. Either
way a tombstone stops a late bundle bringing the records back.

``plan_retention`` is the dry run: it lists who would go and how, and changes nothing.
``apply_retention`` carries out a plan, re-checking each person first (someone with new contact
since the plan was made is skipped).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from pace_desktop.errors import UsageError
from pace_desktop.exchange.tables import CHILD_ENTITIES, repositories
from pace_desktop.office.central import require_office
from pace_desktop.privacy.deidentified_rows import retained
from pace_desktop.privacy.erasure import remove_person
from pace_desktop.privacy.keyed import key_for, person_key
from pace_desktop.privacy.people import checkpoint
from pace_desktop.reports.aggregates import STATISTICS_PURPOSE
from pace_desktop.store import retention as retention_store

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

YEARS_SETTING = "identifiable_retention_years"
DEFAULT_YEARS = 6
REASON = "retention period ended"
DEIDENTIFY = "deidentify"
ERASE = "erase"
ACTION_WORDS = {DEIDENTIFY: "de-identify (kept for statistics without identifiers)", ERASE: "erase"}


@dataclass(frozen=True)
class RetentionItem:
    pace_id: str
    client_id: str
    last_contact: date
    action: str  # DEIDENTIFY or ERASE

    def line(self) -> str:
        return f"{self.pace_id}  last contact {self.last_contact}  -> {ACTION_WORDS[self.action]}"


@dataclass(frozen=True)
class RetentionPlan:
    """What retention would do today: nothing has changed yet."""

    years: int
    cutoff: date
    items: tuple[RetentionItem, ...]

    def count(self, action: str) -> int:
        return sum(1 for i in self.items if i.action == action)

    def summary(self) -> str:
        if not self.items:
            return f"Nobody's last contact is before {self.cutoff} ({self.years} years): nothing to do."
        return (
            f"{len(self.items)} people last seen before {self.cutoff} ({self.years} years): "
            f"{self.count(DEIDENTIFY)} to de-identify, {self.count(ERASE)} to erase."
        )


@dataclass(frozen=True)
class RetentionResult:
    deidentified: int
    erased: int
    skipped: int  # in the plan but changed since (new contact) or already gone

    def summary(self) -> str:
        text = f"Retention applied: {self.deidentified} people de-identified, {self.erased} erased"
        return text + (
            f"; {self.skipped} skipped (changed since the plan was made)." if self.skipped else "."
        )


def retention_years(store: Store) -> int:
    value = store.setting(YEARS_SETTING)
    return int(value) if value else DEFAULT_YEARS


def set_retention_years(store: Store, years: int) -> None:
    if not 1 <= years <= 100:
        raise UsageError("Keep identifiable data between 1 and 100 years.")
    store.set_settings({YEARS_SETTING: str(years)})


def _cutoff(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def plan_retention(store: Store, *, years: int | None = None, today: date | None = None) -> RetentionPlan:
    """The dry run: who is past the retention period, and what would happen to each."""
    require_office(store)
    years = retention_years(store) if years is None else years
    if not 1 <= years <= 100:
        raise UsageError("Keep identifiable data between 1 and 100 years.")
    cutoff = _cutoff(today or datetime.now(UTC).date(), years)
    items = []
    for client_id, pace_id, last, statistics in retention_store.last_contacts(store.db, STATISTICS_PURPOSE):
        last_contact = date.fromisoformat(last[:10])
        if last_contact < cutoff:
            items.append(RetentionItem(pace_id, client_id, last_contact, DEIDENTIFY if statistics else ERASE))
    return RetentionPlan(years, cutoff, tuple(items))


def apply_retention(store: Store, plan: RetentionPlan, *, now: datetime | None = None) -> RetentionResult:
    """Carry out ``plan`` in one transaction, re-checking each person as it goes."""
    require_office(store)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    done = {DEIDENTIFY: 0, ERASE: 0}
    skipped = 0
    key = key_for(store) if plan.count(DEIDENTIFY) else b""
    repos = repositories(store)
    db = store.db
    with store.transaction():
        for item in plan.items:
            row = retention_store.last_contact(db, STATISTICS_PURPOSE, item.client_id)
            client = store.clients.get(item.client_id)
            if row is None or client is None or date.fromisoformat(row.last[:10]) >= plan.cutoff:
                skipped += 1
                continue
            action = DEIDENTIFY if row.consented else ERASE
            kept = None
            if action == DEIDENTIFY:
                children = {
                    e: [json.loads(d) for d in retention_store.child_data(db, repos[e].table, item.client_id)]
                    for e in CHILD_ENTITIES
                }
                event = retention_store.event_data(db, str(client.event_id))
                kept = retained(
                    person_key(key, client.pace_id),
                    json.loads(client.model_dump_json()),
                    json.loads(event) if event else None,
                    children,
                )
            remove_person(store, client, reason=REASON, at=now, exported=False)
            if kept is not None:
                retention_store.keep_deidentified(
                    db, person_key(key, client.pace_id), now.isoformat(timespec="seconds"), kept
                )
            store.audit("erase", "client", item.client_id, detail=f"retention,{action}")
            done[action] += 1
    checkpoint(store)
    return RetentionResult(done[DEIDENTIFY], done[ERASE], skipped)
