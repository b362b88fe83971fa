"""Follow-up: who is due a contact (3, 6 and 12 months after leaving), and a form to record what
they said. Thin: ``followup.due`` decides who is listed (consent first) and saves the outcome.

``FollowupPanel`` is the list and form; the adviser opens it as ``FollowupDialog(session, parent)``
from the header's Follow-up button, and the office has it as a tab.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.records.enums import OutcomeStatus, choices
from pace_desktop.ui import i18n, style
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.office.common import error_text, hint
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.date_edit import DateField
from pace_desktop.ui.widgets.fit import fit_to_screen

COLUMNS = (
    QT_TRANSLATE_NOOP("FollowupDialog", "PACE ID"),
    QT_TRANSLATE_NOOP("FollowupDialog", "Name"),
    QT_TRANSLATE_NOOP("FollowupDialog", "Follow-up"),
    QT_TRANSLATE_NOOP("FollowupDialog", "Due"),
    QT_TRANSLATE_NOOP("FollowupDialog", "Last outcome"),
)
PURPOSES = (
    ("contact_followup", QT_TRANSLATE_NOOP("FollowupDialog", "Follow-up contacts")),
    ("client_survey", QT_TRANSLATE_NOOP("FollowupDialog", "Client survey")),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("FollowupDialog", text)


class FollowupPanel(QWidget):
    """The list of people due and the outcome form; ``reload()`` once the session is unlocked."""

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.due: list[Any] = []
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                QCoreApplication.translate(
                    "FollowupDialog",
                    "People who agreed to be contacted after PACE, due a follow-up 3, 6 or 12 months after "
                    "leaving. Nobody who said no, or withdrew, is listed.",
                )
            )
        )
        top = QHBoxLayout()
        self.purpose = QComboBox()
        for value, label in PURPOSES:
            self.purpose.addItem(_t(label), value)
        self.purpose.setAccessibleName(QCoreApplication.translate("FollowupDialog", "Which list"))
        self.purpose.currentIndexChanged.connect(self.reload)
        top.addWidget(QLabel(QCoreApplication.translate("FollowupDialog", "List")))
        top.addWidget(self.purpose)
        top.addStretch(1)
        self.count = QLabel()
        top.addWidget(self.count)
        layout.addLayout(top)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_t(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(QCoreApplication.translate("FollowupDialog", "People due a follow-up"))
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.who = QLabel(QCoreApplication.translate("FollowupDialog", "Choose a person in the list."))
        form.addRow(QCoreApplication.translate("FollowupDialog", "Person"), self.who)
        self.status = QComboBox()
        for member, label in choices(OutcomeStatus):
            self.status.addItem(core_tr(label), member.value)  # the core's labels: 'core' context
        self.status.setAccessibleName(QCoreApplication.translate("FollowupDialog", "Outcome"))
        form.addRow(QCoreApplication.translate("FollowupDialog", "&Outcome"), self.status)
        self.day = DateField(QDate.currentDate())
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setAccessibleName(QCoreApplication.translate("FollowupDialog", "Date of the outcome"))
        form.addRow(QCoreApplication.translate("FollowupDialog", "Dat&e"), self.day)
        self.note = QLineEdit()
        self.note.setMaxLength(2000)
        self.note.setAccessibleName(QCoreApplication.translate("FollowupDialog", "What the person said"))
        form.addRow(QCoreApplication.translate("FollowupDialog", "&Note"), self.note)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("hint")
        buttons.addWidget(self.message, 1)
        self.record = style.primary(
            QPushButton(QCoreApplication.translate("FollowupDialog", "Re&cord outcome"))
        )
        self.record.setEnabled(False)
        self.record.clicked.connect(self._record)
        buttons.addWidget(self.record)
        self.buttons = buttons
        layout.addLayout(buttons)

    # -- the list ------------------------------------------------------------------------------------
    def clear(self) -> None:
        """Forget what was shown (the session locked)."""
        self.due = []
        self.table.setRowCount(0)
        self.count.clear()
        self.message.clear()
        self.note.clear()
        self._selected()

    def reload(self) -> None:
        from pace_desktop.followup.due import due_list

        if not self.session.is_unlocked:
            return
        store, purpose = self.session.store, self.purpose.currentData()
        self.session.worker.submit(
            lambda progress: due_list(store, purpose=purpose), on_done=self._show, on_error=self._failed
        )

    def _show(self, listing: Any) -> None:
        self.due = list(listing.due)
        labels = {m.value: m.label for m in OutcomeStatus}
        self.table.setRowCount(len(self.due))
        for row, d in enumerate(self.due):
            last = QCoreApplication.translate("FollowupDialog", "None yet")
            if d.last_status:
                last = self.tr("{outcome} ({date})").format(
                    outcome=core_tr(labels.get(d.last_status, d.last_status)),
                    date=i18n.short_date(d.last_date),
                )
            values = (d.pace_id, d.name, self.tr("%Ln month(s)", "", d.months), i18n.short_date(d.due), last)
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%Ln due", "", len(self.due)))
        self._selected()

    def _current(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.due[rows[0].row()] if rows and rows[0].row() < len(self.due) else None

    def _selected(self) -> None:
        d = self._current()
        recording = self.purpose.currentData() == "contact_followup"
        self.record.setEnabled(d is not None and recording)
        if d is None:
            self.who.setText(QCoreApplication.translate("FollowupDialog", "Choose a person in the list."))
        else:
            self.who.setText(
                self.tr("{name} ({pace_id}), left {date}").format(
                    name=d.name, pace_id=d.pace_id, date=i18n.short_date(d.leaving)
                )
            )

    # -- recording -----------------------------------------------------------------------------------
    def _record(self) -> None:
        from pace_desktop.followup.due import record_followup

        d = self._current()
        if d is None:
            return
        store = self.session.store
        status = self.status.currentData()
        q = self.day.date()
        day = date(q.year(), q.month(), q.day())
        note = self.note.text().strip() or None
        self.record.setEnabled(False)
        self.session.worker.submit(
            lambda progress: record_followup(store, d.client_id, status, day, note),
            on_done=lambda saved: self._recorded(saved, d),
            on_error=self._failed,
        )

    def _recorded(self, saved: Any, d: Any) -> None:
        self.message.setText(
            self.tr("Recorded {outcome} on {date} for {pace_id}.").format(
                outcome=core_tr(saved.status.label), date=i18n.short_date(saved.date), pace_id=d.pace_id
            )
        )
        self.note.clear()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(
            error_text(
                exc,
                QCoreApplication.translate(
                    "FollowupDialog", "That did not work: nothing was saved. Try again."
                ),
            )
        )
        self._selected()


class FollowupDialog(QDialog):
    """The adviser's Follow-up window: ``FollowupDialog(session, parent).open()``."""

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("FollowupDialog", "Follow-up"))
        fit_to_screen(self, 900, 620)
        self.panel = FollowupPanel(session, self)
        close = QPushButton(QCoreApplication.translate("FollowupDialog", "Close"))
        close.clicked.connect(self.accept)
        self.panel.buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        # The parts tests and people reach for, on the dialog itself.
        p = self.panel
        self.table, self.status, self.day, self.note, self.record, self.message = (
            p.table,
            p.status,
            p.day,
            p.note,
            p.record,
            p.message,
        )
        p.reload()
