"""The strip offering forms that were kept as encrypted drafts when the app locked: reopen or
discard."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DraftOffer(QFrame):
    """Hidden unless there are drafts; ``reopen`` and ``discard`` are the adviser's two choices."""

    reopen = Signal()
    discard = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.reopen_button = QPushButton(self.tr("&Reopen"))
        self.reopen_button.setProperty("primary", True)
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.reopen_button.clicked.connect(self.reopen)
        self.discard_button.clicked.connect(self.discard)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reopen_button)
        layout.addWidget(self.discard_button)
        self.setVisible(False)

    def offer(self, count: int) -> None:
        if count <= 0:
            self.setVisible(False)
            return
        # English says "A form … was kept. Reopen it" for one (pace_desktop_en.ts, written by hand).
        text = self.tr(
            "%Ln form(s) you had open when PACE Intake locked were kept. Reopen them to carry on.", "", count
        )
        self.label.setText(text)
        self.setAccessibleName(text)
        self.setVisible(True)
