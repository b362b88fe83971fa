"""Apply a file from the office: a receipt (records confirmed, then purged when due) or a notice.

The office signs a receipt for every bundle it imports. Applying it here marks those records as
safely held by the office; once the retention period has passed they are removed from this laptop,
so a lost laptop holds as little as possible. The office's notices (withdrawals and erasures made
there) are applied the same way. The list below shows which exports are still waiting.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.ui import style
from pace_desktop.ui.dialogs.export_dialog import kind_count
from pace_desktop.ui.i18n import core_tr, number
from pace_desktop.ui.office.common import PathPicker, error_text, hint, when
from pace_desktop.ui.office.models import RowsModel, table
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.field import FieldRow

RECEIPT_FILTER = QT_TRANSLATE_NOOP(
    "ReceiptDialog", "Files from the office (*.pacereceipt *.pacenotice *.pacereference);;All files (*)"
)


def apply_file(store: Any, path: Any) -> Any:
    """A receipt or a notice, whichever the file is (notices come with the privacy module)."""
    try:
        from pace_desktop.privacy.notice_apply import apply_office_file
    except ModuleNotFoundError:
        from pace_desktop.exchange.receipt import apply_receipt as apply_office_file
    return apply_office_file(store, path)


class ReceiptDialog(QDialog):
    """``ReceiptDialog(session, parent).open()``; ``applied`` holds each ReceiptResult."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.applied: list[Any] = []
        self.setWindowTitle(self.tr("Apply a file from the office"))
        self.setModal(True)
        self.setMinimumSize(860, 520)
        title = QLabel(self.tr("Apply a receipt or notice from the office"))
        title.setObjectName("pageTitle")
        self.retention = hint("")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        self.file = PathPicker("open", self.tr("File from the office"), file_filter=self.tr(RECEIPT_FILTER))
        self.file_row = FieldRow(grid, 0, self.tr("&File"), self.file)
        grid.removeWidget(self.file_row.message)
        grid.addWidget(self.file_row.message, 1, 1)
        self.file.edit.returnPressed.connect(self.apply)
        self.apply_button = style.primary(QPushButton(self.tr("&Apply")))
        self.apply_button.clicked.connect(self.apply)
        grid.addWidget(self.apply_button, 0, 2)
        self.banner = Banner("error")
        self.done_banner = Banner("success")
        exports_title = QLabel(self.tr("Exports from this laptop"))
        exports_title.setObjectName("sectionTitle")
        self.model = RowsModel(
            [
                self.tr("No."),
                self.tr("Written"),
                self.tr("Records"),
                self.tr("Not sent"),
                self.tr("Office receipt"),
                self.tr("File"),
            ],
            tone_column=4,
            numeric=(0, 2, 3),
        )
        self.view = table(self.model, self.tr("Exports from this laptop"), stretch=5, wrap=False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the file names differ inside
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.retention)
        layout.addLayout(grid)
        layout.addWidget(self.banner)
        layout.addWidget(self.done_banner)
        layout.addWidget(exports_title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.file.setFocus()
        self.reload()

    def purge_text(self, result: Any, retention_days: int) -> str:
        """What the purge after a receipt removed, or when it will, in the adviser's words: one
        sentence template for each case, the counts in the reader's plural forms."""
        counts = result.purge.counts
        if not counts:
            return self.tr(
                "Nothing was removed yet: confirmed records stay on this laptop for %Ln "
                "day(s), then are removed automatically.",
                "",
                retention_days,
            )
        people = counts.get("client", 0)
        parts = [kind_count(k, n) for k, n in counts.items() if k != "client" and n]
        records = self.tr(", ", "between the kinds of record removed").join(p for p in parts if p)
        if people and records:
            text = self.tr(
                "Removed from this laptop, confirmed more than %Ln day(s) ago: {people} and their {records}.",
                "",
                retention_days,
            )
        elif people:
            text = self.tr(
                "Removed from this laptop, confirmed more than %Ln day(s) ago: {people}.", "", retention_days
            )
        else:
            text = self.tr(
                "Removed from this laptop, confirmed more than %Ln day(s) ago: {records}.", "", retention_days
            )
        return text.format(people=self.tr("%Ln person(s)", "", people), records=records)

    def reload(self) -> None:
        from pace_desktop.exchange.export import export_history

        store = self.session.store
        self.session.worker.submit(
            lambda _p: (export_history(store), store.int_setting("retention_days")),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, result: tuple[list[Any], int]) -> None:
        rows, days = result
        self.retention_days = days
        self.retention.setText(
            self.tr(
                "The office sends a receipt back for each export it imports. Applying it marks those "
                "records as safely held by the office; they are removed from this laptop %Ln day(s) "
                "later, so that a lost laptop holds as little as possible. Notices from the office "
                "(consents withdrawn and people erased there) are applied here too.",
                "",
                days,
            )
        )
        waiting = self.tr("Waiting")
        self.model.set_rows(
            [
                (
                    str(r.sequence),
                    when(r.created_at),
                    number(r.records),
                    number(r.held_back),
                    when(r.receipt_at) if r.receipt_at else waiting,
                    r.file_name,
                )
                for r in rows
            ],
            keys=rows,
            tones=["good" if r.receipt_at else "plain" for r in rows],
        )

    def apply(self) -> None:
        path = self.file.path()
        if path is None:
            self.file_row.set_error(self.tr("Choose the receipt or notice the office sent back."))
            self.file.setFocus()
            return
        if not path.is_file():
            self.file_row.set_error(self.tr("No file was found there: check the name."))
            self.file.setFocus()
            return
        self.file_row.set_error(None)
        self.banner.clear_message()
        self.done_banner.clear_message()
        self.apply_button.setEnabled(False)
        self.apply_button.setText(self.tr("Applying…"))
        store = self.session.store
        self.session.worker.submit(
            lambda _p: apply_file(store, path), on_done=self._applied, on_error=self._failed
        )

    def _idle(self) -> None:
        self.apply_button.setEnabled(True)
        self.apply_button.setText(self.tr("&Apply"))

    def _applied(self, result: Any) -> None:
        self._idle()
        self.applied.append(result)
        days = getattr(self, "retention_days", 30)
        if not hasattr(result, "purge"):  # a notice: withdrawals and erasures made at the office
            self.done_banner.show_message(core_tr(result.summary()))
            self.file.set_path(None)
            self.reload()
            return
        applied = self.tr(
            "Receipt for export {sequence} applied: {confirmed} of %Ln record(s) newly "
            "confirmed by the office.",
            "",
            result.listed,
        )
        self.done_banner.show_message(
            "\n".join(
                (  # two sentences, one a line
                    applied.format(sequence=result.sequence, confirmed=number(result.confirmed)),
                    self.purge_text(result, days),
                )
            )
        )
        self.file.set_path(None)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        self.banner.show_message(
            error_text(exc, self.tr("The file could not be applied: nothing was changed. Try again."))
        )
        self.file.setFocus(Qt.FocusReason.OtherFocusReason)
