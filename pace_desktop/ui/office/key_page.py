"""Office key and staff: write office.pub again, back up the office identity, manage staff passphrases.

The backup is the one secret that leaves the central store: it opens every bundle sent to this
office. So it asks for the passphrase again, refuses to overwrite a file, writes it owner-only, and
says plainly to keep it offline.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.ui import style
from pace_desktop.ui.office.common import PathPicker, error_text, hint, page
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.reauth import ReauthDialog

IDENTITY_WARNING = QT_TRANSLATE_NOOP(
    "KeyPage",
    "The office identity is the secret key that opens every bundle sent to this office. Keep the "
    "backup offline — an encrypted USB stick in a safe — never on a shared drive or in email: "
    "anyone holding it can read bundles.",
)


class KeyPage(QWidget):
    """Three boxes: the office's public key (and office.pub), the identity backup, and staff."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = page(
            self,
            self.tr("Office key and staff"),
            self.tr(
                "Laptops encrypt bundles to this office's public key and check receipts with it. It "
                "travels to them in a file called office.pub, which is safe to share."
            ),
        )
        self.done_banner = Banner("success")
        self.banner = Banner("error")
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left = QVBoxLayout()
        left.addWidget(self._build_public())
        left.addWidget(self._build_backup())
        left.addStretch(1)
        columns.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(self._build_staff())
        right.addStretch(1)
        columns.addLayout(right, 2)
        layout.addWidget(self.done_banner)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)

    # -- building ----------------------------------------------------------------------------------
    def _build_public(self) -> QWidget:
        box = QGroupBox(self.tr("This office's public key"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self.details: dict[str, QLabel] = {}
        for r, name in enumerate(
            (self.tr("Office"), self.tr("Public key"), self.tr("Receipt key fingerprint"))
        ):
            label = QLabel(name)
            label.setObjectName("hint")
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, r, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, r, 1, 1, 2)
            self.details[name] = value
        self.pub_folder = PathPicker("folder", self.tr("Folder for office.pub"))
        self.pub_row = FieldRow(grid, 3, self.tr("Write it &to"), self.pub_folder)
        grid.removeWidget(self.pub_folder)
        grid.addWidget(self.pub_folder, 3, 1, 1, 2)
        grid.removeWidget(self.pub_row.message)
        grid.addWidget(self.pub_row.message, 4, 1, 1, 2)
        self.pub_button = QPushButton(self.tr("&Write office.pub"))
        self.pub_button.clicked.connect(self.write_pub)
        grid.addWidget(self.pub_button, 5, 2, Qt.AlignmentFlag.AlignRight)
        return box

    def _build_backup(self) -> QWidget:
        box = QGroupBox(self.tr("Back up the office identity"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        warning = Banner("notice")
        warning.show_message(self.tr(IDENTITY_WARNING))
        grid.addWidget(warning, 0, 0, 1, 3)
        self.backup_file = PathPicker(
            "save",
            self.tr("Save the office identity as"),
            file_filter=self.tr("Age identity (*.txt *.key);;All files (*)"),
        )
        self.backup_row = FieldRow(grid, 1, self.tr("Save &as"), self.backup_file)
        grid.removeWidget(self.backup_file)
        grid.addWidget(self.backup_file, 1, 1, 1, 2)
        grid.removeWidget(self.backup_row.message)
        grid.addWidget(self.backup_row.message, 2, 1, 1, 2)
        self.backup_button = QPushButton(self.tr("&Back up identity…"))
        self.backup_button.setProperty("danger", True)
        self.backup_button.clicked.connect(self.back_up)
        grid.addWidget(self.backup_button, 3, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(
            hint(
                self.tr(
                    "With this file, the standard age tool opens a bundle even if the central store is "
                    "lost: age -d -i FILE bundle.pacebundle"
                )
            ),
            4,
            0,
            1,
            3,
        )
        return box

    def _build_staff(self) -> QWidget:
        box = QGroupBox(self.tr("Office staff"))
        layout = QVBoxLayout(box)
        layout.addWidget(
            hint(self.tr("These people can unlock the central store, each with their own passphrase."))
        )
        self.staff = QListWidget()
        self.staff.setAccessibleName(self.tr("Office staff"))
        self.staff.setMinimumHeight(120)
        self.staff.setMaximumHeight(220)
        layout.addWidget(self.staff, 1)
        self.add_button = QPushButton(style.icon("add-person"), self.tr("A&dd staff member…"))
        self.add_button.clicked.connect(self.add_staff)
        self.change_button = QPushButton(self.tr("&Change my passphrase…"))
        self.change_button.clicked.connect(self.change_passphrase)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.change_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.recover_button = QPushButton(self.tr("Recover a &laptop…"))
        self.recover_button.setToolTip(
            self.tr("Open a laptop's store with this office's identity and set a new adviser's passphrase")
        )
        self.recover_button.clicked.connect(self.recover_laptop)
        layout.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # -- data --------------------------------------------------------------------------------------
    def reload(self) -> None:
        from pace_desktop.office.central import office_key

        if not self.session.is_unlocked:
            return
        store = self.session.store

        def load(_p: Any) -> tuple[Any, list[str], str]:
            return office_key(store), list(store.keys.advisers), store.adviser

        self.session.worker.submit(load, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[Any, list[str], str]) -> None:
        if not self.session.is_unlocked:
            return
        key, staff, me = result
        values = list(self.details.values())
        values[0].setText(key.office_id or "")
        values[1].setText(key.recipient)
        fingerprint = key.verify_fingerprint or ""
        values[2].setText(" ".join(fingerprint[i : i + 4] for i in range(0, 16, 4)))
        self.staff.clear()
        for name in staff:
            self.staff.addItem(self.tr("{0} (you)").format(name) if name == me else name)

    def _failed(self, exc: BaseException) -> None:
        self.done_banner.clear_message()
        self.banner.show_message(error_text(exc, self.tr("Nothing was changed: try again.")))

    def _done(self, message: str) -> None:
        self.banner.clear_message()
        self.done_banner.show_message(message)
        self.reload()

    def clear(self) -> None:
        for value in self.details.values():
            value.clear()
        self.staff.clear()
        self.banner.clear_message()
        self.done_banner.clear_message()

    # -- actions -----------------------------------------------------------------------------------
    def write_pub(self) -> None:
        from pace_desktop.office.central import write_office_pub

        folder = self.pub_folder.path()
        if folder is None or not folder.is_dir():
            self.pub_row.set_error(self.tr("Choose an existing folder."))
            return
        self.pub_row.set_error(None)
        store = self.session.store
        self.session.worker.submit(
            lambda _p: write_office_pub(store, folder),
            on_done=lambda path: self._done(
                self.tr("Wrote {0}. Give it to each laptop: Settings, Office key.").format(path)
            ),
            on_error=self._failed,
        )

    def back_up(self) -> ReauthDialog | None:
        from pace_desktop.office.central import backup_identity

        target = self.backup_file.path()
        if target is None:
            self.backup_row.set_error(self.tr("Choose a new file to save the identity in."))
            return None
        if target.exists():
            self.backup_row.set_error(self.tr("That file already exists: choose a new file name."))
            return None
        if not target.parent.is_dir():
            self.backup_row.set_error(self.tr("That folder does not exist: choose another."))
            return None
        self.backup_row.set_error(None)
        store = self.session.store
        dialog = ReauthDialog(
            self.session,
            self.tr("Write the office's secret identity to {0}? Type your passphrase to confirm.").format(
                target
            ),
            self,
        )

        def go() -> None:
            self.session.worker.submit(
                lambda _p: backup_identity(store, target),
                on_done=lambda path: self._done(
                    self.tr(
                        "Wrote {0}, readable by you only. Move it offline now, and delete any other copy."
                    ).format(path)
                ),
                on_error=self._failed,
            )

        dialog.accepted.connect(go)
        dialog.open()
        return dialog

    def add_staff(self) -> Any:
        from pace_desktop.ui.dialogs.advisers import AddAdviserDialog

        dialog = AddAdviserDialog(self.session, self)
        # The same form as a laptop's "Add an adviser", in the office's words.
        dialog.setWindowTitle(self.tr("Add an office staff member"))
        dialog.name_row.label.setText(self.tr("Staff member's &name"))
        dialog.ok.setText(self.tr("&Add staff member"))
        dialog.accepted.connect(lambda: self._done(self.tr("The staff member was added.")))
        dialog.open()
        return dialog

    def change_passphrase(self) -> Any:
        from pace_desktop.ui.dialogs.advisers import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.session, self)
        dialog.accepted.connect(lambda: self._done(self.tr("Your passphrase was changed.")))
        dialog.open()
        return dialog

    def recover_laptop(self) -> Any:
        from pace_desktop.ui.office.recover_dialog import RecoverLaptopDialog

        dialog = RecoverLaptopDialog(self.session, self)
        dialog.accepted.connect(lambda: self._done(" ".join(dialog.lines)))
        dialog.open()
        return dialog
