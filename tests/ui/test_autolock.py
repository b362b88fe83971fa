"""Idle auto-lock with a fake clock: the store closes, the unlock screen shows, and a form that was
open is kept as an encrypted draft and offered again after unlocking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pace_desktop.ui.dialogs.client_record import ClientRecordDialog
from pace_desktop.ui.dialogs.event_dialog import EventDialog
from tests.ui.conftest import active_dialog, settle, unlock


def go_idle(qtbot, session, clock, seconds: float) -> None:
    settle(qtbot, session)  # a lookup the last keystroke started holds the lock off until it is back
    clock.advance(seconds)
    session.check_idle()  # what the session's one-second timer does
    settle(qtbot, session)


def test_idle_time_locks_and_shows_the_unlock_screen(qtbot, unlocked_window, clock):
    window, session = unlocked_window, unlocked_window.session
    assert session.store.int_setting("autolock_minutes") == 5
    go_idle(qtbot, session, clock, 299)
    assert session.is_unlocked

    go_idle(qtbot, session, clock, 2)
    assert not session.is_unlocked
    assert window.stack.currentWidget() is window.unlock
    assert "Locked after 5 minutes without use" in window.unlock.notice.text()
    assert not window.lock_button.isVisible()
    # Nothing from the store stays on screen behind the lock.
    assert window.home.upcoming.model.rowCount() == 0 and window.home.past.model.rowCount() == 0


def test_using_the_app_keeps_it_unlocked(qtbot, unlocked_window, clock):
    session = unlocked_window.session
    go_idle(qtbot, session, clock, 200)
    qtbot.keyClick(unlocked_window.home.upcoming.view, Qt.Key.Key_Down)  # the adviser is busy
    go_idle(qtbot, session, clock, 200)
    assert session.is_unlocked


def test_using_the_app_keeps_it_unlocked_after_a_lock_and_unlock_too(qtbot, unlocked_window, clock):
    # Activity is watched only while unlocked (an app-wide filter slows the unlock screen's start),
    # so it must be watched again after every unlock.
    window, session = unlocked_window, unlocked_window.session
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not session.is_unlocked
    unlock(qtbot, window)
    go_idle(qtbot, session, clock, 200)
    qtbot.keyClick(window.home.upcoming.view, Qt.Key.Key_Down)
    go_idle(qtbot, session, clock, 200)
    assert session.is_unlocked
    go_idle(qtbot, session, clock, 101)
    assert not session.is_unlocked


def test_the_auto_lock_time_comes_from_settings(qtbot, unlocked_window, clock):
    session = unlocked_window.session
    session.store.set_settings({"autolock_minutes": "1"})
    session.reload_settings()  # what the settings dialog does after saving
    go_idle(qtbot, session, clock, 61)
    assert not session.is_unlocked


def test_an_open_event_form_is_kept_and_offered_after_unlock(qtbot, unlocked_window, clock):
    window, session = unlocked_window, unlocked_window.session
    qtbot.keyClick(window.home.upcoming.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = active_dialog(qtbot, EventDialog)
    qtbot.keyClicks(dialog.employer, "Harbour View Seafoods")
    qtbot.keyClicks(dialog.sector, "Food and drink")

    go_idle(qtbot, session, clock, 301)
    assert not dialog.isVisible()
    assert window.stack.currentWidget() is window.unlock

    unlock(qtbot, window)
    offer = window.home.drafts
    assert offer.isVisible()
    assert offer.label.text().startswith("A form you had open when PACE Intake locked was kept")
    qtbot.mouseClick(offer.reopen_button, Qt.MouseButton.LeftButton)
    reopened = active_dialog(qtbot, EventDialog)
    assert reopened.employer.currentText() == "Harbour View Seafoods"
    assert reopened.sector.text() == "Food and drink"
    assert not offer.isVisible()
    assert session.store.draft_keys() == []  # taken out of the store as it was reopened

    reopened.area.setCurrentIndex(reopened.area.findText("Aberdeen City"))
    qtbot.keyClick(reopened.employer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not reopened.isVisible(), timeout=5000)
    settle(qtbot, session)
    assert "Harbour View Seafoods" in [e.employer_name for e in session.store.events.all()]


def test_an_unchanged_form_leaves_no_draft(qtbot, unlocked_window, clock):
    window, session = unlocked_window, unlocked_window.session
    qtbot.keyClick(window.home.upcoming.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    active_dialog(qtbot, EventDialog)
    go_idle(qtbot, session, clock, 301)
    unlock(qtbot, window)
    assert not window.home.drafts.isVisible()
    assert session.store.draft_keys() == []


def test_an_open_client_record_is_kept_and_offered_after_unlock(qtbot, unlocked_window, clock, known_event):
    window, session = unlocked_window, unlocked_window.session
    window.show_event(session.store.events.get(known_event.event_id))
    settle(qtbot, session)
    qtbot.mouseClick(window.event_screen.new_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, ClientRecordDialog)
    first = dialog.details.editors["first_name"]
    first.setFocus()
    qtbot.keyClicks(first, "Seonag")

    go_idle(qtbot, session, clock, 301)
    assert not dialog.isVisible()
    unlock(qtbot, window)
    assert window.home.drafts.isVisible()
    qtbot.mouseClick(window.home.drafts.reopen_button, Qt.MouseButton.LeftButton)
    reopened = active_dialog(qtbot, ClientRecordDialog)
    assert reopened.details.editors["first_name"].text() == "Seonag"
    reopened.done(0)
    assert QApplication.activeModalWidget() is None
