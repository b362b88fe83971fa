"""A crash in the window: the person sees one plain line in a message box; the report has no details."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def test_an_uncaught_exception_shows_one_plain_line_and_writes_a_report(qtbot, tmp_path, monkeypatch):
    from pace_desktop import diagnostics
    from pace_desktop.ui.app import show_crash_line

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    diagnostics.setup_logging(folder=diagnostics.log_dir())  # this test's folder, whatever ran before
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    diagnostics.install_excepthooks()
    diagnostics.set_notifier(show_crash_line)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.close()

    QTimer.singleShot(200, read_and_close)
    try:
        raise ValueError("Quennaidh Drumwhirlbarrow JT481729B")  # noqa: TRY301 - the crash under test
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)  # as Qt does for an exception in a slot
    finally:
        diagnostics.set_notifier(None)
    (line,) = seen
    assert line.startswith("Something unexpected went wrong (ValueError); nothing more was saved.")
    assert "\n" not in line and "Quennaidh" not in line
    (report,) = (tmp_path / "state" / "PACE Intake" / "log").glob("crash-*.txt")
    assert "ValueError" in report.read_text() and "Quennaidh" not in report.read_text()
