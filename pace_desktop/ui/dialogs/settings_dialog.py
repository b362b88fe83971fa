"""Settings: who can unlock this laptop, the office key, and the time limits (retention, auto-lock,
kiosk).

What the machine's IT policy fixes (``pace_desktop.policy``: the office key, retention, auto-lock) is
shown read-only with a note saying so, and is never sent to the store (which would refuse it).

Every change is an admin action: it asks for the signed-in adviser's passphrase again
(``ReauthDialog``) before the store is touched, so a laptop left unlocked for a moment cannot be
quietly reconfigured.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop import policy
from pace_desktop.errors import PaceError
from pace_desktop.exchange.officekey import (
    install_office_key,
    laptop_office_key,
    read_office_key_file,
)
from pace_desktop.store.store import RETENTION_DAYS
from pace_desktop.ui import style
from pace_desktop.ui.dialogs.advisers import AddAdviserDialog, ChangePassphraseDialog
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.reauth import ReauthDialog

# setting key -> (label, unit, minimum, maximum); the unit is a plural suffix (SettingsDialog._suffix)
LIMITS: dict[str, tuple[str, str, int, int]] = {
    "retention_days": (
        QT_TRANSLATE_NOOP("SettingsDialog", "Keep confirmed records for"),
        "days",
        *RETENTION_DAYS,
    ),
    "autolock_minutes": (QT_TRANSLATE_NOOP("SettingsDialog", "Lock after no use for"), "minutes", 1, 60),
    "kiosk_idle_seconds": (
        QT_TRANSLATE_NOOP("SettingsDialog", "Kiosk: reset after no use for"),
        "seconds",
        30,
        900,
    ),
    "kiosk_countdown_seconds": (
        QT_TRANSLATE_NOOP("SettingsDialog", "Kiosk: warning countdown"),
        "seconds",
        5,
        120,
    ),
}


def _tab(intro: str) -> tuple[QWidget, QVBoxLayout]:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 16, 16, 16)
    layout.setSpacing(12)
    text = QLabel(intro)
    text.setObjectName("hint")
    text.setWordWrap(True)
    layout.addWidget(text)
    return page, layout


class SettingsDialog(QDialog):
    """Three tabs; the window's header is refreshed by the caller when it closes."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.fixed = policy.current().fixed()  # what IT's policy file sets: shown, never editable
        self.setWindowTitle(self.tr("Settings"))
        self.setModal(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._advisers_tab(), self.tr("&Advisers"))
        self.tabs.addTab(self._office_tab(), self.tr("&Office key"))
        self.tabs.addTab(self._limits_tab(), self.tr("&Time limits"))
        self.banner = Banner("error")
        self.done_banner = Banner("success")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.done_banner)
        layout.addWidget(buttons)
        self.setMinimumSize(760, 480)
        self.refresh()

    # -- tabs --------------------------------------------------------------------------------------
    def _advisers_tab(self) -> QWidget:
        page, layout = _tab(self.tr("These advisers can unlock this laptop, each with their own passphrase."))
        self.advisers = QListWidget()
        self.advisers.setAccessibleName(self.tr("Advisers who can unlock this laptop"))
        self.add_button = QPushButton(style.icon("add"), self.tr("A&dd adviser…"))
        self.add_button.clicked.connect(self.add_adviser)
        self.change_button = QPushButton(self.tr("&Change my passphrase…"))
        self.change_button.clicked.connect(self.change_passphrase)
        self.remove_button = QPushButton(self.tr("&Remove adviser…"))
        self.remove_button.setProperty("danger", True)
        self.remove_button.clicked.connect(self.remove_adviser)
        self.advisers.currentRowChanged.connect(lambda _r: self._update_remove())
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.change_button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addWidget(self.advisers, 1)
        layout.addLayout(row)
        return page

    def _office_tab(self) -> QWidget:
        page, layout = _tab(
            self.tr(
                "Exports are encrypted to the office's key, so only the office can read them. The same "
                "key lets the office recover this laptop's records if no adviser can unlock it."
            )
        )
        self.office_status = QLabel()
        self.office_status.setWordWrap(True)
        self.office_file = QLineEdit()
        self.office_file.setPlaceholderText(self.tr("The office.pub file from the office"))
        browse = QPushButton(self.tr("Choose &file…"))
        browse.clicked.connect(self._choose_office_file)
        box = QWidget()
        box_row = QHBoxLayout(box)
        box_row.setContentsMargins(0, 0, 0, 0)
        box_row.addWidget(self.office_file, 1)
        box_row.addWidget(browse)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        fixed = "office_key" in self.fixed
        self.office_row = FieldRow(
            grid,
            0,
            self.tr("Office &key file"),
            box,
            hint=self.policy_note() if fixed else None,
            visible_hint=fixed,
        )
        self.office_file.setAccessibleName(self.tr("Office key file"))
        self.office_button = QPushButton(self.tr("&Use this key"))
        self.office_button.clicked.connect(self.set_office_key)
        if fixed:
            self.office_file.setReadOnly(True)
            self.office_file.setPlaceholderText("")
            self.office_file.setAccessibleDescription(self.policy_note())
            browse.setEnabled(False)
            self.office_button.setEnabled(False)
        layout.addWidget(self.office_status)
        layout.addLayout(grid)
        layout.addWidget(self.office_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return page

    def policy_note(self) -> str:
        """The line beside every setting the machine's policy fixes."""
        return self.tr("Set by your organisation's IT policy")

    def _suffix(self, unit: str, n: int) -> str:
        """' days' after a number box, in the plural form its value needs (' 1 day' reads wrong)."""
        forms = {
            "days": lambda: self.tr(" day(s)", "", n),
            "minutes": lambda: self.tr(" minute(s)", "", n),
            "seconds": lambda: self.tr(" second(s)", "", n),
        }
        return forms[unit]()

    def _limits_tab(self) -> QWidget:
        page, layout = _tab(
            self.tr(
                "Confirmed records are removed from this laptop after the "
                "retention period, so that a lost laptop holds as little as "
                "possible."
            )
        )
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.limits: dict[str, QSpinBox] = {}
        self.limit_rows: dict[str, FieldRow] = {}
        for i, (key, (label, unit, low, high)) in enumerate(LIMITS.items()):
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setSuffix(self._suffix(unit, spin.value()))
            spin.valueChanged.connect(lambda n, s=spin, u=unit: s.setSuffix(self._suffix(u, n)))
            spin.setMinimumWidth(160)
            fixed = key in self.fixed
            self.limit_rows[key] = FieldRow(
                grid, i, self.tr(label), spin, hint=self.policy_note() if fixed else None, visible_hint=fixed
            )
            if fixed:  # shown, and focusable for screen readers, but not editable
                spin.setReadOnly(True)
                spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            self.limits[key] = spin
        # Off unless chosen here or fixed by IT's policy; it needs the office relay set too.
        self.auto_sync = QCheckBox(self.tr("Send to the office &automatically while unlocked and online"))
        self.auto_sync.setToolTip(
            self.tr(
                "Just after each unlock, then every 15 minutes, send everything new to the office "
                "relay and bring back its receipts. Offline, it says so and tries again later."
            )
        )
        if "auto_sync" in self.fixed:
            self.auto_sync.setEnabled(False)
            self.auto_sync.setToolTip(self.policy_note())
            self.auto_sync.setAccessibleDescription(self.policy_note())
        self.limits_button = style.primary(QPushButton(self.tr("&Save time limits")))
        self.limits_button.setDefault(False)
        self.limits_button.clicked.connect(self.save_limits)
        self.limits_button.setEnabled(bool(self.editable_limits()) or "auto_sync" not in self.fixed)
        layout.addLayout(grid)
        layout.addWidget(self.auto_sync)
        layout.addWidget(self.limits_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return page

    # -- state -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.session.store
        current = self.advisers.currentItem().text() if self.advisers.currentItem() else None
        self.advisers.clear()
        for name in store.keys.advisers:
            you = name == store.adviser
            self.advisers.addItem(self.tr("{0} (you)").format(name) if you else name)
        self.advisers.setCurrentRow(max(0, self._row_of(current)))
        office = laptop_office_key(store)
        if office is not None:
            text = self.tr("Bundles are encrypted to the office key {0}…{1}.").format(
                office.recipient[:12], office.recipient[-6:]
            )
            if office.verify_fingerprint:
                text += " " + self.tr("Receipts are checked against office {0} (key {1}).").format(
                    office.office_id, office.verify_fingerprint
                )
            else:
                text += " " + self.tr(
                    "This key file has no receipt key: ask the office for the "
                    "full office.pub before applying receipts."
                )
            self.office_status.setText(text)
        else:
            self.office_status.setText(
                self.tr("No office key yet: you can register people, but you cannot export until you add it.")
            )
        for key, spin in self.limits.items():
            spin.setValue(store.int_setting(key))
        self.auto_sync.setChecked(store.setting("auto_sync") == "1")
        self._update_remove()

    def _row_of(self, text: str | None) -> int:
        for i in range(self.advisers.count()):
            if self.advisers.item(i).text() == text:
                return i
        return -1

    def selected_adviser(self) -> str | None:
        row = self.advisers.currentRow()
        return None if row < 0 else self.session.store.keys.advisers[row]

    def _update_remove(self) -> None:
        name = self.selected_adviser()
        self.remove_button.setEnabled(name is not None and name != self.session.store.adviser)
        self.remove_button.setToolTip(
            ""
            if self.remove_button.isEnabled()
            else self.tr("You cannot remove yourself: ask another adviser.")
        )

    def _failed(self, exc: BaseException) -> None:
        self.done_banner.clear_message()
        self.banner.show_message(
            core_tr(str(exc)) if isinstance(exc, PaceError) else self.tr("Nothing was changed: try again.")
        )

    def confirm_then(self, action: str, fn: Callable[[Any], Any], done_message: str | None) -> ReauthDialog:
        """Ask for the passphrase; once it is right, run ``fn`` on the worker and report (with
        ``done_message``, or when it is None with the line ``fn`` returned)."""
        dialog = ReauthDialog(self.session, action, self)

        def go() -> None:
            self.session.worker.submit(
                fn,
                on_done=lambda r: self._changed(str(r) if done_message is None else done_message),
                on_error=self._failed,
            )

        dialog.accepted.connect(go)
        dialog.open()
        return dialog

    # -- actions -----------------------------------------------------------------------------------
    def add_adviser(self) -> AddAdviserDialog:
        dialog = AddAdviserDialog(self.session, self)
        dialog.accepted.connect(lambda: self._changed(self.tr("The adviser was added.")))
        dialog.open()
        return dialog

    def change_passphrase(self) -> ChangePassphraseDialog:
        dialog = ChangePassphraseDialog(self.session, self)
        dialog.accepted.connect(lambda: self._changed(self.tr("Your passphrase was changed.")))
        dialog.open()
        return dialog

    def remove_adviser(self) -> ReauthDialog | None:
        name = self.selected_adviser()
        if name is None or name == self.session.store.adviser:
            return None
        store = self.session.store
        return self.confirm_then(
            self.tr(
                "Remove {0}? Their key will no longer open this laptop: the store is re-keyed "
                "under a new key, which takes a moment. Type your passphrase to confirm."
            ).format(name),
            lambda _p: store.remove_adviser(name).message(name),
            None,
        )

    def _choose_office_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the office key"),
            str(Path.home()),
            self.tr("Office key (*.pub);;All files (*)"),
        )
        if name:
            self.office_file.setText(name)

    def set_office_key(self) -> ReauthDialog | None:
        if "office_key" in self.fixed:
            return None
        chosen = self.office_file.text().strip()
        if not chosen:
            self.office_row.set_error(self.tr("Choose the office.pub file first."))
            return None
        try:
            office_key = read_office_key_file(Path(chosen).expanduser())
        except PaceError as exc:
            self.office_row.set_error(core_tr(str(exc)))
            return None
        self.office_row.set_error(None)
        store = self.session.store
        return self.confirm_then(
            self.tr("Use this office key for exports and recovery? Type your passphrase to confirm."),
            lambda _p: install_office_key(store, office_key),
            self.tr("The office key was saved."),
        )

    def editable_limits(self) -> dict[str, QSpinBox]:
        """The time limits the policy leaves to the user."""
        return {key: spin for key, spin in self.limits.items() if key not in self.fixed}

    def save_limits(self) -> ReauthDialog:
        values = {key: str(spin.value()) for key, spin in self.editable_limits().items()}
        if "auto_sync" not in self.fixed:
            values["auto_sync"] = "1" if self.auto_sync.isChecked() else "0"
        store = self.session.store
        return self.confirm_then(
            self.tr("Save the new time limits? Type your passphrase to confirm."),
            lambda _p: store.set_settings(values),
            self.tr("The time limits were saved."),
        )

    def _changed(self, message: str) -> None:
        self.session.reload_settings()
        self.banner.clear_message()
        self.done_banner.show_message(message)
        self.refresh()
