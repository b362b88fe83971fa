"""One event: its details and counts, the table of its clients with a filter box, and what to do
next.

From here the adviser registers a client, imports the employer's attendee list or starts the kiosk;
those windows belong to their own modules and are imported only when asked for (start-up time).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.errors import PaceError
from pace_desktop.records.models import Client, Event
from pace_desktop.reference import council_area_names
from pace_desktop.store.clients import EventCounts
from pace_desktop.ui import style
from pace_desktop.ui.models.clients import ClientsModel, widest_texts
from pace_desktop.ui.models.events import display_date, site_line
from pace_desktop.ui.screens.home import make_table
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner


class EventScreen(QWidget):
    """``back`` returns to the events list; ``edit_event`` asks the window to open the event dialog."""

    back = Signal()
    edit_event = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.shown_event: Event | None = None
        self._kiosk: Any = None
        self.back_button = QPushButton(style.icon("back"), self.tr("All &events"))
        self.back_button.setToolTip(self.tr("Back to all events (Alt+Left)"))
        self.back_button.clicked.connect(self.back)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("hint")
        self.details.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("sectionTitle")
        self.new_button = style.primary(QPushButton(style.icon("add-person"), self.tr("&New client")))
        self.new_button.clicked.connect(self.new_client)
        self.import_button = QPushButton(style.icon("import"), self.tr("&Import attendee list…"))
        self.import_button.clicked.connect(self.import_attendees)
        self.kiosk_button = QPushButton(style.icon("kiosk"), self.tr("Start &kiosk"))
        self.kiosk_button.clicked.connect(self.start_kiosk)
        self.edit_button = QPushButton(style.icon("edit"), self.tr("Edit e&vent…"))
        self.edit_button.clicked.connect(self._edit)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Name, PACE ID, NI number or postcode"))
        self.filter.setAccessibleName(self.tr("Filter clients"))
        self.filter.setClearButtonEnabled(True)
        self.filter.addAction(
            QAction(style.icon("search"), "", self.filter), QLineEdit.ActionPosition.LeadingPosition
        )
        self.filter.setMinimumWidth(380)
        self.filter.textChanged.connect(self._filter_changed)
        self.model = ClientsModel(self)
        self.table = make_table(self.model, self.tr("Clients at this event"))
        self.table.activated.connect(self._open_row)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # surname order, as on a paper list
        header = self.table.horizontalHeader()
        # Widths from what each column can hold (codes at their longest, every label), not from the
        # rows: sizing to contents asked the delegate about 100 rows of 7 columns, eight calls into
        # Python each, at every open (about a third of opening a 5,000-client event). A person may
        # still drag a column wider; the name column takes the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.banner = Banner("error")
        self._layout()
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_filter)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_client)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.back.emit)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.filter,
            activated=self.filter.clear,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.new_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.kiosk_button)
        actions.addStretch(1)
        actions.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.counts)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def _fit_columns(self) -> None:
        """Each column but the name as wide as the widest text it can show, or its heading."""
        metrics = self.table.fontMetrics()
        widest = max("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", key=metrics.horizontalAdvance)
        digit = max("0123456789", key=metrics.horizontalAdvance)
        # The delegate's margins around the text (the focus frame's, each side) and a little air.
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 12
        header = self.table.horizontalHeader()
        for column in range(1, self.model.columnCount()):
            texts = [
                t.replace("W", widest).replace("0", digit) if column < 4 else t for t in widest_texts(column)
            ]
            content = max((metrics.horizontalAdvance(t) for t in texts), default=0) + margin
            header.resizeSection(column, max(content, header.sectionSizeHint(column)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """A new language or text size: the widths again."""
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()
        super().changeEvent(event)

    # -- data --------------------------------------------------------------------------------------
    def show_event(self, event: Event) -> None:
        if self.shown_event is None or self.shown_event.id != event.id:
            self.filter.clear()
        self.shown_event = event
        self.title.setText(event.employer_name)
        area = council_area_names().get(event.council_area, event.council_area)
        parts = [display_date(event), self.tr(event.event_type.label), area, event.sector]
        site = site_line(event)
        if site:
            parts.append(site)
        if event.number_affected is not None:
            parts.append(self.tr("{0} people affected").format(event.number_affected))
        if event.hr1_reference:
            parts.append(self.tr("HR1 ref. {0}").format(event.hr1_reference))
        self.details.setText("  ·  ".join(parts))
        self.banner.clear_message()
        self.reload()

    def reload(self) -> None:
        if self.shown_event is None or not self.session.is_unlocked:
            return
        store, event_id = self.session.store, str(self.shown_event.id)

        def load(_progress: Any) -> tuple[list[tuple[Any, ...]], EventCounts | None]:
            rows = store.client_queries.rows_for_event(event_id)
            return rows, EventCounts.of_rows(rows)  # counted from the rows read, not read again

        self.session.worker.submit(load, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[list[tuple[Any, ...]], EventCounts | None]) -> None:
        if not self.session.is_unlocked:
            return  # read just before a lock: nothing is shown behind the lock screen
        rows, counts = result
        self.model.set_rows(rows)  # keeps the filter and the column sorted by
        c = counts or EventCounts(0, 0, 0, 0)
        self.counts.setText(
            self.tr("{0}  ·  {1} high risk  ·  {2} not exported  ·  {3}").format(
                self.tr("%n client(s)", "", c.clients),
                c.high_risk,
                c.not_exported,
                self.tr("%n needs review", "", c.needs_review),
            )
        )
        self._update_status()

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(
            str(exc)
            if isinstance(exc, PaceError)
            else self.tr("The clients could not be read: lock and unlock, then try again.")
        )

    def clear(self) -> None:
        """On lock: the table and the filter text (it may be a name) are dropped."""
        self.filter.clear()
        self.model.set_rows([])
        self.shown_event = None

    def _filter_changed(self, text: str) -> None:
        self.model.set_query(text)
        self._update_status()

    def _update_status(self) -> None:
        shown, total = self.model.matching, self.model.total
        if total == 0:
            text = self.tr("No clients yet. Register one with New client, or import the attendee list.")
        elif self.filter.text().strip():
            text = self.tr("Showing {0} of {1}").format(shown, self.tr("%n client(s)", "", total))
        else:
            text = self.tr("%n client(s)", "", total)
        self.status.setText(text)

    def _focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    # -- actions -----------------------------------------------------------------------------------
    def _edit(self) -> None:
        if self.shown_event is not None:
            self.edit_event.emit(self.shown_event)

    def _open_row(self, index: Any) -> None:
        """Read the chosen client on the worker, then open their record."""
        store, client_id = self.session.store, self.model.row_at(index.row()).id
        self.session.worker.submit(
            lambda _p: store.clients.get(client_id), on_done=self._open_stored, on_error=self._failed
        )

    def _open_stored(self, client: Client | None) -> None:
        if client is not None and self.session.is_unlocked:
            self.open_client(client)

    def open_client(self, client: Client | None) -> None:
        """Open the client record (or a blank one for a new client); the table refreshes after each
        save.
        """
        if self.shown_event is None:
            return
        from pace_desktop.ui.dialogs.client_record import ClientRecordDialog  # on first use

        dialog = ClientRecordDialog(self.session, self.shown_event, client, self)
        self.watch(dialog)
        dialog.open()

    def watch(self, dialog: Any) -> None:
        """Refresh the table whenever a client dialog saves or closes."""
        dialog.saved.connect(lambda _c: self.reload())
        dialog.finished.connect(lambda _r: self.reload())

    def new_client(self) -> None:
        self.open_client(None)

    def import_attendees(self) -> None:
        if self.shown_event is None:
            return
        from pace_desktop.ui.dialogs.attendee_import import AttendeeImportDialog  # openpyxl: on use

        dialog = AttendeeImportDialog(self.session, self.shown_event, self)
        dialog.imported.connect(lambda _n: self.reload())
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()

    def start_kiosk(self) -> None:
        if self.shown_event is None:
            return
        from pace_desktop.ui.kiosk.window import KioskWindow

        self._kiosk = KioskWindow(self.session, self.shown_event)
        self._kiosk.exited.connect(self._kiosk_exited)
        self._kiosk.start()

    def _kiosk_exited(self) -> None:
        self._kiosk = None
        self.reload()
        self.window().activateWindow()
