"""The kiosk's inputs: large text boxes, a three-box date, yes/no and multiple-choice groups.

Each input gives its ``value()``, takes ``set_value`` from saved answers and can ``wipe()`` itself,
so nothing of one person is left for the next: text, undo history, completer and selection included.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

CHAR_PX = 24  # one wide character at the kiosk's larger text size

SENSITIVE = (
    Qt.InputMethodHint.ImhSensitiveData
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhNoAutoUppercase
)


def text_box(accessible_name: str, *, sensitive: bool, max_len: int, chars: int | None = None) -> QLineEdit:
    """A large single-line box with no completer and no right-click menu to copy out of."""
    box = QLineEdit()
    box.setAccessibleName(accessible_name)
    box.setMaxLength(max_len)
    box.setCompleter(None)
    box.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    box.setClearButtonEnabled(False)
    if sensitive:
        box.setInputMethodHints(box.inputMethodHints() | SENSITIVE)
    if chars is not None:
        # GOV.UK sizes a box to the answer it expects: a postcode box is short, an email box long.
        # Counted in px for the kiosk's large type, which the stylesheet only sets when shown.
        box.setFixedWidth(CHAR_PX * chars + 40)
    return box


def wipe_line(box: QLineEdit) -> None:
    """Empty a box for good: setText (unlike clear) also drops the undo and redo history."""
    box.setText("")
    box.deselect()
    if box.completer() is not None:
        box.setCompleter(None)


class DateInput(QWidget):
    """Day, month and year in three boxes, as GOV.UK asks for a date: no calendar to fiddle with."""

    changed = Signal()

    def __init__(self, name: str, accessible_name: str, *, sensitive: bool) -> None:
        super().__init__()
        self.name = name
        self.setAccessibleName(accessible_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        self.boxes: dict[str, QLineEdit] = {}
        for part, label, chars in (
            ("day", self.tr("Day"), 2),
            ("month", self.tr("Month"), 2),
            ("year", self.tr("Year"), 4),
        ):
            column = QVBoxLayout()
            column.setSpacing(6)
            caption = QLabel(label)
            caption.setObjectName("kioskDatePart")
            named = self.tr("{field}: {part}").format(field=accessible_name, part=label)
            box = text_box(named, sensitive=sensitive, max_len=chars + 2, chars=chars + 1)
            box.setObjectName(f"{name}.{part}")
            box.setInputMethodHints(box.inputMethodHints() | Qt.InputMethodHint.ImhDigitsOnly)
            box.textChanged.connect(self.changed)
            caption.setBuddy(box)
            column.addWidget(caption)
            column.addWidget(box)
            layout.addLayout(column)
            self.boxes[part] = box
        layout.addStretch(1)

    def values(self) -> dict[str, str]:
        return {f"{self.name}.{part}": box.text().strip() for part, box in self.boxes.items()}

    def set_values(self, answers: dict[str, Any]) -> None:
        for part, box in self.boxes.items():
            box.setText(str(answers.get(f"{self.name}.{part}", "") or ""))

    def first(self) -> QLineEdit:
        return self.boxes["day"]

    def wipe(self) -> None:
        for box in self.boxes.values():
            wipe_line(box)


LONG_OPTION = 40  # characters: a longer option is shown on two lines


def two_lines(text: str) -> str:
    """A long option split at the space nearest its middle. A radio button's text never wraps by
    itself, and the longest options in larger text would make the page scroll sideways on a
    1366x768 screen at 125%."""
    if len(text) <= LONG_OPTION or "\n" in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    at = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:at]}\n{text[at + 1 :]}"


def choice_name(question: str, option: str) -> str:
    """What a screen reader says for one option: the question, then the option."""
    return f"{question} {option}" if question.endswith(("?", ":")) else f"{question}: {option}"


class ChoiceGroup(QWidget):
    """Radio buttons, none chosen at first; yes/no sit side by side, longer lists one per line."""

    def __init__(self, accessible_name: str, options: list[tuple[str, str]], *, inline: bool) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if inline else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(32 if inline else 10)
        self.buttons: dict[str, QRadioButton] = {}
        for value, label in options:
            button = QRadioButton(two_lines(label))
            # The question in the name: ten "Yes" buttons in a row must each say which partner.
            button.setAccessibleName(choice_name(accessible_name, label))
            button.setAccessibleDescription(accessible_name)
            button.setProperty("value", value)
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[value] = button
        if inline:
            layout.addStretch(1)

    def value(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("value")) if checked is not None else ""

    def set_value(self, value: str) -> None:
        if value in self.buttons:
            self.buttons[value].setChecked(True)
        else:
            self.wipe()

    def first(self) -> QAbstractButton:
        checked = self.group.checkedButton()
        return checked if checked is not None else next(iter(self.buttons.values()))

    def wipe(self) -> None:
        # An exclusive group never lets its last checked button go: lift the rule for a moment.
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)


class CheckList(QWidget):
    """Tick any number of options; each may carry a line of explanation beneath it."""

    def __init__(self, accessible_name: str, options: list[tuple[str, str]], hints: list[str]) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.boxes: dict[str, QCheckBox] = {}
        for (value, label), hint in zip(options, hints or [""] * len(options), strict=True):
            box = QCheckBox(label)
            box.setAccessibleName(label)
            box.setAccessibleDescription(hint)
            box.setProperty("value", value)
            layout.addWidget(box)
            if hint:
                note = QLabel(hint)
                note.setObjectName("kioskOptionHint")
                note.setWordWrap(True)
                layout.addWidget(note)
            self.boxes[value] = box

    def value(self) -> list[str]:
        return [value for value, box in self.boxes.items() if box.isChecked()]

    def set_value(self, values: list[str] | None) -> None:
        chosen = set(values or ())
        for value, box in self.boxes.items():
            box.setChecked(value in chosen)

    def first(self) -> QCheckBox:
        return next(iter(self.boxes.values()))

    def wipe(self) -> None:
        self.set_value([])
