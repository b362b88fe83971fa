"""The Consent tab: each purpose a clear Yes / No with nothing pre-selected, and withdrawal beside it.

What was recorded is shown as it stands ("Given on 3 Nov 2026 at 14:05 by Ailsa Demo"); a new answer
becomes a new consent row when the record is saved. Withdrawal is one button, as easy as giving, and is
kept as a withdrawal, never a deletion (UK GDPR Art. 7(1) and 7(3)).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.privacy_notice import all_purposes, current_notice, purpose_text
from pace_desktop.records.models import Consent
from pace_desktop.ui.dialogs.client.layout import make_scrollable
from pace_desktop.ui.dialogs.client.text import when

REQUIRED = "pace_support"


class _PurposeRow:
    """One purpose: its wording, a Yes/No pair, what is on record, and a Withdraw button."""

    def __init__(self, tab: ConsentTab, grid: QGridLayout, row: int, purpose: str) -> None:
        self.purpose = purpose
        wording = purpose_text(purpose, "adviser")
        self.label = QLabel(wording)
        self.label.setWordWrap(True)
        self.yes = QRadioButton(tab.tr("Yes"))
        self.no = QRadioButton(tab.tr("No"))
        self.yes.setAccessibleName(tab.tr("Yes: {0}").format(wording))
        self.no.setAccessibleName(tab.tr("No: {0}").format(wording))
        self.group = QButtonGroup(tab)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.group.buttonToggled.connect(lambda _b, _c: tab.changed.emit())
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.withdraw = QPushButton(tab.tr("Withdraw"))
        self.withdraw.setAccessibleName(tab.tr("Withdraw consent: {0}").format(wording))
        self.withdraw.setVisible(False)
        self.withdraw.clicked.connect(lambda: tab.withdraw_requested.emit(self.purpose))
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.stored: Consent | None = None
        pair = QHBoxLayout()
        pair.setSpacing(18)
        pair.addWidget(self.yes)
        pair.addWidget(self.no)
        pair.addStretch(1)
        grid.addWidget(self.label, row, 0)
        grid.addLayout(pair, row, 1)
        grid.addWidget(self.status, row, 2)
        grid.addWidget(self.withdraw, row, 3)
        grid.addWidget(self.message, row + 1, 0, 1, 4)

    def answer(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_answer(self, value: bool | None) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot be emptied otherwise
        self.yes.setChecked(value is True)
        self.no.setChecked(value is False)
        self.group.setExclusive(True)

    def show_stored(self, consent: Consent | None, tab: ConsentTab) -> None:
        """Show what is on record; only a live 'yes' locks the pair (change it by withdrawing)."""
        self.stored = consent
        self.withdraw.setVisible(bool(consent and consent.active))
        for button in (self.yes, self.no):
            button.setEnabled(not (consent and consent.active))
        if consent is None:
            self.status.setText("")
            self.set_answer(None)
        elif consent.withdrawn_at is not None:
            self.status.setText(
                tab.tr("Given, then withdrawn on {0} by {1}").format(
                    when(consent.withdrawn_at), consent.withdrawn_by
                )
            )
            self.set_answer(None)
        elif consent.granted:
            self.status.setText(
                tab.tr("Given on {0} by {1}").format(when(consent.captured_at), consent.captured_by)
            )
            self.set_answer(True)
        else:
            self.status.setText(tab.tr("Declined on {0}").format(when(consent.captured_at)))
            self.set_answer(False)

    def stored_answer(self) -> bool | None:
        if self.stored is None or self.stored.withdrawn_at is not None:
            return None
        return self.stored.granted

    def set_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))


class ConsentTab(QScrollArea):
    """``changed`` on any answer; ``withdraw_requested(purpose)`` when a Withdraw button is pressed."""

    changed = Signal()
    withdraw_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = current_notice()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        intro = QLabel(
            self.tr(
                "Read the privacy notice with the person, then ask each question. Record their answer; "
                "nothing is chosen for them. They can change their mind at any time."
            )
        )
        intro.setWordWrap(True)
        notice_row = QHBoxLayout()
        self.version = QLabel(self.tr("Privacy notice version {0}").format(self.notice.version))
        self.version.setObjectName("sectionTitle")
        self.read_notice = QPushButton(self.tr("&Read the privacy notice"))
        self.read_notice.clicked.connect(self.show_notice)
        notice_row.addWidget(self.version)
        notice_row.addStretch(1)
        notice_row.addWidget(self.read_notice)
        layout.addLayout(notice_row)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        heads = (self.tr("Question"), self.tr("Answer"), self.tr("On record"))
        for col, text in enumerate(heads):
            head = QLabel(text)
            head.setObjectName("hint")
            grid.addWidget(head, 0, col)
        self.rows: dict[str, _PurposeRow] = {}
        for i, purpose in enumerate(all_purposes()):
            self.rows[purpose] = _PurposeRow(self, grid, 1 + 2 * i, purpose)
        layout.addLayout(grid)
        layout.addStretch(1)
        make_scrollable(self, body)
        # Tab order: down the Yes buttons (arrow keys move between Yes and No, as for any radio pair).
        previous: QWidget = self.read_notice
        for row in self.rows.values():
            for widget in (row.yes, row.no, row.withdraw):
                QWidget.setTabOrder(previous, widget)
                previous = widget

    # -- state -----------------------------------------------------------------------------------------
    def show_stored(self, consents: list[Consent]) -> None:
        """The latest row per purpose is what stands; earlier rows stay in the history."""
        latest: dict[str, Consent] = {}
        for consent in sorted(consents, key=lambda c: (c.captured_at, c.updated_at)):
            latest[consent.purpose] = consent
        for purpose, row in self.rows.items():
            row.group.blockSignals(True)
            row.show_stored(latest.get(purpose), self)
            row.group.blockSignals(False)

    def answers(self) -> dict[str, bool | None]:
        return {p: row.answer() for p, row in self.rows.items()}

    def set_answers(self, answers: dict[str, bool | None]) -> None:
        for purpose, value in answers.items():
            row = self.rows.get(purpose)
            if row is not None and row.yes.isEnabled():
                row.group.blockSignals(True)
                row.set_answer(value)
                row.group.blockSignals(False)

    def new_choices(self) -> dict[str, bool]:
        """Answers that differ from what is on record: each becomes a new consent row on saving."""
        return {
            p: a
            for p, row in self.rows.items()
            if (a := row.answer()) is not None and a != row.stored_answer()
        }

    def active(self, purpose: str) -> bool:
        row = self.rows.get(purpose)
        return bool(row and row.stored and row.stored.active)

    def stored_consent(self, purpose: str) -> Consent | None:
        row = self.rows.get(purpose)
        return row.stored if row else None

    def required_problem(self, is_new: bool) -> str | None:
        """Without a yes to SDS holding the record, it cannot be kept: say so beside the question."""
        row = self.rows[REQUIRED]
        answer = row.answer()
        if answer is True or (answer is None and not is_new):
            row.set_message(None)
            return None
        if answer is None:
            text = self.tr("Ask this question first: without a yes, SDS cannot keep the record.")
        else:
            text = self.tr(
                "The person said no, so SDS cannot keep a record for them. Give today's "
                "advice without registering them, and close without saving."
            )
        row.set_message(text)
        return text

    # -- the notice ------------------------------------------------------------------------------------
    def show_notice(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Privacy notice, version {0}").format(self.notice.version))
        text = QTextBrowser()
        text.setMarkdown(self.notice.text)
        text.setAccessibleName(self.tr("Privacy notice"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(640, 560)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
