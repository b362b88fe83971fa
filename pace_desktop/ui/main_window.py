"""The adviser's window: a header (who is signed in, Settings, Lock) over one screen at a time.

Screens: first run (no store yet), unlock, home (events) and one event. Everything behind the lock
is built only after the first unlock, so the unlock screen appears quickly; on lock, open forms keep
drafts, every dialog closes and the screens drop what they showed.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.ui import style
from pace_desktop.ui.auto_sync import AutoSync
from pace_desktop.ui.screens.unlock import UnlockScreen
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner, audit_banner
from pace_desktop.ui.widgets.header import app_header


class MainWindow(QMainWindow):
    """``demo_passphrase`` (demo mode only) is shown in the demo banner so a locked demo can be
    reopened.
    """

    def __init__(
        self, session: Session, *, demo_passphrase: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("PACE Intake"))
        self.setMinimumSize(960, 600)
        self.header = self._build_header()
        self.demo_banner = Banner("notice")
        if demo_passphrase:
            self.demo_banner.show_message(
                self.tr(
                    "Demo: every person here is fictional, and this store is deleted when you close "
                    "the app. If it locks, the passphrase is {0}"
                ).format(demo_passphrase)
            )
        self.stack = QStackedWidget()
        self.unlock = UnlockScreen(session)
        self.stack.addWidget(self.unlock)
        self.first_run: Any = None
        self.home: Any = None
        self.event_screen: Any = None
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.audit_banner = audit_banner(session)
        layout.addWidget(self.header)
        layout.addWidget(self.audit_banner)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        session.unlocked.connect(self._on_unlocked)
        session.locked.connect(self._on_locked)
        self.auto_sync = AutoSync(session, self)  # connected after the window's own unlock handling
        self.auto_sync.message.connect(self._show_sync_status)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        QShortcut(QKeySequence("Ctrl+,"), self, activated=self.open_settings)
        self._pending_drafts: list[str] = []
        style.guard_wheel_after_first_paint(self)
        if session.is_unlocked:
            self._on_unlocked()
        elif session.exists() or demo_passphrase:
            self.show_unlock()  # a demo store is being made: it arrives through session.adopt
        else:
            self.show_first_run()

    def _build_header(self) -> QWidget:
        self.who = QLabel()
        self.who.setObjectName("headerStatus")
        self.settings_button = QPushButton(self.tr("&Settings"))  # icons set on first unlock
        self.settings_button.setToolTip(self.tr("Advisers, office key and time limits (Ctrl+,)"))
        self.settings_button.clicked.connect(self.open_settings)
        self.followup_button = QPushButton(self.tr("&Follow-up"))
        self.followup_button.setToolTip(self.tr("People due a follow-up contact, and their outcomes"))
        self.followup_button.clicked.connect(
            lambda: self.open_part("pace_desktop.ui.followup_dialog", "FollowupDialog")
        )
        self.sync_status = QLabel()  # the automatic sync's one line; empty and hidden otherwise
        self.sync_status.setObjectName("headerStatus")
        self.sync_status.setVisible(False)
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock)
        return app_header(
            [self.sync_status], [self.who, self.followup_button, self.settings_button, self.lock_button]
        )

    def _show_sync_status(self, text: str) -> None:
        self.sync_status.setText(text)
        self.sync_status.setVisible(bool(text) and self.session.is_unlocked)

    def _set_header_unlocked(self, unlocked: bool) -> None:
        if not unlocked:
            self._show_sync_status("")
        self.settings_button.setVisible(unlocked)
        self.followup_button.setVisible(unlocked)
        self.lock_button.setVisible(unlocked)
        self.who.setVisible(unlocked)
        if unlocked:
            if self.lock_button.icon().isNull():  # loading SVG icons is not worth it before unlock
                self.settings_button.setIcon(style.icon("settings"))
                self.lock_button.setIcon(style.icon("lock"))
            store = self.session.store
            self.who.setText(self.tr("{0}  ·  {1}").format(store.adviser, store.device_name))

    # -- screens -----------------------------------------------------------------------------------
    def show_first_run(self) -> None:
        from pace_desktop.ui.screens.first_run import FirstRunScreen

        if self.first_run is None:
            self.first_run = FirstRunScreen(self.session)
            self.first_run.created.connect(self.session.adopt)
            self.stack.addWidget(self.first_run)
        self._set_header_unlocked(False)
        self.stack.setCurrentWidget(self.first_run)

    def show_unlock(self, notice: str | None = None) -> None:
        self._set_header_unlocked(False)
        self.stack.setCurrentWidget(self.unlock)
        self.unlock.refresh(notice)

    def _ensure_screens(self) -> None:
        if self.home is not None:
            return
        from pace_desktop.ui.screens.event import EventScreen
        from pace_desktop.ui.screens.home import HomeScreen

        self.home = HomeScreen(self.session)
        self.home.open_event.connect(self.show_event)
        self.home.new_event.connect(lambda: self.edit_event(None))
        self.home.edit_event.connect(self.edit_event)
        self.home.export.connect(
            lambda: self.open_part("pace_desktop.ui.dialogs.export_dialog", "ExportDialog")
        )
        self.home.apply_office_file.connect(
            lambda: self.open_part("pace_desktop.ui.dialogs.receipt_dialog", "ReceiptDialog")
        )
        self.home.drafts.reopen.connect(self.reopen_drafts)
        self.home.drafts.discard.connect(self.discard_drafts)
        self.event_screen = EventScreen(self.session)
        self.event_screen.back.connect(self.show_home)
        self.event_screen.edit_event.connect(self.edit_event)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.event_screen)

    def show_home(self) -> None:
        self._ensure_screens()
        self.stack.setCurrentWidget(self.home)
        self.home.reload()
        self.home.upcoming.view.setFocus()

    def show_event(self, event: Any) -> None:
        self._ensure_screens()
        self.event_screen.show_event(event)
        self.stack.setCurrentWidget(self.event_screen)
        self.event_screen.table.setFocus()

    # -- lock and unlock ---------------------------------------------------------------------------
    def _on_unlocked(self) -> None:
        if self.first_run is not None:
            self.stack.removeWidget(self.first_run)
            self.first_run.deleteLater()
            self.first_run = None
        self._set_header_unlocked(True)
        self.show_home()
        self.home.drafts.offer(len(self.session.store.draft_keys()))

    def _on_locked(self) -> None:
        from PySide6.QtWidgets import QDialog  # not before the first screen: its enums cost start-up

        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
        if self.home is not None:
            self.home.clear()
            self.event_screen.clear()
        self._pending_drafts = []
        if self.session.lock_reason == "idle":
            minutes = max(1, round(self.session.autolock_seconds / 60))
            notice = self.tr(
                "Locked after {0} minutes without use. Anything you were typing was "
                "kept and will be offered when you unlock."
            ).format(minutes)
        else:
            notice = None
        self.show_unlock(notice)

    def lock(self) -> None:
        self.session.lock()

    # -- dialogs -----------------------------------------------------------------------------------
    def edit_event(self, event: Any) -> Any:
        from pace_desktop.ui.dialogs.event_dialog import EventDialog

        if not self.session.is_unlocked:
            return None
        dialog = EventDialog(self.session, event, self)
        self._watch_event_dialog(dialog)
        dialog.open()
        return dialog

    def _watch_event_dialog(self, dialog: Any) -> None:
        def saved(event: Any) -> None:
            self.home.reload()
            shown = self.event_screen.shown_event
            if self.stack.currentWidget() is self.event_screen and shown is not None and shown.id == event.id:
                self.event_screen.show_event(event)

        dialog.saved.connect(saved)

    def open_part(self, module: str, name: str) -> Any:
        """Open a dialog built in its own module (export, office files); home refreshes after."""
        if not self.session.is_unlocked:
            return None
        dialog = getattr(importlib.import_module(module), name)(self.session, self)
        dialog.finished.connect(lambda _r: self.home.reload())
        dialog.open()
        return dialog

    def open_settings(self) -> Any:
        from pace_desktop.ui.dialogs.settings_dialog import SettingsDialog

        if not self.session.is_unlocked:
            return None
        dialog = SettingsDialog(self.session, self)
        dialog.finished.connect(lambda _r: self._set_header_unlocked(self.session.is_unlocked))
        dialog.open()
        return dialog

    # -- drafts kept at auto-lock ------------------------------------------------------------------
    def reopen_drafts(self) -> None:
        self.home.drafts.offer(0)
        self._pending_drafts = list(self.session.store.draft_keys())
        self._reopen_next()

    def _reopen_next(self) -> None:
        from pace_desktop.ui.dialogs.client_record import ClientRecordDialog
        from pace_desktop.ui.dialogs.event_dialog import DRAFT_PREFIX, EventDialog

        while self._pending_drafts and self.session.is_unlocked:
            key = self._pending_drafts.pop(0)
            dialog: Any = None
            if key.startswith(DRAFT_PREFIX):
                dialog = EventDialog.restore_draft(self.session, key, self)
                if dialog is not None:
                    self._watch_event_dialog(dialog)
            elif key.startswith("client:"):
                dialog = ClientRecordDialog.restore_draft(self.session, key, self)
                if dialog is not None:
                    self.event_screen.watch(dialog)
                    dialog.finished.connect(lambda _r: self.home.reload())
            if dialog is not None:
                dialog.finished.connect(lambda _r: self._reopen_next())
                dialog.open()
                return

    def discard_drafts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Discard kept forms?"),
            self.tr("What was typed in the kept forms will be lost. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return
        store = self.session.store
        self.home.drafts.offer(0)
        self.session.worker.submit(lambda _p: [store.take_draft(k) for k in store.draft_keys()])

    # -- closing -----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # Closing the window locks: drafts are kept, the audit log records it, the key is dropped.
        self.session.lock()
        event.accept()
