"""Asks the signed-in adviser for their passphrase again before an admin action (settings, advisers,
keys)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from pace_desktop.errors import PaceError, WrongPassphrase
from pace_desktop.ui import style
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.passphrase import PassphraseEdit

NOT_YOURS = QT_TRANSLATE_NOOP("ReauthDialog", "That is not your passphrase: type the one you unlocked with.")


def verify_current(session: Session, passphrase: str) -> None:
    """Raise PaceError unless ``passphrase`` is the signed-in adviser's (runs on the worker: Argon2
    is slow).
    """
    store = session.store
    if store.verify_passphrase(passphrase) != store.adviser:
        raise PaceError(NOT_YOURS)


class ReauthDialog(QDialog):
    """'Type your passphrase to confirm' — accepted only when it is the signed-in adviser's
    passphrase.
    """

    def __init__(self, session: Session, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Confirm it is you"))
        self.setModal(True)
        intro = QLabel(action)
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.passphrase = PassphraseEdit()
        self.row = FieldRow(grid, 0, self.tr("Your &passphrase"), self.passphrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("&Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        style.primary(self.ok)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _check(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.row.set_error(self.tr("Type your passphrase."))
            return
        self.ok.setEnabled(False)
        self.session.worker.submit(
            lambda _p: verify_current(self.session, text),
            on_done=lambda _r: self.accept(),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, WrongPassphrase) or str(exc) == NOT_YOURS:
            self.row.set_error(self.tr(NOT_YOURS))
        elif isinstance(exc, PaceError):
            self.row.set_error(core_tr(str(exc)))
        else:
            self.row.set_error(self.tr("The passphrase could not be checked: try again."))
        self.passphrase.selectAll()
        self.passphrase.setFocus()
