"""The app's one stylesheet and its icons, read from ``resources/``."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from pace_desktop.paths import resource


@cache
def stylesheet(name: str = "app.qss") -> str:
    """The stylesheet, ``@ICONS@`` replaced by the icons folder (Qt needs a real path there)."""
    text = resource("style", name).read_text(encoding="utf-8")
    return text.replace("@ICONS@", resource("icons").as_posix())


def apply(app: QApplication) -> None:
    # Fusion: the same look on Windows, macOS and Linux. Linux already starts with it, and asking
    # the style factory for another copy cost 4 ms of the start-up budget.
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    # Behaviour every screen shares: focus, however it moves, is scrolled into view. (The wheel
    # guard is installed by each window once it has been painted: guard_wheel_after_first_paint.)
    from pace_desktop.ui.widgets.fit import keep_focus_in_view

    keep_focus_in_view(app)
    # The screens' wording: English, with its plural forms ("1 client", "2 clients"; ui/i18n.py).
    from pace_desktop.ui import i18n

    i18n.install()
    icon = resource("icons", "pace-desktop.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


class _FirstPaint(QObject):
    """Watches one window's own events (not its children's) until its first paint."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after the whole paint pass
        return False


def after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` once ``window`` has first been painted: start-up work nobody needs to see the
    first screen waits until that screen is there (start-up time is measured to it)."""
    _FirstPaint(window, then)


def _install_wheel_guard() -> None:
    from pace_desktop.ui.widgets.choice import install_wheel_guard

    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_wheel_guard(app)


def guard_wheel_after_first_paint(window: QWidget) -> None:
    """A mouse wheel over a closed drop-down or spin box scrolls the page and changes nothing
    (``choice.WheelGuard``), from the moment ``window`` has first been painted.

    The guard is an application-wide filter, so every event of every widget goes through Python:
    installed before the first paint it made the unlock screen appear about 60 ms later (a third of
    the start-up budget), while no screen before unlocking has a drop-down or a spin box.
    """
    after_first_paint(window, _install_wheel_guard)


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def primary(button: QPushButton) -> QPushButton:
    """Mark the one main action on a screen (green, as in the GOV.UK Design System)."""
    button.setProperty("primary", True)
    button.setDefault(True)
    return button
