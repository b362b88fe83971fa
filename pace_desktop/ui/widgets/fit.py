"""Sizing windows to the screen they open on: never taller or wider than the space a person has.

The smallest supported screen is 1280x720 at 100% (README). A window asks for its preferred size and
gets at most the screen's available area less room for the window manager's frame and title bar;
the content scrolls inside, so Save, Close and the status line stay in view.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

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


def scroll_into_view(widget: QWidget, margin: int = 16) -> None:
    """Scroll every scroll area around ``widget`` so all of it (and its focus edge) is in view."""
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QScrollArea) and ancestor.widget() is not None \
                and ancestor.widget().isAncestorOf(widget):
            # Not ensureWidgetVisible: for a text box it only brings the cursor into view.
            body = ancestor.widget()
            centre = widget.mapTo(body, widget.rect().center())
            ancestor.ensureVisible(centre.x(), centre.y(), widget.width() // 2 + margin,
                                   widget.height() // 2 + margin)
        ancestor = ancestor.parentWidget()


def keep_focus_in_view(app: QApplication) -> None:
    """Wherever focus goes (Tab, a shortcut, an error link), the focused widget is scrolled into
    view: typing never goes into a box nobody can see (WCAG 2.4.11, focus not obscured)."""
    if not app.property("paceFocusInView"):
        app.setProperty("paceFocusInView", True)
        app.focusChanged.connect(lambda _old, new: scroll_into_view(new) if new is not None else None)
