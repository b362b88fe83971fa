"""The event view's client table over ``store.client_queries.rows_for_event``: the model sorts and
filters its own rows.

Rows arrive as light tuples holding each client's JSON, already in name order; a row is decoded
only when it is first shown, sorted or filtered, and rows are handed to the view in batches
(``fetchMore``). Sorting and filtering are plain Python over the whole event (a key per row, then
one ``list.sort``), not a ``QSortFilterProxyModel``, whose comparisons call back into Python
hundreds of thousands of times for 5,000 rows: opening a 5,000-client event in the default order
costs no sorting at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from pace_desktop.records.enums import BAND_LABELS, EmploymentStatus
from pace_desktop.store.clients import compact, fold, name_order
from pace_desktop.ui.i18n import core_tr

ID_ROLE = Qt.ItemDataRole.UserRole + 1
BATCH = 500
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_BAND_ORDER = {"high": 0, "medium": 1, "low": 2, None: 3}
_BAND_BRUSH = {
    "high": QBrush(QColor("#f6d7d2")),
    "medium": QBrush(QColor("#fff7bf")),
    "low": QBrush(QColor("#cce2d8")),
}
_REVIEW_BRUSH = QBrush(QColor("#fff4d6"))
# The roles a cell answers; the delegate asks each cell for eight or so, and the rest are None.
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
_ROLES = frozenset((*_TEXT_ROLES, ID_ROLE, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole))
COLUMNS = (
    QT_TRANSLATE_NOOP("ClientsModel", "Name"),
    QT_TRANSLATE_NOOP("ClientsModel", "PACE ID"),
    QT_TRANSLATE_NOOP("ClientsModel", "Postcode"),
    QT_TRANSLATE_NOOP("ClientsModel", "NI number"),
    QT_TRANSLATE_NOOP("ClientsModel", "Employment"),
    QT_TRANSLATE_NOOP("ClientsModel", "Risk"),
    QT_TRANSLATE_NOOP("ClientsModel", "Review"),
    QT_TRANSLATE_NOOP("ClientsModel", "Exported"),
)


def widest_texts(column: int) -> tuple[str, ...]:
    """Every text ``column`` can show at its widest, for sizing the column without reading rows.

    Codes come as their longest shape (``W`` stands for the widest letter or digit, ``0`` for the
    widest digit, in the view's font: the caller substitutes them); the labelled columns list each
    label, translated as shown.
    """
    match column:
        case 1:
            return ("PACE-WWWW-WWWW",)
        case 2:
            return ("WW00 0WW",)
        case 3:
            return ("WW 00 00 00 W", "WW000000W")
        case 4:
            return tuple(core_tr(status.label) for status in EmploymentStatus)
        case 5:
            return (*(core_tr(label) for label in BAND_LABELS.values()), _t("Not scored"))
        case 6:
            return (_t("Needs review"),)
        case 7:
            return (_t("Yes"), _t("No"))
    return ()


def _t(text: str) -> str:
    return QCoreApplication.translate("ClientsModel", text)


def _dehyphen(text: str) -> str:
    return compact(text).replace("-", "")


def query_keys(query: str) -> tuple[str, str]:
    """The filter text as ``ClientRow.matches`` compares it: folded for names, compacted for codes."""
    return fold(query), _dehyphen(query)


@dataclass
class ClientRow:
    """One client as the table needs it, decoded from the stored JSON on first use."""

    id: str
    pace_id: str
    raw: str
    band: str | None
    needs_review: bool
    exported: bool
    _cells: dict[int, tuple[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def data(self) -> dict[str, Any]:
        return json.loads(self.raw)

    @cached_property
    def name(self) -> str:
        d = self.data
        shown = d.get("preferred_name") or d.get("first_name") or ""
        return f"{d.get('last_name', '')}, {shown}".strip(", ")

    @cached_property
    def keys(self) -> tuple[tuple[str, ...], str, str, str]:
        """Folded name words, and compact PACE ID, NI number and postcode, for the filter."""
        d = self.data
        names = " ".join(d.get(k) or "" for k in ("first_name", "preferred_name", "last_name"))
        words = tuple(fold(w) for w in names.replace("-", " ").split())
        full = fold(f"{d.get('first_name', '')} {d.get('last_name', '')}")
        return (
            (*words, full),
            _dehyphen(self.pace_id),
            compact(d.get("ni_number")),
            compact(d.get("postcode")),
        )

    def matches(self, name: str, key: str) -> bool:
        """Prefix match on any name (or the full name), NI number or postcode; PACE ID anywhere.

        ``name`` and ``key`` are the query folded and compacted (``query_keys``), once for all rows.
        """
        words, pace, ni, postcode = self.keys
        if name and any(w.startswith(name) for w in words):
            return True
        if not key:
            return False
        if pace.startswith(key) or pace.removeprefix("PACE").startswith(key):
            return True
        return ni.startswith(key) or postcode.startswith(key)

    def cell(self, column: int) -> tuple[str, Any]:
        """(text shown, value sorted by) for one column; made once, as the view asks on every paint."""
        found = self._cells.get(column)
        if found is None:
            found = self._cells[column] = self._make_cell(column)
        return found

    def _make_cell(self, column: int) -> tuple[str, Any]:
        d = self.data
        match column:
            case 0:  # the store's name order, so rows read in that order need no sorting
                return self.name, name_order(d.get("last_name"), d.get("first_name"), d.get("preferred_name"))
            case 1:
                return self.pace_id, self.pace_id
            case 2:
                return d.get("postcode") or "", compact(d.get("postcode"))
            case 3:
                return d.get("ni_number") or "", compact(d.get("ni_number"))
            case 4:
                status = d.get("employment_status")
                text = EmploymentStatus(status).label if status else ""
                return core_tr(text), text  # the core's labels, in the 'core' context
            case 5:
                band = BAND_LABELS.get(self.band or "")
                shown = core_tr(band) if band else QCoreApplication.translate("ClientsModel", "Not scored")
                return shown, _BAND_ORDER.get(self.band, 3)
            case 6:
                review = QCoreApplication.translate("ClientsModel", "Needs review")
                return (review if self.needs_review else ""), int(not self.needs_review)
        exported = (
            QCoreApplication.translate("ClientsModel", "Yes")
            if self.exported
            else QCoreApplication.translate("ClientsModel", "No")
        )
        return exported, int(self.exported)


class ClientsModel(QAbstractTableModel):
    """All of one event's clients, filtered and sorted; the view sees them ``BATCH`` rows at a
    time as it scrolls. ``set_rows`` expects rows in name order (``rows_for_event``).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._raw: list[tuple[Any, ...]] = []  # in name order, as read
        self._made: list[ClientRow | None] = []  # each raw row as a ClientRow, made on first use
        self._order: list[int] | None = None  # filtered and sorted, as indexes into _raw; None: all
        self._shown = 0
        self._query = ""
        self._sort = (0, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: list[tuple[Any, ...]]) -> None:
        # A row becomes a ClientRow only when shown, sorted or filtered: opening an event in name
        # order makes the few dozen on screen, not 5,000 (about 10 ms of an open).
        self.beginResetModel()
        self._raw = rows
        self._made = [None] * len(rows)
        self._arrange()
        self.endResetModel()

    def _row(self, k: int) -> ClientRow:
        row = self._made[k]
        if row is None:
            r = self._raw[k]
            row = self._made[k] = ClientRow(str(r[0]), r[1], r[2], r[3], bool(r[4]), bool(r[5]))
        return row

    def set_query(self, text: str) -> None:
        """Show only the rows matching ``text`` (every row of the event is looked at)."""
        query = text.strip()
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or (column, order) == self._sort:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._arrange(keep_shown=True)
        self.layoutChanged.emit()

    def _arrange(self, *, keep_shown: bool = False) -> None:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        keys: list[int] | None = None
        if column != 0:  # stable, so people with the same value stay in name order
            keys = sorted(
                range(len(self._raw)), key=lambda k: self._row(k).cell(column)[1], reverse=descending
            )
        elif descending:
            keys = list(range(len(self._raw) - 1, -1, -1))
        if self._query:
            name, key = query_keys(self._query)
            keys = [
                k
                for k in (range(len(self._raw)) if keys is None else keys)
                if self._row(k).matches(name, key)
            ]
        self._order = keys
        # A re-sort keeps the rows the view already has; new rows or a new filter start a batch.
        self._shown = min(max(self._shown, BATCH) if keep_shown else BATCH, self.matching)

    @property
    def total(self) -> int:
        """Clients at the event, whatever the filter."""
        return len(self._raw)

    @property
    def matching(self) -> int:
        """Clients the filter lets through (all of them when there is no filter)."""
        return len(self._raw) if self._order is None else len(self._order)

    def row_at(self, row: int) -> ClientRow:
        """The client shown in table row ``row``."""
        return self._row(row if self._order is None else self._order[row])

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and self._shown < self.matching

    def fetchMore(self, parent: _Index = _ROOT) -> None:  # noqa: N802 - Qt API
        if parent.isValid() or self._shown >= self.matching:
            return
        end = min(self._shown + BATCH, self.matching)
        self.beginInsertRows(QModelIndex(), self._shown, end - 1)
        self._shown = end
        self.endInsertRows()

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else self._shown

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

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # font, alignment, colour…: the view's own
            return None
        row = self.row_at(index.row())
        column = index.column()
        if role in _TEXT_ROLES:
            return row.cell(column)[0]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == 5:
                return _BAND_BRUSH.get(row.band or "")
            if column == 6 and row.needs_review:
                return _REVIEW_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and row.needs_review:
            return QCoreApplication.translate(
                "ClientsModel", "Registered at the kiosk: check the details with the person"
            )
        return None
