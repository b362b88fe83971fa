"""Devices: the laptops whose bundles this office accepts, and enrolling another by its device key.

A laptop's device key is public (its Ed25519 signing key); enrolling it means "bundles signed by this
key are ours". A laptop already enrolled with a different key is refused, never silently replaced.
A laptop that is lost, stolen or handed back is retired: it stays listed, and its bundles are refused;
enrolling its key again undoes that.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pace_desktop.ui import style
from pace_desktop.ui.office.common import error_text, hint, page, when
from pace_desktop.ui.office.models import RowsModel, selected_key, sortable, table
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.reauth import ReauthDialog


def _grouped(fingerprint: str) -> str:
    """The first 16 hex digits in fours, as people read them aloud to compare: 'ab12 cd34 …'."""
    short = fingerprint[:16]
    return " ".join(short[i : i + 4] for i in range(0, len(short), 4))


class DevicesPage(QWidget):
    """The enrolled laptops, and a field to paste (or a file to choose) a new laptop's key."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = page(
            self,
            self.tr("Devices"),
            self.tr(
                "Bundles are accepted only from laptops enrolled here. To enrol a laptop, the adviser "
                "sends its device key: the one line, starting PACE-DEVICE-1, that "
                "'pace-desktop device-key' shows on that laptop."
            ),
        )

        box = QGroupBox(self.tr("Enrol a laptop"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("PACE-DEVICE-1 LT… or the path of a file holding it"))
        self.key.returnPressed.connect(self.enrol)
        self.browse = QPushButton(self.tr("Choose &file…"))
        self.browse.clicked.connect(self.choose_file)
        key_box = QWidget()
        key_row = QHBoxLayout(key_box)
        key_row.setContentsMargins(0, 0, 0, 0)
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.browse)
        self.key_row = FieldRow(grid, 0, self.tr("Device &key"), key_box)
        self.key.setAccessibleName(self.tr("Device key"))
        # The error goes under the field: the key line is long and needs the whole width.
        grid.removeWidget(self.key_row.message)
        grid.addWidget(self.key_row.message, 1, 1)
        self.enrol_button = style.primary(QPushButton(style.icon("add"), self.tr("&Enrol laptop")))
        self.enrol_button.setDefault(False)
        self.enrol_button.clicked.connect(self.enrol)
        grid.addWidget(self.enrol_button, 0, 2)
        grid.addWidget(
            hint(
                self.tr(
                    "Check the key came from the adviser you expect (for example by reading the "
                    "fingerprint back to them by phone) before enrolling it."
                )
            ),
            2,
            1,
            1,
            2,
        )
        layout.addWidget(box)
        self.done_banner = Banner("success")
        self.banner = Banner("error")
        layout.addWidget(self.done_banner)
        layout.addWidget(self.banner)

        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        layout.addWidget(self.heading)
        self.model = RowsModel(
            [
                self.tr("Laptop"),
                self.tr("Key fingerprint"),
                self.tr("Enrolled"),
                self.tr("By"),
                self.tr("How"),
                self.tr("Bundles"),
            ]
        )
        self.view = table(self.model, self.tr("Enrolled laptops"), stretch=4)
        sortable(self.view, self.model, 0)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.view, 1)
        actions = QHBoxLayout()
        self.retire_button = QPushButton(self.tr("&Retire laptop…"))
        self.retire_button.setEnabled(False)
        self.retire_button.clicked.connect(self.retire)
        actions.addWidget(
            hint(
                self.tr(
                    "Retire a laptop that is lost, stolen or handed back: its bundles are refused from then "
                    "on. Enrolling its key again undoes it."
                )
            ),
            1,
        )
        actions.addWidget(self.retire_button)
        layout.addLayout(actions)

    # -- data --------------------------------------------------------------------------------------
    def reload(self) -> None:
        from pace_desktop.office.devices import devices

        if not self.session.is_unlocked:
            return
        store = self.session.store
        self.session.worker.submit(lambda _p: devices(store), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, rows: list[Any]) -> None:
        if not self.session.is_unlocked:
            return
        how = {
            "enrolled": self.tr("Enrolled by its key"),
            "first_use": self.tr("Trusted on its first bundle"),
        }
        status = [
            self.tr("Refused: retired {0} by {1}").format(when(d.retired_at), d.retired_by)
            if d.retired_at
            else self.tr("Accepted")
            for d in rows
        ]
        self.model.set_rows(
            [
                (
                    d.device_id,
                    _grouped(d.fingerprint),
                    when(d.enrolled_at),
                    d.enrolled_by,
                    how.get(d.how, d.how),
                    state,
                )
                for d, state in zip(rows, status, strict=True)
            ],
            keys=rows,
            sort_keys=[
                (d.device_id, d.fingerprint, d.enrolled_at, d.enrolled_by, d.how, d.retired_at or "")
                for d in rows
            ],
        )
        retired = sum(1 for d in rows if d.retired_at)
        self.heading.setText(
            self.tr("Enrolled laptops ({0}, {1} retired)").format(len(rows), retired)
            if retired
            else self.tr("Enrolled laptops ({0})").format(len(rows))
        )
        self._selected()

    def _failed(self, exc: BaseException) -> None:
        self.done_banner.clear_message()
        self.banner.show_message(
            error_text(exc, self.tr("The laptops could not be read: lock and unlock, then try again."))
        )

    def _selected(self, *_args: Any) -> None:
        device = selected_key(self.view, self.model)
        self.retire_button.setEnabled(device is not None and device.retired_at is None)

    def clear(self) -> None:
        self.model.set_rows([])
        self.key.clear()
        self.key_row.set_error(None)
        self.banner.clear_message()
        self.done_banner.clear_message()

    # -- enrolling ---------------------------------------------------------------------------------
    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the device key file"),
            str(Path.home()),
            self.tr("Text files (*.txt *.key);;All files (*)"),
        )
        if chosen:
            self.key.setText(chosen)

    def enrol(self) -> None:
        from pace_desktop.office.devices import enrol_device

        text = self.key.text().strip()
        if not text:
            self.key_row.set_error(self.tr("Paste the laptop's device key, or choose its file."))
            self.key.setFocus()
            return
        self.key_row.set_error(None)
        self.banner.clear_message()
        self.enrol_button.setEnabled(False)
        store = self.session.store
        self.session.worker.submit(
            lambda _p: enrol_device(store, text), on_done=self._enrolled, on_error=self._refused
        )

    def _enrolled(self, result: tuple[Any, bool]) -> None:
        key, new = result
        self.enrol_button.setEnabled(True)
        self.key.clear()
        if new:
            text = self.tr(
                "Laptop {0} was enrolled (key fingerprint {1}): its bundles will now be accepted."
            ).format(key.device_id, _grouped(key.fingerprint))
        else:
            text = self.tr("Laptop {0} was already enrolled with this key: nothing changed.").format(
                key.device_id
            )
        self.done_banner.show_message(text)
        self.reload()

    def _refused(self, exc: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        self.done_banner.clear_message()
        self.key_row.set_error(error_text(exc, self.tr("The laptop was not enrolled: try again.")))
        self.key.selectAll()
        self.key.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- retiring ----------------------------------------------------------------------------------
    def retire(self) -> ReauthDialog | None:
        """Ask for the passphrase, then refuse the selected laptop's bundles from now on."""
        from pace_desktop.office.devices import retire_device

        device = selected_key(self.view, self.model)
        if device is None or device.retired_at is not None:
            return None
        store, laptop = self.session.store, device.device_id
        dialog = ReauthDialog(
            self.session,
            self.tr(
                "Retire laptop {0}? Bundles it signs will be refused from now on, including any not yet "
                "imported. Type your passphrase to confirm."
            ).format(laptop),
            self,
        )

        def go() -> None:
            self.session.worker.submit(
                lambda _p: retire_device(store, laptop),
                on_done=lambda _changed: self._retired(laptop),
                on_error=self._failed,
            )

        dialog.accepted.connect(go)
        dialog.open()
        return dialog

    def _retired(self, laptop: str) -> None:
        self.banner.clear_message()
        self.done_banner.show_message(
            self.tr(
                "Laptop {0} was retired: its bundles are refused from now on. To undo it, enrol its key "
                "again."
            ).format(laptop)
        )
        self.reload()
