"""Short lists of answers as radio buttons, and a guard so the mouse wheel never changes an answer.

GOV.UK, REDCap and Kobo show a question with five or fewer answers as radios: every answer is in
view, one click or arrow key chooses, and a wheel turned over them scrolls the page instead of
silently changing the answer (as it does over a drop-down).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

RADIO_LIMIT = 5  # at most this many answers: radios; more: a drop-down
SIDE_BY_SIDE = 22  # answers this short sit in one row ("Yes", "No", "Prefer not to say")


class RadioChoice(QWidget):
    """One answer from a short list, as radios, with the small part of QComboBox's interface the
    forms use (``currentIndex``, ``currentData``, ``currentText``, ``findData``, the signal)."""

    currentIndexChanged = Signal(int)

    def __init__(self, options: list[tuple[str, Any]], name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        short = all(len(label) <= SIDE_BY_SIDE for label, _ in options)
        layout: QBoxLayout = QHBoxLayout(self) if short else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16 if short else 4)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        self._values = [value for _label, value in options]
        for index, (label, _value) in enumerate(options):
            button = QRadioButton(label)
            if name:
                # A screen reader hears the question with each answer, not a row of bare "Yes"/"No".
                button.setAccessibleName(
                    QCoreApplication.translate("ChoiceGroup", "{answer}, {question}").format(
                        answer=label, question=name
                    )
                )
            self.group.addButton(button, index)
            self.buttons.append(button)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        if short:
            layout.addStretch(1)
        self.setAccessibleName(name)
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.currentIndexChanged.emit(index)

    def currentIndex(self) -> int:  # noqa: N802 - QComboBox's spelling, so forms treat both alike
        return self.group.checkedId()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        if index < 0:
            checked = self.group.checkedButton()
            if checked is not None:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
                self.currentIndexChanged.emit(-1)
            return
        self.buttons[index].setChecked(True)

    def currentData(self) -> Any:  # noqa: N802
        index = self.currentIndex()
        return self._values[index] if index >= 0 else None

    def currentText(self) -> str:  # noqa: N802
        index = self.currentIndex()
        return self.buttons[index].text() if index >= 0 else ""

    def findData(self, value: Any) -> int:  # noqa: N802
        return self._values.index(value) if value in self._values else -1

    def count(self) -> int:
        return len(self.buttons)

    def first_button(self) -> QRadioButton:
        return self.buttons[0]


class WheelGuard(QObject):
    """An application-wide filter: a wheel turned over a drop-down or spin box scrolls the page it
    sits in and leaves the value alone. An open drop-down list is a window of its own and still
    scrolls with the wheel, so the guard only stops the silent change of a closed one."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QComboBox | QAbstractSpinBox):
            return False
        parent = watched.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            bar = parent.verticalScrollBar()
            QApplication.sendEvent(bar, event)
        return True  # never to the drop-down itself


_guard: WheelGuard | None = None


def install_wheel_guard(app: QApplication) -> None:
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
