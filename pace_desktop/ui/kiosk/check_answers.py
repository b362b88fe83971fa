"""'Check your answers': every answer by section, each with a Change link back to its page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pace_desktop.records.models import Event
from pace_desktop.registration.kiosk.checks import date_value
from pace_desktop.registration.kiosk.flow import KioskFlow
from pace_desktop.registration.kiosk.pages import Field, Page, section_title
from pace_desktop.ui.kiosk.pages import QuestionPage, ktr, label

_SKIPPED = ("welcome", "privacy", "check")


class CheckAnswersPage(QuestionPage):
    """Built afresh from the flow's answers each time it is shown; ``wipe`` removes every row."""

    change_requested = Signal(str)

    def __init__(self, page: Page, event: Event, language: str = "en") -> None:
        super().__init__(page, event)
        self._rows = QWidget()
        self._rows.setObjectName("summaryList")
        self.column.insertWidget(self.column.count() - 1, self._rows)
        self._list = QVBoxLayout(self._rows)
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(0)
        self.send_heading = label(self.tr("Now send your registration"), "kioskSubheading")
        self.declaration = label(
            self.tr(
                "By sending it you confirm that, as far as you know, these details are right. "
                "An adviser will go through them with you."
            ),
            "kioskBody",
        )
        self.column.insertSpacing(self.column.count() - 1, 16)
        self.column.insertWidget(self.column.count() - 1, self.send_heading)
        self.column.insertWidget(self.column.count() - 1, self.declaration)
        # Dates in the person's language ("14 marca 1971"); British English otherwise.
        self.locale = (
            QLocale(language)
            if language != "en"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )

    def show_answers(self, flow: KioskFlow) -> None:
        self._clear_rows()
        section = ""
        for page in flow.pages:
            if page.key in _SKIPPED or not page.summary:
                continue
            if page.section != section:
                section = page.section
                title = label(ktr(section_title(section)), "kioskSubheading")
                title.setContentsMargins(0, 0 if self._list.count() == 0 else 32, 0, 4)
                self._list.addWidget(title)
            self._list.addWidget(self._row(page, flow.answers))

    def _row(self, page: Page, answers: dict[str, Any]) -> QFrame:
        """GOV.UK's summary list row: what was asked, the answer, and a Change link."""
        row = QFrame()
        row.setObjectName("summaryRow")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 14, 0, 14)
        line.setSpacing(24)
        key_text = ktr(page.summary)
        key = label(key_text, "summaryKey")
        value = label("\n".join(self.answer_lines(page, answers)), "summaryValue")
        change = QPushButton(self.tr("Change"))
        change.setObjectName("changeLink")
        change.setCursor(Qt.CursorShape.PointingHandCursor)
        change.setAccessibleName(self.tr("Change: {what}").format(what=key_text))
        change.clicked.connect(lambda _c=False, k=page.key: self.change_requested.emit(k))
        line.addWidget(key, 4, Qt.AlignmentFlag.AlignTop)
        line.addWidget(value, 5, Qt.AlignmentFlag.AlignTop)
        line.addWidget(change, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def answer_lines(self, page: Page, answers: dict[str, Any]) -> list[str]:
        """What the person gave on one page, in words; 'Not given' for a blank optional answer."""
        texts = {f.name: self._text(f, answers) for f in page.fields}
        not_given = self.tr("Not given")
        if page.key == "name":
            lines = [f"{texts['first_name']} {texts['last_name']}".strip()]
            if texts["preferred_name"]:
                lines.append(self.tr("Likes to be called {name}").format(name=texts["preferred_name"]))
            return lines
        if page.key == "address":
            lines = [t for t in texts.values() if t]
            return lines or [not_given]
        if len(page.fields) == 1:
            return [next(iter(texts.values())) or not_given]
        return [
            self.tr("{question}: {answer}").format(
                question=ktr(f.summary or f.label), answer=texts[f.name] or not_given
            )
            for f in page.fields
        ]

    def _text(self, f: Field, answers: dict[str, Any]) -> str:
        if f.kind == "date":
            when = date_value(answers, f.name)
            return self.locale.toString(QDate(when.year, when.month, when.day), "d MMMM yyyy") if when else ""
        if f.kind == "radio":
            return ktr(dict(f.options).get(str(answers.get(f.name, "")), ""))
        if f.kind == "checkboxes":
            chosen = set(answers.get(f.name) or ())
            return "\n".join(ktr(text) for value, text in f.options if value in chosen)
        return str(answers.get(f.name, "") or "").strip()

    def _clear_rows(self) -> None:
        while self._list.count():
            item = self._list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                for text in widget.findChildren(QLabel):
                    text.setText("")
                if isinstance(widget, QLabel):
                    widget.setText("")
                widget.deleteLater()

    def wipe(self) -> None:
        super().wipe()
        self._clear_rows()
