"""First run: three short steps to create the encrypted store, its first adviser and this laptop's
identity.

1. You: the adviser's name and passphrase (twice, strength shown, 12 characters at least).
2. This laptop: a name the office will recognise in bundles.
3. The office key (office.pub), now or later in Settings; exports need it, registering does not.
   When the machine's IT policy fixes the office key, this step shows that and the store gets it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop import policy
from pace_desktop.errors import PaceError
from pace_desktop.ui import style
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.card import centred_card
from pace_desktop.ui.widgets.error_summary import ErrorSummary, FormErrors
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.passphrase import NewPassphrase


def _step(title: str, intro: str) -> tuple[QWidget, QGridLayout]:
    page = QWidget()
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    text = QLabel(intro)
    text.setObjectName("hint")
    text.setWordWrap(True)
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(10)
    grid.setColumnStretch(1, 3)
    grid.setColumnStretch(2, 2)
    grid.setColumnMinimumWidth(2, 200)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    layout.addWidget(heading)
    layout.addWidget(text)
    layout.addLayout(grid)
    layout.addStretch(1)
    return page, grid


class FirstRunScreen(QWidget):
    """Emits ``created`` with the new, open Store; the window hands it to the session."""

    created = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("Welcome to PACE Intake"))
        title.setObjectName("pageTitle")
        lead = QLabel(
            self.tr(
                "Set up this laptop in three short steps. Everything you record is "
                "kept encrypted on this laptop until you export it to the office."
            )
        )
        lead.setWordWrap(True)
        self.step_label = QLabel()
        self.step_label.setObjectName("hint")
        # GOV.UK's error pattern: the summary above the title, focus on it, each message gone once its
        # field is right. A refused office key file is the one problem of the last step.
        self.summary = ErrorSummary()
        self._office_problem: str | None = None
        self.errors = FormErrors(self.summary, self._problems)
        self.pages = QStackedWidget()
        self._build_you()
        self._build_laptop()
        self._build_office()
        self.banner = Banner("error")
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = style.primary(QPushButton(self.tr("&Next")))
        self.next_button.clicked.connect(self.go_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)

        _card, inner = centred_card(self, width=920)
        inner.addWidget(self.summary)
        inner.addWidget(title)
        inner.addWidget(lead)
        inner.addWidget(self.step_label)
        inner.addWidget(self.pages, 1)
        inner.addWidget(self.banner)
        inner.addLayout(buttons)
        self._show_step(0)

    # -- steps -------------------------------------------------------------------------------------
    def _build_you(self) -> None:
        page, grid = _step(
            self.tr("About you"),
            self.tr(
                "You will type this passphrase each time you unlock. A few ordinary words together are "
                "easy to remember and hard to guess, for example 'kettle harbour violet seven'."
            ),
        )
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
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.errors.watch(self.name_row, self.name)
        self.errors.watch(self.pass_row, self.passphrase)
        self.errors.watch(self.confirm_row, self.confirm, self.passphrase)
        self.pages.addWidget(page)

    def _build_laptop(self) -> None:
        page, grid = _step(
            self.tr("This laptop"),
            self.tr(
                "Give this laptop a name the office will recognise on the bundles it sends, such as "
                "'Glasgow laptop 3'."
            ),
        )
        self.device = QLineEdit()
        self.device_row = FieldRow(grid, 0, self.tr("&Laptop name"), self.device)
        where = QLabel(str(self.session.path))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        grid.addWidget(QLabel(self.tr("Store file")), 1, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(where, 1, 1, 1, 2)
        self.pages.addWidget(page)

    def _build_office(self) -> None:
        page, grid = _step(
            self.tr("The office key"),
            self.tr(
                "The office gives each laptop a file called office.pub. Exports are encrypted to it, "
                "so only the office can read them. If you do not have it yet, leave this blank and add "
                "it later in Settings: you can register people without it."
            ),
        )
        self.office_key = QLineEdit()
        self.office_key.setPlaceholderText(self.tr("No office key yet"))
        self.browse = QPushButton(self.tr("&Choose file…"))
        self.browse.clicked.connect(self._choose_key)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.office_key, 1)
        row.addWidget(self.browse)
        self.policy_key = policy.current().office_key is not None
        note = self.tr("Set by your organisation's IT policy")
        self.office_row = FieldRow(
            grid,
            0,
            self.tr("&Office key file (optional)"),
            box,
            hint=note if self.policy_key else None,
            visible_hint=self.policy_key,
        )
        self.office_key.setAccessibleName(self.tr("Office key file (optional)"))
        if self.policy_key:  # the store gets the policy's key; no other can be chosen
            self.office_key.setReadOnly(True)
            self.office_key.setPlaceholderText(note)
            self.browse.setEnabled(False)
        self.office_key.textChanged.connect(self._office_key_changed)
        self.pages.addWidget(page)

    def _choose_key(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the office key"),
            str(Path.home()),
            self.tr("Office key (*.pub);;All files (*)"),
        )
        if name:
            self.office_key.setText(name)

    # -- navigation --------------------------------------------------------------------------------
    def _show_step(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        count = self.pages.count()
        self.step_label.setText(self.tr("Step {0} of {1}").format(index + 1, count))
        self.back_button.setEnabled(index > 0)
        last = index == count - 1
        self.next_button.setText(self.tr("&Create store") if last else self.tr("&Next"))
        first = (self.name, self.device, self.office_key)[index]
        first.setFocus()

    def go_back(self) -> None:
        self.banner.clear_message()
        self._office_problem = None
        self.errors.clear()
        self._show_step(max(0, self.pages.currentIndex() - 1))

    def go_next(self) -> None:
        index = self.pages.currentIndex()
        if index == 0 and not self._check_you():
            return
        if index < self.pages.count() - 1:
            self._show_step(index + 1)
        else:
            self.create()

    def _problems(self) -> list[tuple[FieldRow, str | None]]:
        """The current step's rows and what is wrong with each (None: nothing)."""
        if self.pages.currentIndex() == 0:
            pass_problem, mismatch = self.new_passphrase.problems()
            return [
                (self.name_row, None if self.name.text().strip() else self.tr("Enter your name.")),
                (self.pass_row, pass_problem),
                (self.confirm_row, mismatch),
            ]
        if self.pages.currentIndex() == self.pages.count() - 1:
            return [(self.office_row, self._office_problem)]
        return []

    def _check_you(self) -> bool:
        if self.errors.run():
            self.errors.clear()  # the next step starts with no summary
            return True
        return False

    def _office_key_changed(self) -> None:
        if self._office_problem is not None:
            self._office_problem = None
            self.errors.run(move_focus=False)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        # Enter anywhere in a step means Next, as in any wizard.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.next_button.isEnabled():
            self.go_next()
            return
        super().keyPressEvent(event)

    # -- creating the store ------------------------------------------------------------------------
    def create(self) -> None:
        from pace_desktop.exchange.officekey import (
            install_office_key,
            policy_office_key,
            read_office_key_file,
        )

        office_key = policy_office_key() if self.policy_key else None
        key_file = "" if self.policy_key else self.office_key.text().strip()
        if key_file:
            try:
                office_key = read_office_key_file(Path(key_file).expanduser())
            except PaceError as exc:
                self._office_problem = core_tr(str(exc))
                self.errors.run()
                return
        self._office_problem = None
        self.errors.clear()
        self.office_row.set_error(None)
        values = {
            "adviser": self.name.text().strip(),
            "passphrase": self.passphrase.text(),
            "device_name": self.device.text().strip() or None,
            "office_recipient": office_key.recipient if office_key else None,
        }
        path = self.session.path
        self.next_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.next_button.setText(self.tr("Creating…"))

        def make(_progress: Any) -> Any:
            from pace_desktop.store.store import Store

            store = Store.create(path, **values)
            if office_key is not None:
                install_office_key(store, office_key)  # and its receipt-signing key, if it has one
            return store

        self.session.worker.submit(make, on_done=self._created, on_error=self._failed)

    def _created(self, store: Any) -> None:
        self.passphrase.clear()
        self.confirm.clear()
        self.created.emit(store)

    def _failed(self, exc: BaseException) -> None:
        self.next_button.setEnabled(True)
        self.back_button.setEnabled(True)
        self.next_button.setText(self.tr("&Create store"))
        self.banner.show_message(
            core_tr(str(exc))
            if isinstance(exc, PaceError)
            else self.tr("The store could not be created: check the disk, then try again.")
        )
