"""Adding an adviser and changing your own passphrase: small forms used by the settings dialog.

Both need the signed-in adviser's passphrase (to add someone, as confirmation; to change it, as the
old one), and both run the slow Argon2 work on the worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.errors import PaceError, WrongPassphrase
from pace_desktop.ui import style
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.error_summary import ErrorSummary, FormErrors
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.fit import ScrollBody, cap_to_screen, grow_on_screen
from pace_desktop.ui.widgets.passphrase import NewPassphrase, PassphraseEdit
from pace_desktop.ui.widgets.reauth import NOT_YOURS, verify_current


class _PassphraseForm(QDialog):
    """Shared layout: the error summary, intro, a grid of fields, an error line, and Cancel / the
    action button. A subclass lists its rows' problems in ``problems`` (GOV.UK's pattern: summary at
    the top with focus on it, each link focusing its field, each message gone once its field is right).
    """

    def __init__(
        self, session: Session, title: str, intro: str, action: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.setModal(True)
        text = QLabel(intro)
        text.setWordWrap(True)
        text.setObjectName("hint")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(10)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(2, 2)
        self.grid.setColumnMinimumWidth(2, 200)
        self.banner = Banner("error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = style.primary(self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.summary = ErrorSummary()
        self.errors = FormErrors(self.summary, self.problems, after=lambda: grow_on_screen(self))
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 20, 24, 8)
        column.setSpacing(12)
        column.addWidget(self.summary)
        column.addWidget(text)
        column.addLayout(self.grid)
        column.addWidget(self.banner)
        column.addStretch(1)
        # The fields scroll on a short screen (1366x768 at 125% with every message shown); the
        # buttons stay below them, in view.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 20)
        layout.setSpacing(8)
        layout.addWidget(ScrollBody(body), 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(24, 0, 24, 0)
        buttons.addWidget(self.buttons)
        layout.addLayout(buttons)
        self.setMinimumWidth(760)
        cap_to_screen(self)

    def new_passphrase_rows(self, first_row: int) -> None:
        self.new_passphrase = NewPassphrase(
            self.grid,
            first_row,
            label=self.tr("New &passphrase"),
            again_label=self.tr("Type it a&gain"),
            parent=self,
        )
        self.new, self.again = self.new_passphrase.edit, self.new_passphrase.again
        self.meter = self.new_passphrase.meter
        self.new_row, self.again_row = self.new_passphrase.row, self.new_passphrase.again_row
        self.errors.watch(self.new_row, self.new)
        self.errors.watch(self.again_row, self.again, self.new)

    def new_problems(self) -> list[tuple[FieldRow, str | None]]:
        problem, mismatch = self.new_passphrase.problems()
        return [(self.new_row, problem), (self.again_row, mismatch)]

    def problems(self) -> list[tuple[FieldRow, str | None]]:
        """Each row and what is wrong with it (None: nothing), in the form's order."""
        raise NotImplementedError

    def run(self, fn: Any) -> None:
        self.ok.setEnabled(False)
        self.banner.clear_message()
        self.session.worker.submit(fn, on_done=lambda _r: self.accept(), on_error=self.failed)

    def failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.banner.show_message(
            str(exc) if isinstance(exc, PaceError) else self.tr("Nothing was changed: try again.")
        )

    def submit(self) -> None:
        raise NotImplementedError


class AddAdviserDialog(_PassphraseForm):
    """A new adviser who can unlock this laptop with their own passphrase."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Add an adviser"),
            self.tr(
                "The new adviser chooses their own passphrase and types it here. Then type yours to confirm."
            ),
            self.tr("&Add adviser"),
            parent,
        )
        self.name = QLineEdit()
        self.name_row = FieldRow(self.grid, 0, self.tr("Adviser's &name"), self.name)
        self.new_passphrase_rows(1)
        self.mine = PassphraseEdit()
        self.mine_row = FieldRow(
            self.grid,
            4,
            self.tr("&Your passphrase"),
            self.mine,
            hint=self.tr("The one you unlocked with, to confirm it is you"),
        )
        self.errors.watch(self.name_row, self.name)
        self.errors.watch(self.mine_row, self.mine)
        self.name.setFocus()

    def problems(self) -> list[tuple[FieldRow, str | None]]:
        return [
            (self.name_row, None if self.name.text().strip() else self.tr("Enter the adviser's name.")),
            *self.new_problems(),
            (self.mine_row, None if self.mine.text() else self.tr("Type your passphrase to confirm.")),
        ]

    def submit(self) -> None:
        if not self.errors.run():
            return
        name, new, mine = self.name.text().strip(), self.new.text(), self.mine.text()
        session = self.session

        def add(_progress: Any) -> None:
            verify_current(session, mine)
            session.store.add_adviser(name, new)

        self.run(add)

    def failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphrase) or str(exc) == NOT_YOURS:
            self.ok.setEnabled(True)
            self.errors.refuse(self.mine_row, self.tr(NOT_YOURS))
            return
        super().failed(exc)


class ChangePassphraseDialog(_PassphraseForm):
    """The signed-in adviser's own passphrase: the old one proves who is asking."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Change your passphrase"),
            self.tr(
                "Type your current passphrase, then the new one twice. Other advisers' passphrases "
                "do not change."
            ),
            self.tr("&Change passphrase"),
            parent,
        )
        self.old = PassphraseEdit()
        self.old_row = FieldRow(self.grid, 0, self.tr("&Current passphrase"), self.old)
        self.new_passphrase_rows(1)
        self.errors.watch(self.old_row, self.old)
        self.old.setFocus()

    def problems(self) -> list[tuple[FieldRow, str | None]]:
        return [
            (self.old_row, None if self.old.text() else self.tr("Type your current passphrase.")),
            *self.new_problems(),
        ]

    def submit(self) -> None:
        if not self.errors.run():
            return
        old, new = self.old.text(), self.new.text()
        store = self.session.store
        self.run(lambda _p: store.change_passphrase(store.adviser, old, new))

    def failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphrase):
            self.ok.setEnabled(True)
            self.errors.refuse(self.old_row, self.tr("That is not your current passphrase: try again."))
            return
        super().failed(exc)
