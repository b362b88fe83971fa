"""The unlocked store for the running app, and the idle auto-lock that closes it.

On lock, ``about_to_lock`` lets open forms keep what was typed as an encrypted draft; then the
connection is closed and the key dropped, and ``locked`` tells the window to show the unlock screen.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from pace_desktop.ui.worker import Worker

if TYPE_CHECKING:
    # Imported lazily: pydantic and the models cost more than the whole unlock screen, and the
    # start-up budget is measured to that screen.
    from pace_desktop.store.store import Store

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def return_freed_memory() -> None:
    """Give the heap memory the process has freed back to the system, where the C library keeps it.

    glibc's malloc keeps freed memory below the top of its heap for reuse: after unlocking a
    100,000-client store (pages decrypted for the audit walk and the counts, the query results) the
    idle window stayed about 14 MiB bigger than what it still used. Elsewhere nothing is done.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        pass


class Session(QObject):
    """Owns the store while unlocked; everyone else asks the session for it."""

    unlocked = Signal()
    about_to_lock = Signal()
    locked = Signal()
    audit_broken = Signal(str)  # the one line to show when the audit chain does not check out
    integrity_failed = Signal(str)  # the one line to show when the weekly full check finds damage
    full_check_done = Signal(bool)  # True: it passed (and is recorded); False: it found damage

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.clock = clock
        self.wall_clock = wall_clock
        self.worker = Worker(self)
        # The weekly full integrity check: its own thread and its own connection, so nothing the
        # person does waits behind it (about 25 s on a 791 MB store); locking cancels it.
        self.checker = Worker(self)
        self._store: Store | None = None
        self.lock_reason = ""  # "idle" or "manual": the unlock screen says why it is showing
        self._autolock_seconds = 300.0
        self._last_activity = clock()
        self._autolock_suspended = False
        self._background = 0  # worker operations nobody asked for (automatic sync): no reason to stay open
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check_idle)
        self._watching = False  # the activity filter is on only while unlocked

    def _watch_activity(self, on: bool) -> None:
        """An app-wide event filter, only while unlocked: every event it sees passes through Python,
        and before the first unlock that cost the unlock screen a sixth of its start-up time.
        """
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    # -- store -------------------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is locked")
        return self._store

    @property
    def is_unlocked(self) -> bool:
        return self._store is not None

    def exists(self) -> bool:
        return self.path.exists()

    def open_store(self, passphrase: str) -> Store:
        """Open the store without adopting it: safe to run on the worker (Argon2 takes a moment)."""
        from pace_desktop.store.store import Store

        return Store.open(self.path, passphrase, clock=self.wall_clock)

    def unlock(self, passphrase: str) -> None:
        """Open the store; raises WrongPassphrase, LockedOut or StoreError with the user's line."""
        self.adopt(self.open_store(passphrase))

    def unlock_wait(self) -> float:
        """Seconds before another unlock attempt is allowed (the back-off survives restarts)."""
        from pace_desktop.store.backoff import Backoff

        # The same name as store.unlock_state_path, spelled out so that the unlock screen need not
        # import the whole store (and pydantic) before it is shown.
        state = self.path.with_name(self.path.name + ".unlock")
        return Backoff(state, clock=self.wall_clock).wait_seconds()

    def adopt(self, store: Store) -> None:
        """Take a store opened elsewhere (first run, demo)."""
        self._store = store
        self._after_open()

    def _after_open(self) -> None:
        self.reload_settings()
        self.touch()
        self._watch_activity(True)
        self._timer.start()
        self.unlocked.emit()
        # Every unlock checks the audit chain, and that it still leads to the head the office last
        # countersigned, after what the first screen asked the worker for. The store stays open: the
        # adviser is told whom to contact, and nothing is lost meanwhile (docs/security.md).
        from pace_desktop.exchange.anchor import unlock_check

        store = self._store
        # Read before the audit check is queued: the worker's reading holds the connection a while.
        self._start_full_check()

        def check(_progress: Any) -> str | None:
            try:
                return unlock_check(store)
            finally:
                # The last of the unlock's reading (after the first screen's): what it freed goes
                # back to the system instead of staying in the idle app's heap.
                return_freed_memory()

        self.worker.submit(check, on_done=self._audit_checked, on_error=self._audit_unreadable)

    def today(self) -> date:
        return datetime.fromtimestamp(self.wall_clock(), UTC).date()

    def _start_full_check(self) -> None:
        """The full integrity check, when it is due (weekly; at the first unlock of a store that has
        never had one), in the background after unlock (docs/security.md)."""
        store, today = self._store, self.today()
        if store is None or not store.full_check_due(today):
            return
        check = store.start_full_check()

        def checked(passed: bool) -> None:
            if passed and self._store is store:
                # Nobody asked for it: like an automatic sync, it does not hold the idle lock off.
                self.background(True)

                def recorded(_r: object) -> None:
                    self.background(False)
                    self.full_check_done.emit(True)

                self.worker.submit(
                    lambda _p: store.record_full_check(today),
                    on_done=recorded,
                    on_error=lambda _e: self.background(False),
                )

        def failed(exc: BaseException) -> None:
            from pace_desktop.errors import StoreDamaged
            from pace_desktop.store.store import full_check_failed_line

            if isinstance(exc, StoreDamaged) and self._store is store:
                self.integrity_failed.emit(full_check_failed_line(store.path))
                self.full_check_done.emit(False)
            # Anything else (the file gone for a moment): not recorded, so it is due again next unlock.

        self.checker.submit(lambda _p: check.run(), on_done=checked, on_error=failed)

    def _audit_checked(self, problem: str | None) -> None:
        if problem is not None and self.is_unlocked:
            self.audit_broken.emit(problem)

    def _audit_unreadable(self, exc: BaseException) -> None:
        if self.is_unlocked:
            self.audit_broken.emit(
                self.tr(
                    "The audit log could not be checked: lock and unlock to try "
                    "again, and tell your data protection lead if this stays."
                )
            )

    def lock(self, reason: str = "manual") -> None:
        if self._store is None:
            return
        self.lock_reason = reason
        self.about_to_lock.emit()
        self.worker.wait()
        store, self._store = self._store, None
        self._timer.stop()
        self._watch_activity(False)
        store.close()  # stops a full check under way (SQLite's interrupt)
        self.checker.wait()
        self.locked.emit()

    # -- idle auto-lock ----------------------------------------------------------------------------
    @property
    def autolock_seconds(self) -> float:
        return self._autolock_seconds

    def reload_settings(self) -> None:
        """Read the auto-lock time again (at unlock, and after Settings saves it).

        Kept here rather than read on every one-second check: a read waits for the worker's
        transaction, and a long import would then freeze the window once a second.
        """
        minutes = self._store.int_setting("autolock_minutes") if self._store is not None else 0
        self._autolock_seconds = 60.0 * float(minutes or 5)

    def suspend_autolock(self, suspended: bool) -> None:
        """The kiosk has its own inactivity reset and must not lock the adviser's store under it."""
        self._autolock_suspended = suspended
        self.touch()

    def touch(self) -> None:
        self._last_activity = self.clock()

    def idle_seconds(self) -> float:
        return self.clock() - self._last_activity

    def background(self, started: bool) -> None:
        """Count a worker operation the adviser did not ask for in (True) or out (False): the idle
        lock does not wait for those — ``about_to_lock`` tells them to let go."""
        self._background += 1 if started else -1

    def check_idle(self) -> None:
        # Work under way on the worker that someone asked for (an import, an export) is let finish:
        # the lock follows it. Background work (automatic sync) does not hold the lock off.
        if (
            self._store is not None
            and not self._autolock_suspended
            and self.worker.pending <= self._background
            and self.idle_seconds() >= self.autolock_seconds
        ):
            self.lock("idle")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY:
            self._last_activity = self.clock()
        return False
