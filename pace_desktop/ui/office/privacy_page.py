"""People's rights: for one person found by PACE ID — show them everything, correct, withdraw, erase;
and for the office — notices that carry withdrawals and erasures to laptops, and retention.

All the work is ``pace_desktop.privacy``; this page gathers input and shows the result line. Looking
a person up is a view of their data and is audited; erasure and retention ask for the passphrase
again, because they cannot be undone.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop import policy
from pace_desktop.ui import i18n, style
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.office.common import PathPicker, error_text, hint, page, replace_answer, when
from pace_desktop.ui.office.models import RowsModel, selected_key, table
from pace_desktop.ui.office.reports_page import documents_folder
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.reauth import ReauthDialog

if TYPE_CHECKING:
    from pace_desktop.privacy.people import PersonHeld

DETAILS = (
    QT_TRANSLATE_NOOP("PrivacyPage", "PACE ID"),
    QT_TRANSLATE_NOOP("PrivacyPage", "Name"),
    QT_TRANSLATE_NOOP("PrivacyPage", "Date of birth"),
    QT_TRANSLATE_NOOP("PrivacyPage", "Postcode"),
    QT_TRANSLATE_NOOP("PrivacyPage", "Event"),
    QT_TRANSLATE_NOOP("PrivacyPage", "From laptop"),
)


class PrivacyPage(QWidget):
    """Two inner tabs: 'One person' and 'Laptops and retention'."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pace_id: str | None = None
        self.plan: Any = None
        layout = page(
            self,
            self.tr("People's rights"),
            self.tr(
                "Everyone whose data is held here may see all of it, have it corrected, withdraw a "
                "consent or have it erased. Find the person by their PACE ID; every action is recorded "
                "in the audit log, with who and when."
            ),
        )
        self.banner = Banner("error")
        self.done_banner = Banner("success")
        layout.addWidget(self.banner)
        layout.addWidget(self.done_banner)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._person_tab(), self.tr("One &person"))
        self.tabs.addTab(self._office_tab(), self.tr("Laptops and re&tention"))
        layout.addWidget(self.tabs, 1)
        self._show_person(None)

    # -- one person --------------------------------------------------------------------------------
    def _person_tab(self) -> QWidget:
        from pace_desktop.privacy.correction import correctable_fields

        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        find_row = QHBoxLayout()
        label = QLabel(self.tr("PACE &ID"))
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("PACE-7K3Q-9MXD")
        self.find_edit.setAccessibleName(self.tr("PACE ID"))
        self.find_edit.setMaximumWidth(260)
        self.find_edit.returnPressed.connect(self.find)
        label.setBuddy(self.find_edit)
        self.find_button = style.primary(QPushButton(style.icon("search"), self.tr("&Find")))
        self.find_button.setDefault(False)
        self.find_button.clicked.connect(self.find)
        find_row.addWidget(label)
        find_row.addWidget(self.find_edit)
        find_row.addWidget(self.find_button)
        find_row.addStretch(1)
        layout.addLayout(find_row)

        held = QHBoxLayout()
        held.setSpacing(16)
        details_box = QGroupBox(self.tr("Held about this person"))
        grid = QGridLayout(details_box)
        grid.setColumnStretch(1, 1)
        self.details: dict[str, QLabel] = {}
        for r, name in enumerate(DETAILS):
            caption = QLabel(self.tr(name))
            caption.setObjectName("hint")
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, r, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, r, 1)
            self.details[name] = value
        grid.setRowStretch(len(DETAILS), 1)
        held.addWidget(details_box, 2)
        consents_box = QGroupBox(self.tr("Consents"))
        consents_layout = QVBoxLayout(consents_box)
        self.consents = RowsModel([self.tr("Purpose"), self.tr("Answer"), self.tr("Status")], tone_column=2)
        self.consents_view = table(self.consents, self.tr("Consents"), stretch=0, wrap=False)
        self.consents_view.selectionModel().selectionChanged.connect(lambda *_a: self._buttons())
        consents_layout.addWidget(self.consents_view)
        self.withdraw_button = QPushButton(self.tr("&Withdraw the selected consent"))
        self.withdraw_button.clicked.connect(self.withdraw)
        consents_layout.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignRight)
        held.addWidget(consents_box, 3)
        layout.addLayout(held, 1)

        actions = QGridLayout()
        actions.setHorizontalSpacing(16)
        actions.setVerticalSpacing(10)
        access = QGroupBox(self.tr("Show them everything held"))
        row = QHBoxLayout(access)
        self.access_file = PathPicker(
            "save", self.tr("Save the copy as"), file_filter=self.tr("Excel workbook (*.xlsx)")
        )
        self.access_button = QPushButton(self.tr("Write &copy"))
        self.access_button.setToolTip(self.tr("An .xlsx in plain words, and a .json beside it"))
        self.access_button.clicked.connect(self.subject_access)
        row.addWidget(self.access_file, 1)
        row.addWidget(self.access_button)
        actions.addWidget(access, 0, 0)
        correct = QGroupBox(self.tr("Correct a detail"))
        row = QHBoxLayout(correct)
        self.field = QComboBox()
        self.field.setAccessibleName(self.tr("Detail to correct"))
        for name in correctable_fields("client"):
            self.field.addItem(core_tr(name.replace("_", " ")), name)  # words in the 'core' context
        self.value = QLineEdit()
        self.value.setAccessibleName(self.tr("Corrected value"))
        self.value.setPlaceholderText(self.tr("Corrected value (blank clears it)"))
        self.correct_button = QPushButton(self.tr("Sa&ve correction"))
        self.correct_button.clicked.connect(self.correct)
        row.addWidget(self.field)
        row.addWidget(self.value, 1)
        row.addWidget(self.correct_button)
        actions.addWidget(correct, 0, 1)
        erase = QGroupBox(self.tr("Erase for good"))
        row = QHBoxLayout(erase)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for the erasure"))
        self.reason.setPlaceholderText(self.tr("Why, never who: e.g. the person asked"))
        self.erase_button = QPushButton(self.tr("&Erase…"))
        self.erase_button.setProperty("danger", True)
        self.erase_button.clicked.connect(self.erase)
        row.addWidget(self.reason, 1)
        row.addWidget(self.erase_button)
        actions.addWidget(erase, 1, 0, 1, 2)
        actions.setColumnStretch(0, 1)
        actions.setColumnStretch(1, 1)
        layout.addLayout(actions)
        return widget

    # -- laptops and retention ---------------------------------------------------------------------
    def _office_tab(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        notices = QGroupBox(self.tr("Notices for laptops"))
        box = QVBoxLayout(notices)
        box.addWidget(
            hint(
                self.tr(
                    "Withdrawals and erasures made here must reach the laptops that hold the person. "
                    "Write the notice files and send each to its laptop, where the adviser applies it "
                    "with Apply office file…"
                )
            )
        )
        row = QHBoxLayout()
        self.notices_folder = PathPicker("folder", self.tr("Folder for the notices"))
        self.notices_folder.set_path(documents_folder())
        self.notices_button = QPushButton(self.tr("Write &notices"))
        self.notices_button.clicked.connect(self.write_notices)
        row.addWidget(self.notices_folder, 1)
        row.addWidget(self.notices_button)
        box.addLayout(row)
        layout.addWidget(notices)

        retention = QGroupBox(self.tr("Retention"))
        box = QVBoxLayout(retention)
        box.addWidget(
            hint(
                self.tr(
                    "Identifiable data is kept for a number of years after the person's last contact. "
                    "Then people who agreed to anonymised statistics are de-identified; everyone else is "
                    "erased. Nothing happens until you apply the list shown."
                )
            )
        )
        row = QHBoxLayout()
        label = QLabel(self.tr("Keep for"))
        self.years = QSpinBox()
        self.years.setRange(1, 100)
        self.years.setSuffix(self.tr(" years"))
        self.years.setAccessibleName(self.tr("Keep identifiable data for"))
        label.setBuddy(self.years)
        self.years_button = QPushButton(self.tr("Sa&ve period"))
        self.years_button.clicked.connect(self.save_years)
        self.plan_button = QPushButton(self.tr("&Show who is due"))
        self.plan_button.clicked.connect(self.show_plan)
        self.apply_button = QPushButton(self.tr("&Apply retention…"))
        self.apply_button.setProperty("danger", True)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply_plan)
        row.addWidget(label)
        row.addWidget(self.years)
        row.addWidget(self.years_button)
        row.addStretch(1)
        row.addWidget(self.plan_button)
        row.addWidget(self.apply_button)
        box.addLayout(row)
        # A period the machine's IT policy fixes is shown, not editable (the store would refuse it).
        self.years_policy_note = hint(self.tr("Set by your organisation's IT policy"))
        fixed = "identifiable_retention_years" in policy.current().fixed()
        self.years_policy_note.setVisible(fixed)
        if fixed:
            self.years.setReadOnly(True)
            self.years.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            self.years.setAccessibleDescription(self.years_policy_note.text())
            self.years_button.setEnabled(False)
        box.addWidget(self.years_policy_note)
        self.plan_summary = QLabel()
        self.plan_summary.setWordWrap(True)
        box.addWidget(self.plan_summary)
        self.plan_model = RowsModel(
            [self.tr("PACE ID"), self.tr("Last contact"), self.tr("What will happen")]
        )
        box.addWidget(table(self.plan_model, self.tr("People due"), stretch=2, wrap=False), 1)
        layout.addWidget(retention, 1)
        return widget

    # -- shared ------------------------------------------------------------------------------------
    def reload(self) -> None:
        from pace_desktop.privacy.retention import retention_years

        if not self.session.is_unlocked:
            return
        store = self.session.store
        self.session.worker.submit(
            lambda _p: retention_years(store), on_done=self.years.setValue, on_error=self._failed
        )
        if self.pace_id:
            self._load(self.pace_id)

    def clear(self) -> None:
        self._show_person(None)
        self.find_edit.clear()
        self.plan_model.set_rows([])
        self.plan = None
        self.plan_summary.clear()
        self.banner.clear_message()
        self.done_banner.clear_message()

    def _failed(self, exc: BaseException) -> None:
        self.done_banner.clear_message()
        self.banner.show_message(error_text(exc, self.tr("Nothing was changed: try again.")))
        self._buttons()

    def _run(self, fn: Any, done: Any, *, reload_person: bool = True) -> None:
        def start() -> None:
            self.banner.clear_message()
            self.done_banner.clear_message()

        def reload() -> None:
            if reload_person and self.pace_id:
                self._load(self.pace_id)
            self._buttons()

        self.session.worker.run(
            fn,
            before=start,
            done=lambda result: self.done_banner.show_message(done(result)),
            then=reload,
            failed=self._failed,
        )

    def _confirmed(self, action: str, go: Any) -> ReauthDialog:
        dialog = ReauthDialog(self.session, action, self)
        dialog.accepted.connect(go)
        dialog.open()
        return dialog

    # -- one person: actions -----------------------------------------------------------------------
    def find(self) -> None:
        text = self.find_edit.text().strip()
        if not text:
            self.banner.show_message(self.tr("Type the person's PACE ID, e.g. PACE-7K3Q-9MXD."))
            return
        self.banner.clear_message()
        self.done_banner.clear_message()
        self._show_person(None)
        self._load(text)

    def _load(self, pace_id: str) -> None:
        from pace_desktop.privacy.people import look_up

        store = self.session.store
        self.session.worker.submit(
            lambda _p: look_up(store, pace_id), on_done=self._found, on_error=self._not_found
        )

    def _not_found(self, exc: BaseException) -> None:
        self._show_person(None)
        self._failed(exc)

    def _found(self, person: PersonHeld) -> None:
        if not self.session.is_unlocked:
            return
        self._show_person(person)

    def _show_person(self, person: PersonHeld | None) -> None:
        from pace_desktop.privacy_notice import purpose_text

        self.pace_id = None if person is None else person.pace_id
        for name, label in self.details.items():
            label.setText("" if person is None else person.details.get(name, ""))
        consents = [] if person is None else sorted(person.consents, key=lambda c: c.purpose)
        yes, no = self.tr("Agreed"), self.tr("Declined")
        rows, tones = [], []
        for c in consents:
            if c.withdrawn_at is not None:
                status, tone = self.tr("Withdrawn {0}").format(when(c.withdrawn_at.isoformat())), "bad"
            elif c.granted:
                status, tone = self.tr("Active"), "good"
            else:
                status, tone = self.tr("—"), "plain"
            rows.append((purpose_text(c.purpose, "adviser"), yes if c.granted else no, status))
            tones.append(tone)
        self.consents.set_rows(rows, keys=consents, tones=tones)
        if person is not None:
            self.access_file.set_path(
                documents_folder() / f"subject-access-{person.pace_id}-{date.today():%Y-%m-%d}.xlsx"
            )
        self._buttons()

    def _buttons(self) -> None:
        found = self.pace_id is not None
        consent = selected_key(self.consents_view, self.consents)
        self.withdraw_button.setEnabled(found and consent is not None and consent.active)
        for button in (self.access_button, self.correct_button, self.erase_button):
            button.setEnabled(found)

    def subject_access(self) -> None:
        from pace_desktop.privacy.access_files import write_subject_access

        target, pace_id = self.access_file.path(), self.pace_id
        if target is None or pace_id is None:
            return
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        json_out = target.with_suffix(".json")
        overwrite = replace_answer(self, self.session, [target, json_out])
        if overwrite is None:
            return  # No: the files there stay as they were
        store = self.session.store
        self._run(
            lambda _p: write_subject_access(store, pace_id, target, json_out=json_out, overwrite=overwrite),
            lambda result: result.describe(),
            reload_person=False,
        )

    def withdraw(self) -> None:
        from pace_desktop.privacy.withdrawal import withdraw

        consent, pace_id = selected_key(self.consents_view, self.consents), self.pace_id
        if consent is None or pace_id is None:
            return
        store = self.session.store
        self._run(
            lambda _p: withdraw(store, pace_id, consent.purpose), lambda result: core_tr(result.summary())
        )

    def correct(self) -> None:
        from pace_desktop.privacy.correction import correct

        pace_id, field = self.pace_id, self.field.currentData()
        if pace_id is None:
            return
        value = self.value.text().strip() or None
        store = self.session.store
        self._run(
            lambda _p: correct(store, pace_id, {field: value}), lambda result: core_tr(result.summary())
        )

    def erase(self) -> None:
        """Check the reason (it must not name the person) first, then ask for the passphrase."""
        from pace_desktop.privacy.erasure import check_erasure_reason

        pace_id, text = self.pace_id, self.reason.text()
        if pace_id is None:
            return
        store = self.session.store
        self.banner.clear_message()
        self.done_banner.clear_message()
        self.erase_button.setEnabled(False)

        def refused(exc: BaseException) -> None:
            self._failed(exc)
            self.reason.setFocus()

        self.session.worker.submit(
            lambda _p: check_erasure_reason(store, pace_id, text),
            on_done=lambda reason: self._confirm_erase(pace_id, reason),
            on_error=refused,
        )

    def _confirm_erase(self, pace_id: str, reason: str) -> ReauthDialog:
        from pace_desktop.privacy.erasure import erase

        self._buttons()
        store = self.session.store

        def go() -> None:
            self._run(lambda _p: erase(store, pace_id, reason), self._erased, reload_person=False)

        return self._confirmed(
            self.tr(
                "Erase {0} for good? Everything about them is deleted; only the PACE ID, the date and "
                "the reason are kept. Type your passphrase to confirm."
            ).format(pace_id),
            go,
        )

    def _erased(self, result: Any) -> str:
        self._show_person(None)
        self.reason.clear()
        return core_tr(str(result.summary()))

    # -- laptops and retention: actions ------------------------------------------------------------
    def write_notices(self) -> None:
        from pace_desktop.privacy.notices import write_notices

        folder = self.notices_folder.path()
        if folder is None or not folder.is_dir():
            self.banner.show_message(self.tr("Choose an existing folder for the notices."))
            return
        store = self.session.store

        def said(written: list[Any]) -> str:
            if not written:
                return self.tr("No withdrawals or erasures made at the office need to reach a laptop.")
            lines = [
                self.tr("{file}: for laptop {laptop}, {withdrawals} and {erasures}.").format(
                    file=n.path.name,
                    laptop=n.device_id,
                    withdrawals=self.tr("%Ln withdrawal(s)", "", n.withdrawals),
                    erasures=self.tr("%Ln erasure(s)", "", n.erasures),
                )
                for n in written
            ]
            return "\n".join(
                [
                    *lines,
                    self.tr("Send each file to its laptop; the adviser applies it with Apply office file…"),
                ]
            )

        self._run(lambda _p: write_notices(store, folder), said, reload_person=False)

    def save_years(self) -> None:
        from pace_desktop.privacy.retention import set_retention_years

        years, store = self.years.value(), self.session.store
        self._run(
            lambda _p: set_retention_years(store, years),
            lambda _r: self.tr("Identifiable data is now kept for {0} years after last contact.").format(
                years
            ),
            reload_person=False,
        )

    def show_plan(self) -> None:
        from pace_desktop.privacy.retention import ACTION_WORDS, plan_retention

        years, store = self.years.value(), self.session.store

        def shown(plan: Any) -> str:
            self.plan = plan
            self.plan_model.set_rows(
                [(i.pace_id, i18n.day(i.last_contact), core_tr(ACTION_WORDS[i.action])) for i in plan.items]
            )
            self.plan_summary.setText(core_tr(plan.summary()))
            self.apply_button.setEnabled(bool(plan.items))
            return (
                self.tr("Nothing has changed yet: check the list, then apply it.")
                if plan.items
                else core_tr(plan.summary())
            )

        self._run(lambda _p: plan_retention(store, years=years), shown, reload_person=False)

    def apply_plan(self) -> ReauthDialog | None:
        from pace_desktop.privacy.retention import apply_retention

        plan = self.plan
        if plan is None or not plan.items:
            return None
        store = self.session.store

        def applied(result: Any) -> str:
            self.plan = None
            self.plan_model.set_rows([])
            self.plan_summary.clear()
            self.apply_button.setEnabled(False)
            return core_tr(str(result.summary()))

        def go() -> None:
            self._run(lambda _p: apply_retention(store, plan), applied, reload_person=False)

        return self._confirmed(
            self.tr(
                "De-identify or erase the %Ln person(s) listed? This cannot be undone. Type your "
                "passphrase to confirm.",
                "",
                len(plan.items),
            ),
            go,
        )
