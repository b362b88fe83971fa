"""The client record's save and read, in the core (no Qt): what the adviser's form calls on the worker.

Everyone here is fictional.
"""

from __future__ import annotations

from datetime import date

from pace_desktop.client_record import ClientForm, read_record, save_form
from pace_desktop.records.models import Client, Event, EventType

GLASGOW = "S12000049"
DEPENDANTS = {"q5_dependants": "yes"}


def _event(store) -> Event:
    return store.events.add(
        Event(
            employer_name="Clydeside Precision Castings Ltd",
            council_area=GLASGOW,
            sector="Manufacturing",
            event_date=date(2026, 11, 20),
            event_type=EventType.group_session,
        )
    )


def _form(event: Event, client: Client, *, is_new: bool, **changes) -> ClientForm:
    values = {
        "event": event,
        "client": client,
        "is_new": is_new,
        "consent_choices": {},
        "answers": {},
        "council_area": None,
        "answers_changed": False,
        "stored_checklist": None,
        "override": None,
    }
    return ClientForm(**(values | changes))


def test_a_new_client_is_registered_whole_and_read_back_with_its_history(store):
    event = _event(store)
    client = Client(
        event_id=event.id, first_name="Morag", last_name="Fictional", date_of_birth=date(1980, 2, 3)
    )
    saved = save_form(
        store, _form(event, client, is_new=True, consent_choices={"pace_support": True}, answers=DEPENDANTS)
    )
    lists = read_record(store, str(saved.id))
    assert [(c.purpose, c.granted) for c in lists.consents] == [("pace_support", True)]
    assert lists.checklist is not None and lists.checklist.answers == DEPENDANTS
    created = {(e["entity"], e["action"]) for e in lists.history}
    assert {("client", "create"), ("consent", "create"), ("checklist", "create")} <= created


def test_a_changed_checklist_is_rescored_into_the_stored_record_with_the_advisers_band(store):
    event = _event(store)
    client = Client(event_id=event.id, first_name="Calum", last_name="Fictional")
    saved = save_form(
        store, _form(event, client, is_new=True, consent_choices={"pace_support": True}, answers=DEPENDANTS)
    )
    stored = read_record(store, str(saved.id)).checklist
    again = save_form(
        store,
        _form(
            event,
            saved.model_copy(update={"job_title": "Welder"}),
            is_new=False,
            answers=DEPENDANTS | {"q1_qualification": "none"},
            answers_changed=True,
            stored_checklist=stored,
            override=("high", "Caring for a parent full time"),
        ),
    )
    lists = read_record(store, str(again.id))
    assert len(store.checklists.for_parent(again.id)) == 1  # the same record, a new version
    assert lists.checklist.id == stored.id and lists.checklist.version == stored.version + 1
    assert lists.checklist.answers["q1_qualification"] == "none"
    assert lists.checklist.override.band == "high"
    assert store.clients.get(again.id).job_title == "Welder"


def test_an_unchanged_checklist_is_not_written_again(store):
    event = _event(store)
    client = Client(event_id=event.id, first_name="Eilidh", last_name="Fictional")
    saved = save_form(
        store, _form(event, client, is_new=True, consent_choices={"pace_support": True}, answers=DEPENDANTS)
    )
    stored = read_record(store, str(saved.id)).checklist
    save_form(
        store,
        _form(
            event,
            saved,
            is_new=False,
            answers=DEPENDANTS,
            stored_checklist=stored,
            consent_choices={"contact_followup": False},
        ),
    )
    lists = read_record(store, str(saved.id))
    assert lists.checklist.version == stored.version
    assert sorted(c.purpose for c in lists.consents) == ["contact_followup", "pace_support"]
