"""First run in the office: create the central store, its first staff member and office.pub.

One card, as on a laptop's first run: a name, a passphrase twice (strength shown, 12 characters at
least), and the folder where office.pub — the public key the laptops need — is written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from pace_desktop.ui import style
from pace_desktop.ui.office.common import PathPicker, error_text
from pace_desktop.ui.office.reports_page import documents_folder
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.card import centred_card
from pace_desktop.ui.widgets.error_summary import ErrorSummary, FormErrors
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.passphrase import NewPassphrase


class OfficeSetupScreen(QWidget):
    """Emits ``created(OfficeInit)`` after the store is made and adopted by the session."""

    created = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("Set up the office"))
        title.setObjectName("pageTitle")
        lead = QLabel(
            self.tr(
                "This creates the central store, where the bundles that advisers send are imported. "
                "It is encrypted; each member of office staff opens it with their own passphrase."
            )
        )
        lead.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setColumnMinimumWidth(2, 200)
        self.name = QLineEdit()
        self.name_row = FieldRow(grid, 0, self.tr("Your &name"), self.name)
        self.new_passphrase = NewPassphrase(
            grid,
            1,
            label=self.tr("&Passphrase"),
            again_label=self.tr("Type it &again"),
            hint=self.tr("At least 12 characters"),
            parent=self,
        )
        self.passphrase, self.confirm = self.new_passphrase.edit, self.new_passphrase.again
        self.meter = self.new_passphrase.meter
        self.pass_row, self.confirm_row = self.new_passphrase.row, self.new_passphrase.again_row
        self.folder = PathPicker("folder", self.tr("Folder for office.pub"))
        self.folder.set_path(documents_folder())
        self.folder_row = FieldRow(
            grid,
            4,
            self.tr("Write office.pub &to"),
            self.folder,
            hint=self.tr("office.pub holds the office's public keys: every laptop needs a copy"),
        )
        store_label = QLabel(self.tr("Central store"))
        where = QLabel(str(session.path))
        where.setObjectName("hint")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(store_label, 5, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(where, 5, 1, 1, 2)
        self.banner = Banner("error")
        self.button = style.primary(QPushButton(self.tr("&Create central store")))
        self.button.clicked.connect(self.create)
        # Enter in any box submits, as on every other form.
        for line in (self.name, self.passphrase, self.confirm):
            line.returnPressed.connect(self.create)
        # GOV.UK's error pattern: the summary above the title with focus on it; after the first try,
        # each message goes as soon as its field is right.
        self.summary = ErrorSummary()
        self.errors = FormErrors(self.summary, self._problems)
        self.errors.watch(self.name_row, self.name)
        self.errors.watch(self.pass_row, self.passphrase)
        self.errors.watch(self.confirm_row, self.confirm, self.passphrase)
        self.errors.watch(self.folder_row, self.folder)

        _card, inner = centred_card(self, width=920)
        inner.addWidget(self.summary)
        inner.addWidget(title)
        inner.addWidget(lead)
        inner.addLayout(grid)
        inner.addWidget(self.banner)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.name.setFocus()

    def _problems(self) -> list[tuple[FieldRow, str | None]]:
        pass_problem, mismatch = self.new_passphrase.problems()
        folder = self.folder.path()
        if folder is None or not folder.is_dir():
            folder_problem: str | None = self.tr("Choose an existing folder.")
        elif (folder / "office.pub").exists():
            folder_problem = self.tr("That folder already holds an office.pub: choose another.")
        else:
            folder_problem = None
        return [
            (self.name_row, None if self.name.text().strip() else self.tr("Enter your name.")),
            (self.pass_row, pass_problem),
            (self.confirm_row, mismatch),
            (self.folder_row, folder_problem),
        ]

    def create(self) -> None:
        from pace_desktop.office.central import init_office

        if not self.button.isEnabled() or not self.errors.run():
            return
        session, staff = self.session, self.name.text().strip()
        passphrase, folder = self.passphrase.text(), self.folder.path()
        self.banner.clear_message()
        self.button.setEnabled(False)
        self.button.setText(self.tr("Creating…"))

        def make(_progress: Any) -> tuple[Any, Any]:
            session.path.parent.mkdir(parents=True, exist_ok=True)
            made = init_office(session.path, staff=staff, passphrase=passphrase, out_dir=folder)
            return made, session.open_store(passphrase)

        self.session.worker.submit(make, on_done=self._made, on_error=self._failed)

    def _made(self, result: tuple[Any, Any]) -> None:
        made, store = result
        self.passphrase.clear()
        self.confirm.clear()
        self.session.adopt(store)
        self.created.emit(made)

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.button.setText(self.tr("&Create central store"))
        self.banner.show_message(
            error_text(
                exc, self.tr("The central store could not be created: check the disk, then try again.")
            )
        )
