"""The harness itself: the app's windows really are on an X server with a window manager."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication


def test_windows_open_on_the_test_screen_under_a_window_manager(qtbot, x_server, unlocked_window):
    from tests.realdisplay.conftest import SCREEN

    screen = QGuiApplication.primaryScreen()
    # The screen Qt lays out on: the X server's pixels over the display scaling (1093x614 at 125%).
    size = screen.geometry()
    assert (size.width(), size.height()) == (
        round(x_server.width / SCREEN.scale),
        round(x_server.height / SCREEN.scale),
    ), (size, SCREEN)
    assert screen.devicePixelRatio() == SCREEN.scale
    # Openbox decorates and places the window: its frame is larger than the client area.
    frame = unlocked_window.frameGeometry()
    assert frame.height() > unlocked_window.geometry().height()
