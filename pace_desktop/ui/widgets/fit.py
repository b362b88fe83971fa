"""Sizing windows to the screen they open on: never taller or wider than the space a person has.

The smallest supported screen is 1280x720 at 100% (README). A window asks for its preferred size and
gets at most the screen's available area less room for the window manager's frame and title bar;
the content scrolls inside, so Save, Close and the status line stay in view.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = (12, 48)  # width and height a window manager's border and title bar may take


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or to the screen's available area if smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    room_w, room_h = area.width() - FRAME[0], area.height() - FRAME[1]
    window.setMinimumSize(min(window.minimumWidth(), room_w), min(window.minimumHeight(), room_h))
    window.resize(min(width, room_w), min(height, room_h))


def cap_to_screen(window: QWidget) -> None:
    """Never let ``window`` grow past the screen (e.g. when an error summary appears): its content
    scrolls instead, so the buttons below stay in view."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    window.setMaximumSize(area.width() - FRAME[0], area.height() - FRAME[1])
