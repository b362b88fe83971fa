"""The harness itself: the app's windows really are on an X server with a window manager."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication


def test_windows_open_on_the_test_screen_under_a_window_manager(qtbot, x_server, unlocked_window):
    screen = QGuiApplication.primaryScreen().geometry()
    assert (screen.width(), screen.height()) == (x_server.width, x_server.height)
    # Openbox decorates and places the window: its frame is larger than the client area.
    frame = unlocked_window.frameGeometry()
    assert frame.height() > unlocked_window.geometry().height()
