"""Erasure: every row goes, a tombstone stays, and nothing — late, replayed or returned — brings it back."""

from __future__ import annotations

from datetime import date

import pytest

from pace_desktop.errors import UsageError
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.importer import import_bundle
from pace_desktop.privacy.erasure import erase
from pace_desktop.privacy.people import NotHeld
from tests.privacy.helpers import people

PERSON_TABLES = ("consents", "checklists", "interventions", "outcomes", "feedback")


def rows_about(store, client_id: str) -> int:
    """Rows anywhere in the store that hang from, or are, this client (tombstone excepted)."""
    total = store.db.scalar("SELECT count(*) FROM clients WHERE id = ?", (client_id,))
    for table in PERSON_TABLES:
        total += store.db.scalar(f"SELECT count(*) FROM {table} WHERE parent_id = ?", (client_id,))
    total += store.db.scalar("SELECT count(*) FROM drafts WHERE key LIKE ?", (f"%{client_id}",))
    total += store.db.scalar(
        "SELECT count(*) FROM duplicate_review WHERE client_a = ? OR client_b = ?", (client_id, client_id)
    )
    return total


def test_office_erasure_removes_every_row_and_keeps_only_a_tombstone(office):
    event, (gone, *kept) = people(office, 3)
    office.save_draft(f"client:{event.id}:{gone.id}", '{"first_name": "half typed"}')
    with office.transaction() as conn:
        conn.execute(
            "INSERT INTO duplicate_review(client_a, client_b, reason, found_at) VALUES (?, ?, ?, ?)",
            (str(gone.id), str(kept[0].id), "same_name_dob", "2026-11-20"),
        )
    before = {t: office.db.scalar(f"SELECT count(*) FROM {t}") for t in ("clients", *PERSON_TABLES)}

    result = erase(office, gone.pace_id, "the person asked", at=None)

    assert rows_about(office, str(gone.id)) == 0
    assert rows_about(office, str(kept[0].id)) > 0
    after = {t: office.db.scalar(f"SELECT count(*) FROM {t}") for t in ("clients", *PERSON_TABLES)}
    assert {t: before[t] - after[t] for t in before} == {
        "clients": 1,
        "consents": 4,
        "checklists": 1,
        "interventions": 1,
        "outcomes": 1,
        "feedback": 1,
    }
    assert result.records == 9 and result.removed["consent"] == 4
    columns = [r[1] for r in office.db.query("PRAGMA table_info(tombstones)")]
    # seq (schema 11) is the order tombstones were made in: a number, nothing about the person.
    assert columns == ["id", "pace_id", "erased_at", "reason", "exported", "seq"]
    (tomb,) = office.db.query("SELECT id, pace_id, substr(erased_at, 1, 4), reason FROM tombstones")
    assert tomb == (str(gone.id), gone.pace_id, str(date.today().year), "the person asked")
    assert office.db.scalar("PRAGMA secure_delete") == 1
    assert office.verify_audit().ok
    (entry,) = office.db.query("SELECT entity_id, detail FROM audit WHERE action = 'erase'")
    assert entry == (str(gone.id), "request,records=9")
    assert "Erased " + gone.pace_id in result.summary()
    with pytest.raises(NotHeld, match="was erased on"):
        erase(office, gone.pace_id, "again")


def test_a_reason_must_be_given_and_must_not_name_the_person(office):
    _, (someone,) = people(office, 1)
    for reason, message in (
        ("", "Give a reason"),
        (f"{someone.first_name} asked", "must not name the person"),
        (f"asked by email {someone.email}", "must not name the person"),
    ):
        with pytest.raises(UsageError, match=message):
            erase(office, someone.pace_id, reason)
    assert office.clients.get(someone.id) is not None


def test_replayed_and_late_bundles_cannot_bring_an_office_erasure_back(laptop, enrolled, outbox, tmp_path):
    office = enrolled
    _, (gone, stays) = people(laptop, 2)
    first = export_bundle(laptop, outbox).path
    assert import_bundle(office, first, receipts_dir=tmp_path).verdict == "accepted"
    erase(office, gone.pace_id, "the person asked")

    # The same bundle again (replayed), and a later change from the laptop (a late bundle).
    assert import_bundle(office, first, receipts_dir=tmp_path).verdict == "already_had"
    laptop.clients.update(laptop.clients.get(gone.id).model_copy(update={"job_title": "Welder"}))
    later = import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path)
    assert later.verdict == "accepted" and later.outcomes == {"skipped_erased": 1}
    # Everything the laptop still holds, sent again as if a bundle had been lost.
    again = import_bundle(
        office, export_bundle(laptop, outbox, resend_unconfirmed=True).path, receipts_dir=tmp_path
    )
    assert again.outcomes["skipped_erased"] == 9

    assert rows_about(office, str(gone.id)) == 0
    assert office.client_queries.by_pace_id(gone.pace_id) is None
    assert office.client_queries.by_pace_id(stays.pace_id) is not None


def test_a_laptop_erasure_travels_in_the_next_bundle_and_a_late_bundle_cannot_undo_it(
    laptop, enrolled, outbox, tmp_path
):
    office = enrolled
    _, (gone, stays) = people(laptop, 2)
    early = export_bundle(laptop, outbox).path  # sent, but it reaches the office only at the end
    result = erase(laptop, gone.pace_id, "the person asked")
    assert "next export" in result.travels
    assert rows_about(laptop, str(gone.id)) == 0
    assert laptop.db.query("SELECT exported FROM tombstones") == [(0,)]

    tombstone_bundle = export_bundle(laptop, outbox)
    assert tombstone_bundle.counts["tombstone"] == 1
    assert laptop.db.query("SELECT exported FROM tombstones") == [(1,)]
    assert import_bundle(office, tombstone_bundle.path, receipts_dir=tmp_path).verdict == "accepted"
    assert office.db.scalar("SELECT pace_id FROM tombstones") == gone.pace_id

    late = import_bundle(office, early, receipts_dir=tmp_path)
    assert late.verdict == "accepted"
    assert rows_about(office, str(gone.id)) == 0
    assert office.client_queries.by_pace_id(stays.pace_id) is not None


def test_a_laptop_erasure_after_the_office_has_the_person_removes_them_there(
    laptop, enrolled, outbox, tmp_path
):
    office = enrolled
    _, (gone,) = people(laptop, 1)
    import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path)
    assert rows_about(office, str(gone.id)) == 9
    erase(laptop, gone.pace_id, "the person asked")
    assert import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path).outcomes == {
        "erased": 1
    }
    assert rows_about(office, str(gone.id)) == 0


def test_a_partner_return_cannot_bring_an_erased_person_back(office, keys, outbox, tmp_path):
    from pace_desktop.partners.registry import set_partner
    from pace_desktop.partners.request import make_request
    from pace_desktop.partners.returns import import_return
    from tests.partners.conftest import agree, fill, open_request, row_of, save_return

    _, (gone, stays) = people(office, 2)
    set_partner(office, "DWP", recipient=keys.recipient, match_on="ni")
    agree(office, "DWP")
    wb = open_request(make_request(office, "DWP", outbox).path, keys.identity)
    result = erase(office, gone.pace_id, "the person asked")
    assert result.shared_with == ("Department for Work and Pensions (Jobcentre Plus)",)

    for person in (gone, stays):
        fill(wb, row_of(wb, person.pace_id), Outcome="in_work", Outcome_date="2026-03-02")
    got = import_return(office, "DWP", save_return(wb, tmp_path / "return.xlsx.age", office))
    assert [p.message for p in got.problems] == [
        "this person's record was erased after the request: nothing was recorded."
    ]
    assert got.added == 1
    assert rows_about(office, str(gone.id)) == 0
    # The next request tells DWP to delete them.
    from tests.partners.conftest import request_rows

    rows = {
        r["PACE ID"]: r
        for r in request_rows(open_request(make_request(office, "DWP", outbox).path, keys.identity))
    }
    assert rows[gone.pace_id]["Action"] == "erased — delete"


def test_an_erasure_deletes_the_pre_upgrade_copies_that_still_hold_the_person(tmp_path):
    # An upgrade leaves an encrypted copy of the old store beside it; once someone is erased, that
    # copy is the last place they are, so it goes too (the upgraded store has been working since).
    from pace_desktop.store.migrations import upgrade_backups
    from pace_desktop.store.store import Store
    from tests.conftest import PASSPHRASE
    from tests.store.test_migrations import make_old_store

    path, _ = make_old_store(tmp_path, 6)
    with Store.open(path, PASSPHRASE) as store:
        (backup,) = upgrade_backups(path)  # made by the upgrade to this app's schema
        _, (gone, _kept) = people(store, 2)
        erase(store, gone.pace_id, "Asked to be forgotten at the event")
        assert not backup.exists() and upgrade_backups(path) == []
        assert store.clients.count() == 1  # the store itself is untouched but for the erasure
