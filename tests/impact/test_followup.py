"""Who is due a follow-up, recording what they said, and the survey sample: consent first, always."""

from __future__ import annotations

import csv
import random
from datetime import UTC, date, datetime

import pytest

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.followup.due import due_list, find_client, record_followup, survey_sample
from pace_desktop.followup.schedule import add_months, checkpoints, parse_months, status_at, sustained
from pace_desktop.records.models import CaptureMethod
from pace_desktop.registration import build_consents
from tests.impact.people import event, person

ALL = {"pace_support": True, "contact_followup": True, "client_survey": True, "anonymised_statistics": True}


def test_due_dates_are_calendar_months_after_leaving():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 1, 31), 3) == date(2025, 4, 30)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    points = checkpoints(date(2025, 1, 31))
    assert [(p.months, p.due) for p in points] == [
        (3, date(2025, 4, 30)),
        (6, date(2025, 7, 31)),
        (12, date(2026, 1, 31)),
    ]
    # Windows run from 14 days before a checkpoint to 14 days before the next; the last never ends.
    assert (points[0].window_start, points[0].window_end) == (date(2025, 4, 16), date(2025, 7, 17))
    assert points[2].window_end is None
    assert parse_months("12, 6,3") == (3, 6, 12)
    with pytest.raises(UsageError, match="whole numbers"):
        parse_months("three")


def test_status_at_checkpoints_and_sustained_work():
    leaving = date(2025, 1, 31)
    outcomes = [
        (date(2025, 4, 20), "unemployed"),
        (date(2025, 5, 2), "in_work"),
        (date(2025, 8, 1), "in_work"),
        (date(2026, 2, 3), "self_employed"),
    ]
    statuses = status_at(outcomes, leaving)
    assert statuses == {3: "in_work", 6: "in_work", 12: "self_employed"}
    assert sustained(statuses, (3, 6, 12), 6) is True
    assert sustained(statuses, (3, 6, 12), 12) is True
    assert sustained({6: "in_work", 12: "unemployed"}, (3, 6, 12), 12) is False
    assert sustained({6: "unknown", 12: "in_work"}, (3, 6, 12), 12) is None


def test_only_consenting_people_are_due(store):
    ev = event(store)
    due_a = person(store, ev, first="Due")
    person(store, ev, consents={**ALL, "contact_followup": False}, first="Declined")
    withdrawn = person(store, ev, first="Withdrawn")
    for consent in store.consents.for_parent(withdrawn.id):
        if consent.purpose == "contact_followup":
            store.consents.update(consent.withdraw(by="Ailsa Demo"))
    changed = person(store, ev, first="Changed")
    later = datetime(2025, 2, 1, tzinfo=UTC)  # a later "no" outweighs the earlier "yes"
    for consent in build_consents(
        {"contact_followup": False},
        how=CaptureMethod.with_adviser,
        by="Ailsa Demo",
        client_id=changed.id,
        at=later,
    ):
        store.consents.add(consent)
    person(store, ev, outcomes=[(80, "in_work")], first="Answered")
    person(store, ev, leaving=None, first="Undated")
    person(store, ev, consents={"pace_support": True, "client_survey": True}, first="Survey")

    listing = due_list(store, as_of=date(2025, 5, 1))
    assert [(d.pace_id, d.months, d.due) for d in listing.due] == [(due_a.pace_id, 3, date(2025, 4, 30))]
    assert listing.consenting == 3  # Due, Answered, Undated
    assert listing.no_leaving_date == 1
    assert due_list(store, as_of=date(2025, 4, 29)).due == []  # not due yet
    assert due_list(store, as_of=date(2025, 7, 20)).due == []  # 3 months missed, 6 not yet due
    six = due_list(store, as_of=date(2025, 8, 1)).due
    assert {d.name for d in six} == {"Due Demo", "Answered Demo"}

    survey = due_list(store, purpose="client_survey", as_of=date(2025, 5, 1))
    names = sorted(d.name for d in survey.due)
    assert names == ["Changed Demo", "Declined Demo", "Due Demo", "Survey Demo", "Withdrawn Demo"]


def test_recording_an_outcome_takes_the_person_off_the_list(store):
    ev = event(store)
    due_a = person(store, ev)
    saved = record_followup(
        store,
        find_client(store, due_a.pace_id.lower()).id,
        "in work",
        date(2025, 5, 1),
        "Started at a bakery",
        today=date(2025, 5, 2),
    )
    assert (saved.status.value, saved.date, saved.source.value) == ("in_work", date(2025, 5, 1), "adviser")
    assert [o.id for o in store.outcomes.for_parent(due_a.id)] == [saved.id]
    assert due_list(store, as_of=date(2025, 5, 2)).due == []


def test_recording_is_refused_without_consent_and_nothing_is_saved(store):
    ev = event(store)
    declined = person(store, ev, consents={**ALL, "contact_followup": False})
    with pytest.raises(RefusedError, match="did not agree to be contacted"):
        record_followup(store, declined.id, "in_work", date(2025, 5, 1), today=date(2025, 5, 2))
    ok = person(store, ev)
    with pytest.raises(RefusedError, match="future"):
        record_followup(store, ok.id, "in_work", date(2025, 5, 3), today=date(2025, 5, 2))
    with pytest.raises(UsageError, match="Choose an outcome"):
        record_followup(store, ok.id, "retired", date(2025, 5, 1), today=date(2025, 5, 2))
    with pytest.raises(RefusedError, match="No client has that PACE ID"):
        find_client(store, "PACE-2222-2222")
    with pytest.raises(RefusedError, match="never uses"):
        find_client(store, "PACE-0000-0000")
    assert store.outcomes.count() == 0


def test_nobody_without_consent_is_ever_listed(store):
    """Random consent histories: every person listed has, in the raw rows, a latest yes not withdrawn."""
    rng = random.Random(20)
    ev = event(store)
    for i in range(60):
        answers = {p: rng.random() < 0.5 for p in ("contact_followup", "client_survey")}
        client = person(
            store,
            ev,
            consents={"pace_support": True, **answers},
            leaving=date(2025, 1, 1 + rng.randrange(28)),
            first=f"P{i}",
        )
        for step in range(rng.randrange(3)):
            purpose = rng.choice(["contact_followup", "client_survey"])
            if rng.random() < 0.5:
                for consent in store.consents.for_parent(client.id):
                    if consent.purpose == purpose and consent.active:
                        store.consents.update(consent.withdraw(by="Ailsa Demo"))
            else:
                at = datetime(2025, 2, 1 + step, tzinfo=UTC)
                for consent in build_consents(
                    {purpose: rng.random() < 0.5},
                    how=CaptureMethod.with_adviser,
                    by="Ailsa Demo",
                    client_id=client.id,
                    at=at,
                ):
                    store.consents.add(consent)

    def stands(client_id, purpose) -> bool:
        rows = [c for c in store.consents.for_parent(client_id) if c.purpose == purpose]
        return bool(rows) and max(rows, key=lambda c: c.captured_at).active

    for purpose in ("contact_followup", "client_survey"):
        for as_of in (date(2025, 4, 30), date(2025, 7, 31), date(2026, 2, 1)):
            listed = due_list(store, purpose=purpose, as_of=as_of).due
            assert listed, "the test must list someone to mean anything"
            for d in listed:
                assert stands(d.client_id, purpose)
            expected = {str(c.id) for c in store.clients.all() if stands(c.id, purpose)}
            assert {d.client_id for d in listed} <= expected


def test_survey_sample_holds_only_survey_consenting_people(store, tmp_path):
    ev = event(store)
    yes = person(store, ev, consents={"pace_support": True, "client_survey": True}, last="=Yes")
    person(
        store,
        ev,
        consents={"pace_support": True, "client_survey": False, "contact_followup": True},
        last="No",
    )
    out = tmp_path / "sample.csv"
    assert survey_sample(store, out, as_of=date(2025, 5, 1)) == 1
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["PACE ID", "First name", "Last name"]
    assert rows[1:] == [
        [
            yes.pace_id,
            "Eilidh",
            "'=Yes",
            "demo.person@example.org",
            "'+447700900123",
            "",
            "2025-01-31",
            "3",
            "2025-04-30",
        ]
    ]
    assert out.stat().st_mode & 0o077 == 0
    with pytest.raises(UsageError, match=".csv"):
        survey_sample(store, tmp_path / "sample.xlsx")
