"""The demo's history: the same people (dates of birth move with the event dates), plus what
happened to them since, so every impact figure has something to show."""

from __future__ import annotations

from datetime import date

from pace_desktop.demo import seed
from pace_desktop.followup.schedule import IN_WORK
from pace_desktop.records.models import EmploymentStatus, RedundancyPay
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


def test_demo_people_have_plausible_redundancy_arrangements(store):
    """Schema 2: every redundancy pay answer occurs, each fits the person's situation."""
    seed(store, events=3, clients=300)
    clients = list(store.clients.all())
    pays = {c.redundancy_pay_status for c in clients}
    assert pays == {None, *RedundancyPay}
    assert {c.wants_money_advice for c in clients} == {None, True, False}
    for c in clients:
        years = c.length_of_service_years
        if c.redundancy_pay_status is RedundancyPay.not_entitled:
            assert years is not None and years < 2  # no statutory redundancy pay under two years
        elif c.redundancy_pay_status is not None:
            assert years is not None and years >= 2
        if c.redundancy_pay_status is RedundancyPay.paid:
            assert c.employment_status is EmploymentStatus.redundant
        if c.employment_status is EmploymentStatus.other:
            assert c.redundancy_pay_status is None
        if "money" in c.services_wanted:
            assert c.wants_money_advice is True
