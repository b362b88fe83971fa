"""The office's window (``pace-desktop --office``): set-up or unlock, then one tab per office task.

Tabs: Import, Import history, Devices, Duplicates, Reports, Office key and staff, Partners, Reference
data (the partner table and area figures sent to every laptop), People's rights and Follow-up. It
locks like the adviser's window: after the idle time, with Ctrl+L, or on close; on lock every page
forgets what it showed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop import paths
from pace_desktop.ui import style
from pace_desktop.ui.office.session import CentralSession
from pace_desktop.ui.screens.unlock import UnlockScreen
from pace_desktop.ui.widgets.banner import Banner, audit_banner
from pace_desktop.ui.widgets.fit import PageScroll, fit_to_screen, make_scrollable
from pace_desktop.ui.widgets.header import app_header


class OfficeUnlockScreen(UnlockScreen):
    """The laptop's lock screen, saying which store it opens."""

    def refresh(self, notice: str | None = None) -> None:
        super().refresh(notice)
        database = getattr(self.session, "database", None)
        if database:
            from pace_desktop.store.pg.connect import where

            self.where.setText(
                self.tr(
                    "Type your office passphrase to open the central database {0}, with the office's "
                    "keys from:\n{1}"
                ).format(where(database), self.session.path)
            )
            return
        self.where.setText(
            self.tr("Type your office passphrase to open the central store:\n{0}").format(self.session.path)
        )


class PageTabs(QTabWidget):
    """Tabs whose pages may sit in a scroll area: a page is still chosen by the page itself."""

    def page(self, index: int) -> QWidget | None:
        """The page at ``index``, out of its scroll area."""
        shown = self.widget(index)
        return shown.widget() if isinstance(shown, QScrollArea) else shown

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 - Qt API
        for index in range(self.count()):
            if self.widget(index) is widget or self.page(index) is widget:
                return index
        return -1

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt API
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)


class OfficeHome(QWidget):
    """The tabs, and a notice line above them (after set-up: what to do next)."""

    def __init__(self, session: CentralSession, parent: QWidget | None = None) -> None:
        from pace_desktop.ui.office.devices_page import DevicesPage
        from pace_desktop.ui.office.duplicates_page import DuplicatesPage
        from pace_desktop.ui.office.history_page import HistoryPage
        from pace_desktop.ui.office.import_page import ImportPage
        from pace_desktop.ui.office.key_page import KeyPage
        from pace_desktop.ui.office.partners_page import PartnersPage
        from pace_desktop.ui.office.privacy_page import PrivacyPage
        from pace_desktop.ui.office.reference_page import ReferencePage
        from pace_desktop.ui.office.reports_page import ReportsPage

        super().__init__(parent)
        self.session = session
        self.notice = Banner("notice")
        self.tabs = PageTabs()
        self.tabs.setDocumentMode(False)
        self.import_page = ImportPage(session)
        self.history = HistoryPage(session)
        self.devices = DevicesPage(session)
        self.duplicates = DuplicatesPage(session)
        self.reports = ReportsPage(session)
        self.key = KeyPage(session)
        self.reference = ReferencePage(session)
        from pace_desktop.ui.followup_dialog import FollowupPanel

        self.followup = FollowupPanel(session)
        self.pages: list[Any] = [
            self.import_page,
            self.history,
            self.devices,
            self.duplicates,
            self.reports,
            self.key,
            PartnersPage(session),
            self.reference,
            PrivacyPage(session),
            self.followup,
        ]
        labels = [
            self.tr("&Import"),
            self.tr("Import &history"),
            self.tr("&Devices"),
            self.tr("D&uplicates"),
            self.tr("&Reports"),
            self.tr("Office &key"),
            self.tr("Partners"),
            self.tr("R&eference data"),
            self.tr("People's rights"),
            self.tr("&Follow-up"),
        ]
        for page, label in zip(self.pages, labels, strict=True):
            # Every page scrolls rather than squeezing its boxes, tables and wrapped text over each
            # other when the window is short (1280x720; 1366x768 at 125% leaves 1093x614).
            if page is self.import_page:
                # Its results grow under the controls: at its preferred height, so that ticking
                # "Trust new laptops" moves nothing under the pointer.
                shown: QScrollArea = QScrollArea()
                make_scrollable(shown, page)
            else:
                shown = PageScroll(page)
            self.tabs.addTab(shown, label)
        self.duplicates.count_changed.connect(self._duplicates_counted)
        self.import_page.imported.connect(self._after_import)
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

    def reload(self) -> None:
        for page in self.pages:
            if hasattr(page, "reload"):
                page.reload()

    def clear(self) -> None:
        for page in self.pages:
            if hasattr(page, "clear"):
                page.clear()
        self.notice.clear_message()

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.page(index)
        if self.session.is_unlocked and hasattr(page, "reload") and page is not self.import_page:
            page.reload()

    def _after_import(self) -> None:
        for page in (self.history, self.devices, self.duplicates):
            page.reload()

    def _duplicates_counted(self, count: int) -> None:
        index = self.tabs.indexOf(self.duplicates)
        self.tabs.setTabText(
            index, self.tr("D&uplicates ({0})").format(count) if count else self.tr("D&uplicates")
        )


class OfficeWindow(QMainWindow):
    """``OfficeWindow(central)``: ``central`` is the central store's path (None: the default one);
    with ``database`` (``postgresql://…``) the office's central database, ``central`` being then the
    file kept as its keyring.

    A session may be passed in (tests, screenshots); otherwise the window makes its own.
    """

    def __init__(
        self,
        central: Path | str | None = None,
        *,
        database: str | None = None,
        session: CentralSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if session is None:
            path = Path(central) if central is not None else paths.default_central_path()
            session = CentralSession(path, database=database, parent=self)
        self.session = session
        self.setWindowTitle(self.tr("PACE Intake — Office"))
        self.setMinimumSize(1024, 640)
        fit_to_screen(self, 1280, 800)
        self.header = self._build_header()
        self.stack = QStackedWidget()
        self.unlock = OfficeUnlockScreen(self.session)
        self.stack.addWidget(self.unlock)
        self.setup: Any = None
        self.home: OfficeHome | None = None
        central_widget = QWidget()
        layout = QVBoxLayout(central_widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.audit_banner = audit_banner(self.session)
        layout.addWidget(self.header)
        layout.addWidget(self.audit_banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central_widget)
        self.session.unlocked.connect(self._on_unlocked)
        self.session.locked.connect(self._on_locked)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        style.guard_wheel_after_first_paint(self)
        if self.session.is_unlocked:
            self._on_unlocked()
        elif self.session.exists() or self.session.database:
            # On a central database the keyring file must already exist (office migrate left it):
            # a missing one is said at unlock, never set up as a new office.
            self.show_unlock()
        else:
            self.show_setup()

    def _build_header(self) -> QWidget:
        mode = QLabel(self.tr("Office"))
        mode.setObjectName("headerStatus")
        mode.setStyleSheet("border: 1px solid #dfe4ee; border-radius: 4px; padding: 1px 8px;")
        self.who = QLabel()
        self.who.setObjectName("headerStatus")
        self.lock_button = QPushButton(style.icon("lock"), self.tr("&Lock"))
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock)
        return app_header([mode], [self.who, self.lock_button])

    def _set_header_unlocked(self, unlocked: bool) -> None:
        self.lock_button.setVisible(unlocked)
        self.who.setVisible(unlocked)
        if unlocked:
            store = self.session.store
            who = (
                self.tr("{0}  ·  office {1}  ·  central database")
                if self.session.database
                else self.tr("{0}  ·  office {1}")
            )
            self.who.setText(who.format(store.adviser, store.device_id))

    # -- screens -----------------------------------------------------------------------------------
    def show_setup(self) -> None:
        from pace_desktop.ui.office.setup import OfficeSetupScreen

        if self.setup is None:
            self.setup = OfficeSetupScreen(self.session)
            self.setup.created.connect(self._created)
            self.stack.addWidget(self.setup)
        self._set_header_unlocked(False)
        self.stack.setCurrentWidget(self.setup)

    def show_unlock(self, notice: str | None = None) -> None:
        self._set_header_unlocked(False)
        self.stack.setCurrentWidget(self.unlock)
        self.unlock.refresh(notice)

    def show_home(self) -> OfficeHome:
        if self.home is None:
            self.home = OfficeHome(self.session)
            self.stack.addWidget(self.home)
        self.stack.setCurrentWidget(self.home)
        return self.home

    def _created(self, made: Any) -> None:
        home = self.show_home()
        home.notice.show_message(
            self.tr(
                "The central store was created and office.pub was written to {0}. Give office.pub to "
                "every laptop, enrol each laptop on the Devices tab, and back up the office identity "
                "(Office key tab) to keep offline."
            ).format(made.office_pub)
        )

    # -- lock and unlock ---------------------------------------------------------------------------
    def _on_unlocked(self) -> None:
        if self.setup is not None:
            self.stack.removeWidget(self.setup)
            self.setup.deleteLater()
            self.setup = None
        self._set_header_unlocked(True)
        home = self.show_home()
        home.reload()

    def _on_locked(self) -> None:
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
        if self.home is not None:
            self.home.clear()
        notice = None
        if self.session.lock_reason == "idle":
            minutes = max(1, round(self.session.autolock_seconds / 60))
            notice = self.tr("Locked after {0} minutes without use.").format(minutes)
        self.show_unlock(notice)

    def lock(self) -> None:
        self.session.lock()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # Closing locks: the audit log records it and the key is dropped.
        self.session.lock()
        self.session.worker.wait()
        event.accept()
