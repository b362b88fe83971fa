"""The adviser's windows on a 1280x720 screen: they fit with their buttons in view, the wheel never
changes a checklist answer, and focus on the main buttons can be seen (>= 3:1)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QScrollArea

from pace_desktop.ui.dialogs.client_record import ClientRecordDialog
from tests.realdisplay.probes import (
    error_link_problems,
    fit_problems,
    focus_change,
    fully_visible,
    show_settled,
    tab_problems,
)
from tests.ui.conftest import settle


def _event(session, known_event):
    return next(e for e in session.store.events.all() if str(e.id) == known_event.event_id)


def _new_client(qtbot, window, known_event) -> ClientRecordDialog:
    session = window.session
    dialog = ClientRecordDialog(session, _event(session, known_event), None, window)
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "_locking", True))
    show_settled(qtbot, dialog)
    return dialog


def _buttons_visible(dialog) -> list[str]:
    return [
        b.text()
        for b in dialog.findChildren(QPushButton)
        if b.isVisible() and b.window() is dialog and not fully_visible(b)
    ]


def test_the_main_window_fits_a_1280x720_screen(qtbot, x_server, demo_store_path):
    from pace_desktop.ui.app import start

    running = start(demo_store_path)
    try:
        show_settled(qtbot, running.window)
        assert fit_problems(running.window) == []
    finally:
        running.session.lock()
        running.session.worker.wait()
        running.window.close()


def test_new_client_fits_with_save_close_and_status_in_view(qtbot, unlocked_window, known_event):
    dialog = _new_client(qtbot, unlocked_window, known_event)
    settle(qtbot, unlocked_window.session)
    assert fit_problems(dialog) == []
    for widget in (dialog.save_button, dialog.close_button, dialog.status):
        assert fully_visible(widget), widget.objectName() or type(widget).__name__
    assert _buttons_visible(dialog) == []


def test_settings_event_export_receipt_and_followup_dialogs_fit_with_their_buttons(
    qtbot, unlocked_window, known_event
):
    session = unlocked_window.session
    parts = [
        ("pace_desktop.ui.dialogs.export_dialog", "ExportDialog"),
        ("pace_desktop.ui.dialogs.receipt_dialog", "ReceiptDialog"),
        ("pace_desktop.ui.followup_dialog", "FollowupDialog"),
    ]
    for dialog in (
        unlocked_window.open_settings(),
        unlocked_window.edit_event(_event(session, known_event)),
        *(unlocked_window.open_part(module, name) for module, name in parts),
    ):
        qtbot.addWidget(dialog)
        show_settled(qtbot, dialog)
        settle(qtbot, session)
        assert fit_problems(dialog) == []
        assert _buttons_visible(dialog) == []
        assert _scrolls_sideways(dialog) == []
        dialog.done(0)


def _scrolls_sideways(dialog) -> list[str]:
    """The forms in ``dialog`` that show a horizontal scroll bar: a form scrolls down, never across."""
    return [
        type(dialog).__name__
        for area in dialog.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def test_the_wheel_over_a_checklist_answer_scrolls_and_changes_nothing(qtbot, unlocked_window, known_event):
    dialog = _new_client(qtbot, unlocked_window, known_event)
    dialog.tabs.setCurrentIndex(2)
    qtbot.wait(50)
    tab = dialog.checklist
    answers_before = tab.answers()
    targets = [b for choice in tab.choices.values() for b in getattr(choice, "buttons", [])]
    targets += [w for w in tab.findChildren(QComboBox) if w.isVisible()]
    assert targets
    for widget in targets[:12]:
        if not widget.isVisible() or widget.visibleRegion().isEmpty():
            continue
        centre = QPointF(widget.rect().center())
        for delta in (-120, 120):
            event = QWheelEvent(
                centre,
                QPointF(widget.mapToGlobal(centre.toPoint())),
                QPoint(),
                QPoint(0, delta),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(widget, event)
    assert tab.answers() == answers_before
    assert tab.area.currentIndex() == tab.area.findData(tab.event_area)


def test_focus_on_the_green_save_button_can_be_seen(qtbot, unlocked_window, known_event):
    dialog = _new_client(qtbot, unlocked_window, known_event)
    # Saving needs consent too; only how the focused green button looks matters here.
    dialog.save_button.setEnabled(True)
    for button in (dialog.save_button, dialog.close_button):
        change = focus_change(button, qtbot.wait)
        assert change.visible, (button.text(), change)


def test_every_error_link_in_the_event_form_lands_on_a_visible_focused_field(qtbot, unlocked_window):
    dialog = unlocked_window.edit_event(None)
    qtbot.addWidget(dialog)
    show_settled(qtbot, dialog)
    # The employer's rows lie below the event's: their links must scroll them into view too.
    dialog.employer_editors["hr1_date"].setText("not a date")
    dialog.employer_editors["contact_email"].setText("not an address")
    dialog.save()
    qtbot.wait(50)
    links = list(dialog.summary.links)
    assert len(links) >= 5
    for index in range(len(links)):
        link = dialog.summary.links[index]
        # Back up to the summary, as a person scrolls after following a link to the employer's rows.
        dialog.scroll.ensureWidgetVisible(link)
        qtbot.wait(30)
        assert fully_visible(link)
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
        qtbot.wait(30)
        field = QApplication.focusWidget()
        assert field is not None and field is not link and fully_visible(field), link.text()
        change = focus_change(field, qtbot.wait)
        assert change.visible, (link.text(), change)
    assert fit_problems(dialog) == []
    dialog.done(0)


def test_every_tab_stop_on_the_client_details_is_visible_with_a_visible_focus(
    qtbot, unlocked_window, known_event
):
    dialog = _new_client(qtbot, unlocked_window, known_event)
    dialog.details.editors["first_name"].setFocus()
    assert tab_problems(qtbot, dialog, stop=dialog.close_button) == []


def test_every_error_link_in_the_client_record_lands_on_a_visible_focused_field(
    qtbot, unlocked_window, known_event
):
    dialog = _new_client(qtbot, unlocked_window, known_event)
    dialog.details.editors["postcode"].setText("PA15 1A")
    dialog.details.editors["email"].setText("not an address")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # usable: it lists why not
    qtbot.wait(50)
    texts = [link.text() for link in dialog.summary.links]
    assert len(texts) >= 4, texts  # names, postcode, email, consent
    assert QApplication.focusWidget() is dialog.summary.links[0]
    assert error_link_problems(qtbot, dialog.summary) == []
    assert fit_problems(dialog) == [] and fully_visible(dialog.save_button)
    postcode = dialog.details.editors["postcode"]
    postcode.setFocus()
    postcode.selectAll()
    qtbot.keyClicks(postcode, "PA15 1AA")
    qtbot.wait(20)
    assert not any("postcode" in link.text().lower() for link in dialog.summary.links)


def test_the_export_dialog_stays_on_screen_when_its_no_key_line_makes_it_grow(qtbot, unlocked_window):
    """The dialog is placed, then the "no office key" line arrives and it grows downwards: on a short
    screen (1366x768 at 125%) over a window taller than the screen, its buttons went off the bottom."""
    unlocked_window.resize(1366, 768)  # a person may drag or size the main window past the screen
    qtbot.wait(100)
    dialog = unlocked_window.open_part("pace_desktop.ui.dialogs.export_dialog", "ExportDialog")
    qtbot.addWidget(dialog)
    show_settled(qtbot, dialog)
    settle(qtbot, unlocked_window.session)
    qtbot.waitUntil(dialog.no_key.isVisible, timeout=5000)
    # The window manager's answer to the new size and place may take a while on a busy machine:
    # what counts is where the dialog settles (a dialog left off the screen never gets there).
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: fit_problems(dialog) == [], timeout=3000)
    assert fit_problems(dialog) == []
    assert _buttons_visible(dialog) == []
    dialog.done(0)
