"""GOV.UK's error summary for the adviser's and office's forms: "There is a problem" at the top, each
problem a link that moves focus to its field and scrolls it into view (the kiosk's pattern)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from pace_desktop.ui.widgets.fit import scroll_into_view


def reveal(widget: QWidget) -> None:
    """Focus ``widget`` and scroll every scroll area around it so all of it is in view."""
    scroll_into_view(widget, 24)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


class ErrorSummary(QFrame):
    """Hidden until ``show_problems``; ``before_link`` runs first (e.g. to switch to the right tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        self.title = QLabel(self.tr("There is a problem"))
        self.title.setObjectName("errorSummaryTitle")
        layout.addWidget(self.title)
        self._links = QVBoxLayout()
        self._links.setSpacing(2)
        layout.addLayout(self._links)
        self.links: list[QPushButton] = []
        self.setAccessibleName(self.tr("There is a problem"))
        self.setVisible(False)

    def show_problems(self, problems: list[tuple[str, QWidget]],
                      before_link: Callable[[QWidget], None] | None = None) -> None:
        self.clear()
        for message, target in problems:
            link = QPushButton(message)
            link.setObjectName("errorLink")
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setAccessibleDescription(self.tr("Go to the field"))

            def go(_checked: bool = False, target: QWidget = target) -> None:
                if before_link is not None:
                    before_link(target)
                reveal(target)

            link.clicked.connect(go)
            self._links.addWidget(link)
            self.links.append(link)
        self.setAccessibleDescription("; ".join(m for m, _ in problems))
        self.setVisible(bool(problems))

    def clear(self) -> None:
        for link in self.links:
            link.deleteLater()
        self.links = []
        self.setVisible(False)
