"""What a kiosk registration stores, in one transaction, as the kiosk; and leaving kiosk mode."""

from __future__ import annotations

import pytest

from pace_desktop.errors import PaceError, RefusedError, ValidationFailed, WrongPassphrase
from pace_desktop.privacy_notice import current_notice
from pace_desktop.records.models import CaptureMethod, RecordSource
from pace_desktop.registration.kiosk.mode import check_exit, record_start
from pace_desktop.registration.kiosk.pages import consent_field
from pace_desktop.registration.kiosk.saving import KIOSK_ACTOR, build_records, submit
from tests.conftest import ADVISER, PASSPHRASE
from tests.kiosk.answers import full_answers, make_event


def _counts(store) -> dict[str, int]:
    tables = [
        r[0]
        for r in store.db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: int(store.db.scalar(f'SELECT count(*) FROM "{t}"')) for t in tables}


@pytest.fixture
def event(store):
    return store.events.add(make_event())


def test_one_new_client_flagged_for_review_with_consents_and_checklist(store, event) -> None:
    assert submit(store, event, full_answers()) is None  # the kiosk reads nothing back
    (client,) = list(store.clients.all())
    assert (client.first_name, client.last_name) == ("Zofia", "Wójcik-Łukasiewicz")
    assert client.needs_review and client.source is RecordSource.kiosk
    assert client.event_id == event.id and client.updated_by == KIOSK_ACTOR
    assert client.postcode == "PA14 5AA" and client.email == "zofia@example.org"
    assert client.address == "4 Sample Row\nPort Glasgow" and client.phone is None
    assert client.disability == "yes" and client.employment_status == "under_notice"
    assert client.services_wanted == ["benefits", "money"]
    assert client.length_of_service_years == 22

    consents = {c.purpose: c for c in store.consents.for_parent(client.id)}
    assert consents["pace_support"].granted and consents["share_DWP"].granted
    assert not consents["client_survey"].granted and not consents["share_HMRC"].granted
    notice = current_notice()
    for consent in consents.values():
        assert consent.captured_how is CaptureMethod.self_kiosk
        assert consent.captured_by == KIOSK_ACTOR
        assert (consent.notice_version, consent.notice_sha256) == (notice.version, notice.sha256)

    (checklist,) = store.checklists.for_parent(client.id)
    assert checklist.answers["q4_household"] == "alone" and checklist.band == "high"
    assert "q9_mental" in checklist.unanswered  # 'prefer not to say' scores nothing


def test_the_write_is_audited_as_the_kiosk_and_the_adviser_stays_signed_in(store, event) -> None:
    submit(store, event, full_answers())
    assert store.actor == ADVISER
    rows = store.db.query("SELECT actor, action, entity FROM audit WHERE action = 'create'")
    kiosk_rows = [r for r in rows if r[2] in ("client", "consent", "checklist")]
    assert kiosk_rows and all(actor == KIOSK_ACTOR for actor, _a, _e in kiosk_rows)
    assert store.verify_audit().ok


def test_declining_pace_support_is_refused_before_anything_is_written(store, event) -> None:
    before = _counts(store)
    with pytest.raises(RefusedError):
        submit(store, event, full_answers(**{consent_field("pace_support"): "no"}))
    with pytest.raises(RefusedError):
        build_records(event, {})
    assert _counts(store) == before


def test_answers_that_do_not_pass_the_checks_store_nothing(store, event) -> None:
    before = _counts(store)
    with pytest.raises(ValidationFailed) as err:
        submit(store, event, full_answers(first_name="", postcode="nowhere"))
    assert set(err.value.field_errors) >= {"first_name"}
    assert "\n" not in str(err.value) and "Zofia" not in str(err.value)
    assert _counts(store) == before


def test_a_fault_part_way_through_leaves_no_half_registration(store, event) -> None:
    """One transaction: if the last row (the checklist) fails, the client and consents go too."""
    before = _counts(store)
    store.db.conn.execute(
        "CREATE TEMP TRIGGER refuse_checklists BEFORE INSERT ON checklists "
        "BEGIN SELECT RAISE(ABORT, 'simulated fault'); END"
    )
    with pytest.raises(PaceError, match="nothing was changed"):
        submit(store, event, full_answers())
    store.db.conn.execute("DROP TRIGGER refuse_checklists")
    assert _counts(store) == before
    assert store.actor == ADVISER


def test_leaving_kiosk_mode_checks_the_passphrase_and_audits_both_ways(store, event) -> None:
    record_start(store, event)
    with pytest.raises(WrongPassphrase):
        check_exit(store, event, "not the passphrase at all")
    assert check_exit(store, event, PASSPHRASE) == ADVISER
    rows = store.db.query("SELECT actor, action, entity_id, detail FROM audit ORDER BY seq")
    tail = [(a, act, d) for a, act, eid, d in rows if eid == str(event.id) and act != "create"]
    assert tail == [
        (ADVISER, "kiosk_start", None),
        (KIOSK_ACTOR, "unlock_failed", "kiosk_exit"),
        (ADVISER, "kiosk_stop", None),
    ]
    assert store.actor == ADVISER
