"""The adviser's client record in the core: one read of all it shows, one save of the form.

The dialog (``ui/dialogs/client_record.py``) gathers what the adviser typed into a ``ClientForm`` and
calls ``save_form`` on the worker; it calls ``read_record`` there too, after opening and after each
change, and only shows what comes back. So the rules of saving — a new person's whole registration in
one transaction, a PACE ID not already taken, new consent answers added beside the old, the checklist
re-scored into the stored record with the adviser's band kept — are here, once, and no store read
runs on the UI thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pace_desktop.records.models import (
    CaptureMethod,
    ChecklistRecord,
    Client,
    Consent,
    Event,
    Feedback,
    Intervention,
    Outcome,
    as_validation_failed,
)
from pace_desktop.records.pace_id import is_valid_pace_id, new_pace_id
from pace_desktop.registration import build_checklist, build_consents, with_override
from pace_desktop.store import client_record as stored_record

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

# What a re-scored checklist takes from the fresh score; the stored record keeps its id, creator
# and override, so a re-score is a new version of the same record, not a second one.
RESCORED = (
    "checklist_version",
    "answers",
    "score",
    "band",
    "explanation",
    "unanswered",
    "area_as_of",
    "area_figures",
    "council_area",
)


@dataclass(frozen=True)
class RecordLists:
    """Everything stored under one client, as the record's tabs show it."""

    consents: list[Consent] = field(default_factory=list)
    checklist: ChecklistRecord | None = None  # the latest
    interventions: list[Intervention] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)  # audit entries, see store.client_record


@dataclass(frozen=True)
class ClientForm:
    """What the adviser's form holds when Save is pressed.

    ``client`` is already judged by its model; ``answers_changed`` says whether the checklist answers
    or area differ from what was stored (or shown) when the form was last saved or opened.
    """

    event: Event
    client: Client
    is_new: bool
    consent_choices: Mapping[str, bool]
    answers: Mapping[str, str]
    council_area: str | None
    answers_changed: bool
    stored_checklist: ChecklistRecord | None
    override: tuple[str, str] | None  # (band, reason) held until the record is saved


def read_record(store: Store, client_id: str) -> RecordLists:
    """The client's consents, latest checklist, referrals, outcomes, feedback and their history."""
    with store.transaction():
        consents = store.consents.for_parent(client_id)
        checklists = store.checklists.for_parent(client_id)
        interventions = store.interventions.for_parent(client_id)
        outcomes = store.outcomes.for_parent(client_id)
        feedback = store.feedback.for_parent(client_id)
        latest = checklists[-1] if checklists else None
        ids = [
            client_id,
            *(
                str(r.id)
                for r in (*consents, *([latest] if latest else []), *interventions, *outcomes, *feedback)
            ),
        ]
        history = stored_record.history(store.db, ids)
    return RecordLists(consents, latest, interventions, outcomes, feedback, history)


def record_viewed(store: Store, client_id: str) -> None:
    """Audit that the adviser opened the record (the History tab lists each opening)."""
    with store.transaction():
        store.audit("view", "client", client_id)


def unique_pace_id(store: Store, wanted: str | None = None) -> str:
    """``wanted`` if it is a valid PACE ID no client has, else a fresh one no client has."""
    pace_id = wanted if wanted is not None and is_valid_pace_id(wanted) else new_pace_id()
    while store.client_queries.pace_id_taken(pace_id):
        pace_id = new_pace_id()
    return pace_id


def merge_checklist(stored: ChecklistRecord | None, fresh: ChecklistRecord) -> ChecklistRecord:
    """A fresh score as the next version of the stored checklist (or as the first one)."""
    if stored is None:
        return fresh
    return stored.model_copy(update={k: getattr(fresh, k) for k in RESCORED})


def checklist_to_save(form: ClientForm, client: Client, adviser: str) -> ChecklistRecord | None:
    """The checklist record the form's Save writes, or None when the checklist has nothing new.

    Raises ``ValidationFailed`` when the adviser's band or reason is not acceptable.
    """
    changed = form.answers_changed or (form.stored_checklist is None and bool(form.answers))
    if not changed and form.override is None:
        return None
    fresh = build_checklist(form.answers, client=client, event=form.event, council_area=form.council_area)
    record = merge_checklist(form.stored_checklist, fresh)
    if form.override is not None:
        try:
            record = with_override(record, *form.override, adviser)
        except ValidationError as exc:
            raise as_validation_failed(exc) from None
    return record


def save_form(store: Store, form: ClientForm) -> Client:
    """Save the form: a new person's whole registration, or the changes to a stored one.

    A new client is registered (client, consents, checklist) in one transaction, under a PACE ID no
    other client has; a stored one is updated, with new consent answers added beside the old and the
    checklist re-scored into its stored record, in one transaction. Returns the stored client.
    """
    consents = build_consents(form.consent_choices, how=CaptureMethod.with_adviser, by=store.actor)
    checklist = checklist_to_save(form, form.client, store.actor)
    if form.is_new:
        client = form.client
        pace_id = unique_pace_id(store, client.pace_id)
        if pace_id != client.pace_id:
            client = client.model_copy(update={"pace_id": pace_id})
        return store.register(client, consents, checklist)
    with store.transaction():
        saved = store.clients.update(form.client)
        for consent in consents:
            store.consents.add(consent.model_copy(update={"client_id": saved.id}))
        if checklist is not None:
            if form.stored_checklist is not None:
                store.checklists.update(checklist)
            else:
                store.checklists.add(checklist)
    return saved
