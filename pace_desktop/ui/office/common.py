"""Small pieces the office pages share: a titled page, a file or folder picker, times and errors.

Kept here so that each page reads as what it does, and the six pages look and behave alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.errors import PaceError
from pace_desktop.ui import i18n
from pace_desktop.ui.i18n import core_tr

if TYPE_CHECKING:
    from pace_desktop.ui.session import Session


def _t(text: str) -> str:
    return QCoreApplication.translate("office", text)


def page(owner: QWidget, title: str, intro: str) -> QVBoxLayout:
    """Lay ``owner`` out as a tab's page: a section title, one or two lines saying what the page is
    for; returns the layout the page's content goes on.
    """
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.setSpacing(10)
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    text = QLabel(intro)
    text.setObjectName("hint")
    text.setWordWrap(True)
    layout.addWidget(heading)
    layout.addWidget(text)
    return layout


def section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class PathPicker(QWidget):
    """A path box with a Choose… button; ``mode`` is 'open', 'save' or 'folder'.

    The box can be typed in too (keyboard users, pasted paths); ``changed`` follows every edit.
    """

    changed = Signal(str)

    def __init__(
        self,
        mode: str,
        caption: str,
        *,
        file_filter: str = "",
        placeholder: str = "",
        button: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.caption = caption
        self.file_filter = file_filter
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(caption)
        self.edit.textChanged.connect(self.changed)
        self.button = QPushButton(button or QCoreApplication.translate("office", "Choose…"))
        self.button.setAccessibleName(
            QCoreApplication.translate("office", "{field} — choose").format(field=caption)
        )
        self.button.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | str | None) -> None:
        self.edit.setText("" if path is None else str(path))

    def choose(self) -> None:
        start = str(self.path() or Path.home())
        if self.mode == "folder":
            chosen = QFileDialog.getExistingDirectory(self, self.caption, start)
        elif self.mode == "save":
            # The page asks "Replace NAME?" when it writes (``replace_answer``), for a typed name
            # too: the file dialog asking as well would ask twice.
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.caption, start, self.file_filter, options=QFileDialog.Option.DontConfirmOverwrite
            )
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.caption, start, self.file_filter)
        if chosen:
            self.set_path(chosen)


def replace_answer(parent: QWidget, session: Session, paths: Sequence[Path]) -> bool | None:
    """Ask "Replace NAME?" (Yes or No, No by default) when writing ``paths`` would replace a file.

    Returns what to pass as ``overwrite``: False when nothing would be replaced, True when the
    person said Yes; None when they said No or closed the question (nothing is written, the old
    file stays as it was), or when the store locked while it was up. A link or a folder is never
    asked about: the write refuses it whatever the answer (``reports.output.check_output_path``).
    """
    from pace_desktop.reports.output import would_replace

    existing = [path for path in paths if would_replace(path)]
    if not existing:
        return False
    names = [path.name for path in existing]
    # Spelled out (not through _t) so that lupdate finds each string.
    question = (
        QCoreApplication.translate("office", "Replace {file}?").format(file=names[0])
        if len(names) == 1
        else QCoreApplication.translate("office", "Replace {file} and {other}?").format(
            file=names[0], other=names[1]
        )
    )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("office", "Replace the file?"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "office", "It is there already. Yes writes the new one in its place; No keeps it."
        )
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    session.locked.connect(box.reject)  # locking answers No: nothing is written for a locked store
    try:
        box.exec()
    finally:
        session.locked.disconnect(box.reject)
    said_yes = box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
    return True if said_yes and session.is_unlocked else None


def error_text(exc: BaseException, fallback: str) -> str:
    """The one line a person reads: the error's own words when it is ours, else ``fallback``."""
    if isinstance(exc, PaceError):
        return core_tr(str(exc))  # the core's own words, through the 'core' context (ui/i18n.py)
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "office",
            "The file or folder could not be used: check it exists and that you may write "
            "there, then try again.",
        )
    return fallback


def when(iso: str | None) -> str:
    """An ISO time from the store, shown in local time for the reader's locale: '20 Nov 2026, 14:03'."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return i18n.moment(moment)


def open_folder(path: Path) -> bool:
    """Show ``path`` (a folder, or the folder holding a file) in the system's file manager."""
    folder = path if path.is_dir() else path.parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
