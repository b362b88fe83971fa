"""Retention: a dry run that changes nothing, then de-identify or erase, re-checking each person."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from pace_desktop.demo import make_event
from pace_desktop.errors import StoreError, UsageError
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.importer import import_bundle
from pace_desktop.privacy.keyed import person_key, stored_key
from pace_desktop.privacy.retention import (
    DEIDENTIFY,
    ERASE,
    apply_retention,
    plan_retention,
    retention_years,
    set_retention_years,
)
from pace_desktop.records.models import Outcome
from pace_desktop.reports.report import write_report
from tests.privacy.helpers import people

TODAY = date(2033, 6, 1)


def feedback_given(store, client, when: date) -> None:
    """Date the person's feedback (the helper records it today)."""
    with store.transaction() as conn:
        conn.execute(
            "UPDATE feedback SET data = json_set(data, '$.created_at', ?) WHERE parent_id = ?",
            (f"{when.isoformat()}T12:00:00Z", str(client.id)),
        )


def old_and_new(store):
    """Two people seen in 2026 (one agreed to statistics, one not) and one seen recently."""
    old_event = store.events.add(make_event(random.Random(1), date(2026, 11, 20)))
    _, (keeps_stats,) = people(store, 1, seed=3, event=old_event)
    _, (no_stats,) = people(store, 1, seed=4, event=old_event, statistics=False)
    recent = store.events.add(make_event(random.Random(2), date(2030, 3, 1)))
    _, (recent_person,) = people(store, 1, seed=5, event=recent)
    for person in (keeps_stats, no_stats):
        feedback_given(store, person, date(2026, 12, 1))
    feedback_given(store, recent_person, date(2030, 3, 2))
    return keeps_stats, no_stats, recent_person


def table_counts(store):
    return {
        t: store.db.scalar(f"SELECT count(*) FROM {t}")
        for t in (
            "clients",
            "consents",
            "checklists",
            "interventions",
            "outcomes",
            "feedback",
            "tombstones",
            "deidentified",
        )
    }


def test_the_dry_run_lists_who_and_how_and_changes_nothing(office):
    keeps_stats, no_stats, _recent = old_and_new(office)
    before = table_counts(office)
    plan = plan_retention(office, today=TODAY)

    assert retention_years(office) == 6 and plan.cutoff == date(2027, 6, 1)
    assert {(i.pace_id, i.action) for i in plan.items} == {
        (keeps_stats.pace_id, DEIDENTIFY),
        (no_stats.pace_id, ERASE),
    }
    assert all(i.last_contact == date(2027, 2, 18) for i in plan.items)  # the outcome 90 days on
    assert plan.summary() == ("2 people last seen before 2027-06-01 (6 years): 1 to de-identify, 1 to erase.")
    assert table_counts(office) == before


def test_applying_deidentifies_or_erases_and_the_rows_stay_in_the_research_extract(office, tmp_path):
    keeps_stats, no_stats, recent = old_and_new(office)
    result = apply_retention(office, plan_retention(office, today=TODAY))

    assert (result.deidentified, result.erased, result.skipped) == (1, 1, 0)
    assert [c.pace_id for c in office.clients.all()] == [recent.pace_id]
    assert {r[0] for r in office.db.query("SELECT pace_id FROM tombstones")} == {
        keeps_stats.pace_id,
        no_stats.pace_id,
    }
    assert set(office.db.query("SELECT reason FROM tombstones")) == {("retention period ended",)}
    key = stored_key(office)
    assert office.db.query("SELECT key FROM deidentified") == [(person_key(key, keeps_stats.pace_id),)]
    assert office.verify_audit().ok

    out = write_report(office, "deidentified", tmp_path / "research.xlsx").path
    wb = load_workbook(out)
    people_keys = {r[0] for r in list(wb["People"].iter_rows(values_only=True))[1:]}
    assert people_keys == {person_key(key, keeps_stats.pace_id), person_key(key, recent.pace_id)}
    help_keys = [r[0] for r in list(wb["Help"].iter_rows(values_only=True))[1:]]
    assert help_keys.count(person_key(key, keeps_stats.pace_id)) == 1


def test_someone_seen_again_since_the_plan_is_skipped(office):
    keeps_stats, no_stats, _ = old_and_new(office)
    plan = plan_retention(office, today=TODAY)
    office.outcomes.add(Outcome(client_id=no_stats.id, date=TODAY - timedelta(days=10), status="in_work"))
    result = apply_retention(office, plan)
    assert (result.deidentified, result.erased, result.skipped) == (1, 0, 1)
    assert office.clients.get(no_stats.id) is not None


def test_a_late_bundle_cannot_bring_back_someone_retention_removed(laptop, enrolled, outbox, tmp_path):
    office = enrolled
    old_event = laptop.events.add(make_event(random.Random(1), date(2026, 11, 20)))
    _, (person,) = people(laptop, 1, event=old_event)
    feedback_given(laptop, person, date(2026, 12, 1))
    bundle = export_bundle(laptop, outbox).path
    import_bundle(office, bundle, receipts_dir=tmp_path)
    apply_retention(office, plan_retention(office, today=TODAY))
    laptop.clients.update(laptop.clients.get(person.id).model_copy(update={"job_title": "Welder"}))
    late = import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path)
    assert late.outcomes == {"skipped_erased": 1}
    assert office.clients.count() == 0


def test_the_rule_is_a_setting_and_retention_is_office_only(office, laptop):
    set_retention_years(office, 3)
    assert retention_years(office) == 3
    with pytest.raises(UsageError, match="between 1 and 100 years"):
        set_retention_years(office, 0)
    with pytest.raises(StoreError, match="not an office store"):
        plan_retention(laptop)
