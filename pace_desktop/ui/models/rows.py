"""The one small table model: rows of display text, a sort key per cell, a tone per row.

Every short table in the app — the office's (import results, history, devices, duplicates, partners)
and the client record's lists (referrals, outcomes, feedback, history) — holds a few hundred rows at
most, so one plain model serves them all. The event's client table is the one that needs lazy decoding
(``ui/models/clients.py``). The tone colours one column (accepted green, refused red) and always comes
with words, so colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

SORT_ROLE = Qt.ItemDataRole.UserRole
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# The stylesheet's colours for success and error text (GOV.UK green and red, readable on white).
TONES = {"good": QColor("#005a30"), "bad": QColor("#b10e1e"), "plain": None}


class RowsModel(QAbstractTableModel):
    """Rows under translated headings: ``set_rows(rows, keys, sort_keys=, tones=)``.

    ``keys`` carries each row's record id; ``tone_column`` is drawn bold in its row's tone;
    ``numeric`` columns are right-aligned.
    """

    def __init__(
        self,
        headings: Sequence[str],
        parent: Any = None,
        *,
        tone_column: int | None = None,
        numeric: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self.headings = list(headings)
        self.tone_column = tone_column
        self.numeric = set(numeric)
        self.rows: list[tuple[str, ...]] = []
        self.keys: list[Any] = []
        self.sort_keys: list[tuple[Any, ...]] = []
        self.tones: list[str] = []

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        keys: Sequence[Any] | None = None,
        *,
        sort_keys: Sequence[Sequence[Any]] | None = None,
        tones: Sequence[str] | None = None,
    ) -> None:
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        self.keys = list(keys) if keys is not None else [None] * len(self.rows)
        self.sort_keys = [tuple(k) for k in sort_keys] if sort_keys is not None else list(self.rows)
        self.tones = list(tones) if tones is not None else ["plain"] * len(self.rows)
        self.endResetModel()

    def column_texts(self, column: int) -> list[str]:
        return [row[column] for row in self.rows]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.headings)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.rows[row][column]
        if role == SORT_ROLE:
            return self.sort_keys[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == self.tone_column:
            colour = TONES.get(self.tones[row])
            if role == Qt.ItemDataRole.ForegroundRole and colour is not None:
                return QBrush(colour)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headings[section]
        return None
