"""Starting the GUI: the Qt application, the stylesheet, and the adviser's (or the office's) window.

``--demo`` makes a throwaway store of fictional people in a temporary folder, with a generated
passphrase, and deletes the folder when the app closes (also when it is ended by a signal). With no
store yet, the first-run steps create one.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from pace_desktop.errors import PaceError, UsageError
from pace_desktop.paths import APP_NAME
from pace_desktop.ui import style
from pace_desktop.ui.widgets.fit import fit_to_screen

OFFICE_MODULE = "pace_desktop.ui.office.window"
DEMO_EVENTS = 6
DEMO_CLIENTS = 240


def application() -> QApplication:
    """The one QApplication, styled; created on first call. Refused in one line (exit 1) when Qt
    could not open a window here: no display, an X server that does not answer, missing libraries."""
    app = QApplication.instance()
    if app is None:
        from pace_desktop.ui.qtcheck import display_problem

        problem = display_problem()
        if problem:
            raise PaceError(problem)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName("SDS")
        app = QApplication(sys.argv[:1])
        style.apply(app)
    assert isinstance(app, QApplication)
    return app


def office_window_class() -> Any:
    """The office window, or a one-line usage error when this build has no office mode."""
    try:
        module = importlib.import_module(OFFICE_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name and OFFICE_MODULE.startswith(exc.name):
            raise UsageError(
                "Office mode is not part of this copy of PACE Intake: "
                "use the office commands (pace-desktop office --help)."
            ) from None
        raise
    return module.OfficeWindow


def make_demo_store(folder: Path, passphrase: str, progress: Any = None) -> Any:
    """A new store of fictional people in ``folder``; runs on the worker, returns the open Store."""
    from pace_desktop.demo import seed
    from pace_desktop.store.store import Store

    store = Store.create(
        folder / "demo.store", adviser="Demo Adviser", passphrase=passphrase, device_name="Demo laptop"
    )
    if progress:
        progress(1, 2)
    seed(store, events=DEMO_EVENTS, clients=DEMO_CLIENTS)
    if progress:
        progress(2, 2)
    return store


def demo_passphrase() -> str:
    """Three random chunks: long enough for the store's rules, easy to read off the banner."""
    import secrets

    return "demo " + " ".join(secrets.token_hex(3) for _ in range(3))


class Running:
    """The adviser's window and its session; ``close()`` locks and removes a demo store."""

    def __init__(self, window: Any, session: Any, temp: Path | None) -> None:
        self.window = window
        self.session = session
        self.temp = temp

    def close(self) -> None:
        import shutil

        self.window.close()  # closing locks: drafts kept, audit entry written, key dropped
        self.session.lock()
        self.session.worker.wait()
        if self.temp is not None:
            shutil.rmtree(self.temp, ignore_errors=True)


def start(store: Path | None = None, demo: bool = False) -> Running:
    """Show the adviser's window (first run, unlock, or a demo being made) without running Qt."""
    from pace_desktop.ui.main_window import MainWindow
    from pace_desktop.ui.session import Session

    application()
    temp: Path | None = None
    passphrase: str | None = None
    if demo:
        import tempfile

        temp = Path(tempfile.mkdtemp(prefix="pace-demo-"))
        path = temp / "demo.store"
        passphrase = demo_passphrase()
    else:
        if store is None:
            from pace_desktop.paths import default_store_path

            store = default_store_path()
        path = Path(store)
    session = Session(path)
    window = MainWindow(session, demo_passphrase=passphrase)
    fit_to_screen(window, 1280, 800)
    window.show()
    if temp is not None and passphrase is not None:
        _start_demo(session, window, temp, passphrase)
    return Running(window, session, temp)


def run(
    store: Path | None = None, demo: bool = False, office: bool = False, database: str | None = None
) -> int:
    """Show the window and run until it closes; returns the exit status."""
    from pace_desktop import diagnostics

    diagnostics.set_notifier(show_crash_line)  # crash reports (diagnostics) tell the person in a box
    report_qt_fatal_errors()  # a broken Qt plugin aborts inside QApplication(): reported first
    if office:
        # Found before Qt starts, so that a missing office mode fails in one line.
        window_class = office_window_class()
        app = application()
        close_on_terminate(app)
        office_window = window_class(store, database=database)
        style.after_first_paint(office_window, clean_report_leftovers)
        office_window.show()
        try:
            return int(app.exec())
        finally:
            office_window.close()  # locks, if a signal ended the loop rather than the window
    close_on_terminate(application())  # before the demo store is begun on the worker
    running = start(store, demo)
    style.after_first_paint(running.window, clean_report_leftovers)
    try:
        return int(application().exec())
    finally:
        running.close()


def clean_report_leftovers() -> None:
    """Remove what killed reports left in the folders reports were written to
    (``reports.leftovers``), on a thread of its own: a secure drive that is slow or gone never holds
    up the window. Started once the window has first been painted: its imports and folder reads
    took the interpreter from the thread building the first screen."""
    import threading

    def clean() -> None:
        from pace_desktop.reports.leftovers import clean_known_folders  # imported on that thread too

        clean_known_folders()

    threading.Thread(target=clean, name="report-leftovers", daemon=True).start()


def show_crash_line(line: str) -> bool:
    """The one plain line after something unexpected, in a message box (the report went to the log
    folder; the window stays, as Qt carries on after an exception in a slot). False when no box can
    be shown here (no application yet, another thread): ``diagnostics`` then says it its own way."""
    import threading

    from PySide6.QtWidgets import QMessageBox

    # Widgets belong to the GUI thread: a crash on another thread has its report and its stderr line.
    if QApplication.instance() is not None and threading.current_thread() is threading.main_thread():
        QMessageBox.critical(None, "PACE Intake", line)
        return True
    return False


def report_qt_fatal_errors() -> None:
    """Qt ends the process on a fatal error (a missing or broken platform plugin, before any
    window): its message handler reports it first (``diagnostics.report_fatal``). Every other
    message goes to stderr as Qt's own handler would write it."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from pace_desktop import diagnostics

    def handle(kind: QtMsgType, _context: Any, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            diagnostics.report_fatal("QtFatal")  # Qt's text is not kept: it can name files
        try:
            print(message, file=sys.stderr)
        except (OSError, ValueError, AttributeError):
            pass  # a windowed build has no stderr

    qInstallMessageHandler(handle)


def close_on_terminate(app: QApplication) -> None:
    """End the app on log-out, shut-down, ``kill`` or Ctrl+C as closing its window does.

    SIGTERM, SIGHUP and SIGINT end the event loop, and ``run`` then closes the window: the store
    is locked, drafts kept, a demo store deleted. Python runs a signal handler only when it next
    gets control, which Qt's event loop does not give while it waits, so a timer hands it a turn
    four times a second.
    """
    import signal

    from PySide6.QtCore import QTimer

    def stop(signum: int, frame: Any) -> None:
        # Posted, so that a signal arriving before the loop runs still ends it once it does; exit,
        # not quit(), which a window refusing to close (a busy progress dialog) would cancel.
        QTimer.singleShot(0, lambda: app.exit(0))

    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        if hasattr(signal, name):  # Windows has no SIGHUP
            signal.signal(getattr(signal, name), stop)
    turn = QTimer(app)
    turn.timeout.connect(lambda: None)
    turn.start(250)


def _start_demo(session: Any, window: Any, folder: Path, passphrase: str) -> None:
    from pace_desktop.errors import PaceError
    from pace_desktop.ui.dialogs.progress import run_with_progress

    def failed(exc: BaseException) -> None:
        from pace_desktop.ui.i18n import core_tr

        message = (
            core_tr(str(exc))
            if isinstance(exc, PaceError)
            else QCoreApplication.translate("MainWindow", "The demo store could not be made.")
        )
        window.unlock.notice.show_message(message)

    run_with_progress(
        session,
        window,
        QCoreApplication.translate("MainWindow", "Preparing the demo"),
        QCoreApplication.translate("MainWindow", "Making a store of fictional people…"),
        lambda progress: make_demo_store(folder, passphrase, progress),
        on_done=session.adopt,
        on_error=failed,
    )
