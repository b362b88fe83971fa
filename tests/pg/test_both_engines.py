"""The store functions the importer and the reports use give the same answers on both engines.

One office imports a laptop's bundle of fictional people with their history (help given, outcomes,
feedback), into its central store file; ``office migrate`` copies it into a real PostgreSQL; then
each function runs once on the file's ``Database`` and once on ``PgDatabase``, and the answers must
be equal (as sets where the SQL gives no order).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import Any

import pytest

from pace_desktop import demo
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundle
from pace_desktop.store import (
    audit,
    audit_heads,
    device_sequences,
    duplicate_review,
    erasures,
    followup_contacts,
    import_apply,
    imports,
    office_notices,
    people,
    report_figures,
    report_records,
    retention,
)
from pace_desktop.store.pg.connect import connect
from pace_desktop.store.pg.database import PgDatabase
from pace_desktop.store.pg.from_file import migrate_from_file
from tests.conftest import copy_store
from tests.exchange.conftest import _open


@pytest.fixture(scope="module")
def engines(office_template, laptop_template, pg, tmp_path_factory):
    """(the office's file Database, the same office on PostgreSQL, the office Store)."""
    folder = tmp_path_factory.mktemp("both")
    office = _open(copy_store(office_template.central, folder / "office", "central.store"), office=True)
    laptop = _open(copy_store(laptop_template, folder / "laptop", "laptop.store"))
    enrol_device(office, laptop.device_key().text())
    demo.seed(laptop, events=3, clients=40, history=True)
    out = folder / "out"
    out.mkdir()
    assert import_bundle(office, export_bundle(laptop, out).path, receipts_dir=out).verdict == "accepted"
    pg.create_database("pace_both")
    url = pg.url("pace_both")
    with connect(url, allow_insecure=True) as conn:
        migrate_from_file(office, conn)
    server = PgDatabase(url, allow_insecure=True)
    yield office.db, server, office
    server.close()
    laptop.close()
    office.close()


def _ids(db: Any, table: str) -> list[str]:
    return [r[0] for r in db.query(f"SELECT id FROM {table} ORDER BY id")]  # noqa: S608


def _bundle(db: Any) -> str:
    return db.query("SELECT bundle_id FROM imports WHERE verdict = 'accepted'")[0][0]


def _device(db: Any) -> str:
    return db.query("SELECT device_id FROM devices")[0][0]


def _client(db: Any) -> tuple[str, str]:
    """(id, PACE ID) of the first client (by id) who has help, outcomes and feedback recorded."""
    return db.query(
        "SELECT c.id, c.pace_id FROM clients c WHERE EXISTS (SELECT 1 FROM interventions i "
        "WHERE i.parent_id = c.id) AND EXISTS (SELECT 1 FROM outcomes o WHERE o.parent_id = c.id) "
        "ORDER BY c.id LIMIT 1"
    )[0]


READS: dict[str, Callable[[Any], Any]] = {
    "erased ids": import_apply.erased_ids,
    "clients by PACE ID": lambda db: import_apply.client_ids_by_pace_id(
        db, [r[0] for r in db.query("SELECT pace_id FROM clients")] + ["P-NOBODY"]
    ),
    "first accepted": lambda db: imports.first_accepted_at(db, _bundle(db)),
    "history": lambda db: [
        r._replace(counts=json.loads(r.counts or "{}")) for r in imports.history_rows(db, 10)
    ],
    "receipt": lambda db: imports.latest_receipt(db, _bundle(db)),
    "sequence reuse": lambda db: device_sequences.used_by_another_bundle(db, _device(db), 1, "other"),
    "sequences seen": lambda db: device_sequences.sequences_seen(db, _device(db)),
    "same NI": lambda db: set(duplicate_review.same_ni_pairs(db, json.dumps(_ids(db, "clients")))),
    "same surname and birth": lambda db: set(
        duplicate_review.same_surname_dob_pairs(db, json.dumps(_ids(db, "clients")))
    ),
    "audit heads": audit_heads.newest_heads,
    "audit entries of one thing": lambda db: audit.entries_for(
        db, db.query("SELECT entity_id FROM audit WHERE entity_id IS NOT NULL ORDER BY seq")[0][0]
    ),
    "table exists": lambda db: (people.table_exists(db, "request_items"), people.table_exists(db, "nope")),
    "events newest first": lambda db: [json.loads(d) for d in report_figures.event_data_newest_first(db)],
    "employers": lambda db: sorted((json.loads(d) for d in report_figures.employer_data(db)), key=repr),
    "clients by event and band": lambda db: set(report_figures.clients_by_event_and_band(db)),
    "services wanted": lambda db: set(report_figures.services_wanted_by_event(db)),
    "referrals": lambda db: set(report_figures.referrals_by_event(db)),
    "consenting by area": lambda db: set(
        report_figures.consenting_by_area_sector_band(db, "pace_support", "none")
    ),
    "birth and leaving": lambda db: set(report_figures.client_birth_and_leaving(db)),
    "checklist bands": lambda db: set(report_figures.checklist_bands(db)),
    "outcome statuses": lambda db: sorted(report_figures.dated_outcome_statuses(db)),
    "dated services": lambda db: sorted(report_figures.dated_services(db), key=repr),
    "intervention facts": lambda db: sorted(report_figures.intervention_facts(db), key=repr),
    "services and minutes": lambda db: sorted(report_figures.service_statuses_and_minutes(db), key=repr),
    "feedback ratings": lambda db: sorted(report_figures.feedback_ratings(db), key=repr),
    "records report": lambda db: [
        (json.loads(data), pace_id)
        for table in sorted(report_records.RECORD_TABLES)
        for data, pace_id in report_records.stream_records(db, table, with_pace_id=True, batch=7)
    ],
    # Follow-up lists (followup/due.py).
    "outcome dates": lambda db: sorted(followup_contacts.outcome_dates(db), key=repr),
    "follow-up fields": followup_contacts.due_fields,
    "clients' JSON": lambda db: [(i, json.loads(d)) for i, d in followup_contacts.clients_json(db)],
    "one client's JSON": lambda db: json.loads(followup_contacts.client_json(db, _client(db)[1]) or "null"),
    # Retention (privacy/retention.py): last contact and statistics consent, everyone and one.
    "last contacts": lambda db: retention.last_contacts(db, "anonymised_statistics"),
    "last contacts, no consent": lambda db: retention.last_contacts(db, "no_such_purpose"),
    "last contact of one": lambda db: retention.last_contact(db, "anonymised_statistics", _client(db)[0]),
    "help given to one": lambda db: [
        json.loads(d) for d in retention.child_data(db, "interventions", _client(db)[0])
    ],
    "one event": lambda db: json.loads(
        retention.event_data(db, db.query("SELECT parent_id FROM clients ORDER BY id")[0][0]) or "null"
    ),
    # Subject access and erasure (privacy/people.py): which laptops hold a person's records.
    "creator laptops": lambda db: people.creator_devices(db, "interventions", "parent_id", _client(db)[0]),
}


# Nobody was erased or imported twice, and the demo people share no NI number or surname and birth:
# these still run their SQL on the server, whose answer must be empty too.
EMPTY_HERE = ("erased ids", "sequence reuse", "same NI", "same surname and birth")


@pytest.mark.parametrize("name", sorted(READS))
def test_each_read_gives_the_same_answer_on_both_engines(engines, name):
    on_file, on_server, _ = engines
    expected = READS[name](on_file)
    assert expected not in (None, [], set(), {}) or name in EMPTY_HERE
    assert READS[name](on_server) == expected


def test_the_history_has_something_to_count(engines):
    """The comparisons above compare real figures: help, outcomes and feedback were imported."""
    on_file, _, _ = engines
    assert report_figures.intervention_facts(on_file) and report_figures.feedback_ratings(on_file)
    assert any(minutes is not None for *_, minutes in report_figures.service_statuses_and_minutes(on_file))


@pytest.mark.parametrize("table", ["employers", "clients", "consents", "interventions"])
def test_a_repository_reads_the_same_records_and_creators_on_both_engines(engines, table):
    on_file, on_server, office = engines
    repo = {
        "employers": office.employers,
        "clients": office.clients,
        "consents": office.consents,
        "interventions": office.interventions,
    }[table]
    ids = _ids(on_file, table)
    creators = repo.stored_creators(ids)
    assert creators and all(device for _, device in creators.values())
    try:
        office.db = on_server
        assert repo.stored_creators(ids) == creators
        assert repo.count() == len(ids)
        assert repo.get(ids[0]) is not None
    finally:
        office.db = on_file
    assert repo.get(ids[0]) == _load_on(on_server, office, repo, ids[0])


def _load_on(db: Any, office: Any, repo: Any, record_id: str) -> Any:
    saved = office.db
    office.db = db
    try:
        return repo.get(record_id)
    finally:
        office.db = saved


class _Undo(Exception):
    """Leaves a transaction by rolling it back, so the shared office stays as it was."""


def _erase(db: Any, client_id: str, pace_id: str) -> dict[str, Any]:
    """privacy.erasure.remove_person's store calls for one person, then rolled back."""
    removed: dict[str, Any] = {}
    with contextlib.suppress(_Undo), db.transaction():
        for table in ("consents", "checklists", "interventions", "outcomes", "feedback"):
            removed[table] = erasures.delete_children(db, table, client_id)
        removed["clients"] = erasures.delete_client(db, client_id)
        erasures.delete_drafts(db, client_id)  # the file has drafts; the server has none
        erasures.delete_duplicate_checks(db, client_id)
        erasures.delete_deidentified(db, "no-such-key")
        erasures.write_tombstone(
            db, client_id, pace_id, "2026-12-05T10:00:00+00:00", "request", exported=False
        )
        removed["erased"] = import_apply.erased_ids(db)
        removed["left"] = import_apply.client_ids_by_pace_id(db, [pace_id])
        raise _Undo
    return removed


def test_an_erasure_removes_the_same_rows_on_both_engines(engines):
    on_file, on_server, _ = engines
    client_id, pace_id = on_file.query("SELECT id, pace_id FROM clients ORDER BY id LIMIT 1")[0]
    removed = _erase(on_file, client_id, pace_id)
    assert removed["clients"] == 1 and removed["consents"] and removed["erased"] == {client_id}
    assert removed["left"] == {}
    assert _erase(on_server, client_id, pace_id) == removed
    assert import_apply.erased_ids(on_server) == set()  # rolled back: the office is as it was


def test_a_broken_constraint_is_the_engines_integrity_error_for_the_importer(engines):
    """The importer turns a broken constraint into its refusal by catching ``db.integrity_errors``."""
    on_file, on_server, office = engines
    existing = office.clients.get(_ids(on_file, "clients")[0])
    for db in (on_file, on_server):
        caught = []
        office.db = db
        try:
            with contextlib.suppress(_Undo), db.transaction():
                try:
                    office.clients.insert_many([existing])
                except db.integrity_errors as exc:
                    caught.append(exc)
                raise _Undo
        finally:
            office.db = on_file
        assert len(caught) == 1, db
    assert on_server.scalar("SELECT count(*) FROM clients") == on_file.scalar("SELECT count(*) FROM clients")


def test_the_comparisons_above_see_both_answers_of_consent(engines):
    """Retention's consent column is 1 for some people and 0 for others, so comparing it compares."""
    on_file, _, _ = engines
    assert {row.consented for row in retention.last_contacts(on_file, "anonymised_statistics")} == {0, 1}
    assert {row.consented for row in retention.last_contacts(on_file, "no_such_purpose")} == {0}


def _confirmed(db: Any, consent_id: str, version: int) -> tuple[Any, ...]:
    """A laptop's confirming of the office's withdrawal, twice (a lower version never lowers it),
    read back, then rolled back."""
    seen: list[tuple[Any, ...]] = []
    with contextlib.suppress(_Undo), db.transaction():
        office_notices.confirm_office_withdrawal(db, consent_id, version, "2026-12-05T10:00:00+00:00")
        office_notices.confirm_office_withdrawal(db, consent_id, 1, "2026-12-05T11:00:00+00:00")
        seen.extend(
            db.query(
                "SELECT exported_version, confirmed_version, confirmed_at FROM consents WHERE id = ?",
                (consent_id,),
            )
        )
        raise _Undo
    return seen[0]


def test_confirming_a_withdrawal_keeps_the_larger_version_on_both_engines(engines):
    on_file, on_server, _ = engines
    consent_id = _ids(on_file, "consents")[0]
    assert _confirmed(on_file, consent_id, 5) == (5, 5, "2026-12-05T11:00:00+00:00")
    assert _confirmed(on_server, consent_id, 5) == (5, 5, "2026-12-05T11:00:00+00:00")


def test_the_follow_up_list_and_the_retention_plan_are_the_same_on_both_engines(engines):
    """What a member of staff sees: ``office followup-due`` and ``office retention``'s listings."""
    from datetime import date

    from pace_desktop.followup.due import due_list
    from pace_desktop.privacy.retention import plan_retention

    on_file, on_server, office = engines
    far = date(2040, 1, 1)  # everyone past six years, so the plan lists everyone
    answers = []
    for db in (on_file, on_server):
        # As ``use_central_database`` leaves it: records from ``db``, the secret keys from the file.
        office.db, office._keyring = db, on_file if db is on_server else None
        try:
            listing = due_list(office, as_of=date(2027, 6, 1), months=(1, 3, 6, 12))
            plan = plan_retention(office, years=6, today=far)
            answers.append((listing, plan))
        finally:
            office.db, office._keyring = on_file, None
    (file_list, file_plan), (server_list, server_plan) = answers
    assert file_plan.items and {i.action for i in file_plan.items} == {"deidentify", "erase"}
    assert server_plan == file_plan
    assert file_list.due and server_list == file_list
