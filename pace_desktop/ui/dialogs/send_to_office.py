""" "Send to office": one click sends every unsent bundle through the office relay and applies the
receipts and notices that came back (``pace_desktop.sync.laptop.sync`` on the worker).

Shown in the export dialog when this laptop knows a relay (from office.pub or ``sync --relay``).
Offline, it says so in one line; nothing is lost and everything stays queued for the next try.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pace_desktop.ui import style
from pace_desktop.ui.office.common import error_text
from pace_desktop.ui.session import Session
from pace_desktop.ui.sync_text import result_text, step_text
from pace_desktop.ui.widgets.banner import Banner

if TYPE_CHECKING:
    from pace_desktop.sync.laptop import SyncStep


class SendToOffice(QWidget):
    """A button and its one-line result; ``finished`` fires after each try, with the result or None.

    While the sync runs on the worker, each step it reports ("Sending bundle 2 of 3…", "Fetching
    receipts…") is shown in the state line: ``stepped`` is emitted from the worker thread and, being a
    signal of this widget, delivered on the UI thread.
    """

    finished = Signal(object)
    stepped = Signal(object)  # a sync.laptop.SyncStep

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.button = style.primary(QPushButton(self.tr("Send to &office")))
        self.button.setToolTip(
            self.tr(
                "Send everything new to the office over the network, and bring back the office's receipts."
            )
        )
        self.button.clicked.connect(self.start)
        self.state = QLabel(self.tr("This laptop can send to the office over the network."))
        self.state.setWordWrap(True)
        self.result = Banner("info")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.stepped.connect(self._step)
        self.setVisible(False)
        store = session.store
        session.worker.submit(lambda _p: bool(store.setting("sync_relay_url")), on_done=self.setVisible)

    def start(self) -> None:
        from pace_desktop.sync.laptop import sync

        store = self.session.store
        self.button.setEnabled(False)
        self.state.setText(self.tr("Sending to the office…"))
        self.result.clear_message()
        emit = self.stepped.emit

        def step(step: SyncStep) -> None:
            with contextlib.suppress(RuntimeError):  # the dialog was closed: the sync goes on
                emit(step)

        self.session.worker.submit(
            lambda _progress: sync(store, progress=step), on_done=self._done, on_error=self._failed
        )

    def _step(self, step: SyncStep) -> None:
        self.state.setText(step_text(step))

    def _done(self, result: Any) -> None:
        self.button.setEnabled(True)
        self.state.setText(self.tr("Sent."))
        self.result.show_message(result_text(result))
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.state.setText(self.tr("Not sent."))
        self.result.show_message(
            error_text(
                exc, self.tr("Sending to the office did not finish: everything stays queued. Try again.")
            )
        )
        self.finished.emit(None)
