"""The Follow-up tab: where the person is now (outcomes) and what they thought of the help (feedback)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.records.enums import OutcomeStatus, choices
from pace_desktop.records.models import Feedback, Outcome
from pace_desktop.ui.dialogs.client.layout import left, list_view, make_scrollable
from pace_desktop.ui.dialogs.client.text import day, when
from pace_desktop.ui.models.rows import RowsModel
from pace_desktop.ui.widgets.field import FieldRow

RATINGS = (
    QT_TRANSLATE_NOOP("FollowUpTab", "1 Poor"),
    "2",
    "3",
    "4",
    QT_TRANSLATE_NOOP("FollowUpTab", "5 Very good"),
)
LABEL_WIDTH = 190


class FollowUpTab(QScrollArea):
    """``outcome_requested(dict)`` and ``feedback_requested(dict)`` from the two Add buttons."""

    outcome_requested = Signal(object)
    feedback_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(14)
        self.saved_hint = QLabel(self.tr("Save the client first, then record follow-up."))
        self.saved_hint.setObjectName("hint")
        layout.addWidget(self.saved_hint)
        layout.addWidget(self._outcomes())
        layout.addWidget(self._feedback())
        layout.addStretch(1)
        make_scrollable(self, body)

    def _outcomes(self) -> QGroupBox:
        group = QGroupBox(self.tr("Outcomes"))
        box = QVBoxLayout(group)
        box.setContentsMargins(14, 18, 14, 14)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, LABEL_WIDTH)
        self.outcome_date = QDateEdit(QDate.currentDate())
        self.outcome_date.setDisplayFormat("dd/MM/yyyy")
        self.outcome_date.setCalendarPopup(True)
        self.outcome_date.setMaximumWidth(160)
        self.outcome_status = QComboBox()
        self.outcome_status.setPlaceholderText(self.tr("Choose where the person is now"))
        for member, label in choices(OutcomeStatus):
            self.outcome_status.addItem(self.tr(label), member.value)
        self.outcome_status.setCurrentIndex(-1)
        self.outcome_status.setMinimumWidth(320)
        self.outcome_status.setMaximumWidth(360)
        self.outcome_note = QLineEdit()
        FieldRow(grid, 0, self.tr("Outcome &date"), self.outcome_date, hint=self.tr("Day/month/year"))
        FieldRow(grid, 1, self.tr("Outcome s&tatus"), self.outcome_status)
        FieldRow(grid, 2, self.tr("Outcome &note (optional)"), self.outcome_note)
        self.add_outcome = QPushButton(self.tr("Add &outcome"))
        self.add_outcome.setEnabled(False)
        self.outcome_status.currentIndexChanged.connect(self._outcome_ready)
        self.add_outcome.clicked.connect(self._emit_outcome)
        grid.addLayout(left(self.add_outcome), 3, 1)
        self.outcomes = RowsModel([self.tr("Date"), self.tr("Status"), self.tr("Note")], self)
        view = list_view(self.outcomes, self.tr("Outcomes"))
        view.setMinimumHeight(110)
        box.addLayout(grid)
        box.addWidget(view)
        return group

    def _feedback(self) -> QGroupBox:
        group = QGroupBox(self.tr("Feedback from the person"))
        box = QVBoxLayout(group)
        box.setContentsMargins(14, 18, 14, 14)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, LABEL_WIDTH)
        rating_label = QLabel(self.tr("Rating"))
        rating_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        rating_row = QHBoxLayout()
        self.rating = QButtonGroup(self)
        for value, text in enumerate(RATINGS, start=1):
            button = QRadioButton(self.tr(text))
            button.setAccessibleName(self.tr("Rating {0} of 5").format(value))
            self.rating.addButton(button, value)
            rating_row.addWidget(button)
        rating_row.addStretch(1)
        self.comment = QLineEdit()
        grid.addWidget(rating_label, 0, 0)
        grid.addLayout(rating_row, 0, 1)
        FieldRow(grid, 1, self.tr("&Comment (optional)"), self.comment)
        self.add_feedback = QPushButton(self.tr("Add &feedback"))
        self.add_feedback.setEnabled(False)
        self.rating.idToggled.connect(lambda _i, _c: self._feedback_ready())
        self.add_feedback.clicked.connect(self._emit_feedback)
        grid.addLayout(left(self.add_feedback), 2, 1)
        self.feedback = RowsModel([self.tr("Given"), self.tr("Rating"), self.tr("Comment")], self)
        view = list_view(self.feedback, self.tr("Feedback"))
        view.setMinimumHeight(110)
        box.addLayout(grid)
        box.addWidget(view)
        return group

    # -- state -----------------------------------------------------------------------------------------
    def set_saved(self, saved: bool) -> None:
        self._saved = saved
        self.saved_hint.setVisible(not saved)
        self._outcome_ready()
        self._feedback_ready()

    def _outcome_ready(self) -> None:
        self.add_outcome.setEnabled(
            getattr(self, "_saved", False) and self.outcome_status.currentIndex() >= 0
        )

    def _feedback_ready(self) -> None:
        self.add_feedback.setEnabled(getattr(self, "_saved", False) and self.rating.checkedId() > 0)

    def _emit_outcome(self) -> None:
        self.outcome_requested.emit(
            {
                "date": self.outcome_date.date().toPython(),
                "status": self.outcome_status.currentData(),
                "note": self.outcome_note.text(),
            }
        )

    def _emit_feedback(self) -> None:
        self.feedback_requested.emit({"rating": self.rating.checkedId(), "comment": self.comment.text()})

    def clear_outcome(self) -> None:
        self.outcome_status.setCurrentIndex(-1)
        self.outcome_note.clear()

    def clear_feedback(self) -> None:
        self.rating.setExclusive(False)
        for button in self.rating.buttons():
            button.setChecked(False)
        self.rating.setExclusive(True)
        self.comment.clear()
        self._feedback_ready()

    def show_records(self, outcomes: list[Outcome], feedback: list[Feedback]) -> None:
        outcomes = sorted(outcomes, key=lambda o: (o.date, o.created_at))
        self.outcomes.set_rows(
            [(day(o.date), self.tr(OutcomeStatus(o.status).label), o.note or "") for o in outcomes]
        )
        feedback = sorted(feedback, key=lambda f: f.created_at)
        self.feedback.set_rows([(when(f.created_at), f"{f.rating} / 5", f.comment or "") for f in feedback])
