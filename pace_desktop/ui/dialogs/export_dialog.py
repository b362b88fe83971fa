"""Export for the office: choose a folder, write one encrypted bundle on the worker, see what went.

The summary says how many records of each kind were written and how many people were held back by
consent, and why — the adviser can then tell the office, or the person, what did not travel. With
no office key set, the dialog says so in one line and offers Settings, where the key is added. When
the machine's IT policy fixes a sync folder (``sync_address``), bundles go there and the folder is
shown read-only, as ``export --out`` refuses any other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop import policy
from pace_desktop.ui import style
from pace_desktop.ui.dialogs.send_to_office import SendToOffice
from pace_desktop.ui.i18n import core_tr, number
from pace_desktop.ui.office.common import PathPicker, error_text, hint, open_folder, when
from pace_desktop.ui.office.reports_page import documents_folder
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.fit import cap_to_screen, grow_on_screen

# What each part of a bundle is, in the adviser's words, in the order the summary lists them.
KIND_WORDS = {
    "event": QT_TRANSLATE_NOOP("ExportDialog", "Events"),
    "client": QT_TRANSLATE_NOOP("ExportDialog", "People"),
    "consent": QT_TRANSLATE_NOOP("ExportDialog", "Consent answers"),
    "checklist": QT_TRANSLATE_NOOP("ExportDialog", "Checklists"),
    "intervention": QT_TRANSLATE_NOOP("ExportDialog", "Support and referrals"),
    "outcome": QT_TRANSLATE_NOOP("ExportDialog", "Outcomes"),
    "feedback": QT_TRANSLATE_NOOP("ExportDialog", "Feedback"),
    "tombstone": QT_TRANSLATE_NOOP("ExportDialog", "Erasures"),
}


class KindCounts(QObject):
    """'2 consent answers', '1 checklist': a count of one kind of record, in the reader's plural forms
    (Qt's ``%Ln``; the English forms are in resources/i18n/pace_desktop_en.ts)."""

    def text(self, kind: str, n: int) -> str:
        forms = {
            "event": lambda: self.tr("%Ln event(s)", "", n),
            "client": lambda: self.tr("%Ln person(s)", "", n),
            "consent": lambda: self.tr("%Ln consent answer(s)", "", n),
            "checklist": lambda: self.tr("%Ln checklist(s)", "", n),
            "intervention": lambda: self.tr("%Ln support and referral record(s)", "", n),
            "outcome": lambda: self.tr("%Ln outcome(s)", "", n),
            "feedback": lambda: self.tr("%Ln feedback", "", n),
            "tombstone": lambda: self.tr("%Ln erasure(s)", "", n),
            "record": lambda: self.tr("%Ln record(s)", "", n),
        }
        return forms[kind]() if kind in forms else ""


def kind_count(kind: str, n: int) -> str:
    """``n`` records of ``kind`` in words ('' for a kind the screens do not name)."""
    return KindCounts().text(kind, n)


NO_KEY_LINE = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "No office key is set on this laptop, so nothing can be exported: add the "
    "office.pub file from the office in Settings, then export again.",
)


def _t(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def count_rows(grid: QGridLayout, counts: dict[str, int], start: int = 0) -> int:
    """Label / number rows for each kind with a count; returns the next free row."""
    row = start
    for kind, words in KIND_WORDS.items():
        n = counts.get(kind, 0)
        if not n:
            continue
        name = QLabel(_t(words))
        value = QLabel(number(n))
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setAccessibleName(
            QCoreApplication.translate("ExportDialog", "{kind}: {n}").format(kind=_t(words), n=number(n))
        )
        grid.addWidget(name, row, 0)
        grid.addWidget(value, row, 1)
        row += 1
    return row


def clear_layout(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


class ExportDialog(QDialog):
    """``ExportDialog(session, parent).open()``; ``result_value`` holds the ExportResult after."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result_value: Any = None
        self.setWindowTitle(self.tr("Export for the office"))
        self.setModal(True)
        self.setMinimumWidth(680)
        cap_to_screen(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_summary())
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)
        self.export_button = style.primary(QPushButton(self.tr("&Export")))
        self.export_button.clicked.connect(self.start)
        self.open_button = QPushButton(style.icon("open"), self.tr("&Open folder"))
        self.open_button.clicked.connect(self._open_folder)
        self.open_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.pages)
        layout.addLayout(buttons)
        self._load_status()

    # -- the form ----------------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        title = QLabel(self.tr("Export for the office"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(
            hint(
                self.tr(
                    "Writes one encrypted file holding every record that is new or changed since the last "
                    "export, for people who agreed to PACE support. Only the office can open it — not "
                    "even this laptop. Send the file to the office as you usually do."
                )
            )
        )
        self.status = QLabel(self.tr("Checking what there is to send…"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.no_key = QWidget()
        no_key_row = QHBoxLayout(self.no_key)
        no_key_row.setContentsMargins(0, 0, 0, 0)
        self.no_key_banner = Banner("error")
        self.settings_button = QPushButton(style.icon("settings"), self.tr("Open &Settings…"))
        self.settings_button.clicked.connect(self.open_settings)
        no_key_row.addWidget(self.no_key_banner, 1)
        no_key_row.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignTop)
        self.no_key.setVisible(False)
        layout.addWidget(self.no_key)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        self.folder = PathPicker("folder", self.tr("Folder for the export"))
        self.folder.set_path(documents_folder())
        fixed = policy.current().sync_address
        fixed = None if fixed is None or "://" in fixed else fixed  # a network address is for syncing
        note = self.tr("Set by your organisation's IT policy")
        self.folder_row = FieldRow(
            grid,
            0,
            self.tr("Save &in"),
            self.folder,
            hint=note if fixed else None,
            visible_hint=fixed is not None,
        )
        if fixed is not None:
            self.folder.set_path(Path(fixed))
            self.folder.edit.setReadOnly(True)
            self.folder.button.setEnabled(False)
        grid.removeWidget(self.folder_row.message)
        grid.addWidget(self.folder_row.message, 1, 1)
        layout.addLayout(grid)
        self.resend = QCheckBox(self.tr("Also send &again what the office has not confirmed yet"))
        self.resend.setToolTip(
            self.tr(
                "Use this when an earlier export was lost or refused: the office keeps only one copy "
                "of each record, so sending twice is harmless."
            )
        )
        layout.addWidget(self.resend)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.banner = Banner("error")
        layout.addWidget(self.banner)
        # With an office relay set, the file can go over the network instead of on a stick.
        self.send = SendToOffice(self.session)
        self.send.finished.connect(lambda _result: self._load_status())
        layout.addWidget(self.send)
        return page

    def _load_status(self) -> None:
        from pace_desktop.exchange.export import export_history, pending_count

        store = self.session.store

        def load(_p: Any) -> tuple[int, Any, bool]:
            history = export_history(store, limit=1)
            return pending_count(store), history[0] if history else None, bool(store.office_recipient)

        self.session.worker.submit(load, on_done=self._status_loaded, on_error=self._failed)

    def _status_loaded(self, result: tuple[int, Any, bool]) -> None:
        pending, last, has_key = result
        lines = [self.tr("%Ln record(s) changed since the last export.", "", pending)]
        if last is not None:
            if last.receipt_at:
                text = self.tr(
                    "Last export: number {sequence}, {written}, %Ln record(s) — confirmed "
                    "by the office on {confirmed}.",
                    "",
                    last.records,
                )
            else:
                text = self.tr(
                    "Last export: number {sequence}, {written}, %Ln record(s) — no receipt "
                    "from the office yet.",
                    "",
                    last.records,
                )
            lines.append(
                text.format(
                    sequence=last.sequence, written=when(last.created_at), confirmed=when(last.receipt_at)
                )
            )
        else:
            lines.append(self.tr("This laptop has not exported anything yet."))
        self.status.setText("\n".join(lines))
        if not has_key:
            from pace_desktop.exchange.export import NoOfficeKey

            self._show_no_key(NoOfficeKey())

    def _show_no_key(self, exc: BaseException) -> None:
        # NoOfficeKey's own line names the command-line way too; here the way is the button beside.
        self.no_key_banner.show_message(self.tr(NO_KEY_LINE))
        self.no_key.setVisible(True)
        # The dialog was sized before this line arrived: grow to fit it (a wrapped label is
        # otherwise cut mid-sentence and the buttons squeezed), never past the screen.
        grow_on_screen(self)
        self.export_button.setEnabled(False)

    def open_settings(self) -> None:
        """Close this dialog and open Settings on the window that owns it, where the key is added."""
        window = self.parentWidget().window() if self.parentWidget() is not None else None
        self.reject()
        if window is not None and hasattr(window, "open_settings"):
            window.open_settings()

    # -- exporting ---------------------------------------------------------------------------------
    def start(self) -> None:
        from pace_desktop.exchange.export import export_bundle

        folder = self.folder.path()
        if folder is None or not folder.is_dir():
            self.folder_row.set_error(self.tr("Choose an existing folder, e.g. a USB stick."))
            self.folder.setFocus()
            return
        self.folder_row.set_error(None)
        self.banner.clear_message()
        store, resend = self.session.store, self.resend.isChecked()
        self.export_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.export_button.setText(self.tr("Exporting…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.session.worker.submit(
            lambda progress: export_bundle(store, folder, progress=progress, resend_unconfirmed=resend),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
        )

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.close_button.setEnabled(True)
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setEnabled(not self.no_key.isVisible())

    def _failed(self, exc: BaseException) -> None:
        from pace_desktop.exchange.export import NoOfficeKey

        self._idle()
        if isinstance(exc, NoOfficeKey):
            self._show_no_key(exc)
            return
        self.banner.show_message(
            error_text(exc, self.tr("The export did not finish: nothing was marked as sent. Try again."))
        )

    def _done(self, result: Any) -> None:
        self._idle()
        self.result_value = result
        self.show_summary(result)

    # -- the summary -------------------------------------------------------------------------------
    def _build_summary(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.summary_title = QLabel()
        self.summary_title.setObjectName("pageTitle")
        self.summary_file = QLabel()
        self.summary_file.setWordWrap(True)
        self.summary_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_title = QLabel(self.tr("In this export"))
        self.counts_title.setObjectName("sectionTitle")
        self.counts = QGridLayout()
        self.counts.setHorizontalSpacing(48)
        self.counts.setColumnStretch(2, 1)
        self.held_title = QLabel(self.tr("Held back by consent (they stay on this laptop)"))
        self.held_title.setObjectName("sectionTitle")
        self.held = QLabel()
        self.held.setWordWrap(True)
        self.next_steps = hint("")
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_file)
        layout.addWidget(self.counts_title)
        layout.addLayout(self.counts)
        layout.addWidget(self.held_title)
        layout.addWidget(self.held)
        layout.addWidget(self.next_steps)
        layout.addStretch(1)
        return page

    def show_summary(self, result: Any) -> None:
        written = result.path is not None
        self.summary_title.setText(self.tr("Export written") if written else self.tr("Nothing new to export"))
        self.summary_file.setText(
            # People first: an adviser counts people; records (consents, checklists…) come after.
            self.tr(
                "{people} (%Ln record(s)) written to {file}\nin the folder {folder}", "", result.records
            ).format(
                people=self.tr("%Ln person(s)", "", result.counts.get("client", 0)),
                file=result.path.name,
                folder=result.path.parent,
            )
            if written
            else self.tr("Every record on this laptop has already been sent.")
        )
        clear_layout(self.counts)
        count_rows(self.counts, result.counts)
        self.counts_title.setVisible(written)
        from pace_desktop.exchange.export import HELD_BACK_REASONS

        # The core's held_back_text() in English; here each line is one template in the reader's words.
        lines = [
            self.tr("•  %Ln person(s): {reason}", "", n).format(reason=core_tr(HELD_BACK_REASONS[code]))
            for code, n in sorted(result.held_back_clients.items())
        ]
        self.held_title.setVisible(bool(lines))
        self.held.setVisible(bool(lines))
        self.held.setText(
            "\n".join(
                [*lines, self.tr("Their records are sent once PACE support consent is recorded for them.")]
            )
        )
        self.next_steps.setText(
            self.tr(
                "Next: send this file to the office. When the office sends back a receipt, apply it "
                "with Apply office file… so that sent records can be removed from this laptop after the "
                "retention period."
            )
            if written
            else ""
        )
        self.next_steps.setVisible(written)
        self.pages.setCurrentIndex(1)
        self.export_button.setVisible(False)
        self.open_button.setVisible(written)
        self.close_button.setText(self.tr("&Done"))
        style.primary(self.close_button)
        self.close_button.style().unpolish(self.close_button)
        self.close_button.style().polish(self.close_button)
        self.close_button.setFocus()
        grow_on_screen(self)

    def _open_folder(self) -> None:
        if self.result_value is not None and self.result_value.path is not None:
            open_folder(Path(self.result_value.path))

    def reject(self) -> None:
        if not self.close_button.isEnabled():
            return  # the export is under way: the file is being written and marked
        if self.result_value is not None:
            super().accept()  # an export was made: closing is the end of a successful run
            return
        super().reject()
