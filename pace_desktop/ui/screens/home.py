"""Home: the adviser's events, upcoming and past, with client, high-risk, not-exported and review
counts."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.errors import PaceError
from pace_desktop.records.models import Event
from pace_desktop.ui import style
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.models.events import SORT_ROLE, EventsModel
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.draft_offer import DraftOffer


def make_table(model: Any, name: str) -> QTableView:
    """A keyboard-friendly, sortable, row-selecting table (Tab leaves it; Enter opens the row)."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setHighlightSections(False)
    return view


class EventTable(QWidget):
    """A titled table of events with its own empty-state line."""

    def __init__(self, title: str, empty: str, descending: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EventsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = make_table(self.proxy, title)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.view.sortByColumn(0, order)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # employer
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # site
        self.heading = QLabel(title)
        self.heading.setObjectName("sectionTitle")
        self.empty = QLabel(empty)
        self.empty.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)

    def set_events(self, events: list[Event], counts: dict[str, Any]) -> None:
        self.model.set_rows(events, counts)
        self.empty.setVisible(not events)
        self.view.setVisible(bool(events))
        if events and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def current_event(self) -> Event | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.event_at(self.proxy.mapToSource(index).row())


class HomeScreen(QWidget):
    """``open_event`` asks the window to show one event; ``edit_event`` and ``new_event`` open the
    dialog.
    """

    open_event = Signal(object)
    new_event = Signal()
    edit_event = Signal(object)
    export = Signal()
    apply_office_file = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("Events"))
        title.setObjectName("pageTitle")
        self.new_button = style.primary(QPushButton(style.icon("add"), self.tr("&New event")))
        self.new_button.setDefault(False)
        self.new_button.clicked.connect(self.new_event)
        self.open_button = QPushButton(style.icon("open"), self.tr("&Open event"))
        self.open_button.clicked.connect(self._open_current)
        self.edit_button = QPushButton(style.icon("edit"), self.tr("&Edit event"))
        self.edit_button.clicked.connect(self._edit_current)
        self.export_button = QPushButton(style.icon("export"), self.tr("E&xport for the office…"))
        self.export_button.setToolTip(self.tr("Write one encrypted bundle of new and changed records"))
        self.export_button.clicked.connect(self.export)
        self.receipt_button = QPushButton(style.icon("import"), self.tr("&Apply office file…"))
        self.receipt_button.setToolTip(self.tr("Apply a receipt or notice from the office"))
        self.receipt_button.clicked.connect(self.apply_office_file)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.export_button)
        top.addWidget(self.receipt_button)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.new_button)
        self.drafts = DraftOffer()
        self.banner = Banner("error")
        self.upcoming = EventTable(
            self.tr("Upcoming"), self.tr("No upcoming events. Create one with New event."), descending=False
        )
        self.past = EventTable(self.tr("Past"), self.tr("No past events."), descending=True)
        for table in (self.upcoming, self.past):
            table.view.activated.connect(lambda _i, t=table: self._open(t.current_event()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.drafts)
        layout.addWidget(self.banner)
        layout.addWidget(self.upcoming, 2)
        layout.addWidget(self.past, 3)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_event.emit)
        self._last_table: EventTable = self.upcoming
        for table in (self.upcoming, self.past):
            table.view.installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt API
        # Open and Edit act on the table the adviser was last in.
        if event.type() == event.Type.FocusIn:
            self._last_table = self.upcoming if watched is self.upcoming.view else self.past
        return False

    # -- data --------------------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.session.is_unlocked:
            return
        store = self.session.store

        def load(_progress: Any) -> tuple[list[Event], dict[str, Any]]:
            return list(store.events.all()), store.client_queries.event_counts()

        self.session.worker.submit(load, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[list[Event], dict[str, Any]]) -> None:
        if not self.session.is_unlocked:
            return  # read just before a lock: nothing is shown behind the lock screen
        events, counts = result
        today = date.today()
        self.upcoming.set_events([e for e in events if e.event_date >= today], counts)
        self.past.set_events([e for e in events if e.event_date < today], counts)
        self.banner.clear_message()
        has_any = bool(events)
        self.open_button.setEnabled(has_any)
        self.edit_button.setEnabled(has_any)

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(
            core_tr(str(exc))
            if isinstance(exc, PaceError)
            else self.tr("The events could not be read: lock and unlock, then try again.")
        )

    def clear(self) -> None:
        """On lock: nothing from the store stays on screen or in memory."""
        self.upcoming.set_events([], {})
        self.past.set_events([], {})
        self.drafts.offer(0)

    # -- actions -----------------------------------------------------------------------------------
    def _selected(self) -> Event | None:
        event = self._last_table.current_event()
        if event is None:
            other = self.past if self._last_table is self.upcoming else self.upcoming
            event = other.current_event()
        return event

    def _open(self, event: Event | None) -> None:
        if event is not None:
            self.open_event.emit(event)

    def _open_current(self) -> None:
        self._open(self._selected())

    def _edit_current(self) -> None:
        event = self._selected()
        if event is not None:
            self.edit_event.emit(event)
