"""Import: choose bundles (files, a folder, or drop them), import them on the worker, see each verdict.

Each bundle is imported on its own, all or nothing (``office.importer.import_bundles``); the
results table says for every file whether it was accepted, already had, or refused, and why, in the
same words the import history keeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.ui import style
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.office.common import PathPicker, error_text, hint, open_folder, page, section
from pace_desktop.ui.office.models import RowsModel, table
from pace_desktop.ui.office.relay_panel import RelayPanel
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner

BUNDLE_FILTER = QT_TRANSLATE_NOOP("ImportPage", "PACE bundles (*.pacebundle);;All files (*)")
STEPS = 1000  # progress arrives in bytes (may pass 2**31); the bar shows thousandths


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportPage", text)


TONE = {"accepted": "good", "already_had": "plain", "refused": "bad"}


class ImportWords(QObject):
    """The import's results in the reader's words: one template a sentence, Qt's %Ln plurals."""

    def verdicts(self) -> dict[str, str]:
        return {
            "accepted": self.tr("Accepted"),
            "already_had": self.tr("Already had"),
            "refused": self.tr("Refused"),
        }

    def verdict_count(self, verdict: str, n: int) -> str:
        return {
            "accepted": lambda: self.tr("%Ln accepted", "", n),
            "already_had": lambda: self.tr("%Ln already had", "", n),
            "refused": lambda: self.tr("%Ln refused", "", n),
        }[verdict]()

    def plain_reason(self, code: str, reason: str, device_id: str | None) -> str:
        """The importer's reason, with command-line advice replaced by where to do it here."""
        if code == "unknown_device":
            return self.tr(
                "This bundle comes from a laptop this office has not enrolled ({0}): enrol "
                "its device key on the Devices tab, or import again with 'Trust new "
                "laptops' ticked. Nothing was imported."
            ).format(device_id or self.tr("unknown"))
        reason = core_tr(reason)  # the core's words, through the 'core' context
        return reason[:1].upper() + reason[1:]  # the CLI prints it after the verdict; here it leads

    def what_happened(self, result: Any) -> str:
        """The reason and every warning for one import result, as one readable paragraph."""
        parts = [self.plain_reason(result.code, result.reason, result.device_id)]
        if result.new_device:
            parts.append(self.tr("Laptop {0} was enrolled on this first bundle.").format(result.device_id))
        if result.duplicates_found:
            parts.append(self.tr("%Ln possible duplicate(s) listed for review.", "", result.duplicates_found))
        parts += [core_tr(w) for w in (result.gap_warning, *result.warnings) if w]
        if result.receipt_error:
            parts.append(self.tr("The receipt could not be written: save it again from Import history."))
        return self.tr(" ", "between the sentences about one import").join(parts)

    def summary_line(self, results: list[Any]) -> str:
        counts = {v: sum(1 for r in results if r.verdict == v) for v in self.verdicts()}
        shown = self.tr(", ", "between the verdict counts").join(
            self.verdict_count(v, n) for v, n in counts.items() if n
        )
        return self.tr("%Ln bundle(s): {verdicts}.", "", len(results)).format(verdicts=shown)


def verdict_words() -> dict[str, str]:
    return ImportWords().verdicts()


def plain_reason(code: str, reason: str, device_id: str | None) -> str:
    return ImportWords().plain_reason(code, reason, device_id)


def what_happened(result: Any) -> str:
    return ImportWords().what_happened(result)


def summary_line(results: list[Any]) -> str:
    return ImportWords().summary_line(results)


class ImportPage(QWidget):
    """Emits ``imported`` after each run, so the history, devices and duplicates pages reload."""

    imported = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.results: list[Any] = []
        self.receipts_folder: Path | None = None
        self.setAcceptDrops(True)
        layout = page(
            self,
            self.tr("Import bundles"),
            self.tr(
                "Bundles are the encrypted files advisers export from their laptops. Each one is "
                "checked — size, encryption, the laptop's signature, every record — and applied whole "
                "or not at all. Importing the same bundle twice is harmless."
            ),
        )

        self.progress = QProgressBar()
        self.progress.setRange(0, STEPS)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setVisible(False)
        self.import_button = style.primary(QPushButton(style.icon("import"), self.tr("&Import bundles")))
        self.import_button.clicked.connect(self.start_import)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self._build_chooser(), 3)
        top.addWidget(self._build_options(), 2)
        layout.addLayout(top)
        layout.addWidget(self.trust_warning)
        layout.addWidget(self.progress)
        self.banner = Banner("error")
        layout.addWidget(self.banner)
        # Bundles sent over the network wait at the office relay instead of in a folder.
        self.relay = RelayPanel(session)
        self.relay.fetched.connect(self._fetched)
        layout.addWidget(self.relay)

        layout.addWidget(section(self.tr("Results")))
        self.summary = QLabel(self.tr("Nothing imported yet in this session."))
        self.summary.setObjectName("hint")
        layout.addWidget(self.summary)
        self.model = RowsModel(
            [self.tr("File"), self.tr("Result"), self.tr("Records"), self.tr("What happened")],
            tone_column=1,
            numeric=(2,),
        )
        self.view = table(self.model, self.tr("Import results"), stretch=3)
        self.view.setMinimumHeight(180)
        layout.addWidget(self.view, 1)
        self.receipts_note = QLabel()
        self.receipts_note.setWordWrap(True)
        self.receipts_note.setVisible(False)
        self.open_receipts = QPushButton(style.icon("open"), self.tr("&Open receipts folder"))
        self.open_receipts.setVisible(False)
        self.open_receipts.clicked.connect(self._open_receipts)
        note_row = QHBoxLayout()
        note_row.addWidget(self.receipts_note, 1)
        note_row.addWidget(self.open_receipts, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(note_row)
        self._update_buttons()

    # -- building ----------------------------------------------------------------------------------
    def _build_chooser(self) -> QWidget:
        box = QGroupBox(self.tr("Bundles to import"))
        layout = QVBoxLayout(box)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Bundles to import"))
        self.files.setMinimumHeight(80)
        self.files.setMaximumHeight(120)  # the results table below needs the height more
        self.empty = hint(self.tr("None chosen yet. Choose files or a folder, or drop them here."))
        self.add_files_button = QPushButton(style.icon("add"), self.tr("Choose &files…"))
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button = QPushButton(style.icon("open"), self.tr("Choose a f&older…"))
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.clear_button = QPushButton(self.tr("C&lear list"))
        self.clear_button.clicked.connect(self.clear_paths)
        row = QHBoxLayout()
        row.addWidget(self.add_files_button)
        row.addWidget(self.add_folder_button)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        layout.addWidget(self.empty)
        layout.addWidget(self.files, 1)
        layout.addLayout(row)
        return box

    def _build_options(self) -> QWidget:
        box = QGroupBox(self.tr("Options"))
        layout = QVBoxLayout(box)
        self.trust = QCheckBox(self.tr("&Trust new laptops on their first bundle"))
        # Shown full width under the boxes: a wrapped label in this narrow box would be clipped.
        self.trust_warning = Banner("notice")
        self.trust.toggled.connect(self._trust_changed)
        layout.addWidget(self.trust)
        label = QLabel(self.tr("Write receipts"))
        label.setToolTip(
            self.tr(
                "Each receipt goes back to the laptop that sent the bundle, to confirm what the office holds."
            )
        )
        layout.addWidget(label)
        self.beside = QRadioButton(self.tr("&Beside each bundle"))
        self.elsewhere = QRadioButton(self.tr("In this fol&der:"))
        self.beside.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.beside)
        group.addButton(self.elsewhere)
        self.receipts_picker = PathPicker("folder", self.tr("Folder for receipts"))
        self.receipts_picker.setEnabled(False)
        self.elsewhere.toggled.connect(self.receipts_picker.setEnabled)
        grid = QGridLayout()
        grid.setContentsMargins(16, 0, 0, 0)
        grid.addWidget(self.beside, 0, 0, 1, 2)
        grid.addWidget(self.elsewhere, 1, 0)
        grid.addWidget(self.receipts_picker, 1, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        run = QHBoxLayout()
        run.addStretch(1)
        run.addWidget(self.import_button)
        layout.addLayout(run)
        return box

    # -- choosing ----------------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def add_paths(self, paths: list[Path | str]) -> None:
        """Add files or folders to the list (a folder means every bundle directly inside it)."""
        known = {str(p) for p in self.paths()}
        for path in paths:
            text = str(Path(path))
            if text not in known:
                self.files.addItem(text)
                known.add(text)
        self._update_buttons()

    def clear_paths(self) -> None:
        self.files.clear()
        self._update_buttons()

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose bundles"), str(Path.home()), self.tr(BUNDLE_FILTER)
        )
        self.add_paths(list(chosen))

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder of bundles"), str(Path.home())
        )
        if chosen:
            self.add_paths([chosen])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        self.add_paths([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def _trust_changed(self, on: bool) -> None:
        self.trust_warning.show_message(
            self.tr(
                "Only when you know every bundle here came from your own advisers: a laptop never "
                "seen before is enrolled on its first bundle. Otherwise enrol it on the Devices tab."
            )
            if on
            else None
        )

    def _update_buttons(self) -> None:
        has = self.files.count() > 0
        self.empty.setVisible(not has)
        self.files.setVisible(has)
        self.clear_button.setEnabled(has)
        self.import_button.setEnabled(has and not self.progress.isVisible())

    # -- importing ---------------------------------------------------------------------------------
    def start_import(self) -> None:
        from pace_desktop.errors import UsageError
        from pace_desktop.office.importer import collect_bundles, import_bundles

        paths = self.paths()
        if not paths:
            return
        receipts: Path | None = None
        if self.elsewhere.isChecked():
            receipts = self.receipts_picker.path()
            if receipts is None or not receipts.is_dir():
                self.banner.show_message(
                    self.tr("Choose an existing folder for the receipts, or write them beside each bundle.")
                )
                return
        self.receipts_folder = receipts
        trust = self.trust.isChecked()
        store = self.session.store

        def run(progress: Any) -> list[Any]:
            files = collect_bundles(paths)
            if not files:
                raise UsageError(self.tr("No .pacebundle files were found there: check the folder."))

            def scaled(done: int, total: int) -> None:
                progress(int(STEPS * done / max(1, total)), STEPS)

            return import_bundles(
                store, files, trust_new_devices=trust, receipts_dir=receipts, progress=scaled
            )

        self.banner.clear_message()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.import_button.setEnabled(False)
        self.import_button.setText(self.tr("Importing…"))
        self.session.worker.submit(
            run,
            on_done=self._done,
            on_error=self._failed,
            on_progress=lambda d, _t: self.progress.setValue(d),
        )

    def _finish(self) -> None:
        self.progress.setVisible(False)
        self.import_button.setText(self.tr("&Import bundles"))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.banner.show_message(
            error_text(
                exc,
                self.tr("The import stopped before it finished: bundles already done are kept; try again."),
            )
        )

    def _done(self, results: list[Any]) -> None:
        self._finish()
        self.show_results(results)
        self.files.clear()
        self._update_buttons()
        self.imported.emit()

    def _fetched(self, result: Any) -> None:
        self.show_results(result.results)
        self.imported.emit()

    def show_results(self, results: list[Any]) -> None:
        self.results = list(results)
        words = verdict_words()
        self.model.set_rows(
            [
                (
                    r.file_name,
                    words[r.verdict],
                    str(r.records) if r.verdict != "refused" else "—",
                    what_happened(r),
                )
                for r in results
            ],
            tones=[TONE[r.verdict] for r in results],
        )
        self.view.resizeRowsToContents()
        self.summary.setText(summary_line(results) if results else "")
        # A bundle imported twice has one receipt: the second run rewrites the same file.
        written = {r.receipt_path for r in results if r.receipt_path is not None}
        if written:
            head = (
                self.tr("%Ln receipt(s) were written in {folder}.", "", len(written)).format(
                    folder=self.receipts_folder
                )
                if self.receipts_folder
                else self.tr("%Ln receipt(s) were written beside the bundles.", "", len(written))
            )
            self.receipts_note.setText(
                " ".join(
                    (
                        head,
                        self.tr(  # two sentences
                            "Send each one back to the adviser whose laptop sent the bundle: its file name "
                            "names the laptop."
                        ),
                    )
                )
            )
        self.receipts_note.setVisible(bool(written))
        self.open_receipts.setVisible(bool(written))

    def _open_receipts(self) -> None:
        written = [r.receipt_path for r in self.results if r.receipt_path is not None]
        if written:
            open_folder(self.receipts_folder or written[0])

    def clear(self) -> None:
        """On lock: forget what was chosen and shown."""
        self.clear_paths()
        self.model.set_rows([])
        self.results = []
        self.summary.setText(self.tr("Nothing imported yet in this session."))
        self.receipts_note.setVisible(False)
        self.open_receipts.setVisible(False)
        self.banner.clear_message()
