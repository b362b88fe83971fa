"""Diagnostics for support: a rotating log and crash reports, with no personal data in either.

- **The log** (standard ``logging``): ``pace-desktop.log`` in the platform's log folder (platformdirs
  ``user_log_dir``: ``~/.local/state/PACE Intake/log`` on Linux, ``%LOCALAPPDATA%\\SDS\\PACE Intake\\Logs``
  on Windows), owner-only, rotated at 1 MiB with 3 old files kept. What the app logs is fixed text with
  counts, codes, exit statuses and exception *type names* only: never a message, a path the user typed,
  a value from a record or an exception's text (a message or a file name can hold a person's name).
  ``--verbose`` logs at DEBUG and echoes each line to stderr for support.
- **Crash reports**: ``sys.excepthook`` and ``threading.excepthook`` write ``crash-*.txt`` beside the
  log, holding the app and Python versions, the exception's type and the code locations it passed
  through (file, line, function) and nothing else: no exception message, no locals, no source lines.
  The person sees one plain line (stderr for the command line; the GUI registers ``set_notifier`` to
  show it in a message box).
- **Before the window**: ``__main__`` installs the hooks before it imports anything else, so an import
  error, a broken Qt platform plugin (``report_fatal``, from Qt's message handler, as Qt aborts) or an
  exception in start-up still leaves a report and the line. A Windows build without a console
  (windowed) has no stderr: there the line is shown in a native message box (``MessageBoxW`` through
  ``ctypes``, only ever on Windows) whenever the GUI's own box cannot show it.

The core (everything outside ``ui``) never imports Qt: the GUI's message box is a callback.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

LOGGER_NAME = "pace_desktop"
LOG_FILE = "pace-desktop.log"
MAX_LOG_BYTES = 1024 * 1024
LOG_BACKUPS = 3

log = logging.getLogger(LOGGER_NAME)
# Until ``setup_logging`` runs (a crash while importing the command line), nothing of the log may
# reach stderr through logging's last-resort handler: the person reads one line.
log.addHandler(logging.NullHandler())
_notifier: Callable[[str], bool] | None = None
_configured: Path | None = None


def log_dir() -> Path:
    """The platform's per-user log folder for the app (created on first use, owner-only)."""
    from platformdirs import user_log_path

    from pace_desktop.paths import APP_AUTHOR, APP_NAME

    return user_log_path(APP_NAME, APP_AUTHOR)


class _NoDetailFormatter(logging.Formatter):
    """Time, level, logger and the fixed message; an exception only by its type and code locations."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's API
        exc_type, _exc, tb = ei
        return crash_text(exc_type, tb, header=False)

    def formatStack(self, stack_info: str) -> str:  # noqa: N802 - logging's API
        return ""


class _OwnerOnlyRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every log file, rotated ones included, readable by its owner only."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)  # noqa: SIM115


def setup_logging(*, verbose: bool = False, folder: Path | None = None) -> Path | None:
    """Send the app's log to the rotating file (and, with ``verbose``, to stderr); returns its folder.

    A log folder that cannot be made or written never stops the app: logging is then off.
    """
    global _configured
    folder = Path(folder) if folder is not None else log_dir()
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    log.propagate = False
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    formatter = _NoDetailFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if verbose:
        echo = logging.StreamHandler(sys.stderr)
        echo.setFormatter(formatter)
        log.addHandler(echo)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / LOG_FILE
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        handler = _OwnerOnlyRotatingFileHandler(
            path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        _configured = None
        return None
    handler.setFormatter(formatter)
    log.addHandler(handler)
    _configured = folder
    return folder


# -- crash reports -----------------------------------------------------------------------------------------


def _where(filename: str) -> str:
    """A code location without the folders above the package (no user or install paths)."""
    parts = Path(filename).parts
    for anchor in ("pace_desktop", "site-packages", "lib"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[i:])
    return Path(filename).name


def crash_text(exc_type: type[BaseException] | None, tb: TracebackType | None, *, header: bool = True) -> str:
    """The exception's type and each frame's file, line and function: never its message or locals."""
    name = getattr(exc_type, "__qualname__", "Exception")
    module = getattr(exc_type, "__module__", "")
    return _report_text(
        f"{module + '.' if module not in ('builtins', '') else ''}{name}", traceback.extract_tb(tb), header
    )


def _report_text(name: str, frames: list[traceback.FrameSummary], header: bool) -> str:
    lines = []
    if header:
        import platform

        from pace_desktop import __version__

        lines += [
            f"PACE Intake {__version__}",
            f"Python {platform.python_version()} on {platform.system()} {platform.release()}",
            f"When: {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC",
            "",
        ]
    lines.append(name)
    for frame in frames:
        lines.append(f"  at {_where(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def write_crash_report(exc_type: type[BaseException] | None, tb: TracebackType | None) -> Path | None:
    """Write ``crash-<time>-<pid>.txt`` in the log folder (owner-only); None if it cannot be written."""
    return _write_report(crash_text(exc_type, tb), getattr(exc_type, "__name__", "Exception"))


def _write_report(text: str, name: str) -> Path | None:
    folder = _configured or log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"crash-{datetime.now(UTC):%Y%m%dT%H%M%S}-{os.getpid()}.txt"
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    except OSError:
        return None
    log.error("crash report written: %s (%s)", path.name, name)
    return path


def crash_line(exc_type: type[BaseException] | None, report: Path | None) -> str:
    """The one plain line a person sees after a crash."""
    name = getattr(exc_type, "__name__", "Exception")
    where = f" A report for support is in {report.parent}." if report else ""
    return f"Something unexpected went wrong ({name}); nothing more was saved.{where}"


def set_notifier(notify: Callable[[str], bool] | None) -> None:
    """How the crash line reaches the person besides stderr (the GUI shows it in a message box);
    ``notify(line)`` says whether it could show it (no window yet, another thread: it cannot)."""
    global _notifier
    _notifier = notify


def _has_console() -> bool:
    return sys.stderr is not None and hasattr(sys.stderr, "write")


def native_box(line: str) -> bool:
    """Show ``line`` in Windows' own message box (no Qt needed); False anywhere but Windows."""
    if sys.platform != "win32":
        return False
    try:
        import ctypes

        mb_iconerror, mb_setforeground = 0x10, 0x10000
        ctypes.windll.user32.MessageBoxW(None, line, "PACE Intake", mb_iconerror | mb_setforeground)
    except Exception:  # noqa: BLE001 - the crash handler itself must never raise
        return False
    return True


def _to_stderr(line: str) -> None:
    """One plain line on stderr (fixed wording, no personal data); a windowed build has none."""
    try:
        print(f"pace-desktop: {line}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):
        pass


def tell(line: str) -> None:
    """Say one plain line: on stderr, and where there is no console (a windowed Windows build) in a
    native message box, so that a failure before (or without) the window is never silent."""
    _to_stderr(line)
    if not _has_console():
        native_box(line)


def _notify(line: str) -> None:
    """The crash line to the person: the GUI's box when it can show it, else ``tell``."""
    shown = False
    if _notifier is not None:
        try:
            shown = bool(_notifier(line))
        except Exception:  # noqa: BLE001 - the crash handler itself must never raise
            shown = False
    if shown:
        _to_stderr(line)
    else:
        tell(line)


def report_crash(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Write the crash report and tell the person one line (which is returned)."""
    line = crash_line(exc_type, write_crash_report(exc_type, tb))
    _notify(line)
    return line


def report_fatal(what: str) -> str:
    """A fatal error that is no Python exception (Qt aborting: a broken platform plugin): a report of
    where Python was when it happened, and the line; the process ends after this returns."""
    frames = traceback.extract_stack()[:-1]
    report = _write_report(_report_text(what, frames, True), what)
    where = f" A report for support is in {report.parent}." if report else ""
    line = f"PACE Intake could not go on ({what}); nothing more was saved. Reinstalling it may help.{where}"
    tell(line)  # not the GUI's box: Qt is what failed
    return line


def _handle(exc_type: type[BaseException], tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        return
    report_crash(exc_type, tb)


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    _handle(exc_type, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    _handle(args.exc_type, args.exc_traceback)


def install_excepthooks() -> None:
    """Crash reports for uncaught exceptions in the main thread and in every other thread."""
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
