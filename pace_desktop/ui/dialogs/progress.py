"""A progress dialog for long work on the worker (demo data, imports, exports): the window never
freezes.

The work itself is a plain ``fn(progress)`` as ``Worker.submit`` takes; this dialog shows its
progress and closes itself when the work ends. It cannot be dismissed half-way: store work runs in
one transaction and stopping it would only roll it back, so there is nothing to cancel into.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from pace_desktop.ui.session import Session
from pace_desktop.ui.worker import Progress


class ProgressDialog(QDialog):
    """Busy bar until the first progress report, then 'done of total'."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(title)
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        self.setMinimumWidth(460)
        self._running = True

    def set_progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.detail.setText(self.tr("{0} of {1}").format(done, total))

    def finish(self) -> None:
        self._running = False
        self.accept()

    def reject(self) -> None:
        if not self._running:  # Escape does nothing while the work is under way
            super().reject()


def run_with_progress(
    session: Session,
    parent: QWidget | None,
    title: str,
    text: str,
    fn: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> ProgressDialog:
    """Show a progress dialog, run ``fn`` on the worker, close the dialog, then call back."""
    dialog = ProgressDialog(title, text, parent)

    def done(result: Any) -> None:
        dialog.finish()
        if on_done:
            on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.finish()
        if on_error:
            on_error(exc)

    dialog.open()
    session.worker.submit(fn, on_done=done, on_error=failed, on_progress=dialog.set_progress)
    return dialog
