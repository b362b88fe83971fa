"""Recover a laptop: the office opens a laptop's store with its own identity and gives it a new
adviser's passphrase, optionally removing the advisers it had (the store is then re-keyed, so their
keys no longer open it). Behind the staff member's passphrase; the work is ``recovery.recover_laptop``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from pace_desktop.errors import PaceError, WrongPassphrase
from pace_desktop.ui.dialogs.advisers import _PassphraseForm
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.office.common import PathPicker
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.passphrase import PassphraseEdit
from pace_desktop.ui.widgets.reauth import NOT_YOURS, verify_current


class RecoverLaptopDialog(_PassphraseForm):
    """Choose the laptop's store file, name the new adviser, set their passphrase, confirm with yours."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Recover a laptop"),
            self.tr(
                "Opens a laptop's store with this office's identity, for a laptop whose advisers have "
                "left or forgotten their passphrase. Choose its store file (the .keys file must be beside "
                "it), then the new adviser types the passphrase they will use."
            ),
            self.tr("&Recover laptop"),
            parent,
        )
        self.store_file = PathPicker(
            "open",
            self.tr("The laptop's store file"),
            file_filter=self.tr("PACE store (*.store);;All files (*)"),
        )
        self.store_row = FieldRow(self.grid, 0, self.tr("Laptop's &store"), self.store_file)
        # Return in a field recovers (or says what is missing); it must never open the file chooser.
        self.store_file.button.setAutoDefault(False)
        self.ok.setDefault(True)
        self.name = QLineEdit()
        self.name_row = FieldRow(self.grid, 1, self.tr("New adviser's &name"), self.name)
        self.new_passphrase_rows(2)
        # A check box's text does not wrap: the short choice on the box, what it does beside it.
        self.remove_old = QCheckBox(self.tr("Remove the advisers it had"))
        remove_hint = QLabel(self.tr("The store is re-keyed, so their keys will no longer open that laptop."))
        remove_hint.setObjectName("hint")
        remove_hint.setWordWrap(True)
        self.remove_old.setAccessibleDescription(remove_hint.text())
        self.grid.addWidget(self.remove_old, 5, 1)
        self.grid.addWidget(remove_hint, 5, 2)
        self.mine = PassphraseEdit()
        self.mine_row = FieldRow(
            self.grid,
            6,
            self.tr("&Your passphrase"),
            self.mine,
            hint=self.tr("The one you unlocked the central store with"),
        )
        self.lines: list[str] = []
        self.errors.watch(self.store_row, self.store_file)
        self.errors.watch(self.name_row, self.name)
        self.errors.watch(self.mine_row, self.mine)
        self.store_file.setFocus()

    def problems(self) -> list[tuple[FieldRow, str | None]]:
        path = self.store_file.path()
        return [
            (
                self.store_row,
                None if path is not None and path.is_file() else self.tr("Choose the laptop's store file."),
            ),
            (self.name_row, None if self.name.text().strip() else self.tr("Enter the new adviser's name.")),
            *self.new_problems(),
            (self.mine_row, None if self.mine.text() else self.tr("Type your passphrase to confirm.")),
        ]

    def submit(self) -> None:
        if not self.errors.run():
            return
        path, name, new, mine = (
            self.store_file.path(),
            self.name.text().strip(),
            self.new.text(),
            self.mine.text(),
        )
        assert path is not None  # checked by problems()
        session, remove_old = self.session, self.remove_old.isChecked()

        def recover(_progress: Any) -> list[str]:
            from pace_desktop.recovery import identity_from_central, laptop_advisers, recover_laptop

            try:
                verify_current(session, mine)
            except WrongPassphrase:  # yours, not the laptop's: say so beside your passphrase
                raise PaceError(NOT_YOURS) from None
            remove = laptop_advisers(path) if remove_old else []
            result = recover_laptop(
                path,
                identity_from_central(session.store),
                adviser=name,
                passphrase=new,
                remove=remove,
                central=session.store,
            )
            return result.lines()

        self.ok.setEnabled(False)
        self.banner.clear_message()
        self.session.worker.submit(recover, on_done=self._recovered, on_error=self.failed)

    def _recovered(self, lines: list[str]) -> None:
        self.lines = lines
        self.accept()

    def failed(self, exc: BaseException) -> None:
        if isinstance(exc, PaceError) and str(exc) == NOT_YOURS:
            self.ok.setEnabled(True)
            self.errors.refuse(self.mine_row, QCoreApplication.translate("ReauthDialog", NOT_YOURS))
            return
        if isinstance(exc, WrongPassphrase):  # the office key does not open that laptop
            self.ok.setEnabled(True)
            self.errors.refuse(self.store_row, core_tr(str(exc)))
            return
        super().failed(exc)
