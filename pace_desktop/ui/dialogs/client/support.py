"""The Support tab: the help the person asked for, referrals to partners, and what was done.

A referral to a partner needs the person's consent to share with that partner; without it the referral is
refused with the reason beside the partner's name (the rule is the core's, ``records.rules``; the dialog
asks it in ``referral_problem``, and the store applies it again on saving). SDS is the controller and
needs no sharing consent for its own services.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.records.enums import InterventionStatus, choices
from pace_desktop.records.models import Intervention
from pace_desktop.records.rules import CONTROLLER
from pace_desktop.reference import SERVICES, partners
from pace_desktop.reference import partner_name as listed_name
from pace_desktop.ui.dialogs.client.layout import list_view, make_scrollable
from pace_desktop.ui.dialogs.client.text import day
from pace_desktop.ui.models.rows import RowsModel
from pace_desktop.ui.widgets.field import FieldRow

SDS = CONTROLLER  # the controller: its own services need no sharing consent


def partner_name(code: str | None) -> str:
    return listed_name(code) if code else ""


class SupportTab(QScrollArea):
    """``changed`` when a service is ticked; ``referral_requested(dict)`` from Add referral;
    ``status_change_requested(id, status, minutes)`` from Update."""

    changed = Signal()
    referral_requested = Signal(object)
    status_change_requested = Signal(str, str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(14)
        layout.addWidget(self._services())
        layout.addWidget(self._referral())
        layout.addWidget(self._done())
        layout.addStretch(1)
        make_scrollable(self, body)

    # -- what the person asked for ---------------------------------------------------------------------
    def _services(self) -> QGroupBox:
        group = QGroupBox(self.tr("Help the person would find useful"))
        grid = QGridLayout(group)
        grid.setContentsMargins(14, 18, 14, 14)
        self.service_boxes: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(SERVICES.items()):
            box = QCheckBox(self.tr(label))
            box.toggled.connect(lambda _c: self.changed.emit())
            self.service_boxes[code] = box
            grid.addWidget(box, i // 3, i % 3)
        return group

    def services(self) -> list[str]:
        return [code for code, box in self.service_boxes.items() if box.isChecked()]

    def set_services(self, codes: list[str]) -> None:
        for code, box in self.service_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in codes)
            box.blockSignals(False)

    # -- a new referral --------------------------------------------------------------------------------
    def _referral(self) -> QGroupBox:
        group = QGroupBox(self.tr("Refer or record help"))
        outer = QVBoxLayout(group)
        outer.setContentsMargins(14, 18, 14, 14)
        # The reason comes first, above fields that cannot be used yet (not after them).
        self.saved_hint = QLabel(self.tr("Save the client first, then add referrals."))
        self.saved_hint.setObjectName("hint")
        self.saved_hint.setWordWrap(True)
        outer.addWidget(self.saved_hint)
        grid = QGridLayout()
        outer.addLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setColumnMinimumWidth(2, 240)
        self.partner = QComboBox()
        for p in partners():
            self.partner.addItem(self.tr(p.name), p.code)
        self.service = QComboBox()
        self.date = QDateEdit(QDate.currentDate())
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setCalendarPopup(True)
        self.date.setMaximumWidth(160)
        self.status = QComboBox()
        for member, label in choices(InterventionStatus):
            self.status.addItem(self.tr(label), member.value)
        self.status.setCurrentIndex(self.status.findData(InterventionStatus.referred.value))
        self.status.setMaximumWidth(220)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 1440)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setMaximumWidth(160)
        self.note = QLineEdit()
        self.partner_row = FieldRow(grid, 0, self.tr("&Partner"), self.partner)
        self.service_row = FieldRow(grid, 1, self.tr("Ser&vice"), self.service)
        FieldRow(grid, 2, self.tr("&Date"), self.date, hint=self.tr("Day/month/year"))
        FieldRow(grid, 3, self.tr("S&tatus"), self.status)
        FieldRow(grid, 4, self.tr("&Minutes spent"), self.minutes)
        FieldRow(grid, 5, self.tr("N&ote (optional)"), self.note)
        self.add_button = QPushButton(self.tr("&Add referral"))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        grid.addLayout(row, 6, 1, 1, 2)
        self.partner.currentIndexChanged.connect(self._partner_changed)
        self.add_button.clicked.connect(self._add)
        self._partner_changed()
        return group

    def _partner_changed(self) -> None:
        code = self.partner.currentData()
        offered = next((p.services for p in partners() if p.code == code), ())
        self.service.clear()
        for service in offered:
            self.service.addItem(self.tr(SERVICES.get(service, service)), service)
        self.partner_row.set_error(None)

    def _add(self) -> None:
        self.referral_requested.emit(
            {
                "partner": self.partner.currentData(),
                "service": self.service.currentData(),
                "date": self.date.date().toPython(),
                "status": self.status.currentData(),
                "minutes": self.minutes.value(),
                "note": self.note.text(),
            }
        )

    def show_refusal(self, text: str | None) -> None:
        self.partner_row.set_error(text)
        if text:
            self.partner.setFocus()

    def clear_referral(self) -> None:
        self.note.clear()
        self.minutes.setValue(0)
        self.date.setDate(QDate.currentDate())
        self.partner_row.set_error(None)

    def set_saved(self, saved: bool) -> None:
        """Before the client is saved the whole referral form is unavailable, with the reason."""
        for widget in (
            self.partner,
            self.service,
            self.date,
            self.status,
            self.minutes,
            self.note,
            self.add_button,
        ):
            widget.setEnabled(saved)
        self.saved_hint.setVisible(not saved)

    # -- what was done ---------------------------------------------------------------------------------
    def _done(self) -> QGroupBox:
        group = QGroupBox(self.tr("Referrals and help given"))
        box = QVBoxLayout(group)
        box.setContentsMargins(14, 18, 14, 14)
        self.model = RowsModel(
            [
                self.tr("Date"),
                self.tr("Partner"),
                self.tr("Service"),
                self.tr("Status"),
                self.tr("Minutes"),
                self.tr("Note"),
            ],
            self,
        )
        self.table = list_view(self.model, self.tr("Referrals and help given"))
        self.table.setMinimumHeight(150)
        update = QHBoxLayout()
        label = QLabel(self.tr("For the selected row: s&tatus"))
        self.update_status = QComboBox()
        for member, text in choices(InterventionStatus):
            self.update_status.addItem(self.tr(text), member.value)
        label.setBuddy(self.update_status)
        self.update_status.setAccessibleName(self.tr("New status for the selected row"))
        self.update_minutes = QSpinBox()
        self.update_minutes.setRange(0, 1440)
        self.update_minutes.setSingleStep(5)
        self.update_minutes.setSuffix(self.tr(" minutes"))
        self.update_minutes.setAccessibleName(self.tr("Minutes for the selected row"))
        self.update_button = QPushButton(self.tr("&Update"))
        self.update_button.setEnabled(False)
        self.update_button.clicked.connect(self._update)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        for widget in (label, self.update_status, self.update_minutes, self.update_button):
            update.addWidget(widget)
        update.addStretch(1)
        box.addWidget(self.table)
        box.addLayout(update)
        return group

    def show_interventions(self, items: list[Intervention]) -> None:
        self._items = {str(i.id): i for i in items}
        ordered = sorted(items, key=lambda i: (i.date, i.created_at))
        self.model.set_rows(
            [
                (
                    day(i.date),
                    partner_name(i.partner) if i.partner else self.tr("None"),
                    self.tr(SERVICES.get(i.service, i.service)),
                    self.tr(InterventionStatus(i.status).label),
                    str(i.minutes),
                    i.note or "",
                )
                for i in ordered
            ],
            [str(i.id) for i in ordered],
        )
        self.update_button.setEnabled(False)

    def _selected(self, *_args: Any) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.update_button.setEnabled(False)
            return
        item = self._items.get(self.model.keys[rows[0].row()])
        if item is not None:
            self.update_status.setCurrentIndex(self.update_status.findData(item.status))
            self.update_minutes.setValue(item.minutes)
        self.update_button.setEnabled(item is not None)

    def _update(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.status_change_requested.emit(
                self.model.keys[rows[0].row()], self.update_status.currentData(), self.update_minutes.value()
            )
