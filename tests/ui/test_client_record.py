"""The client record, driven as an adviser would: typing, Tab, Alt+number for tabs, clicks.

Everyone here is fictional.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pace_desktop.records.models import Client
from pace_desktop.records.validation import NI_MESSAGE
from pace_desktop.store import audit as audit_log
from pace_desktop.ui.dialogs.client_record import ClientRecordDialog
from tests.ui import client_fixtures
from tests.ui.client_fixtures import PASSPHRASE, register, shown
from tests.ui.conftest import settle

# The fixtures this module uses (tests/ui/conftest.py is another engineer's).
session = client_fixtures.session
event = client_fixtures.event

ALT = Qt.KeyboardModifier.AltModifier


def focused():
    return QApplication.focusWidget()


def type_and_tab(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def go_to(qtbot, dialog, number: int) -> None:
    qtbot.keyClick(dialog, getattr(Qt.Key, f"Key_{number}"), ALT)
    assert dialog.tabs.currentIndex() == number - 1


def open_record(qtbot, session, event, client=None) -> ClientRecordDialog:
    dialog = shown(qtbot, ClientRecordDialog(session, event, client))
    settle(qtbot, session)
    return dialog


def answer(qtbot, dialog, purpose: str, yes: bool) -> None:
    row = dialog.consent.rows[purpose]
    qtbot.mouseClick(row.yes if yes else row.no, Qt.MouseButton.LeftButton)


# -- registering -----------------------------------------------------------------------------------


def test_register_a_client_by_keyboard_with_consent_and_checklist(qtbot, session, event):
    dialog = open_record(qtbot, session, event)
    assert focused() is dialog.details.editors["first_name"]
    assert dialog.status.text().startswith("To save:")  # Save stays usable and lists why

    type_and_tab(qtbot, "Ewan")
    type_and_tab(qtbot, "MacLeod")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # preferred name: left blank
    type_and_tab(qtbot, "3/11/75")
    assert dialog.details.editors["date_of_birth"].text() == "03/11/1975"  # read back as understood
    assert dialog.status.text().startswith("To save:")  # Save stays usable and lists why
    assert "Consent tab" in dialog.status.text()

    go_to(qtbot, dialog, 2)  # Consent: the notice button first, then each question's Yes/No pair
    assert dialog.consent.version.text() == "Privacy notice version 2026-2"
    assert all(row.answer() is None for row in dialog.consent.rows.values())  # nothing pre-ticked
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.consent.rows["pace_support"].yes
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.consent.rows["contact_followup"].yes
    qtbot.keyClick(focused(), Qt.Key.Key_Right)  # arrows move within the pair: to No
    assert focused() is dialog.consent.rows["contact_followup"].no
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert dialog.consent.rows["contact_followup"].answer() is False
    assert dialog.save_button.isEnabled()

    go_to(qtbot, dialog, 3)  # Checklist: each answer moves the band as it is chosen
    assert focused() is dialog.checklist.choices["q1_qualification"].buttons[0]
    for part_id, answer in (("q1_qualification", 3), ("q2_licence", 1), ("q2_vehicle", 1)):
        radio = dialog.checklist.choices[part_id].buttons[answer]
        radio.setFocus()
        qtbot.keyClick(radio, Qt.Key.Key_Space)
    assert dialog.checklist.choices["q1_qualification"].currentText() == "No qualifications"
    band = dialog.checklist.band_label
    assert band.objectName() == "bandMedium" and band.text() == "Medium risk"
    reasons = dialog.checklist.reasons.text()
    assert "No qualifications" in reasons and "No full clean driving licence" in reasons
    assert "★★★" in reasons
    assert (
        "Age" in dialog.checklist.unanswered.text()
        or "Living arrangements" in dialog.checklist.unanswered.text()
    )
    assert "figures from" in dialog.checklist.area_year.text()

    dialog.save_button.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    settle(qtbot, session)
    assert dialog.status.text() == "Everything is saved."

    store = session.store
    (client,) = store.clients.for_parent(event.id)
    assert (client.first_name, client.last_name, client.date_of_birth) == (
        "Ewan",
        "MacLeod",
        date(1975, 11, 3),
    )
    assert client.pace_id in dialog.subtitle.text()
    consents = {c.purpose: c.granted for c in store.consents.for_parent(client.id)}
    assert consents == {"pace_support": True, "contact_followup": False}
    (checklist,) = store.checklists.for_parent(client.id)
    assert checklist.band == "medium"
    assert checklist.answers["q1_qualification"] == "none"
    assert dialog.title.text() == "Ewan MacLeod"


def test_messages_beside_fields_and_save_disabled_until_valid(qtbot, session, event):
    dialog = open_record(qtbot, session, event)
    details = dialog.details
    details.editors["postcode"].setFocus()
    type_and_tab(qtbot, "not a postcode")
    postcode = details.rows["postcode"]
    assert postcode.message.isVisible()
    assert postcode.message.text() == "Enter a UK postcode like EH1 1AA."
    assert postcode.editor.property("invalid") is True
    assert not details.rows["first_name"].message.isVisible()  # not visited yet: no nagging

    details.editors["postcode"].setFocus()
    details.editors["postcode"].selectAll()
    qtbot.keyClicks(focused(), "g51 4xy")
    assert not postcode.message.isVisible()  # goes as soon as it is right

    details.editors["ni_number"].setFocus()
    type_and_tab(qtbot, "QQ 12 34 56 E")
    assert details.rows["ni_number"].message.text() == NI_MESSAGE
    details.editors["date_of_birth"].setFocus()
    type_and_tab(qtbot, "31/02/1980")
    assert details.rows["date_of_birth"].message.text().startswith("Enter a real date")

    answer(qtbot, dialog, "pace_support", True)
    assert dialog.status.text().startswith("To save:")  # Save stays usable and lists why
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert session.store.clients.count() == 0


def test_an_unusual_age_asks_for_confirmation(qtbot, session, event):
    dialog = open_record(qtbot, session, event)
    details = dialog.details
    qtbot.keyClicks(details.editors["first_name"], "Morven")
    qtbot.keyClicks(details.editors["last_name"], "Stewart")
    details.editors["date_of_birth"].setFocus()
    type_and_tab(qtbot, "01/01/1935")
    answer(qtbot, dialog, "pace_support", True)
    assert details.dob_confirm.isVisible()
    assert "over 80 at the event" in details.rows["date_of_birth"].message.text()
    assert dialog.status.text().startswith("To save:")  # Save stays usable and lists why
    qtbot.mouseClick(details.dob_confirm, Qt.MouseButton.LeftButton)
    assert dialog.save_button.isEnabled()
    dob = details.rows["date_of_birth"].message  # back to the format hint, not an error
    assert dob.objectName() == "hint" and dob.text().startswith("Day, month, year")


def test_no_to_holding_the_record_means_it_cannot_be_kept(qtbot, session, event):
    dialog = open_record(qtbot, session, event)
    qtbot.keyClicks(dialog.details.editors["first_name"], "Iain")
    qtbot.keyClicks(dialog.details.editors["last_name"], "Henderson")
    answer(qtbot, dialog, "pace_support", False)
    message = dialog.consent.rows["pace_support"].message
    assert not message.isHidden() and "SDS cannot keep a record" in message.text()
    assert dialog.status.text().startswith("To save:")  # Save stays usable and lists why


def test_new_clients_get_a_pace_id_unique_in_the_store(qtbot, session, event):
    taken = register(session, event).pace_id
    dialog = open_record(qtbot, session, event)
    assert dialog.pace_id != taken
    assert not session.store.client_queries.pace_id_taken(dialog.pace_id)


# -- reviewing ---------------------------------------------------------------------------------------


def test_override_needs_a_reason(qtbot, session, event):
    client = register(session, event, answers={"q1_qualification": "scqf_7_plus"})
    dialog = open_record(qtbot, session, event, client)
    go_to(qtbot, dialog, 3)
    tab = dialog.checklist
    assert tab.band_label.objectName() == "bandLow"
    tab.override_band.setFocus()
    qtbot.keyClick(tab.override_band, Qt.Key.Key_Down)
    qtbot.keyClick(tab.override_band, Qt.Key.Key_Down)
    qtbot.keyClick(tab.override_band, Qt.Key.Key_Down)
    assert tab.override_band.currentText() == "High"
    assert not tab.override_button.isEnabled()
    assert tab.override_hint.isVisible()
    qtbot.keyClicks(tab.override_reason, "   ")
    assert not tab.override_button.isEnabled()  # spaces are not a reason
    qtbot.keyClicks(tab.override_reason, "Caring for a parent; no work nearby in their trade")
    assert tab.override_button.isEnabled()
    qtbot.mouseClick(tab.override_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)

    (stored,) = session.store.checklists.for_parent(client.id)
    assert stored.band == "low" and stored.effective_band == "high"
    assert stored.override.reason == "Caring for a parent; no work nearby in their trade"
    assert stored.override.adviser == "Ailsa Demo"
    assert "Band set to High by Ailsa Demo" in tab.override_state.text()
    assert tab.override_reason.toPlainText() == ""


def test_referral_to_dwp_refused_without_consent_and_allowed_with_it(qtbot, session, event):
    client = register(session, event)
    dialog = open_record(qtbot, session, event, client)
    go_to(qtbot, dialog, 4)
    support = dialog.support
    support.partner.setCurrentIndex(support.partner.findData("DWP"))
    assert support.service.currentData() == "employability_advice"
    qtbot.mouseClick(support.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    refusal = support.partner_row.message
    assert refusal.isVisible()
    assert refusal.text().startswith(
        "Not referred: the person has not agreed to share their details with Department for Work and Pensions"
    )
    assert session.store.interventions.count() == 0

    go_to(qtbot, dialog, 2)
    answer(qtbot, dialog, "share_DWP", True)
    go_to(qtbot, dialog, 4)
    qtbot.mouseClick(support.add_button, Qt.MouseButton.LeftButton)
    assert "not saved yet" in refusal.text()
    assert session.store.interventions.count() == 0

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    support.minutes.setValue(20)
    qtbot.mouseClick(support.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert not refusal.isVisible()
    (referral,) = session.store.interventions.for_parent(client.id)
    assert (referral.partner, referral.service, referral.status, referral.minutes) == (
        "DWP",
        "employability_advice",
        "referred",
        20,
    )
    assert support.model.rowCount() == 1
    assert support.model.rows[0][1] == "Department for Work and Pensions (Jobcentre Plus)"


def test_sds_needs_no_sharing_consent_and_status_can_move_on(qtbot, session, event):
    client = register(session, event)
    dialog = open_record(qtbot, session, event, client)
    support = dialog.support
    assert support.partner.currentData() == "SDS"
    qtbot.mouseClick(support.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert session.store.interventions.count() == 1
    support.table.selectRow(0)
    support.update_status.setCurrentIndex(support.update_status.findData("attended"))
    support.update_minutes.setValue(45)
    qtbot.mouseClick(support.update_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    (item,) = session.store.interventions.for_parent(client.id)
    assert (item.status, item.minutes, item.version) == ("attended", 45, 2)
    assert support.model.rows[0][3] == "Attended"


def test_withdrawal_is_one_click_and_kept_on_record(qtbot, session, event):
    client = register(session, event, consents={"pace_support": True, "share_DWP": True})
    dialog = open_record(qtbot, session, event, client)
    row = dialog.consent.rows["share_DWP"]
    assert not row.withdraw.isHidden() and not row.yes.isEnabled()
    assert row.status.text().startswith("Given on ")
    qtbot.mouseClick(row.withdraw, Qt.MouseButton.LeftButton)
    settle(qtbot, session)

    consents = session.store.consents.for_parent(client.id)
    assert len(consents) == 2  # nothing deleted
    dwp = next(c for c in consents if c.purpose == "share_DWP")
    assert dwp.granted and not dwp.active
    assert dwp.withdrawn_by == "Ailsa Demo" and dwp.withdrawn_at is not None
    assert row.status.text().startswith("Given, then withdrawn on ")
    assert row.status.text().endswith(" by Ailsa Demo")
    assert row.withdraw.isHidden() and row.yes.isEnabled()
    actions = [e["action"] for e in audit_log.entries_for(session.store.db.conn, str(dwp.id))]
    assert actions == ["create", "withdraw"]
    assert dialog.referral_problem("DWP") is not None  # and referrals are refused again


def test_follow_up_outcome_and_feedback(qtbot, session, event):
    client = register(session, event)
    dialog = open_record(qtbot, session, event, client)
    go_to(qtbot, dialog, 5)
    follow = dialog.followup
    assert not follow.add_outcome.isEnabled()
    follow.outcome_status.setCurrentIndex(follow.outcome_status.findData("training"))
    qtbot.mouseClick(follow.add_outcome, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(follow.rating.button(4), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(follow.comment, "Helpful and quick")
    qtbot.mouseClick(follow.add_feedback, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    (outcome,) = session.store.outcomes.for_parent(client.id)
    (feedback,) = session.store.feedback.for_parent(client.id)
    assert outcome.status == "training" and (feedback.rating, feedback.comment) == (4, "Helpful and quick")
    assert follow.outcomes.rows[0][1] == "In training"
    assert follow.feedback.rows[0][1:] == ("4 / 5", "Helpful and quick")


def test_history_in_plain_words(qtbot, session, event):
    client = register(session, event, consents={"pace_support": True, "share_ACAS": True})
    dialog = open_record(qtbot, session, event, client)
    dialog.details.editors["job_title"].setText("Machine operator")
    dialog.details.changed.emit()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    go_to(qtbot, dialog, 6)
    what = [row[2] for row in dialog.history.model.rows]
    assert "Created the client record" in what
    assert "Created a consent: Share details with Acas" in what
    assert "Opened the client record" in what
    assert "Changed the client record" in what
    assert {row[1] for row in dialog.history.model.rows} == {"Ailsa Demo"}


def test_the_adviser_records_redundancy_pay_and_money_advice_and_they_are_saved(qtbot, session, event):
    """Schema 2 (issue 20): beside the notice and leaving dates, by keyboard as an adviser would."""
    client = register(session, event, notice_date=date(2026, 11, 2))
    dialog = open_record(qtbot, session, event, client)
    details = dialog.details
    pay, advice = details.editors["redundancy_pay_status"], details.editors["wants_money_advice"]
    assert (pay.currentText(), advice.currentText()) == ("Not recorded", "Not asked")
    assert [pay.itemText(i) for i in range(pay.count())] == [
        "Not recorded",
        "Not known yet",
        "Not entitled",
        "Expected",
        "Paid",
        "Disputed",
    ]
    qtbot.keyClick(dialog, Qt.Key.Key_Y, ALT)  # the label's shortcut: Redundancy pa&y
    assert focused() is pay
    for _ in range(3):
        qtbot.keyClick(pay, Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_W, ALT)  # &Wants money advice
    assert focused() is advice
    qtbot.keyClick(advice, Qt.Key.Key_Down)
    assert (pay.currentText(), advice.currentText()) == ("Expected", "Yes")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert dialog.status.text() == "Everything is saved."
    saved = session.store.clients.get(client.id)
    assert (saved.redundancy_pay_status, saved.wants_money_advice) == ("expected", True)
    assert saved.notice_date == date(2026, 11, 2)  # the dates beside them are kept
    dialog.close()

    again = open_record(qtbot, session, event, saved)
    pay, advice = again.details.editors["redundancy_pay_status"], again.details.editors["wants_money_advice"]
    assert (pay.currentText(), advice.currentText()) == ("Expected", "Yes")
    advice.setFocus()
    qtbot.keyClick(advice, Qt.Key.Key_Down)  # to No: a real answer, not "not asked"
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert session.store.clients.get(client.id).wants_money_advice is False
    again.close()
    third = open_record(qtbot, session, event, session.store.clients.get(client.id))
    assert third.details.editors["wants_money_advice"].currentText() == "No"


def test_kiosk_registration_is_checked_then_confirmed(qtbot, session, event):
    client = register(session, event, needs_review=True)
    dialog = open_record(qtbot, session, event, client)
    assert dialog.review.isVisible()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    stored = session.store.clients.get(client.id)
    assert not stored.needs_review and stored.version == 2
    assert not dialog.review.isVisible()


# -- leaving ------------------------------------------------------------------------------------------


def _answer_prompt(qtbot, choice: str, seen: list[str]) -> None:
    """Press a button in the unsaved-changes box once it is up, as a person would."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == choice)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def test_leaving_with_unsaved_changes_asks_first(qtbot, session, event):
    client = register(session, event)
    dialog = open_record(qtbot, session, event, client)
    assert not dialog.is_dirty()
    dialog.details.editors["job_title"].setFocus()
    qtbot.keyClicks(focused(), "Welder")
    seen: list[str] = []

    _answer_prompt(qtbot, "Cancel", seen)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert seen == ["You have changed this record. Save the changes before leaving?"]
    assert dialog.isVisible()

    _answer_prompt(qtbot, "Save", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape asks too
    settle(qtbot, session)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    stored = session.store.clients.get(client.id)
    assert stored.job_title == "Welder" and stored.version == 2


def test_discarding_changes_leaves_the_store_alone(qtbot, session, event):
    client = register(session, event)
    dialog = open_record(qtbot, session, event, client)
    qtbot.keyClicks(dialog.details.editors["first_name"], "x")
    seen: list[str] = []
    _answer_prompt(qtbot, "Discard changes", seen)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and seen
    assert session.store.clients.get(client.id).first_name == "Shona"


def test_closing_an_unchanged_record_does_not_ask(qtbot, session, event):
    client = register(session, event)
    dialog = open_record(qtbot, session, event, client)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_auto_lock_keeps_a_draft_and_restores_it(qtbot, session, event):
    dialog = open_record(qtbot, session, event)
    qtbot.keyClicks(dialog.details.editors["first_name"], "Kirsty")
    qtbot.keyClicks(dialog.details.editors["last_name"], "Robertson")
    answer(qtbot, dialog, "pace_support", True)
    dialog.checklist.choices["q5_dependants"].setCurrentIndex(1)
    pace_id = dialog.pace_id

    session.lock()  # as the idle timer would: no question asked
    assert not dialog.isVisible()
    session.unlock(PASSPHRASE)
    (key,) = session.store.draft_keys()
    assert key == f"client:{event.id}:new"
    assert (
        json.loads(session.store.db.scalar("SELECT data FROM drafts"))["details"]["first_name"] == "Kirsty"
    )  # kept inside the encrypted store

    again = ClientRecordDialog.restore_draft(session, key, None)
    shown(qtbot, again)
    assert session.store.draft_keys() == []
    assert again.details.editors["first_name"].text() == "Kirsty"
    assert again.details.editors["last_name"].text() == "Robertson"
    assert again.consent.rows["pace_support"].answer() is True
    assert again.checklist.answers() == {"q5_dependants": "yes"}
    assert again.pace_id == pace_id
    assert again.is_dirty() and again.save_button.isEnabled()
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    (client,) = session.store.clients.for_parent(event.id)
    assert isinstance(client, Client) and client.pace_id == pace_id


def test_a_draft_for_a_missing_record_is_dropped(qtbot, session, event):
    session.store.save_draft("client:00000000-0000-0000-0000-000000000000:new", "{}")
    assert (
        ClientRecordDialog.restore_draft(session, "client:00000000-0000-0000-0000-000000000000:new", None)
        is None
    )
    assert ClientRecordDialog.restore_draft(session, "event:new", None) is None


def test_auto_lock_while_the_question_is_up_keeps_a_draft(qtbot, session, event):
    client = register(session, event)
    dialog = open_record(qtbot, session, event, client)
    qtbot.keyClicks(dialog.details.editors["job_title"], "Welder")

    def lock_when_asked() -> None:
        if not isinstance(QApplication.activeModalWidget(), QMessageBox):
            QTimer.singleShot(20, lock_when_asked)
            return
        session.lock()  # the idle timer fires while nobody answers

    QTimer.singleShot(0, lock_when_asked)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)
    session.unlock(PASSPHRASE)
    assert session.store.draft_keys() == [f"client:{event.id}:{client.id}"]
    assert session.store.clients.get(client.id).job_title is None  # kept as a draft, not saved


def test_the_referral_form_waits_for_the_client_to_be_saved_and_says_why(qtbot, session, event):
    dialog = open_record(qtbot, session, event)
    support = dialog.support
    assert support.saved_hint.text() == "Save the client first, then add referrals."
    assert not support.saved_hint.isHidden()
    assert not any(
        w.isEnabled() for w in (support.partner, support.service, support.note, support.add_button)
    )


def test_the_checklist_headline_tells_the_truth(qtbot, session, event):
    dialog = open_record(qtbot, session, event)
    tab = dialog.checklist
    assert tab.band_label.text() == "Not scored"  # nothing answered: not a green "Low"
    assert tab.band_label.objectName() == "bandNone"
    for choice in tab.choices.values():
        choice.setCurrentIndex(choice.findData("prefer_not_to_say"))
    assert tab.band_label.text() == "Not enough answers to score"
    tab.choices["q5_dependants"].setCurrentIndex(tab.choices["q5_dependants"].findData("no"))
    assert tab.band_label.text() == "Low risk"
    tab.override_band.setCurrentIndex(tab.override_band.findData("high"))
    tab.override_reason.setPlainText("Caring for a parent full time")
    tab.override_button.setFocus()
    qtbot.mouseClick(tab.override_button, Qt.MouseButton.LeftButton)
    assert tab.band_label.text() == "High risk (adviser override)"
    assert tab.band_label.objectName() == "bandHigh"
    assert dialog.focusWidget() is tab.override_band  # not Close
