"""Passphrase input with a show/hide toggle, a strength meter that explains itself in words, and the
one new-passphrase form part (passphrase, meter, the same again) every screen that sets one uses.

The estimate is the store's (``keyslots.passphrase_strength``): the meter must never call "Good"
what the store then refuses.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget

from pace_desktop.ui import style
from pace_desktop.ui.widgets.field import FieldRow

MIN_LENGTH = 12
MISMATCH = QT_TRANSLATE_NOOP("NewPassphrase", "The two passphrases are different: type the same one twice.")
_ADVICE = (
    QT_TRANSLATE_NOOP("StrengthMeter", "Use at least 12 characters."),
    QT_TRANSLATE_NOOP("StrengthMeter", "Easy to guess: add more words."),
    QT_TRANSLATE_NOOP("StrengthMeter", "Add another word or two."),
    QT_TRANSLATE_NOOP("StrengthMeter", "A good passphrase."),
    QT_TRANSLATE_NOOP("StrengthMeter", "A strong passphrase."),
)


def strength(text: str) -> tuple[int, str]:
    """The store's own estimate (0 too short .. 4 strong), so the meter and the rule agree."""
    # Imported here: the unlock screen uses this module and needs none of the key-slot code.
    from pace_desktop.store.keyslots import passphrase_strength

    return passphrase_strength(text)


def passphrase_problem(text: str) -> str | None:
    """Why the store would refuse ``text`` as a new passphrase, or None when it is acceptable."""
    from pace_desktop.errors import ValidationFailed
    from pace_desktop.store.keyslots import check_passphrase

    try:
        check_passphrase(text)
    except ValidationFailed as exc:
        return str(exc)
    return None


class PassphraseEdit(QLineEdit):
    """A hidden-text field with a Show/Hide action (Alt+S style toggles are easy to miss; the icon
    says it).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhHiddenText
        )
        # A line edit draws its actions as icons only: without one the toggle was an empty square.
        self._toggle = QAction(style.icon("eye"), self.tr("Show"), self)
        self._toggle.setToolTip(self.tr("Show or hide the passphrase"))
        self._toggle.setCheckable(True)
        self._toggle.toggled.connect(self._show)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)

    def _show(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._toggle.setText(self.tr("Hide") if shown else self.tr("Show"))
        self._toggle.setIcon(style.icon("eye-off" if shown else "eye"))


class StrengthMeter(QWidget):
    """A four-step bar and a line of words ("Strength: Good — a good passphrase.") for screen
    readers too.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setObjectName("strengthBar")
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.label = QLabel()
        self.label.setObjectName("hint")
        self.label.setWordWrap(True)  # the advice is longer than the box on a small screen
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label, 3)
        self.level = 0
        self.update_for("")

    def update_for(self, text: str) -> None:
        self.level, label = strength(text) if text else (0, "")
        self.bar.setValue(self.level)
        self.bar.setProperty("level", self.level)
        self.bar.style().unpolish(self.bar)
        self.bar.style().polish(self.bar)
        if not text:
            self.label.setText(self.tr("Strength: at least 12 characters; a few words together is best."))
        else:
            self.label.setText(
                self.tr("Strength: {0} — {1}").format(self.tr(label), self.tr(_ADVICE[self.level]))
            )
        self.bar.setAccessibleDescription(self.label.text())


class NewPassphrase(QObject):
    """A new passphrase, typed twice: the passphrase, its strength meter and the second typing, laid
    into three rows of the form's own grid so their labels line up with the form's other fields.

    Used by the first-run screen, the office's set-up, adding an adviser, changing a passphrase and
    recovering a laptop; ``problems`` is the one check of both boxes, with the store's own rule.
    """

    def __init__(
        self,
        grid: QGridLayout,
        first_row: int,
        *,
        label: str,
        again_label: str,
        hint: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.edit = PassphraseEdit()
        self.again = PassphraseEdit()
        self.meter = StrengthMeter()
        self.row = FieldRow(grid, first_row, label, self.edit, hint=hint)
        grid.addWidget(self.meter, first_row + 1, 1)
        self.again_row = FieldRow(grid, first_row + 2, again_label, self.again)
        self.edit.textChanged.connect(self.meter.update_for)

    def problems(self) -> tuple[str | None, str | None]:
        """Why the store would refuse the passphrase, and whether the second typing differs (said
        only once the first is acceptable: one message at a time)."""
        text = self.edit.text()
        problem = passphrase_problem(text)
        mismatch = None if problem or text == self.again.text() else self.tr(MISMATCH)
        return problem, mismatch

    def check(self) -> bool:
        """Show each box's message beside it; True when both are right."""
        problem, mismatch = self.problems()
        self.row.set_error(problem)
        self.again_row.set_error(mismatch)
        return not (problem or mismatch)
