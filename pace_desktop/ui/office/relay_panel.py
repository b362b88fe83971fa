"""Fetch from the office relay: import every bundle laptops sent over the network, post receipts back.

The relay's address and pin are the office's (``office relay-init`` printed them); the access token
is this member of staff's own (``office relay-staff``) and is kept in the central store under their
name. The work is ``sync.office.office_sync`` on the worker; its import results join the page's
results table, in the same words as bundles imported from files.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.ui import style
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.office.common import error_text
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.field import FieldRow


class RelayPanel(QGroupBox):
    """Emits ``fetched(result)`` with the OfficeSyncResult after each successful fetch."""

    fetched = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("From the office relay (network)"), parent)
        self.session = session
        # The three settings show until they are saved; after that the panel is one line and a button.
        self.fields = QWidget()
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://relay.example:8443")
        self.pin = QLineEdit()
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        FieldRow(grid, 0, self.tr("Relay &address"), self.url)
        FieldRow(
            grid,
            1,
            self.tr("Certificate &pin"),
            self.pin,
            hint=self.tr("The 64-character code office relay-init printed."),
        )
        FieldRow(
            grid,
            2,
            self.tr("Your access &token"),
            self.token,
            sensitive=True,
            hint=self.tr("Your own token from office relay-staff; kept in the central store."),
        )
        self.fetch_button = style.primary(QPushButton(style.icon("import"), self.tr("&Fetch and import")))
        self.fetch_button.clicked.connect(self.start)
        self.change_button = QPushButton(self.tr("C&hange relay…"))
        self.change_button.clicked.connect(lambda: self._show_fields(True))
        self.state = QLabel(self.tr("Bundles sent over the network wait at the office relay."))
        self.state.setWordWrap(True)
        self.banner = Banner("error")
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.change_button)
        row.addWidget(self.fetch_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        self._show_fields(True)
        self._load()

    def _load(self) -> None:
        from pace_desktop.exchange.officekey import SETTING_RELAY_PIN, SETTING_RELAY_URL
        from pace_desktop.sync.office import token_setting

        store = self.session.store

        def read(_p: Any) -> tuple[str, str, bool]:
            return (
                store.setting(SETTING_RELAY_URL) or "",
                store.setting(SETTING_RELAY_PIN) or "",
                bool(store.setting(token_setting(store))),
            )

        self.session.worker.submit(read, on_done=self._loaded)

    def _show_fields(self, show: bool) -> None:
        self.fields.setVisible(show)
        self.change_button.setVisible(not show)

    def _loaded(self, values: tuple[str, str, bool]) -> None:
        url, pin, has_token = values
        self.url.setText(url)
        self.pin.setText(pin)
        if has_token:
            self.token.setPlaceholderText(self.tr("(saved)"))
        saved = bool(url and pin and has_token)
        self._show_fields(not saved)
        if saved:
            self.state.setText(self.tr("Relay: {0}").format(url))

    def start(self) -> None:
        from pace_desktop.sync.office import office_sync, relay_client, remember_relay

        store = self.session.store
        url, pin, token = self.url.text().strip(), self.pin.text().strip(), self.token.text().strip()

        def run(_p: Any) -> Any:
            if token:
                remember_relay(store, url, pin, token)
            return office_sync(store, relay_client(store))

        self.banner.clear_message()
        self.fetch_button.setEnabled(False)
        self.state.setText(self.tr("Fetching from the relay…"))
        self.session.worker.submit(run, on_done=self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        self.fetch_button.setEnabled(True)
        self.token.clear()
        self.token.setPlaceholderText(self.tr("(saved)"))
        self._show_fields(False)
        self.state.setText(core_tr(result.summary()))
        self.fetched.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.fetch_button.setEnabled(True)
        self.state.setText("")
        self.banner.show_message(
            error_text(
                exc,
                self.tr(
                    "Fetching from the relay did not finish: bundles not yet imported stay at the relay."
                ),
            )
        )
