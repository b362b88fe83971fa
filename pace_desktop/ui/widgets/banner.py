"""A one-line message strip: an error in red, or a notice in yellow; hidden when there is nothing to
say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class Banner(QLabel):
    """Shows one plain line; screen readers get it as the label's accessible name."""

    def __init__(self, kind: str = "error", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner" if kind == "error" else "banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setAccessibleName(text or "")
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message(None)
