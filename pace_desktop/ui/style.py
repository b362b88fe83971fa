"""The app's one stylesheet and its icons, read from ``resources/``."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QPushButton

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
    # Behaviour every screen shares: a mouse wheel over a closed drop-down scrolls the page.
    # and focus, however it moves, is scrolled into view.
    from pace_desktop.ui.widgets.choice import install_wheel_guard
    from pace_desktop.ui.widgets.fit import keep_focus_in_view

    install_wheel_guard(app)
    keep_focus_in_view(app)
    # The screens' wording: English, with its plural forms ("1 client", "2 clients"; ui/i18n.py).
    from pace_desktop.ui import i18n

    i18n.install()
    icon = resource("icons", "pace-desktop.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def primary(button: QPushButton) -> QPushButton:
    """Mark the one main action on a screen (green, as in the GOV.UK Design System)."""
    button.setProperty("primary", True)
    button.setDefault(True)
    return button
