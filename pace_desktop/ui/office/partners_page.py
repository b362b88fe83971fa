"""Partners: set a partner up, send it a request file, take its return back, give it its report.

The partnership's own scenario (docs/partner-matching.md): only consenting people, only the identifiers that
partner matches on, encrypted to the partner's key; its return checked row by row, each refused row
explained in words. All the work is ``pace_desktop.partners``; this page gathers input and shows
what came back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.ui import style
from pace_desktop.ui.i18n import core_tr, number
from pace_desktop.ui.office.common import PathPicker, error_text, page, replace_answer, section, when
from pace_desktop.ui.office.models import RowsModel, selected_key, table
from pace_desktop.ui.office.reports_page import documents_folder
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.error_summary import ErrorSummary
from pace_desktop.ui.widgets.field import FieldRow

RETURN_FILTER = QT_TRANSLATE_NOOP("PartnersPage", "Partner returns (*.xlsx *.age *.csv);;All files (*)")


def _grid() -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(10)
    grid.setColumnStretch(1, 1)
    return grid


def _tab() -> tuple[QWidget, QVBoxLayout]:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.setSpacing(10)
    return widget, layout


def _below(grid: QGridLayout, row: FieldRow, at: int) -> None:
    """Put a field's error message under it: these pickers need the width."""
    grid.removeWidget(row.message)
    grid.addWidget(row.message, at, 1, 1, 2)


class PartnersPage(QWidget):
    """The partners on the left; set-up, requests and returns for the selected one on the right."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.partners: list[Any] = []
        self.agreements: dict[str, Any] = {}
        layout = page(
            self,
            self.tr("Partners"),
            self.tr(
                "Send a partner the people who agreed to share with it — only the identifiers it "
                "matches on, encrypted to its key — then take its return back. Every refused row is "
                "explained; nothing is sent for anyone without that partner's consent."
            ),
        )
        self.banner = Banner("error")
        self.done_banner = Banner("success")
        layout.addWidget(self.banner)
        layout.addWidget(self.done_banner)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        self.model = RowsModel([self.tr("Partner"), self.tr("Name"), self.tr("Key")])
        self.view = table(self.model, self.tr("Partners"), stretch=1, wrap=False)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._partner_changed())
        self.view.setMaximumWidth(460)
        columns.addWidget(self.view, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._setup_tab(), self.tr("Set-&up"))
        self.tabs.addTab(self._agreement_tab(), self.tr("A&greement"))
        self.tabs.addTab(self._requests_tab(), self.tr("Re&quests"))
        self.tabs.addTab(self._returns_tab(), self.tr("Ret&urns"))
        columns.addWidget(self.tabs, 3)
        layout.addLayout(columns, 1)
        self._partner_changed()

    # -- building ----------------------------------------------------------------------------------
    def _setup_tab(self) -> QWidget:
        from pace_desktop.partners.identifiers import MATCH_LABELS

        widget, layout = _tab()
        self.about = QLabel()
        self.about.setWordWrap(True)
        layout.addWidget(self.about)
        grid = _grid()
        self.name = QLineEdit()
        self.name_row = FieldRow(grid, 0, self.tr("&Name"), self.name)
        self.match = QComboBox()
        for code, label in MATCH_LABELS.items():
            self.match.addItem(core_tr(label), code)
        self.match_row = FieldRow(grid, 1, self.tr("&Matches on"), self.match)
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("age1… — the public key the partner sent"))
        self.recipient_row = FieldRow(grid, 2, self.tr("Public &key"), self.recipient)
        _below(grid, self.recipient_row, 3)
        self.aggregate_only = QCheckBox(
            self.tr("&Aggregate matching only (keyed hashes; the partner returns counts)")
        )
        grid.addWidget(self.aggregate_only, 4, 1, 1, 2)
        self.mapping = PathPicker(
            "open",
            self.tr("The partner's own codes"),
            file_filter=self.tr("Code mappings (*.csv);;All files (*)"),
            placeholder=self.tr("Optional: CSV with kind, their_code, our_code"),
        )
        self.mapping_row = FieldRow(grid, 5, self.tr("Own &codes"), self.mapping)
        _below(grid, self.mapping_row, 6)
        layout.addLayout(grid)
        self.save_button = style.primary(QPushButton(self.tr("&Save set-up")))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save_setup)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return widget

    def _agreement_tab(self) -> QWidget:
        widget, layout = _tab()
        self.agreement_summary = ErrorSummary()
        layout.addWidget(self.agreement_summary)
        self.agreement_status = QLabel()
        self.agreement_status.setWordWrap(True)
        layout.addWidget(self.agreement_status)
        grid = _grid()
        self.reference = QLineEdit()
        self.reference_row = FieldRow(grid, 0, self.tr("Re&ference"), self.reference)
        self.legal_basis = QLineEdit()
        self.legal_basis_row = FieldRow(
            grid,
            1,
            self.tr("&Legal basis"),
            self.legal_basis,
            hint=self.tr("For example: UK GDPR Article 6(1)(a), the person's consent"),
        )
        _below(grid, self.legal_basis_row, 2)
        self.scope = QLineEdit()
        self.scope_row = FieldRow(
            grid, 3, self.tr("Sco&pe"), self.scope, hint=self.tr("What may be shared, with whom, for what")
        )
        _below(grid, self.scope_row, 4)
        date_hint = self.tr("Year-month-day, for example 2026-04-01")
        self.start = QLineEdit()
        self.start.setPlaceholderText("YYYY-MM-DD")
        self.start_row = FieldRow(
            grid, 5, self.tr("S&tart date"), self.start, hint=date_hint, visible_hint=True
        )
        self.review = QLineEdit()
        self.review.setPlaceholderText("YYYY-MM-DD")
        self.review_row = FieldRow(
            grid, 6, self.tr("Re&view date"), self.review, hint=date_hint, visible_hint=True
        )
        layout.addLayout(grid)
        self.agreement_button = style.primary(QPushButton(self.tr("Sav&e agreement")))
        self.agreement_button.setDefault(False)
        self.agreement_button.clicked.connect(self.save_agreement)
        layout.addWidget(self.agreement_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return widget

    def _requests_tab(self) -> QWidget:
        widget, layout = _tab()
        grid = _grid()
        self.request_folder = PathPicker("folder", self.tr("Folder for the request"))
        self.request_folder.set_path(documents_folder())
        self.folder_row = FieldRow(grid, 0, self.tr("Save &in"), self.request_folder)
        _below(grid, self.folder_row, 1)
        self.aggregate = QCheckBox(self.tr("Keyed &hashes instead of identifiers (aggregate matching)"))
        grid.addWidget(self.aggregate, 2, 1, 1, 2)
        layout.addLayout(grid)
        self.request_button = style.primary(QPushButton(self.tr("&Write request")))
        self.request_button.setDefault(False)
        self.request_button.clicked.connect(self.write_request)
        layout.addWidget(self.request_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(section(self.tr("Requests sent")))
        self.requests = RowsModel(
            [
                self.tr("Request"),
                self.tr("Sent"),
                self.tr("Kind"),
                self.tr("People"),
                self.tr("To delete"),
                self.tr("Returns"),
            ],
            numeric=(3, 4, 5),
        )
        self.requests_view = table(self.requests, self.tr("Requests sent"), stretch=0, wrap=False)
        self.requests_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_key_button())
        layout.addWidget(self.requests_view, 1)
        self.key_button = QPushButton(self.tr("Show matching &key"))
        self.key_button.setToolTip(
            self.tr("For an aggregate request: the key the partner's analyst needs, to give by phone")
        )
        self.key_button.clicked.connect(self.show_key)
        self.report_file = PathPicker(
            "save", self.tr("Save the partner's report as"), file_filter=self.tr("Excel workbook (*.xlsx)")
        )
        self.report_button = QPushButton(self.tr("Write its reciprocity &report"))
        self.report_button.clicked.connect(self.write_report)
        key_row = QHBoxLayout()
        key_row.addStretch(1)
        key_row.addWidget(self.key_button)
        layout.addLayout(key_row)
        layout.addWidget(section(self.tr("What it gets back")))
        row = QHBoxLayout()
        row.addWidget(self.report_file, 1)
        row.addWidget(self.report_button)
        layout.addLayout(row)
        return widget

    def _returns_tab(self) -> QWidget:
        widget, layout = _tab()
        grid = _grid()
        self.return_file = PathPicker(
            "open", self.tr("The partner's return"), file_filter=self.tr(RETURN_FILTER)
        )
        self.return_row = FieldRow(grid, 0, self.tr("Return &file"), self.return_file)
        _below(grid, self.return_row, 1)
        self.check_only = QCheckBox(self.tr("Check every row &only (save nothing)"))
        grid.addWidget(self.check_only, 2, 1, 1, 2)
        layout.addLayout(grid)
        self.return_button = style.primary(QPushButton(self.tr("&Import return")))
        self.return_button.setDefault(False)
        self.return_button.clicked.connect(self.import_return)
        layout.addWidget(self.return_button, 0, Qt.AlignmentFlag.AlignRight)
        self.return_summary = QLabel()
        self.return_summary.setWordWrap(True)
        layout.addWidget(self.return_summary)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Rows not used, and why"))
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems, 1)
        layout.addWidget(section(self.tr("Returns taken back")))
        self.returns = RowsModel(
            [
                self.tr("Imported"),
                self.tr("Request"),
                self.tr("File"),
                self.tr("Added"),
                self.tr("Updated"),
                self.tr("Already held"),
                self.tr("Refused"),
            ],
            numeric=(3, 4, 5, 6),
        )
        self.returns_view = table(self.returns, self.tr("Returns taken back"), stretch=2, wrap=False)
        layout.addWidget(self.returns_view, 1)
        return widget

    # -- data --------------------------------------------------------------------------------------
    def code(self) -> str | None:
        partner = selected_key(self.view, self.model)
        return None if partner is None else partner.code

    def reload(self) -> None:
        from pace_desktop.partners.agreements import list_agreements
        from pace_desktop.partners.history import list_requests, list_returns
        from pace_desktop.partners.registry import list_partners

        if not self.session.is_unlocked:
            return
        store, code = self.session.store, self.code()

        def load(_p: Any) -> tuple[list[Any], list[Any], list[Any], dict[str, Any]]:
            return (
                list_partners(store),
                list_requests(store, code) if code else [],
                list_returns(store, partner=code) if code else [],
                list_agreements(store),
            )

        self.session.worker.submit(load, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[list[Any], list[Any], list[Any], dict[str, Any]]) -> None:
        if not self.session.is_unlocked:
            return
        partners, requests, returns, agreements = result
        code = self.code()
        self.partners = partners
        self.agreements = agreements
        yes, no = self.tr("Set"), self.tr("Not yet")
        codes = [p.code for p in partners]
        row = codes.index(code) if code in codes else 0
        # Refilling the table clears the selection; putting it back must not count as the user
        # choosing a partner, or each load would ask for the next one.
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows([(p.code, p.name, yes if p.recipient else no) for p in partners], keys=partners)
        if partners:
            self.view.selectRow(row)
        selection.blockSignals(False)
        self.view.viewport().update()
        if code is None and partners:
            self.reload()  # the first load: now fetch the selected partner's requests and returns
        self._show_partner(partners[row] if partners else None)
        self.requests.set_rows(
            [
                (
                    r.id,
                    when(r.created_at),
                    self.tr("Keyed hashes") if r.kind == "aggregate" else self.tr("Identifiers"),
                    number(r.sent),
                    number(r.withdrawn),
                    number(r.returns),
                )
                for r in requests
            ],
            keys=requests,
        )
        self.returns.set_rows(
            [
                (
                    when(r.imported_at),
                    r.request_id,
                    r.file_name,
                    number(r.added),
                    number(r.updated),
                    number(r.unchanged),
                    number(r.refused),
                )
                for r in returns
            ],
            keys=returns,
        )
        self._update_key_button()

    def _failed(self, exc: BaseException) -> None:
        self.done_banner.clear_message()
        self.banner.show_message(error_text(exc, self.tr("Nothing was changed: try again.")))
        self._idle()

    def _idle(self) -> None:
        for button in (
            self.save_button,
            self.agreement_button,
            self.request_button,
            self.return_button,
            self.report_button,
        ):
            button.setEnabled(self.code() is not None)
        self._update_key_button()

    def _partner_changed(self) -> None:
        self.banner.clear_message()
        self.return_summary.clear()
        self.problems.clear()
        self.problems.setVisible(False)
        if self.session.is_unlocked:
            self.reload()
        self._idle()

    def _show_partner(self, partner: Any) -> None:
        if partner is None:
            self.about.clear()
            self.agreement_status.clear()
            return
        self._show_agreement(partner.code)
        lines = partner.describe()
        # The core's description, a line at a time (each through the 'core' context), the name bold.
        self.about.setText(
            self.tr("<b>{name}</b><br>{details}").format(
                name=core_tr(lines[0]), details="<br>".join(core_tr(line.strip()) for line in lines[1:])
            )
        )
        self.name.setText(partner.name)
        self.match.setCurrentIndex(max(0, self.match.findData(partner.match_on)))
        self.recipient.setText(partner.recipient or "")
        self.aggregate_only.setChecked(partner.aggregate_only)
        # A partner agreed to aggregate matching only is never sent identifiers.
        self.aggregate.setChecked(partner.aggregate_only or self.aggregate.isChecked())
        self.aggregate.setEnabled(not partner.aggregate_only)
        self.mapping.set_path(None)
        if not self.report_file.edit.text() or self.report_file.edit.text().endswith(".xlsx"):
            self.report_file.set_path(
                documents_folder() / f"pace-reciprocity-{partner.code}-{date.today():%Y-%m-%d}.xlsx"
            )

    def _show_agreement(self, code: str) -> None:
        from pace_desktop.partners.agreements import status_line

        agreement = self.agreements.get(code)
        self.agreement_status.setText(core_tr(status_line(code, agreement)))
        self.reference.setText(agreement.reference if agreement else "")
        self.legal_basis.setText(agreement.legal_basis if agreement else "")
        self.scope.setText(agreement.scope if agreement else "")
        self.start.setText(agreement.start.isoformat() if agreement else "")
        self.review.setText(agreement.review.isoformat() if agreement else "")
        self._agreement_errors({})

    def _agreement_errors(self, problems: dict[str, str]) -> None:
        """Each problem beside its field and, GOV.UK style, linked from the summary above the form."""
        rows = {
            "reference": (self.reference_row, self.reference),
            "legal_basis": (self.legal_basis_row, self.legal_basis),
            "scope": (self.scope_row, self.scope),
            "start": (self.start_row, self.start),
            "review": (self.review_row, self.review),
        }
        listed = []
        for key, (row, editor) in rows.items():
            text = core_tr(problems[key]) if key in problems else None
            row.set_error(text)
            if text:
                listed.append((text, editor))
        self.agreement_summary.show_problems(listed)
        if listed:
            self.agreement_summary.links[0].setFocus()

    def clear(self) -> None:
        self.model.set_rows([])
        self.requests.set_rows([])
        self.returns.set_rows([])
        self.problems.clear()
        self.about.clear()
        self.recipient.clear()
        self.agreements = {}
        self.agreement_status.clear()
        for line in (self.reference, self.legal_basis, self.scope, self.start, self.review):
            line.clear()
        self.return_summary.clear()
        self.banner.clear_message()
        self.done_banner.clear_message()

    def _run(self, fn: Any, done: Any) -> None:
        def start() -> None:
            self.banner.clear_message()
            self.done_banner.clear_message()
            for button in (
                self.save_button,
                self.agreement_button,
                self.request_button,
                self.return_button,
                self.report_button,
                self.key_button,
            ):
                button.setEnabled(False)

        def finished(result: Any) -> None:
            self._idle()
            done(result)

        self.session.worker.run(fn, before=start, done=finished, then=self.reload, failed=self._failed)

    # -- actions -----------------------------------------------------------------------------------
    def save_setup(self) -> None:
        from pace_desktop.partners.registry import set_partner

        code = self.code()
        if code is None:
            return
        mapping_path = self.mapping.path()
        changes: dict[str, Any] = {
            "name": self.name.text(),
            "match_on": self.match.currentData(),
            "recipient": self.recipient.text().strip() or None,
            "aggregate_only": self.aggregate_only.isChecked(),
        }
        store = self.session.store

        def save(_p: Any) -> Any:
            from pace_desktop.partners.mappings import read_mapping_file

            if mapping_path is not None:
                changes["mappings"] = read_mapping_file(mapping_path)
            return set_partner(store, code, **changes)

        self._run(
            save,
            lambda partner: self.done_banner.show_message(
                self.tr("{0}'s set-up was saved.").format(partner.code)
            ),
        )

    def save_agreement(self) -> None:
        from pace_desktop.errors import ValidationFailed
        from pace_desktop.partners.agreements import check_agreement, set_agreement

        code = self.code()
        if code is None:
            return
        values = {
            "reference": self.reference.text(),
            "legal_basis": self.legal_basis.text(),
            "scope": self.scope.text(),
            "start": self.start.text(),
            "review": self.review.text(),
        }
        try:
            check_agreement(**values)
        except ValidationFailed as exc:
            self.done_banner.clear_message()
            self._agreement_errors(exc.field_errors)
            return
        self._agreement_errors({})
        store = self.session.store
        self._run(
            lambda _p: set_agreement(store, code, **values),
            lambda agreement: self.done_banner.show_message(
                self.tr("{0}'s data-sharing agreement was saved.").format(agreement.partner)
            ),
        )

    def write_request(self) -> None:
        from pace_desktop.partners.agreements import refusal
        from pace_desktop.partners.request import make_request

        code, folder = self.code(), self.request_folder.path()
        if code is None:
            return
        partner = selected_key(self.view, self.model)
        refused = refusal(code, self.agreements.get(code))
        if refused is not None:
            self.done_banner.clear_message()
            self.banner.show_message(error_text(refused, ""))
            return
        if not partner.recipient:
            self.banner.show_message(
                self.tr(
                    "{0} has no public key yet, so a request cannot be encrypted to it: add the key "
                    "{0} sent on the Set-up tab first."
                ).format(code)
            )
            return
        if folder is None or not folder.is_dir():
            self.folder_row.set_error(self.tr("Choose an existing folder."))
            return
        self.folder_row.set_error(None)
        store, aggregate = self.session.store, self.aggregate.isChecked()
        self._run(
            lambda progress: make_request(store, code, folder, aggregate=aggregate, progress=progress),
            lambda result: self.done_banner.show_message("\n".join(core_tr(line) for line in result.lines())),
        )

    def _update_key_button(self) -> None:
        row = selected_key(self.requests_view, self.requests)
        self.key_button.setEnabled(row is not None and row.kind == "aggregate")

    def show_key(self) -> None:
        from pace_desktop.partners.history import request_key

        row = selected_key(self.requests_view, self.requests)
        if row is None:
            return
        store = self.session.store
        self._run(
            lambda _p: (row.id, request_key(store, row.id)),
            lambda result: self.done_banner.show_message(
                self.tr(
                    "Matching key for {0} (give it to the partner's analyst by another route "
                    "than the file, e.g. read it out by phone): {1}"
                ).format(*result)
            ),
        )

    def write_report(self) -> None:
        from pace_desktop.partners.reciprocity import write_partner_report

        code, target = self.code(), self.report_file.path()
        if code is None or target is None:
            return
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        overwrite = replace_answer(self, self.session, [target])
        if overwrite is None:
            return  # No: the file there stays as it was
        store = self.session.store
        self._run(
            lambda _p: write_partner_report(store, code, target, overwrite=overwrite),
            lambda path: self.done_banner.show_message(
                self.tr("Wrote {0}'s reciprocity report to {1}.").format(code, path)
            ),
        )

    def import_return(self) -> None:
        from pace_desktop.partners.returns import import_return

        code, path = self.code(), self.return_file.path()
        if code is None:
            return
        if path is None or not path.is_file():
            self.return_row.set_error(self.tr("Choose the file the partner sent back."))
            return
        self.return_row.set_error(None)
        store, apply = self.session.store, not self.check_only.isChecked()
        self._run(
            lambda progress: import_return(store, code, path, apply=apply, progress=progress), self._returned
        )

    def _returned(self, result: Any) -> None:
        self.return_summary.setText("\n".join(core_tr(line) for line in [result.summary(), *result.notes]))
        self.problems.clear()
        for problem in result.problems:
            self.problems.addItem(problem.line())
        self.problems.setVisible(bool(result.problems))
