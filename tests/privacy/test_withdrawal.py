"""Withdrawal: one action with who and when, reaching the other side, stopping the next export or request."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.importer import import_bundle
from pace_desktop.privacy.notice_apply import apply_office_file
from pace_desktop.privacy.notices import OFFICE_LABEL, write_notices
from pace_desktop.privacy.withdrawal import withdraw
from tests.privacy.helpers import people

AT = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)


def consent(store, client, purpose):
    (row,) = [c for c in store.consents.for_parent(client.id) if c.purpose == purpose]
    return row


def test_one_call_withdraws_and_records_who_and_when(office):
    _, (someone,) = people(office, 1)
    before = consent(office, someone, "contact_followup")
    result = withdraw(office, someone.pace_id, "contact_followup", at=AT)

    after = consent(office, someone, "contact_followup")
    assert (after.withdrawn_at, after.withdrawn_by, after.active) == (AT, office.actor, False)
    assert after.version == before.version + 1 and after.granted  # the answer itself is kept
    assert office.db.scalar("SELECT active FROM consents WHERE id = ?", (str(after.id),)) == 0
    assert office.db.query("SELECT action, entity_id FROM audit ORDER BY seq DESC LIMIT 1") == [
        ("withdraw", str(after.id))
    ]
    assert result.summary().startswith(f'Consent withdrawn for {someone.pace_id}: "Contact the client later')
    with pytest.raises(RefusedError, match="^That consent was already withdrawn on 2026-12-01"):
        withdraw(office, someone.pace_id, "contact_followup")
    with pytest.raises(UsageError, match="There is no consent purpose 'share_NOPE'"):
        withdraw(office, someone.pace_id, "share_NOPE")
    with pytest.raises(RefusedError, match="No answer for that purpose is recorded"):
        withdraw(office, someone.pace_id, "client_survey")


def test_a_laptop_withdrawal_reaches_the_office_and_stops_the_next_export(laptop, enrolled, outbox, tmp_path):
    office = enrolled
    _, (leaver, stayer) = people(laptop, 2)
    import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path)

    withdraw(laptop, leaver.pace_id, "pace_support", at=AT)
    laptop.clients.update(laptop.clients.get(leaver.id).model_copy(update={"job_title": "Welder"}))
    laptop.clients.update(laptop.clients.get(stayer.id).model_copy(update={"job_title": "Welder"}))
    sent = export_bundle(laptop, outbox)
    # The withdrawal itself goes; the leaver's changed record stays on the laptop.
    assert sent.counts["consent"] == 1 and sent.counts["client"] == 1
    assert sent.held_back_clients == {"withdrawn": 1}
    import_bundle(office, sent.path, receipts_dir=tmp_path)

    at_office = consent(office, leaver, "pace_support")
    assert (at_office.withdrawn_at, at_office.withdrawn_by, at_office.active) == (AT, laptop.actor, False)
    assert office.clients.get(leaver.id).job_title != "Welder"
    assert office.clients.get(stayer.id).job_title == "Welder"


def test_an_office_withdrawal_reaches_the_laptop_and_stops_its_next_export(
    laptop, enrolled, outbox, tmp_path
):
    office = enrolled
    _, (leaver, stayer) = people(laptop, 2)
    import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path)

    result = withdraw(office, leaver.pace_id, "pace_support", at=AT)
    assert "1 laptop holds" in result.travels and "erase it" in (result.next_step or "")
    (notice,) = write_notices(office, tmp_path)
    assert (notice.device_id, notice.withdrawals, notice.erasures) == (laptop.device_id, 1, 0)
    # Ids, a purpose code and dates only: no names, no staff names.
    text = notice.path.read_text()
    assert leaver.last_name not in text and office.actor not in text

    applied = apply_office_file(laptop, notice.path)
    assert (applied.withdrawn, applied.erased, applied.not_here) == (1, 0, 0)
    on_laptop = consent(laptop, leaver, "pace_support")
    assert (on_laptop.withdrawn_at, on_laptop.withdrawn_by, on_laptop.active) == (AT, OFFICE_LABEL, False)
    assert on_laptop.version == consent(office, leaver, "pace_support").version

    # The next export leaves the leaver out and does not send the office's own change back.
    laptop.clients.update(laptop.clients.get(leaver.id).model_copy(update={"job_title": "Welder"}))
    laptop.clients.update(laptop.clients.get(stayer.id).model_copy(update={"job_title": "Welder"}))
    nxt = export_bundle(laptop, outbox)
    assert nxt.counts["client"] == 1 and nxt.counts["consent"] == 0
    assert nxt.held_back_clients == {"withdrawn": 1}

    again = apply_office_file(laptop, notice.path)  # applying it twice is harmless
    assert (again.withdrawn, again.already_withdrawn) == (0, 1)


def test_an_office_erasure_reaches_the_laptop_through_the_notice(laptop, enrolled, outbox, tmp_path):
    from pace_desktop.privacy.erasure import erase

    office = enrolled
    _, (gone, stays) = people(laptop, 2)
    import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path)
    withdraw(office, gone.pace_id, "share_DWP")
    erase(office, gone.pace_id, "the person asked")
    (notice,) = write_notices(office, tmp_path)
    assert (notice.withdrawals, notice.erasures) == (0, 1)  # the erasure supersedes the withdrawal

    applied = apply_office_file(laptop, notice.path)
    assert applied.erased == 1
    assert laptop.clients.get(gone.id) is None and laptop.consents.for_parent(gone.id) == []
    assert laptop.db.query("SELECT pace_id, exported FROM tombstones") == [(gone.pace_id, 1)]
    assert laptop.clients.get(stays.id) is not None
    assert laptop.verify_audit().ok


def test_a_changed_or_misaddressed_notice_is_refused_and_changes_nothing(laptop, enrolled, outbox, tmp_path):
    office = enrolled
    _, (leaver,) = people(laptop, 1)
    import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path)
    withdraw(office, leaver.pace_id, "contact_followup")
    (notice,) = write_notices(office, tmp_path)

    tampered = tmp_path / "tampered.pacenotice"
    tampered.write_text(notice.path.read_text().replace("contact_followup", "anonymised_statistics"))
    with pytest.raises(RefusedError, match="signature does not match"):
        apply_office_file(laptop, tampered)
    with office.transaction() as conn:  # the office addresses the queue to another laptop
        conn.execute("UPDATE office_notices SET device_id = 'LTOTHER1'")
        conn.execute(
            "INSERT INTO devices(device_id, public_key, fingerprint, enrolled_at, enrolled_by, how) "
            "VALUES ('LTOTHER1', 'x', 'y', 'z', 'w', 'enrolled')"
        )
    (other,) = write_notices(office, tmp_path)
    with pytest.raises(RefusedError, match=r"for another laptop \(LTOTHER1\)"):
        apply_office_file(laptop, other.path)
    assert consent(laptop, leaver, "contact_followup").active


def test_withdrawing_partner_sharing_stops_the_next_request(office, keys, outbox):
    from pace_desktop.partners.registry import set_partner
    from pace_desktop.partners.request import make_request
    from tests.partners.conftest import agree, open_request, request_rows

    _, (leaver, stayer) = people(office, 2)
    set_partner(office, "DWP", recipient=keys.recipient, match_on="ni")
    agree(office, "DWP")
    first = request_rows(open_request(make_request(office, "DWP", outbox).path, keys.identity))
    assert {r["PACE ID"] for r in first} == {leaver.pace_id, stayer.pace_id}

    withdraw(office, leaver.pace_id, "share_DWP")
    rows = {
        r["PACE ID"]: r
        for r in request_rows(open_request(make_request(office, "DWP", outbox).path, keys.identity))
    }
    assert rows[stayer.pace_id]["Action"] == "look up"
    assert (
        rows[leaver.pace_id]["Action"] == "withdrawn — delete" and rows[leaver.pace_id]["NI number"] is None
    )


def test_a_long_notice_is_still_recognised_and_applied(laptop, enrolled, outbox, tmp_path):
    from pace_desktop.privacy.erasure import erase

    office = enrolled
    _, crowd = people(laptop, 60)
    import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path)
    for person in crowd[:-1]:
        erase(office, person.pace_id, "the person asked")
    (notice,) = write_notices(office, tmp_path)
    assert notice.path.read_text().index('"format"') > 4096  # keys are sorted: erasures come first
    assert apply_office_file(laptop, notice.path).erased == 59
    assert [c.pace_id for c in laptop.clients.all()] == [crowd[-1].pace_id]
