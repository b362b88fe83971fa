"""Import the employer's list of affected staff: pick the file, match the columns, check, confirm.

Reading, checking and writing are the core's (``pace_desktop.attendees``) and run on the session's
worker. Every row is checked with the Client model; rows with problems are listed by their spreadsheet
row number with the reason, and each is corrected in place or skipped. Nothing is written until the
adviser confirms, and then every good row is written in one transaction.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pace_desktop import attendees
from pace_desktop.attendees import FIELDS, RowCheck, Sheet, SourceFile
from pace_desktop.errors import PaceError
from pace_desktop.records.models import Client, Event
from pace_desktop.ui import i18n, style
from pace_desktop.ui.dialogs.client.layout import list_view
from pace_desktop.ui.dialogs.progress import run_with_progress
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.models.rows import RowsModel
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.fit import fit_to_screen

PREVIEW_ROWS = 20
FILE_FILTER = QT_TRANSLATE_NOOP(
    "AttendeeImportDialog", "Staff lists (*.xlsx *.xlsm *.csv *.txt);;All files (*)"
)
_Index = QModelIndex | QPersistentModelIndex
_PROBLEM = QBrush(QColor("#fde8ea"))
_WARNING = QBrush(QColor("#fff4d6"))


def cell_text(value: Any) -> str:
    """A cell as the adviser would read it in the spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return i18n.short_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class CheckModel(QAbstractTableModel):
    """Rows needing attention: row number, Skip tick, the mapped cells (editable), the problem."""

    def __init__(self, dialog: AttendeeImportDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.checks: list[RowCheck] = []
        self.columns: list[int] = []

    def reset(self, checks: list[RowCheck], columns: list[int]) -> None:
        self.beginResetModel()
        self.checks = checks
        self.columns = columns
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.checks)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.columns) + 3

    def _problem_column(self) -> int:
        return len(self.columns) + 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        check = self.checks[index.row()]
        col = index.column()
        skipped = check.index in self.dialog.skipped
        if role == Qt.ItemDataRole.CheckStateRole and col == 1:
            return Qt.CheckState.Checked if skipped else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if skipped:
                return None
            return _PROBLEM if check.problems else (_WARNING if check.warnings else None)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == 0:
            return str(check.number)
        if col == 1:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            return QCoreApplication.translate("AttendeeImportDialog", "Skip")
        if col == self._problem_column():
            if check.problems:
                return core_tr(check.reason())
            if check.warnings:
                return " ".join(core_tr(w) for w in check.warnings)
            return QCoreApplication.translate("AttendeeImportDialog", "Ready to add")
        return cell_text(self.dialog.sheet.cell(check.index, self.columns[col - 2]))

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == 1:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if 2 <= index.column() < self._problem_column():
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(
        self,
        index: _Index,
        value: Any,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid():
            return False
        check = self.checks[index.row()]
        if index.column() == 1 and role == Qt.ItemDataRole.CheckStateRole:
            skip = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dialog.set_skipped(check.index, skip)
        elif role == Qt.ItemDataRole.EditRole and 2 <= index.column() < self._problem_column():
            self.dialog.correct(index.row(), self.columns[index.column() - 2], str(value))
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        return True

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return QCoreApplication.translate("AttendeeImportDialog", "Row")
        if section == 1:
            return QCoreApplication.translate("AttendeeImportDialog", "Skip")
        if section == self._problem_column():
            return QCoreApplication.translate("AttendeeImportDialog", "What to check")
        return self.dialog.headings[self.columns[section - 2]]


class AttendeeImportDialog(QDialog):
    """``imported(count)`` after the good rows are written."""

    imported = Signal(int)

    def __init__(self, session: Session, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pace_event = event
        self.source: SourceFile | None = None
        self.sheet: Sheet | None = None
        self.headings: list[str] = []
        self.mapping: dict[int, str] = {}
        self.checks: list[RowCheck] = []
        self.skipped: set[int] = set()
        self.existing: list[Client] = []
        self.added = 0
        self.setWindowTitle(self.tr("Import attendee list"))
        self.setModal(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._done_page())
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.step = QLabel()
        self.step.setObjectName("hint")
        self.banner = Banner("error")
        self.back_button = QPushButton(self.tr("&Back"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.next_button = style.primary(QPushButton())
        self.back_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.next)
        footer = QHBoxLayout()
        footer.addWidget(self.back_button)
        footer.addStretch(1)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.step)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.banner)
        layout.addLayout(footer)
        self.setMinimumSize(820, 540)
        fit_to_screen(self, 1040, 700)
        self._show_page(0)
        session.about_to_lock.connect(self._close_for_lock)

    # -- page 1: the file ------------------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        intro = QLabel(
            self.tr(
                "Pre-register the people on the employer's list of affected staff. Choose the Excel "
                "workbook (.xlsx) or CSV file the employer sent. Nothing is saved until you confirm, "
                "and you can correct or skip any row first."
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Type the file's path, or choose Browse"))
        self.browse = QPushButton(self.tr("B&rowse…"))
        self.browse.setAutoDefault(False)
        file_box = QWidget()
        file_row = QHBoxLayout(file_box)
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.file_row = FieldRow(grid, 0, self.tr("&File"), file_box)
        self.path.setAccessibleName(self.tr("File"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.setMinimumWidth(260)
        self.sheet_combo.setMaximumWidth(420)
        FieldRow(
            grid, 1, self.tr("S&heet"), self.sheet_combo, hint=self.tr("The worksheet that holds the list")
        )
        self.browse.clicked.connect(self.browse_file)
        self.path.editingFinished.connect(lambda: self.choose_file(self.path.text()))
        self.sheet_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        handles = QLabel(
            self.tr(
                "Lists as employers send them are fine: a title above the headings, merged cells, "
                "dates typed in any usual way or stored as dates, blank rows, and whole names in one "
                "column. Password-protected workbooks and the old .xls format need saving as .xlsx "
                "first."
            )
        )
        handles.setObjectName("hint")
        handles.setWordWrap(True)
        box.addWidget(intro)
        box.addSpacing(8)
        box.addLayout(grid)
        box.addSpacing(12)
        box.addWidget(handles)
        box.addStretch(1)
        return page

    def browse_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the staff list"), "", self.tr(FILE_FILTER)
        )
        if path:
            self.path.setText(path)
            self.choose_file(path)

    def choose_file(self, path: str) -> None:
        """Check the file and list its sheets (on the worker: a large workbook takes a moment)."""
        path = path.strip().strip('"')
        if not path or (self.source and str(self.source.path) == path):
            return
        self.source = None
        self.sheet_combo.clear()
        self.sheet_combo.setEnabled(False)
        self.banner.clear_message()
        self._update_buttons()
        self.session.worker.submit(
            lambda _p: attendees.open_source(Path(path)), on_done=self._file_ready, on_error=self._failed
        )

    def _file_ready(self, source: SourceFile) -> None:
        self.source = source
        self.sheet_combo.addItems(list(source.sheet_names))
        self.sheet_combo.setEnabled(source.kind == "xlsx" and len(source.sheet_names) > 1)
        self.file_row.set_error(None)
        self._update_buttons()
        self.next_button.setFocus()

    def _read(self) -> None:
        assert self.source is not None
        source, sheet = self.source, self.sheet_combo.currentText() or None
        if source.kind == "csv":
            sheet = None
        run_with_progress(
            self.session,
            self,
            self.tr("Reading the list"),
            self.tr("Reading the rows of the staff list…"),
            lambda progress: attendees.read_sheet(source.path, sheet, progress),
            on_done=self._sheet_ready,
            on_error=self._failed,
        )

    def _sheet_ready(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.header_combo.blockSignals(True)
        self.header_combo.clear()
        for i in range(min(attendees.HEADER_SEARCH_ROWS, len(sheet.rows))):
            words = ", ".join(cell_text(v) for v in sheet.rows[i] if cell_text(v))[:90]
            self.header_combo.addItem(self.tr("Row {0}: {1}").format(sheet.numbers[i], words), i)
        self.header_combo.setCurrentIndex(sheet.header)
        self.header_combo.blockSignals(False)
        self._set_header(sheet.header)
        self._show_page(1)

    # -- page 2: the columns ---------------------------------------------------------------------------
    def _columns_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        box.setSpacing(8)
        intro = QLabel(
            self.tr(
                'Check which field each column fills. Columns set to "Don\'t import" are left out. '
                "A column holding whole names is split into first and last names."
            )
        )
        intro.setWordWrap(True)
        header_row = QHBoxLayout()
        label = QLabel(self.tr("&Headings are on"))
        self.header_combo = QComboBox()
        self.header_combo.setAccessibleName(self.tr("Row with the column headings"))
        self.header_combo.setMinimumWidth(420)
        label.setBuddy(self.header_combo)
        self.header_combo.currentIndexChanged.connect(
            lambda _i: self._set_header(self.header_combo.currentData())
        )
        header_row.addWidget(label)
        header_row.addWidget(self.header_combo, 1)
        self.mapping_area = QScrollArea()
        self.mapping_area.setWidgetResizable(True)
        self.mapping_area.setMinimumHeight(170)
        preview_title = QLabel(self.tr("Preview of the first {0} rows").format(PREVIEW_ROWS))
        preview_title.setObjectName("sectionTitle")
        self.preview = RowsModel([], self)
        self.preview_view = list_view(self.preview, self.tr("Preview of the list"))
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview_view.horizontalHeader().setDefaultSectionSize(150)
        box.addWidget(intro)
        box.addLayout(header_row)
        box.addWidget(self.mapping_area, 2)
        box.addWidget(preview_title)
        box.addWidget(self.preview_view, 3)
        return page

    def _set_header(self, index: int | None) -> None:
        if self.sheet is None or index is None:
            return
        self.sheet.header = index
        self.headings = self.sheet.headings()
        self.mapping = attendees.guess_mapping(self.headings)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for col, text in enumerate((self.tr("Column"), self.tr("First value"), self.tr("Fills"))):
            head = QLabel(text)
            head.setObjectName("hint")
            grid.addWidget(head, 0, col)
        self.field_combos: list[QComboBox] = []
        first = next(iter(self.sheet.data_indexes()), None)
        for col, heading in enumerate(self.headings):
            name = QLabel(heading)
            example = QLabel(cell_text(self.sheet.cell(first, col))[:60] if first is not None else "")
            example.setObjectName("hint")
            combo = QComboBox()
            combo.addItem(self.tr("Don't import"), "")
            for key, label in FIELDS.items():
                combo.addItem(core_tr(label), key)
            combo.setCurrentIndex(max(0, combo.findData(self.mapping.get(col, ""))))
            combo.setAccessibleName(self.tr("Field for the column {0}").format(heading))
            combo.setMinimumWidth(300)
            combo.currentIndexChanged.connect(lambda _i, c=col: self._map(c))
            name.setBuddy(combo)
            self.field_combos.append(combo)
            grid.addWidget(name, col + 1, 0)
            grid.addWidget(example, col + 1, 1)
            grid.addWidget(combo, col + 1, 2)
        grid.setRowStretch(len(self.headings) + 1, 1)
        self.mapping_area.setWidget(body)
        self._show_preview()
        self._update_buttons()

    def _map(self, col: int) -> None:
        value = self.field_combos[col].currentData()
        if value:
            self.mapping[col] = value
        else:
            self.mapping.pop(col, None)
        self._show_preview()
        self._update_buttons()

    def _show_preview(self) -> None:
        assert self.sheet is not None
        names = []
        for col, heading in enumerate(self.headings):
            field = self.mapping.get(col)
            names.append(
                self.tr("{heading}\n→ {field}").format(
                    heading=heading, field=core_tr(FIELDS[field]).split(" (")[0]
                )
                if field
                else self.tr("{heading}\n(not imported)").format(heading=heading)
            )
        self.preview.headings = names
        rows = [
            tuple(cell_text(self.sheet.cell(i, c)) for c in range(len(self.headings)))
            for i in list(self.sheet.data_indexes())[:PREVIEW_ROWS]
        ]
        self.preview.set_rows(rows)
        self.preview_view.resizeColumnsToContents()

    def mapping_problems(self) -> list[str]:
        return [core_tr(p) for p in attendees.mapping_problems(self.mapping)]

    def _check(self) -> None:
        assert self.sheet is not None
        sheet, mapping, event, store = self.sheet, dict(self.mapping), self.pace_event, self.session.store

        def work(progress: Any) -> tuple[list[RowCheck], list[Client]]:
            existing = store.clients.for_parent(event.id)
            return attendees.check_rows(sheet, mapping, event, existing=existing, progress=progress), existing

        run_with_progress(
            self.session,
            self,
            self.tr("Checking the rows"),
            self.tr("Checking every row of the list…"),
            work,
            on_done=self._checked,
            on_error=self._failed,
        )

    # -- page 3: the check -----------------------------------------------------------------------------
    def _check_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        box.setSpacing(8)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("sectionTitle")
        help_text = QLabel(
            self.tr(
                "Rows that need attention are listed with their row number in the spreadsheet. "
                "Correct a cell by selecting it and pressing F2 (or double-clicking), or tick Skip "
                "to leave the row out."
            )
        )
        help_text.setWordWrap(True)
        help_text.setObjectName("hint")
        self.check_model = CheckModel(self)
        self.check_view = QTableView()
        self.check_view.setModel(self.check_model)
        self.check_view.setAccessibleName(self.tr("Rows that need attention"))
        self.check_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.check_view.setWordWrap(True)
        self.check_view.verticalHeader().setVisible(False)
        self.check_view.horizontalHeader().setStretchLastSection(True)
        self.check_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.check_view.horizontalHeader().setDefaultSectionSize(140)
        self.skip_all = QPushButton(self.tr("S&kip every row with a problem"))
        self.skip_all.setAutoDefault(False)
        self.skip_all.clicked.connect(self.skip_all_problems)
        row = QHBoxLayout()
        row.addWidget(self.skip_all)
        row.addStretch(1)
        box.addWidget(self.summary)
        box.addWidget(help_text)
        box.addWidget(self.check_view, 1)
        box.addLayout(row)
        return page

    def _checked(self, result: tuple[list[RowCheck], list[Client]]) -> None:
        self.checks, self.existing = result
        self.skipped = set()
        attention = [c for c in self.checks if c.problems or c.warnings]
        self.check_model.reset(attention, sorted(c for c in self.mapping))
        self.check_view.resizeColumnsToContents()
        self.check_view.horizontalHeader().setStretchLastSection(True)
        self._show_page(2)

    def set_skipped(self, index: int, skip: bool) -> None:
        if skip:
            self.skipped.add(index)
        else:
            self.skipped.discard(index)
        self._update_buttons()

    def skip_all_problems(self) -> None:
        for check in self.checks:
            if check.problems:
                self.skipped.add(check.index)
        self.check_model.dataChanged.emit(
            self.check_model.index(0, 0),
            self.check_model.index(self.check_model.rowCount() - 1, self.check_model.columnCount() - 1),
        )
        self._update_buttons()

    def correct(self, row: int, column: int, text: str) -> None:
        """The adviser corrected a cell: check that row again (and the duplicates across rows)."""
        assert self.sheet is not None
        check = self.check_model.checks[row]
        self.sheet.set_cell(check.index, column, text)
        orders = {
            c: attendees.month_first_column(self.sheet.cell(i, c) for i in self.sheet.data_indexes())
            for c, n in self.mapping.items()
            if n in attendees.DATE_FIELDS
        }
        fresh = attendees.check_row(
            self.sheet, check.index, self.mapping, self.pace_event, month_first=orders
        )
        position = self.checks.index(check)
        self.checks[position] = fresh
        self.check_model.checks[row] = fresh
        attendees.mark_duplicates(self.checks, self.existing)
        self._update_buttons()

    def ready(self) -> list[Client]:
        return [
            c.client for c in self.checks if c.ok and c.client is not None and c.index not in self.skipped
        ]

    def unresolved(self) -> int:
        return sum(1 for c in self.checks if c.problems and c.index not in self.skipped)

    def _confirm(self) -> None:
        clients, store = self.ready(), self.session.store
        if not clients:
            return
        run_with_progress(
            self.session,
            self,
            self.tr("Adding the people"),
            self.tr("Saving every row at once…"),
            lambda progress: attendees.commit(store, clients, progress),
            on_done=self._committed,
            on_error=self._failed,
        )

    # -- page 4: done ----------------------------------------------------------------------------------
    def _done_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 16, 0, 0)
        self.result = QLabel()
        self.result.setObjectName("sectionTitle")
        self.result.setWordWrap(True)
        self.result_hint = QLabel(
            self.tr(
                "They appear in the event's list. Take each person's consent and checklist when you "
                "meet them."
            )
        )
        self.result_hint.setObjectName("hint")
        self.result_hint.setWordWrap(True)
        box.addWidget(self.result)
        box.addWidget(self.result_hint)
        box.addStretch(1)
        return page

    def _committed(self, written: list[Client]) -> None:
        self.added = len(written)
        skipped = len(self.checks) - self.added
        self.result.setText(self.tr("{0} added, {1} skipped.").format(self.added, skipped))
        self.result.setAccessibleName(self.result.text())
        self.sheet = None  # the list's personal data is no longer needed in memory
        self._show_page(3)
        self.imported.emit(self.added)

    # -- navigation ------------------------------------------------------------------------------------
    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        titles = (
            self.tr("Choose the staff list"),
            self.tr("Match the columns"),
            self.tr("Check the rows"),
            self.tr("Import finished"),
        )
        self.title.setText(titles[index])
        self.step.setText(self.tr("Step {0} of 4 · {1}").format(index + 1, self.pace_event.employer_name))
        self.banner.clear_message()
        self._update_buttons()
        focus = (self.path, self.header_combo, self.check_view, self.next_button)[index]
        focus.setFocus()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        self.back_button.setVisible(page in (1, 2))
        self.cancel_button.setVisible(page != 3)
        if page == 0:
            self.next_button.setText(self.tr("&Next: match the columns"))
            self.next_button.setEnabled(self.source is not None)
        elif page == 1:
            problems = self.mapping_problems() if self.sheet else []
            self.banner.show_message(" ".join(problems) if problems else None)
            self.next_button.setText(self.tr("&Next: check the rows"))
            self.next_button.setEnabled(self.sheet is not None and not problems)
        elif page == 2:
            ready, unresolved = len(self.ready()), self.unresolved()
            self.next_button.setText(self.tr("&Add %Ln person(s)", "", ready))
            self.next_button.setEnabled(ready > 0 and unresolved == 0)
            attention = unresolved + sum(1 for c in self.checks if c.warnings and not c.problems)
            rows = self.tr("%Ln row(s) are ready.", "", ready)
            if unresolved:  # two sentences, each with its own count
                text = " ".join(
                    (rows, self.tr("%Ln need correcting or skipping before you add them.", "", unresolved))
                )
            elif attention:
                text = " ".join((rows, self.tr("Check the rows marked in yellow, then add them.")))
            else:
                text = self.tr("All %Ln row(s) are ready.", "", ready)
            self.summary.setText(text)
            self.skip_all.setEnabled(unresolved > 0)
        else:
            self.next_button.setText(self.tr("&Close"))
            self.next_button.setEnabled(True)

    def next(self) -> None:
        page = self.pages.currentIndex()
        if page == 0 and self.source is not None:
            self._read()
        elif page == 1:
            self._check()
        elif page == 2:
            self._confirm()
        elif page == 3:
            self.accept()

    def back(self) -> None:
        page = self.pages.currentIndex()
        if page > 0:
            self._show_page(page - 1)

    def _failed(self, exc: BaseException) -> None:
        message = (
            core_tr(str(exc))
            if isinstance(exc, PaceError)
            else self.tr("Something went wrong reading or saving the list: nothing was saved. Try again.")
        )
        if self.pages.currentIndex() == 0:
            self.file_row.set_error(message)
            self.source = None
            self._update_buttons()
        else:
            self.banner.show_message(message)

    def _close_for_lock(self) -> None:
        """The app is locking: close; nothing was written, and the list is read again next time."""
        self.sheet = None
        self.checks = []
        if self.isVisible():
            self.reject()

    def done(self, result: int) -> None:
        try:
            self.session.about_to_lock.disconnect(self._close_for_lock)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
