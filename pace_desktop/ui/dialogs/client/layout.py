"""Layout helpers shared by the client record's tabs (and the staff-list preview): scrolling bodies,
button rows, the first input, and the view for a short list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from pace_desktop.ui.models.rows import RowsModel
from pace_desktop.ui.widgets.fit import make_scrollable  # noqa: F401 - where the tabs look for it


def left(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons at their own width, on the left under the inputs they act on."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def first_input(page: QWidget) -> QWidget | None:
    """The first widget inside ``page`` that Tab would stop at."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (
            page.isAncestorOf(widget)
            and widget.isVisibleTo(page)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


def list_view(model: RowsModel, accessible_name: str, parent: Any = None) -> QTableView:
    """A read-only, row-selecting table view for ``model`` that fills its width."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else in the form
    return view
