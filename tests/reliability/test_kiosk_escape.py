"""A curious visitor at the kiosk: every key combination, closing, minimising, focus and menus.

Builds on tests/ui/test_kiosk.py (which presses the usual close shortcuts once): here every key with
every combination of modifiers is pressed on a page holding a person's answers, and after each the
kiosk must still fill the screen, the adviser's window must stay hidden, no menu or dialog may have
opened, and only an adviser's passphrase may end kiosk mode. The operating system's own keys
(Ctrl+Alt+Delete, Alt+Tab, the Windows key) never reach an application: docs/kiosk.md says how to
lock those down.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from tests.ui.conftest import clock, session_factory, wall_clock  # noqa: F401 - fixtures
from tests.ui.kiosk_fixtures import PERSON, Kiosk, all_counts, kiosk_fixture, page_key  # noqa: F401

M = Qt.KeyboardModifier
MODIFIER_SETS = [
    M.NoModifier,
    M.ControlModifier,
    M.AltModifier,
    M.ShiftModifier,
    M.MetaModifier,
    M.ControlModifier | M.AltModifier,
    M.ControlModifier | M.ShiftModifier,
    M.AltModifier | M.ShiftModifier,
    M.ControlModifier | M.MetaModifier,
    M.AltModifier | M.MetaModifier,
    M.ControlModifier | M.AltModifier | M.ShiftModifier,
    M.ControlModifier | M.AltModifier | M.MetaModifier,
]
K = Qt.Key
SPECIAL_KEYS = [
    K.Key_Escape,
    K.Key_Tab,
    K.Key_Backtab,
    K.Key_Backspace,
    K.Key_Return,
    K.Key_Enter,
    K.Key_Insert,
    K.Key_Delete,
    K.Key_Pause,
    K.Key_Print,
    K.Key_SysReq,
    K.Key_Clear,
    K.Key_Home,
    K.Key_End,
    K.Key_Left,
    K.Key_Up,
    K.Key_Right,
    K.Key_Down,
    K.Key_PageUp,
    K.Key_PageDown,
    K.Key_Menu,
    K.Key_Help,
    K.Key_Close,
    K.Key_Back,
    K.Key_Forward,
    K.Key_Stop,
    K.Key_Refresh,
    K.Key_HomePage,
    K.Key_Search,
    K.Key_Explorer,
    K.Key_LaunchMail,
    K.Key_Launch0,
    K.Key_Calculator,
    K.Key_Standby,
    K.Key_Sleep,
    K.Key_PowerOff,
    K.Key_Suspend,
    K.Key_Hibernate,
    K.Key_Exit,
    K.Key_Cancel,
    K.Key_Space,
    K.Key_ScreenSaver,
    K.Key_TaskPane,
    K.Key_ApplicationLeft,
    K.Key_ApplicationRight,
    K.Key_Zoom,
    K.Key_Open,
    K.Key_Save,
    K.Key_Copy,
    K.Key_Paste,
    K.Key_Cut,
    K.Key_Undo,
    K.Key_Redo,
    K.Key_Find,
    K.Key_Hangup,
]
ALL_KEYS = [
    *SPECIAL_KEYS,
    *(getattr(K, f"Key_F{n}") for n in range(1, 36)),
    *(getattr(K, f"Key_{c}") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
]


def _is_leave_shortcut(key: K, mods: M) -> bool:
    return key == K.Key_L and mods == (M.ControlModifier | M.ShiftModifier)


def _still_locked_down(k: Kiosk, adviser_window: QMainWindow, where: object) -> None:
    window = k.window
    assert window.isVisible() and window.isFullScreen(), where
    assert not adviser_window.isVisible(), where
    assert QApplication.activePopupWidget() is None, where  # no menu opened
    modal = QApplication.activeModalWidget()
    assert modal is None or window.isAncestorOf(modal) or modal is window, where
    others = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not window and not window.isAncestorOf(w)
    ]
    assert not others, (where, others)
    focus = QApplication.focusWidget()
    assert focus is None or focus is window or window.isAncestorOf(focus), where
    assert window.current_page() is not window.exit_page or where == "leave", where


@pytest.fixture
def adviser_window(qtbot):
    """A stand-in for the adviser's window, on screen until the kiosk (set up after it) starts."""
    window = QMainWindow()
    window.setWindowTitle("Adviser's window with everyone's records")
    qtbot.addWidget(window)
    window.show()
    return window


def _to_name_page(k: Kiosk) -> None:
    for _ in range(20):
        if page_key(k) == "name":
            return
        k.answer_by_keyboard(PERSON.get(page_key(k), {}))
    raise AssertionError("never reached the name page")


def press_everything(
    k: Kiosk, adviser_window: QMainWindow, keys: list[K], modifier_sets: list[M], fig
) -> None:
    before = all_counts(k.store)
    for mods in modifier_sets:
        k.window.reset()
        _to_name_page(k)
        for key in keys:
            if _is_leave_shortcut(key, mods):
                continue
            target = QApplication.focusWidget() or k.window
            k.qtbot.keyClick(target, key, mods)
            fig.runs += 1
            fig.faults += 1
            _still_locked_down(k, adviser_window, (key, mods))
    k.settle()
    after = all_counts(k.store)
    # Nothing was saved and nobody left: the only audit entries are the kiosk's own start.
    assert {t: n for t, n in after.items() if t not in ("audit", "audit_head")} == {
        t: n for t, n in before.items() if t not in ("audit", "audit_head")
    }
    actions = [r[0] for r in k.store.db.query("SELECT action FROM audit ORDER BY seq")]
    assert "kiosk_stop" not in actions


def test_closing_minimising_menus_and_focus_tricks_fail(adviser_window, kiosk: Kiosk, figure):
    fig = figure("misuse-kiosk", "kiosk escape attempts")
    k = kiosk
    assert not adviser_window.isVisible()
    _to_name_page(k)
    k.type("Mòrag")
    window = k.window
    # Closing, by the window manager or by code, is refused; a minimised kiosk comes straight back.
    assert window.close() is False
    closing = QCloseEvent()
    QCoreApplication.sendEvent(window, closing)
    assert not closing.isAccepted()
    window.showMinimized()
    k.qtbot.waitUntil(lambda: window.isFullScreen() and not window.isMinimized(), timeout=3000)
    fig.runs += 3
    # Right-click and the menu keys open nothing on any text box.
    for box in window.findChildren(QLineEdit):
        if box.isVisible():
            k.qtbot.mouseClick(box, Qt.MouseButton.RightButton, pos=QPoint(5, 5))
            assert QApplication.activePopupWidget() is None
            fig.runs += 1
    for key, mods in ((K.Key_Menu, M.NoModifier), (K.Key_F10, M.ShiftModifier)):
        k.qtbot.keyClick(QApplication.focusWidget(), key, mods)
        fig.runs += 1
    # Tabbing round and round never leaves the kiosk for a hidden window.
    for _ in range(60):
        k.qtbot.keyClick(QApplication.focusWidget(), K.Key_Tab)
        _still_locked_down(k, adviser_window, "tab")
    for _ in range(60):
        k.qtbot.keyClick(QApplication.focusWidget(), K.Key_Backtab, M.ShiftModifier)
        _still_locked_down(k, adviser_window, "shift+tab")
    fig.runs += 120
    fig.faults = fig.runs
    _still_locked_down(k, adviser_window, "end")
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    # Representative shortcuts from the full sweep below.
    press_everything(
        k,
        adviser_window,
        [K.Key_Escape, K.Key_F4, K.Key_Q, K.Key_W, K.Key_Tab, K.Key_F11, K.Key_Close, K.Key_Space],
        [M.AltModifier, M.ControlModifier],
        fig,
    )


def test_leaving_full_screen_by_the_window_manager_is_undone(adviser_window, kiosk: Kiosk):
    k = kiosk
    for leave in (k.window.showNormal, k.window.showMaximized, k.window.showMinimized):
        leave()
        assert k.window.isMinimized() or not k.window.isFullScreen()
        k.qtbot.waitUntil(lambda: k.window.isFullScreen() and not k.window.isMinimized(), timeout=500)
    assert not adviser_window.isVisible()


@pytest.mark.slow
def test_every_key_with_every_modifier_is_ignored(adviser_window, kiosk: Kiosk, figure):
    fig = figure("misuse-kiosk", "kiosk escape attempts")
    assert not adviser_window.isVisible()
    press_everything(kiosk, adviser_window, ALL_KEYS, MODIFIER_SETS, fig)
