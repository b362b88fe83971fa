"""One background thread for all store and file work, so the window never freezes.

An operation is a plain function ``fn(progress)`` run off the UI thread; its result, error and
progress come back to the UI thread as queued signals. Never touch a widget inside ``fn``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Op(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which shows one line
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Worker(QObject):
    """Runs operations one at a time, in order, on a single thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._live: set[_Signals] = set()

    def submit(
        self,
        fn: Callable[[Progress], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        signals = _Signals()  # created here, so it lives on the UI thread and its slots run there
        self._live.add(signals)

        def finish(_: object = None) -> None:
            self._live.discard(signals)

        if on_done:
            signals.done.connect(on_done)
        if on_error:
            signals.failed.connect(on_error)
        if on_progress:
            signals.progress.connect(on_progress)
        signals.done.connect(finish)
        signals.failed.connect(finish)
        self._pool.start(_Op(fn, signals))

    def run(
        self,
        fn: Callable[[Progress], Any],
        *,
        before: Callable[[], None] | None = None,
        done: Callable[[Any], None] | None = None,
        then: Callable[[], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """One action a person asked for, the way every page runs one.

        ``before()`` runs at once on the UI thread (clear the last message, disable the buttons);
        ``fn`` runs on the worker; then, back on the UI thread, ``done(result)`` and ``then()`` (reload
        what the action changed, enable the buttons) — or ``failed(exc)`` when ``fn`` raised.
        """
        if before is not None:
            before()

        def finished(result: Any) -> None:
            if done is not None:
                done(result)
            if then is not None:
                then()

        self.submit(fn, on_done=finished, on_error=failed, on_progress=progress)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work finishes (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._live)

    @property
    def pending(self) -> int:
        """Operations submitted and not yet reported back (running or queued)."""
        return len(self._live)
