"""The lock screen: one passphrase field, one line when it is wrong, and a countdown while unlocking
is paused.

Kept free of the store's heavy imports (pydantic, the models): it is the first thing people see, and
start-up time is measured to it. The Argon2 check runs on the worker so the window stays responsive.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from pace_desktop.errors import LockedOut, PaceError
from pace_desktop.paths import resource
from pace_desktop.ui import style
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.card import centred_card
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.passphrase import PassphraseEdit


def minutes_seconds(seconds: float) -> str:
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class UnlockScreen(QWidget):
    """Unlocks ``session``; on success the session's ``unlocked`` signal moves the window on."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._deadline: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)

        logo = QLabel()
        logo.setPixmap(
            QPixmap(str(resource("icons", "pace-desktop.png"))).scaled(
                72, 72, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        logo.setAccessibleName("PACE Intake")
        title = QLabel(self.tr("PACE Intake is locked"))
        title.setObjectName("pageTitle")
        self.where = QLabel()
        self.where.setObjectName("hint")
        self.where.setWordWrap(True)
        self.notice = Banner("notice")
        self.passphrase = PassphraseEdit()
        self.passphrase.returnPressed.connect(self.try_unlock)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.row = FieldRow(grid, 0, self.tr("&Passphrase"), self.passphrase)
        # The message goes under the field: the card is narrow and the line must be read in full.
        grid.removeWidget(self.row.message)
        grid.addWidget(self.row.message, 1, 1)
        self.countdown = Banner("notice")
        self.countdown.setObjectName("banner")
        self.button = style.primary(QPushButton(self.tr("&Unlock")))
        self.button.clicked.connect(self.try_unlock)

        _card, inner = centred_card(self, width=600)
        inner.addWidget(logo, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.where)
        inner.addWidget(self.notice)
        inner.addLayout(grid)
        inner.addWidget(self.countdown)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.refresh()

    # -- what is shown -----------------------------------------------------------------------------
    def refresh(self, notice: str | None = None) -> None:
        """Called each time the screen is shown: clear the field, say why it is locked, resume any
        wait.
        """
        self.passphrase.clear()
        self.row.set_error(None)
        self.notice.show_message(notice)
        self.where.setText(
            self.tr("Type your passphrase to open the store on this laptop:\n{0}").format(self.session.path)
        )
        self.button.setEnabled(True)
        try:
            wait = self.session.unlock_wait()
        except PaceError:
            wait = 0.0
        if wait > 0:
            self._start_countdown(wait)
        else:
            self._stop_countdown()
        self.passphrase.setFocus()

    def _start_countdown(self, seconds: float) -> None:
        self._deadline = self.session.wall_clock() + seconds
        self.button.setEnabled(False)
        self._tick()
        self._timer.start()

    def _stop_countdown(self) -> None:
        self._deadline = None
        self._timer.stop()
        self.countdown.clear_message()
        self.button.setEnabled(True)

    def _tick(self) -> None:
        if self._deadline is None:
            return
        remaining = self._deadline - self.session.wall_clock()
        if remaining <= 0:
            self._stop_countdown()
            self.passphrase.setFocus()
            return
        self.countdown.show_message(
            self.tr("Too many wrong passphrases. You can try again in {0}.").format(
                minutes_seconds(remaining)
            )
        )

    @property
    def waiting(self) -> bool:
        return self._deadline is not None

    # -- unlocking ---------------------------------------------------------------------------------
    def try_unlock(self) -> None:
        if not self.button.isEnabled():
            return
        text = self.passphrase.text()
        if not text:
            self.row.set_error(self.tr("Type your passphrase."))
            return
        self.row.set_error(None)
        self.button.setEnabled(False)
        self.button.setText(self.tr("Checking…"))
        self.session.worker.submit(
            lambda _p: self.session.open_store(text), on_done=self._opened, on_error=self._failed
        )

    def _opened(self, store: Any) -> None:
        self.button.setText(self.tr("&Unlock"))
        self.passphrase.clear()
        self.button.setEnabled(True)
        self.session.adopt(store)

    def _failed(self, exc: BaseException) -> None:
        self.button.setText(self.tr("&Unlock"))
        self.button.setEnabled(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if isinstance(exc, LockedOut):
            self.row.set_error(None)
            self._start_countdown(exc.seconds)
            return
        self.row.set_error(
            core_tr(str(exc))
            if isinstance(exc, PaceError)
            else self.tr("The store could not be opened: try again, or ask the office for help.")
        )
        try:
            wait = self.session.unlock_wait()
        except PaceError:
            wait = 0.0
        if wait > 0:
            self._start_countdown(wait)
