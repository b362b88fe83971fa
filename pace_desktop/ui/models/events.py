"""The home screen's events table: one row per event with its client counts, over the store's
events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from pace_desktop.records.models import Event
from pace_desktop.reference import council_area_names
from pace_desktop.store.clients import EventCounts
from pace_desktop.ui import i18n
from pace_desktop.ui.i18n import core_tr

SORT_ROLE = Qt.ItemDataRole.UserRole
_NO_COUNTS = EventCounts(0, 0, 0, 0)
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _t(text: str) -> str:
    return QCoreApplication.translate("EventsModel", text)


def site_line(event: Event) -> str:
    """The first line of the site address and the postcode: '1 Test Quay, G51 1AA'."""
    first = (event.site_address or "").splitlines()[:1]
    return ", ".join(p for p in (*first, event.site_postcode or "") if p)


def display_date(event: Event) -> str:
    return i18n.weekday(event.event_date)


@dataclass(frozen=True)
class EventRow:
    event: Event
    counts: EventCounts


COLUMNS = (
    QT_TRANSLATE_NOOP("EventsModel", "Date"),
    QT_TRANSLATE_NOOP("EventsModel", "Employer"),
    QT_TRANSLATE_NOOP("EventsModel", "Site"),
    QT_TRANSLATE_NOOP("EventsModel", "Council area"),
    QT_TRANSLATE_NOOP("EventsModel", "Type"),
    QT_TRANSLATE_NOOP("EventsModel", "Clients"),
    QT_TRANSLATE_NOOP("EventsModel", "High risk"),
    QT_TRANSLATE_NOOP("EventsModel", "Not exported"),
    QT_TRANSLATE_NOOP("EventsModel", "Needs review"),
)
_NUMERIC = {5, 6, 7, 8}


class EventsModel(QAbstractTableModel):
    """Read-only rows; the screen reloads it after any change (events are few, dozens at most)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EventRow] = []

    def set_rows(self, events: list[Event], counts: dict[str, EventCounts]) -> None:
        self.beginResetModel()
        self._rows = [EventRow(e, counts.get(str(e.id), _NO_COUNTS)) for e in events]
        self.endResetModel()

    def event_at(self, row: int) -> Event:
        return self._rows[row].event

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _t(COLUMNS[section])
        return None

    def _value(self, row: EventRow, column: int) -> tuple[str, Any]:
        e, c = row.event, row.counts
        match column:
            case 0:
                return display_date(e), e.event_date.isoformat()
            case 1:
                return e.employer_name, e.employer_name.casefold()
            case 2:
                site = site_line(e)
                return site, site.casefold()
            case 3:
                name = council_area_names().get(e.council_area, e.council_area)
                return name, name
            case 4:
                label = core_tr(e.event_type.label)  # the core's wording of the event type
                return label, label
        number = (c.clients, c.high_risk, c.not_exported, c.needs_review)[column - 5]
        return i18n.number(number), number

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._value(row, column)[0]
        if role == SORT_ROLE:
            return self._value(row, column)[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and row.counts.high_risk:
            return QCoreApplication.translate("EventsModel", "Clients whose risk band is High")
        return None
