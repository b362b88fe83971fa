"""Automatic sync: when the setting is on (Settings, or fixed by the machine's policy), the laptop
sends to the office relay by itself — once just after each unlock, then every 15 minutes while
it stays unlocked — on the worker, never in the way of the adviser.

The result goes to one status line (``message``): the sync's plain summary, or, offline, one quiet
line; no dialog ever opens. Locking never waits for it: ``about_to_lock`` cancels the sync under way
(its socket is shut, so even a stalled connection lets go at once) before the session waits for the
worker. A cancelled or cut sync loses nothing — what the relay had not acknowledged is sent next time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.session import Session

if TYPE_CHECKING:
    from pace_desktop.sync.transport import RelayClient


class AutoSync(QObject):
    message = Signal(str)  # the status line's new text

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        # Nothing of the sync code is imported here: this is built with the window, before the
        # unlock screen, whose start-up time is budgeted.
        super().__init__(parent)
        self.session = session
        self.interval_ms: int | None = None  # None: the default (sync.laptop.AUTO_SYNC_MINUTES)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_now)
        self._client: RelayClient | None = None
        self._running = False
        self._stopping = False
        session.unlocked.connect(self._on_unlocked)
        session.about_to_lock.connect(self.stop)

    def _on_unlocked(self) -> None:
        from pace_desktop.sync.laptop import auto_sync_enabled

        self._stopping = False
        store = self.session.store
        self.session.worker.submit(lambda _p: auto_sync_enabled(store), on_done=self._enabled)

    def _enabled(self, on: bool) -> None:
        from pace_desktop.sync.laptop import AUTO_SYNC_MINUTES

        if not on or not self.session.is_unlocked:
            return
        self.timer.start(self.interval_ms or AUTO_SYNC_MINUTES * 60 * 1000)
        self.run_now()

    def run_now(self) -> None:
        """One automatic sync, unless one is under way, the laptop is locking, or other work is queued."""
        from pace_desktop.sync.laptop import client_for, sync

        if self._running or self._stopping or not self.session.is_unlocked:
            return
        self._running = True
        store = self.session.store

        def work(_progress: Any) -> Any:
            client = client_for(store)
            self._client = client
            if self._stopping:
                client.cancel()
            try:
                return sync(store, client=client)
            finally:
                self._client = None

        self.message.emit(self.tr("Sending to the office…"))
        self.session.background(True)
        self.session.worker.submit(work, on_done=self._done, on_error=self._failed)

    def _finished(self) -> None:
        self._running = False
        self.session.background(False)

    def _done(self, result: Any) -> None:
        self._finished()
        from pace_desktop.ui.sync_text import result_text

        self.message.emit(result_text(result))

    def _failed(self, exc: BaseException) -> None:
        from pace_desktop.errors import PaceError
        from pace_desktop.sync.transport import Cancelled

        self._finished()
        if isinstance(exc, Cancelled):
            self.message.emit("")
        elif isinstance(exc, PaceError):  # offline, refused: its one plain line, nothing else
            self.message.emit(core_tr(str(exc)))
        else:
            self.message.emit(
                self.tr("Sending to the office did not finish: everything stays queued for the next try.")
            )

    def stop(self) -> None:
        """The laptop is locking: stop the timer and let go of the relay at once."""
        self._stopping = True
        self.timer.stop()
        client = self._client
        if client is not None:
            client.cancel()
