"""Unlocking: the right passphrase opens the store; a wrong one gets one line; repeated wrong ones
pause unlocking with a visible countdown that survives a restart (fake wall clock, real back-off
file)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pace_desktop.store.backoff import FREE_FAILURES
from tests.ui.conftest import PASSPHRASE, settle, unlock


def try_passphrase(qtbot, window, text: str) -> None:
    screen = window.unlock
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, text)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, window.session)


def test_the_right_passphrase_opens_the_events(qtbot, window_factory, demo_store_path):
    window = window_factory(demo_store_path)
    assert window.stack.currentWidget() is window.unlock
    assert not window.lock_button.isVisible()

    unlock(qtbot, window)

    assert window.session.is_unlocked
    assert window.lock_button.isVisible()
    assert window.who.text().startswith("Ailsa Demo")
    assert window.unlock.passphrase.text() == ""  # nothing of the passphrase is left in the field


def test_a_wrong_passphrase_shows_one_line_and_stays_locked(qtbot, window_factory, store_path):
    window = window_factory(store_path)
    try_passphrase(qtbot, window, "not the passphrase at all")

    screen = window.unlock
    assert not window.session.is_unlocked
    assert screen.row.message.isVisible()
    message = screen.row.message.text()
    assert "passphrase" in message.lower() and "\n" not in message
    assert screen.button.isEnabled()
    assert not screen.countdown.isVisible()


def test_an_empty_passphrase_is_asked_for(qtbot, window_factory, store_path):
    window = window_factory(store_path)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    assert window.unlock.row.message.text() == "Type your passphrase."


def test_repeated_wrong_passphrases_pause_unlocking_with_a_countdown(
    qtbot, window_factory, store_path, wall_clock
):
    window = window_factory(store_path)
    screen = window.unlock
    for _ in range(FREE_FAILURES):
        try_passphrase(qtbot, window, "still the wrong words")
        assert not screen.countdown.isVisible()
    try_passphrase(qtbot, window, "still the wrong words")

    assert screen.countdown.isVisible()
    assert "try again in 0:05" in screen.countdown.text()
    assert not screen.button.isEnabled()
    # Enter does nothing while paused, even with the right passphrase.
    try_passphrase(qtbot, window, PASSPHRASE)
    assert not window.session.is_unlocked

    wall_clock.advance(3)
    screen._tick()
    assert "try again in 0:02" in screen.countdown.text()

    wall_clock.advance(2.5)
    qtbot.waitUntil(lambda: screen.button.isEnabled(), timeout=2000)  # the screen's own timer
    assert not screen.countdown.isVisible()
    unlock(qtbot, window)
    assert window.session.is_unlocked


def test_the_pause_survives_closing_the_app(qtbot, window_factory, store_path, wall_clock):
    first = window_factory(store_path)
    for _ in range(FREE_FAILURES + 1):
        try_passphrase(qtbot, first, "wrong again and again")
    assert first.unlock.waiting
    first.close()

    wall_clock.advance(1)
    again = window_factory(store_path)  # a fresh window, as after a restart
    assert again.unlock.countdown.isVisible()
    assert "try again in 0:04" in again.unlock.countdown.text()
    assert not again.unlock.button.isEnabled()


def test_unlocking_checks_the_audit_log_and_says_so_when_it_was_changed(
    qtbot, window_factory, demo_store_path, tmp_path
):
    window = window_factory(demo_store_path)
    unlock(qtbot, window)
    assert not window.audit_banner.isVisible()  # a whole chain says nothing
    window.lock()

    from pace_desktop.store.store import Store

    with Store.open(demo_store_path, PASSPHRASE) as store, store.transaction() as conn:
        conn.execute("DELETE FROM audit WHERE seq = 3")  # someone with the key, in SQL
    unlock(qtbot, window)
    banner = window.audit_banner
    assert banner.isVisible()
    assert banner.text() == (
        "The audit log does not check out: Audit entry 3 is missing: it was removed. "
        "Someone may have changed this store outside PACE Intake: tell your data "
        "protection lead."
    )
    window.grab().save(str(tmp_path / "audit-banner.png"))
    window.lock()
    assert not banner.isVisible()  # checked again at the next unlock


def test_an_audit_log_that_cannot_be_read_is_said_too(qtbot, window_factory, demo_store_path, monkeypatch):
    from pace_desktop.errors import StoreError
    from pace_desktop.store.store import Store

    def unreadable(self):
        raise StoreError("The store could not be read.")

    monkeypatch.setattr(Store, "verify_audit", unreadable)  # a failing disk, as the check meets it
    window = window_factory(demo_store_path)
    unlock(qtbot, window)
    assert window.audit_banner.isVisible()
    assert window.audit_banner.text().startswith("The audit log could not be checked: lock and unlock")


def test_unlocking_says_so_when_the_office_countersigned_head_was_tampered_with(
    qtbot, window_factory, demo_store_path
):
    from pace_desktop.exchange.anchor import SETTING_ANCHOR
    from pace_desktop.store.store import Store

    with Store.open(demo_store_path, PASSPHRASE) as store, store.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)", (SETTING_ANCHOR, '{"format":"x"}'))
    window = window_factory(demo_store_path)
    unlock(qtbot, window)
    banner = window.audit_banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.text() == (
        "The audit log does not check out: The office's countersigned audit head kept on this laptop was "
        "changed or removed, or the office key it is checked with was. Someone may have changed this store "
        "outside PACE Intake: contact the office before you go on."
    )


def test_once_the_window_is_painted_the_wheel_over_a_drop_down_leaves_its_choice(
    qtbot, window_factory, store_path, monkeypatch
):
    # The wheel guard is installed after the first paint (so the unlock screen is not slowed by an
    # application-wide filter); start as a fresh app would, without one.
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QVBoxLayout, QWidget

    from pace_desktop.ui.widgets import choice

    if choice._guard is not None:
        QApplication.instance().removeEventFilter(choice._guard)
    monkeypatch.setattr(choice, "_guard", None)
    window = window_factory(store_path)
    qtbot.waitUntil(lambda: choice._guard is not None, timeout=3000)

    area = QScrollArea()
    body = QWidget()
    combo = QComboBox()
    combo.addItems(["first", "second", "third"])
    QVBoxLayout(body).addWidget(combo)
    area.setWidget(body)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    centre = QPointF(combo.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(combo.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, wheel)
    assert combo.currentText() == "first"
    assert window.stack.currentWidget() is window.unlock
