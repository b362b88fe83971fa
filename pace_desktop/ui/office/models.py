"""The office's tables: a read-only, keyboard-friendly view, a sorting proxy, the selected row's key.

The model under them is the app's one ``RowsModel`` (``ui/models/rows.py``), re-exported here for the
office pages.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from pace_desktop.ui.models.rows import SORT_ROLE, TONES, RowsModel

__all__ = ["SORT_ROLE", "TONES", "RowsModel", "selected_key", "sortable", "table"]


def table(model: Any, name: str, *, stretch: int | None = None, wrap: bool = True) -> QTableView:
    """A read-only, row-selecting, keyboard-friendly table; column ``stretch`` takes spare width.

    With ``wrap`` off, long text is elided (full in the tooltip) and every row is one line high.
    """
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
    view.setAlternatingRowColors(True)
    view.setWordWrap(wrap)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setHighlightSections(False)
    view.setStyleSheet("QTableView::item { padding: 4px 6px; }")  # text off the grid lines
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view


def sortable(
    view: QTableView, model: RowsModel, column: int = 0, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
) -> Any:
    """Put a sorting proxy between ``view`` and ``model``; returns the proxy."""
    from PySide6.QtCore import QSortFilterProxyModel

    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(column, order)
    return proxy


def selected_key(view: QTableView, model: RowsModel) -> Any:
    """The key of the row selected in ``view`` (through any proxy), or None."""
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isRowSelected(index.row(), index.parent()):
        return None
    shown = view.model()
    if shown is not model:
        index = shown.mapToSource(index)  # type: ignore[attr-defined]
    return model.keys[index.row()] if 0 <= index.row() < len(model.keys) else None
