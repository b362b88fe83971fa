"""The band across the top of the adviser's and the office's windows: logo and name on the left,
who is signed in and the window's own buttons on the right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pace_desktop.paths import resource


def app_header(left: list[QWidget], right: list[QWidget]) -> QWidget:
    """The header: logo, "PACE Intake", then ``left``; a stretch; then ``right``."""
    header = QWidget()
    header.setObjectName("appHeader")
    header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    logo = QLabel()
    logo.setPixmap(
        QPixmap(str(resource("icons", "pace-desktop-48.png"))).scaled(
            28, 28, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    )
    title = QLabel(QCoreApplication.translate("AppHeader", "PACE Intake"))
    title.setObjectName("appTitle")
    row = QHBoxLayout(header)
    row.setContentsMargins(16, 8, 16, 8)
    row.setSpacing(10)
    for widget in (logo, title, *left):
        row.addWidget(widget)
    row.addStretch(1)
    for widget in right:
        row.addWidget(widget)
    return header
