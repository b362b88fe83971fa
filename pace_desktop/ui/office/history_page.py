"""Import history: every import attempt the central store kept — accepted, already had or refused.

Nothing here is only printed and lost: the importer records each attempt with its verdict and plain
reason, and staff browse, filter and re-save receipts from that record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from pace_desktop.ui.i18n import core_tr, number
from pace_desktop.ui.office.common import error_text, page, replace_answer, when
from pace_desktop.ui.office.import_page import TONE, plain_reason, verdict_words
from pace_desktop.ui.office.models import RowsModel, selected_key, sortable, table
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner


def records_in(row: Any) -> int:
    """Records the bundle held: the history keeps {"entities": {kind: n}, "outcomes": {...}}."""
    entities = row.counts.get("entities", {}) if isinstance(row.counts, dict) else {}
    return sum(n for n in entities.values() if isinstance(n, int))


class HistoryPage(QWidget):
    """The attempts, newest first; a filter by verdict; 'Save receipt again…' for one attempt."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Any] = []
        layout = page(
            self,
            self.tr("Import history"),
            self.tr(
                "Every bundle anyone tried to import into this central store, with what happened and "
                "why. Refused bundles imported nothing; ask the adviser for a fresh copy."
            ),
        )
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show"))
        self.filter.addItem(self.tr("All attempts"), None)
        for verdict, word in verdict_words().items():
            self.filter.addItem(word, verdict)
        self.filter.currentIndexChanged.connect(lambda _i: self._show())
        show_label = QLabel(self.tr("&Show"))
        show_label.setBuddy(self.filter)
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.receipt_button = QPushButton(self.tr("Save &receipt again…"))
        self.receipt_button.setToolTip(
            self.tr("Write the receipt for the selected bundle again, e.g. when the first copy was lost")
        )
        self.receipt_button.clicked.connect(self.choose_receipt_file)
        row = QHBoxLayout()
        row.addWidget(show_label)
        row.addWidget(self.filter)
        row.addWidget(self.count, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.receipt_button)
        layout.addLayout(row)
        self.banner = Banner("error")
        self.done_banner = Banner("success")
        layout.addWidget(self.banner)
        layout.addWidget(self.done_banner)
        self.model = RowsModel(
            [
                self.tr("When"),
                self.tr("File"),
                self.tr("Laptop"),
                self.tr("No."),
                self.tr("Result"),
                self.tr("Records"),
                self.tr("Reason"),
            ],
            tone_column=4,
            numeric=(3, 5),
        )
        # One line per attempt, so hundreds stay easy to scan; the selected one is shown in full below.
        self.view = table(self.model, self.tr("Import history"), stretch=6, wrap=False)
        sortable(self.view, self.model, 0, Qt.SortOrder.DescendingOrder)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view, 1)
        self.detail = QLabel()
        self.detail.setObjectName("card")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(12, 10, 12, 10)
        self.detail.setMinimumHeight(64)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.detail)
        self._update_button()

    # -- data --------------------------------------------------------------------------------------
    def reload(self) -> None:
        from pace_desktop.office.history import import_history

        if not self.session.is_unlocked:
            return
        store = self.session.store
        self.session.worker.submit(
            lambda _p: import_history(store), on_done=self._loaded, on_error=self._failed
        )

    def _loaded(self, rows: list[Any]) -> None:
        if not self.session.is_unlocked:
            return
        self.rows = rows
        self.banner.clear_message()
        self._show()

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(
            error_text(exc, self.tr("The import history could not be read: lock and unlock, then try again."))
        )

    def _show(self) -> None:
        wanted = self.filter.currentData()
        rows = [r for r in self.rows if wanted is None or r.verdict == wanted]
        words = verdict_words()
        self.model.set_rows(
            [
                (
                    when(r.attempted_at),
                    r.file_name,
                    r.device_id or "—",
                    "—" if r.sequence is None else str(r.sequence),
                    words.get(r.verdict, r.verdict),
                    number(records_in(r)) if r.verdict != "refused" else "—",
                    self.tr("{reason} {gap}").format(
                        reason=plain_reason(r.code, r.reason, r.device_id), gap=core_tr(r.gap)
                    )
                    if r.gap
                    else plain_reason(r.code, r.reason, r.device_id),
                )
                for r in rows
            ],
            keys=rows,
            sort_keys=[
                (r.id, r.file_name, r.device_id or "", r.sequence or 0, r.verdict, records_in(r), r.reason)
                for r in rows
            ],
            tones=[TONE.get(r.verdict, "plain") for r in rows],
        )
        self.view.resizeRowsToContents()
        self.count.setText(
            self.tr("{shown} of %Ln attempt(s) shown", "", len(self.rows)).format(shown=number(len(rows)))
        )
        self._selection_changed()

    def clear(self) -> None:
        self.rows = []
        self.model.set_rows([])
        self.count.setText("")
        self.detail.clear()
        self.banner.clear_message()
        self.done_banner.clear_message()

    # -- receipts ----------------------------------------------------------------------------------
    def selected(self) -> Any:
        return selected_key(self.view, self.model)

    def _selection_changed(self) -> None:
        self._update_button()
        row = self.selected()
        if row is None:
            self.detail.setText(self.tr("Select an attempt to read its full reason here."))
            return
        words = verdict_words()
        lines = [
            self.tr("{0} — {1}, {2}").format(
                row.file_name, words.get(row.verdict, row.verdict), when(row.attempted_at)
            ),
            plain_reason(row.code, row.reason, row.device_id),
        ]
        if row.gap:
            lines.append(core_tr(row.gap))
        who = self.tr("Imported by {0}.").format(row.imported_by)
        if row.device_id:
            who = self.tr("From laptop {laptop}, its export number {number}. Imported by {who}.").format(
                laptop=row.device_id, number=row.sequence or "—", who=row.imported_by
            )
        lines.append(who)
        self.detail.setText("\n".join(lines))

    def _update_button(self) -> None:
        row = self.selected()
        self.receipt_button.setEnabled(
            row is not None and row.verdict != "refused" and row.bundle_id is not None
        )

    def choose_receipt_file(self) -> None:
        row = self.selected()
        if row is None:
            return
        name = f"PACE-{row.device_id}-{row.sequence or 0:06d}-again.pacereceipt"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the receipt"),
            str(Path.home() / name),
            self.tr("PACE receipts (*.pacereceipt)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # save_receipt asks "Replace NAME?"
        )
        if chosen:
            self.save_receipt(Path(chosen))

    def save_receipt(self, target: Path) -> None:
        """Write the selected attempt's receipt to ``target``; an existing file is replaced only
        when the person says Yes to "Replace NAME?", and a link never."""
        from pace_desktop.errors import PaceError
        from pace_desktop.office.history import saved_receipt
        from pace_desktop.reports.output import write_output

        row = self.selected()
        if row is None or row.bundle_id is None:
            return
        overwrite = replace_answer(self, self.session, [target])
        if overwrite is None:
            return  # No: the file there stays as it was
        store = self.session.store

        def save(_progress: Any) -> Path:
            data = saved_receipt(store, row.bundle_id)
            if data is None:
                raise PaceError(self.tr("No receipt was kept for that bundle: import it again to make one."))
            return write_output(target, data, overwrite=overwrite)

        def saved(path: Path) -> None:
            self.banner.clear_message()
            self.done_banner.show_message(
                self.tr(
                    "The receipt was saved as {0}. Send it to the adviser whose laptop sent the bundle."
                ).format(path)
            )

        self.session.worker.submit(save, on_done=saved, on_error=self._failed)
