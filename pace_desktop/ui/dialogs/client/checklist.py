"""The Checklist tab: the ten questions, the band as it stands with what drove it, and the override.

Scoring is the core's (``checklist.score``): the tab re-scores on every answer so the adviser sees the
band move, each contributing answer with its stars, what is unanswered, and how old the area figures are.
The band is for triage only; the adviser's override, with a reason, is final.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.checklist import (
    ChecklistOutcome,
    band_in_use,
    load_checklist,
    not_scored_reason,
    score,
)
from pace_desktop.checklist.data import AgeRule, AreaRule
from pace_desktop.errors import PaceError
from pace_desktop.records.models import ChecklistRecord
from pace_desktop.reference import council_areas
from pace_desktop.ui.dialogs.client.layout import make_scrollable
from pace_desktop.ui.dialogs.client.text import BAND_OBJECT_NAMES, band, when
from pace_desktop.ui.widgets.choice import RADIO_LIMIT, RadioChoice


def stars(n: int) -> str:
    return "★" * n


class ChecklistTab(QWidget):
    """``changed`` on any answer; ``override_requested(band, reason)`` from Save override."""

    changed = Signal()
    override_requested = Signal(str, str)

    def __init__(self, event_area: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = load_checklist()
        self.event_area = event_area
        self.choices: dict[str, RadioChoice | QComboBox] = {}
        self.outcome: ChecklistOutcome | None = None
        self.override_in_use: str | None = None  # the adviser's band, stored or held for saving
        self._focus_after_override = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(14)
        layout.addWidget(self._questions(), 3)
        result = QScrollArea()
        make_scrollable(result, self._result())
        result.setMinimumWidth(360)
        layout.addWidget(result, 2)

    # -- the questions ---------------------------------------------------------------------------------
    def _questions(self) -> QScrollArea:
        scroll = QScrollArea()
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(4, 4, 8, 4)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        row = 0
        for number, question in enumerate(self.checklist.questions, start=1):
            title = QLabel(
                f"{number}. {self.tr(question.title)}  "
                f"<span style='color:#505a64'>{stars(question.stars)}</span>"
            )
            title.setObjectName("sectionTitle")
            title.setContentsMargins(0, 10 if number > 1 else 0, 0, 2)
            title.setToolTip(self.tr("Strength of evidence: {0} of 3 stars").format(question.stars))
            grid.addWidget(title, row, 0, 1, 2)
            row += 1
            if isinstance(question.computed, AgeRule):
                self.age_line = QLabel()
                self.age_line.setObjectName("hint")
                self.age_line.setWordWrap(True)
                grid.addWidget(self.age_line, row, 0, 1, 2)
                row += 1
            elif isinstance(question.computed, AreaRule):
                label = QLabel(self.tr("Council area where the person &lives"))
                label.setWordWrap(True)
                self.area = QComboBox()
                for area in council_areas():
                    self.area.addItem(area.name, area.gss_code)
                self.area.setCurrentIndex(max(0, self.area.findData(self.event_area)))
                self.area.setAccessibleName(label.text().replace("&", ""))
                self.area.setToolTip(
                    self.tr("Starts as the event's area; change it if the person lives elsewhere.")
                )
                label.setBuddy(self.area)
                self.area.currentIndexChanged.connect(lambda _i: self.changed.emit())
                grid.addWidget(label, row, 0)
                grid.addWidget(self.area, row, 1)
                row += 1
            for part in question.parts:
                label = QLabel(self.tr(part.adviser_text))
                label.setWordWrap(True)
                options = [(self.tr(o.label), o.value) for o in part.options]
                choice: RadioChoice | QComboBox
                if len(options) <= RADIO_LIMIT:
                    choice = RadioChoice(options, label.text())
                    label.setBuddy(choice.first_button())
                else:
                    choice = QComboBox()
                    choice.setPlaceholderText(self.tr("Not asked yet"))
                    for text, value in options:
                        choice.addItem(text, value)
                    choice.setCurrentIndex(-1)  # nothing chosen for the person
                    choice.setAccessibleName(label.text())
                    choice.setMinimumWidth(260)
                    label.setBuddy(choice)
                choice.currentIndexChanged.connect(lambda _i: self.changed.emit())
                self.choices[part.id] = choice
                if isinstance(choice, RadioChoice):
                    # The question above its answers (a GOV.UK legend): long answers get the width.
                    grid.addWidget(label, row, 0, 1, 2)
                    choice.setContentsMargins(12, 0, 0, 4)
                    grid.addWidget(choice, row + 1, 0, 1, 2)
                    row += 2
                else:
                    grid.addWidget(label, row, 0)
                    grid.addWidget(choice, row, 1)
                    row += 1
        grid.setRowStretch(row, 1)
        make_scrollable(scroll, body)
        # Questions and answers wrap to the pane's width: a page scrolls one way only.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    # -- the result and the override -------------------------------------------------------------------
    def _result(self) -> QWidget:
        card = QFrame()
        card.setObjectName("card")
        box = QVBoxLayout(card)
        box.setContentsMargins(16, 14, 16, 14)
        box.setSpacing(8)
        heading = QLabel(self.tr("Risk of long-term unemployment"))
        heading.setObjectName("sectionTitle")
        self.band_label = QLabel()
        self.band_label.setAccessibleName(self.tr("Risk band"))
        self.score_label = QLabel()
        self.score_label.setObjectName("hint")
        band_row = QHBoxLayout()
        band_row.addWidget(self.band_label)
        band_row.addWidget(self.score_label)
        band_row.addStretch(1)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.unanswered = QLabel()
        self.unanswered.setWordWrap(True)
        self.unanswered.setObjectName("hint")
        self.area_year = QLabel()
        self.area_year.setObjectName("hint")
        self.notes = QLabel()
        self.notes.setObjectName("banner")
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
        triage = QLabel(self.tr("For triage only: the band never decides whether someone gets help."))
        triage.setObjectName("hint")
        triage.setWordWrap(True)
        for widget in (heading, triage):
            box.addWidget(widget)
        box.addLayout(band_row)
        for widget in (self.reasons, self.unanswered, self.area_year, self.notes):
            box.addWidget(widget)
        box.addWidget(self._override_box())
        box.addStretch(1)
        return card

    def _override_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("Adviser's judgement"))
        box = QVBoxLayout(group)
        box.setContentsMargins(12, 18, 12, 12)
        box.setSpacing(6)
        self.override_state = QLabel()
        self.override_state.setWordWrap(True)
        self.override_state.setVisible(False)
        band_label = QLabel(self.tr("&Band to use"))
        self.override_band = QComboBox()
        self.override_band.setPlaceholderText(self.tr("Choose a band"))
        for value in ("low", "medium", "high"):
            self.override_band.addItem(self.tr(band(value)), value)
        self.override_band.setCurrentIndex(-1)
        self.override_band.setAccessibleName(self.tr("Band to use"))
        band_label.setBuddy(self.override_band)
        reason_label = QLabel(self.tr("&Reason (required)"))
        self.override_reason = QPlainTextEdit()
        self.override_reason.setTabChangesFocus(True)
        self.override_reason.setFixedHeight(72)
        self.override_reason.setAccessibleName(self.tr("Reason for the override"))
        reason_label.setBuddy(self.override_reason)
        self.override_button = QPushButton(self.tr("Save &override"))
        self.override_button.setEnabled(False)
        self.override_hint = QLabel(self.tr("Choose a band and type a reason to save an override."))
        self.override_hint.setObjectName("hint")
        self.override_hint.setWordWrap(True)
        self.override_band.currentIndexChanged.connect(self._override_ready)
        self.override_reason.textChanged.connect(self._override_ready)
        self.override_button.clicked.connect(self._request_override)
        band_row = QHBoxLayout()
        band_row.addWidget(band_label)
        band_row.addWidget(self.override_band, 1)
        button_row = QHBoxLayout()
        button_row.addWidget(self.override_hint, 1)
        button_row.addWidget(self.override_button)
        box.addWidget(self.override_state)
        box.addLayout(band_row)
        box.addWidget(reason_label)
        box.addWidget(self.override_reason)
        box.addLayout(button_row)
        return group

    def _override_ready(self) -> None:
        ready = self.override_band.currentIndex() >= 0 and bool(self.override_reason.toPlainText().strip())
        self.override_button.setEnabled(ready)
        self.override_hint.setVisible(not ready)

    def _request_override(self) -> None:
        # The button disables itself once the form is cleared: focus then returns to the band
        # (the start of the override form) instead of jumping to whatever comes next (Close).
        self._focus_after_override = True
        self.override_requested.emit(
            self.override_band.currentData(), self.override_reason.toPlainText().strip()
        )

    def clear_override_form(self) -> None:
        self.override_band.setCurrentIndex(-1)
        self.override_reason.clear()
        if self._focus_after_override:
            self._focus_after_override = False
            self.override_band.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_override(self, text: str | None, band_value: str | None = None) -> None:
        self.override_state.setText(text or "")
        self.override_state.setVisible(bool(text))
        self.override_in_use = band_value
        self._show_headline()

    # -- answers ---------------------------------------------------------------------------------------
    def answers(self) -> dict[str, str]:
        return {
            pid: choice.currentData() for pid, choice in self.choices.items() if choice.currentIndex() >= 0
        }

    def set_answers(self, answers: dict[str, str]) -> None:
        for pid, choice in self.choices.items():
            choice.blockSignals(True)
            choice.setCurrentIndex(choice.findData(answers[pid]) if pid in answers else -1)
            choice.blockSignals(False)

    def council_area(self) -> str:
        return self.area.currentData() or self.event_area

    def set_council_area(self, code: str | None) -> None:
        if code:
            self.area.blockSignals(True)
            self.area.setCurrentIndex(max(0, self.area.findData(code)))
            self.area.blockSignals(False)

    def show_stored(self, record: ChecklistRecord | None, *, answers: bool = True) -> None:
        """Show a stored checklist; ``answers=False`` keeps unsaved answers and updates the override."""
        if record is None:
            self.show_override(None)
            return
        if answers:
            self.set_council_area(record.council_area)
            self.set_answers(record.answers)
        if record.override:
            o = record.override
            self.show_override(
                self.tr("Band set to {0} by {1} on {2}: {3}").format(
                    band(o.band), o.adviser, when(o.at), o.reason
                ),
                o.band,
            )
        else:
            self.show_override(None)

    # -- live scoring ----------------------------------------------------------------------------------
    def rescore(self, date_of_birth: date | None, event_date: date) -> ChecklistOutcome | None:
        """Score what is answered now and show it; returns the outcome (None if it cannot be scored)."""
        if date_of_birth is None:
            self.age_line.setText(
                self.tr("Worked out from the date of birth, on the Details tab (not given yet).")
            )
        else:
            age = (
                event_date.year
                - date_of_birth.year
                - ((event_date.month, event_date.day) < (date_of_birth.month, date_of_birth.day))
            )
            self.age_line.setText(
                self.tr("Age {0} at the event, worked out from the date of birth.").format(age)
            )
        try:
            outcome = score(
                self.checklist,
                self.answers(),
                date_of_birth=date_of_birth,
                event_date=event_date,
                council_area=self.council_area(),
            )
        except PaceError as exc:
            self.outcome = None
            self.band_label.setText(self.tr("Not scored"))
            self.band_label.setObjectName("hint")
            self._repolish(self.band_label)
            self.reasons.setText(str(exc))
            return None
        self.outcome = outcome
        self._show_headline()
        if outcome.contributions:
            lines = [self.tr("<b>What counted</b>")]
            for c in outcome.contributions:
                lines.append(
                    f"{_escape(self.tr(c.answer_label))} "
                    f"<span style='color:#505a64'>{stars(c.stars)}</span> +{c.points}"
                )
            self.reasons.setText("<br>".join(lines))
        else:
            self.reasons.setText(self.tr("No answer has raised the risk so far."))
        names = list(dict.fromkeys(self._question_title(i) for i in outcome.unanswered))
        self.unanswered.setText(
            self.tr("Not answered yet: {0}.").format("; ".join(names))
            if names
            else self.tr("Every question is answered.")
        )
        self.area_year.setText(self.tr("Area unemployment figures from {0}.").format(outcome.area_as_of))
        stale = [n for n in outcome.notes if "more than two years old" in n]
        self.notes.setText(" ".join(self.tr(n) for n in stale))
        self.notes.setVisible(bool(stale))
        return outcome

    def _show_headline(self) -> None:
        """The band in use (the checklist's rule: an override wins; no band until a score counts)."""
        outcome = self.outcome
        if outcome is None:
            return
        answers = self.answers()
        shown = band_in_use(outcome.band, answers, self.override_in_use)
        scored = self.tr("Score {0} of {1}").format(outcome.score, outcome.max_score)
        if shown is None:
            self.band_label.setText(self.tr(not_scored_reason(answers)))
            self.band_label.setObjectName("bandNone")
            self.score_label.setText("")
        elif self.override_in_use:
            self.band_label.setText(self.tr("{0} risk (adviser override)").format(band(shown)))
            self.band_label.setObjectName(BAND_OBJECT_NAMES[shown])
            self.score_label.setText(scored)
        else:
            self.band_label.setText(self.tr("{0} risk").format(band(shown)))
            self.band_label.setObjectName(BAND_OBJECT_NAMES[shown])
            self.score_label.setText(scored)
        self._repolish(self.band_label)

    def _question_title(self, ident: str) -> str:
        """The question a part or computed question belongs to ('q2_vehicle' -> 'Driving licence…')."""
        for question in self.checklist.questions:
            if question.id == ident or any(p.id == ident for p in question.parts):
                return self.tr(question.title)
        return ident

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        # unpolish/polish updates colours but not a QLabel's padding; a changed (empty) style sheet
        # makes Qt re-read the whole rule for the new object name.
        widget.setStyleSheet(f"/* {widget.objectName()} */")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
