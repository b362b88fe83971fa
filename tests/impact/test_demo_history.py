"""The demo's history: the same people (dates of birth move with the event dates), plus what
happened to them since, so every impact figure has something to show."""

from __future__ import annotations

from datetime import date

from pace_desktop.demo import seed
from pace_desktop.followup.schedule import IN_WORK
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE


def _people(store) -> list[tuple[str, str]]:
    return sorted((c.first_name + " " + c.last_name, c.job_title or "") for c in store.clients.all())


def test_history_keeps_the_people_and_adds_outcomes_over_time(store, tmp_path):
    seed(store, events=3, clients=150)
    assert store.outcomes.count() == store.interventions.count() == store.feedback.count() == 0
    with Store.create(tmp_path / "h.store", adviser="Ailsa Demo", passphrase=PASSPHRASE) as other:
        seed(other, events=3, clients=150, history=True)
        assert _people(other) == _people(store)
        clients = list(other.clients.all())
        assert all(c.expected_leaving_date is not None for c in clients)
        outcomes = list(other.outcomes.all())
        statuses = {o.status.value for o in outcomes}
        assert {"in_work", "unemployed"} <= statuses and statuses & IN_WORK
        assert all(o.date <= date.today() for o in outcomes)
        # Outcomes spread over time: some within 3 months of leaving, some a year on.
        leaving = {c.id: c.expected_leaving_date for c in clients}
        gaps = [(o.date - leaving[o.client_id]).days for o in outcomes]
        assert min(gaps) < 100 and max(gaps) > 360
        followed = {o.client_id for o in outcomes if o.note is None}  # checkpoint contacts
        for client_id in followed:
            answers = [k for k in other.consents.for_parent(client_id) if k.purpose == "contact_followup"]
            assert answers and answers[-1].active
        assert sum(i.minutes for i in other.interventions.all()) > 0
        assert other.feedback.count() > 0
        assert any(k.override is not None for k in other.checklists.all())
        assert {k.purpose for k in other.consents.all()} >= {"client_survey"}
