"""Reports: choose a kind, choose a file, write the workbook on the worker, open its folder.

The kinds come from ``reports.kinds.REPORTS``, so a kind added there (reciprocity, de-identified…)
appears here with no change to this page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.ui import style
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.office.common import PathPicker, error_text, open_folder, page, replace_answer
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.field import FieldRow

# What each kind may be used for, shown above the Write button. Kinds added later (reciprocity,
# de-identified…) get the careful default until a line is written for them here.
CAUTIONS = {
    "records": QT_TRANSLATE_NOOP(
        "ReportsPage",
        "This report holds people's personal data: save it "
        "only on the office's secure drive, never on a laptop, USB stick or "
        "in email.",
    ),
    "summary": QT_TRANSLATE_NOOP(
        "ReportsPage",
        "Counts per event, with no names, but small numbers are not hidden: keep it within SDS.",
    ),
    "partners": QT_TRANSLATE_NOOP(
        "ReportsPage",
        "Counts under 5 are hidden so that no one can be "
        "picked out: this report may be shared with partners.",
    ),
}
CAUTIONS["deidentified"] = QT_TRANSLATE_NOOP(
    "ReportsPage",
    "No names, contact details or full postcodes, but still about individual people: "
    "use it for research and evaluation of PACE only, as the data-sharing agreement allows.",
)
CAUTIONS["reciprocity"] = CAUTIONS["partners"]
DEFAULT_CAUTION = QT_TRANSLATE_NOOP("ReportsPage", "Check who may see this report before you share it.")
SECURE_DRIVE_ONLY = {"records"}  # kinds whose caution says: the office's secure drive only
TITLES = {
    "records": QT_TRANSLATE_NOOP("ReportsPage", "Records"),
    "summary": QT_TRANSLATE_NOOP("ReportsPage", "Event summary"),
    "partners": QT_TRANSLATE_NOOP("ReportsPage", "Partners"),
    "deidentified": QT_TRANSLATE_NOOP("ReportsPage", "De-identified"),
    "reciprocity": QT_TRANSLATE_NOOP("ReportsPage", "Reciprocity"),
    "impact": QT_TRANSLATE_NOOP("ReportsPage", "Impact"),
}


def title_of(name: str) -> str:
    return TITLES.get(name, name.replace("_", " ").capitalize())


def sentence(text: str) -> str:
    """The registry's lower-case description as a sentence (capitalize() would lower 'PACE ID')."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


class ReportsPage(QWidget):
    """One form: kind, file, Write report; the result line says what was written and where."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        from pace_desktop.reports.kinds import REPORTS

        super().__init__(parent)
        self.session = session
        self.written: Path | None = None
        self._suggested = ""
        page_layout = page(
            self,
            self.tr("Reports"),
            self.tr(
                "Spreadsheets (.xlsx) from the central store, written from one consistent reading of "
                "it. Every report written is recorded in the audit log."
            ),
        )
        columns = QHBoxLayout()
        columns.setSpacing(24)
        form = QGroupBox(self.tr("Write a report"))
        form.setMaximumWidth(760)
        layout = QVBoxLayout(form)
        layout.setSpacing(10)
        columns.addWidget(form, 3)
        columns.addWidget(self._kinds_box(REPORTS), 2)
        page_layout.addLayout(columns)
        page_layout.addStretch(1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        self.kind = QComboBox()
        for name, kind in REPORTS.items():
            self.kind.addItem(self.tr(title_of(name)), name)
            self.kind.setItemData(
                self.kind.count() - 1, core_tr(kind.description), Qt.ItemDataRole.ToolTipRole
            )
        self.kind_row = FieldRow(grid, 0, self.tr("&Report"), self.kind)
        self.out = PathPicker(
            "save", self.tr("Save the report as"), file_filter=self.tr("Excel workbook (*.xlsx)")
        )
        self.out_row = FieldRow(grid, 2, self.tr("Save &as"), self.out)
        grid.removeWidget(self.out_row.message)
        grid.addWidget(self.out_row.message, 3, 1, 1, 2)
        layout.addLayout(grid)
        self.caution = Banner("notice")
        layout.addWidget(self.caution)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Writing the report"))
        self.progress.setVisible(False)
        self.write_button = style.primary(QPushButton(self.tr("&Write report")))
        self.write_button.clicked.connect(self.write)
        run_row = QHBoxLayout()
        run_row.addWidget(self.progress, 1)
        run_row.addStretch(0)
        run_row.addWidget(self.write_button)
        layout.addLayout(run_row)
        self.banner = Banner("error")
        self.done_banner = Banner("success")
        self.open_button = QPushButton(style.icon("open"), self.tr("&Open folder"))
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(lambda: self.written and open_folder(self.written))
        done_row = QHBoxLayout()
        done_row.addWidget(self.done_banner, 1)
        done_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.banner)
        layout.addLayout(done_row)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()

    def _kinds_box(self, reports: dict[str, Any]) -> QWidget:
        box = QGroupBox(self.tr("The reports"))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        for row, (name, kind) in enumerate(reports.items()):
            title = QLabel(self.tr(title_of(name)))
            title.setStyleSheet("font-weight: 600;")
            about = QLabel(sentence(core_tr(kind.description)))
            about.setWordWrap(True)
            about.setObjectName("hint")
            grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(about, row, 1)
        grid.setRowStretch(len(reports), 1)
        return box

    def _kind_changed(self) -> None:
        name = self.kind.currentData()
        self.caution.show_message(self.tr(CAUTIONS.get(name, DEFAULT_CAUTION)))
        current = self.out.edit.text()
        if not current or current == self._suggested:  # replace only our own suggestion
            file_name = f"pace-{name}-{date.today():%Y-%m-%d}.xlsx"
            if name in SECURE_DRIVE_ONLY:
                # Personal data goes on the secure drive: no folder is suggested (the home or
                # Documents folder would be the wrong place), so the person chooses one.
                self._suggested = ""
                self.out.edit.clear()
                self.out.edit.setPlaceholderText(file_name)
            else:
                self._suggested = str(documents_folder() / file_name)
                self.out.set_path(self._suggested)

    def write(self) -> None:
        from pace_desktop.reports.report import write_report

        if getattr(self, "_busy", False):
            return
        target = self.out.path()
        if target is None:
            self.out_row.set_error(
                self.tr("Choose where to save the report.")
                if self.kind.currentData() not in SECURE_DRIVE_ONLY
                else self.tr("Choose a folder on the office's secure drive.")
            )
            self.out.edit.setFocus()
            return
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        if not target.parent.is_dir():
            self.out_row.set_error(self.tr("That folder does not exist: choose another."))
            return
        self.out_row.set_error(None)
        overwrite = replace_answer(self, self.session, [target])
        if overwrite is None:
            return  # No: the file there stays as it was
        kind = self.kind.currentData()
        store = self.session.store
        self.banner.clear_message()
        self.done_banner.clear_message()
        self.open_button.setVisible(False)
        self.progress.setVisible(True)
        # Not disabled: a disabled button loses focus, which jumped to Lock. A second press while
        # writing does nothing.
        self._busy = True
        self.write_button.setText(self.tr("Writing…"))
        self.session.worker.submit(
            lambda _p: write_report(store, kind, target, overwrite=overwrite),
            on_done=self._written,
            on_error=self._failed,
        )

    def _finish(self) -> None:
        self.progress.setVisible(False)
        self._busy = False
        self.write_button.setText(self.tr("&Write report"))

    def _written(self, result: Any) -> None:
        self._finish()
        self.written = Path(result.path)
        self.done_banner.show_message(result.describe())
        self.open_button.setVisible(True)
        if self.window().focusWidget() is self.write_button:
            self.open_button.setFocus()  # on to the result, not to Lock

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.banner.show_message(
            error_text(exc, self.tr("The report could not be written: nothing was saved. Try again."))
        )

    def reload(self) -> None:
        """Nothing to read in advance: the report reads the store when it is written."""

    def clear(self) -> None:
        self.banner.clear_message()
        self.done_banner.clear_message()
        self.open_button.setVisible(False)
