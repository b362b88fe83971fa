"""The adviser's way out of kiosk mode: their passphrase, checked on the worker thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout

from pace_desktop.ui.kiosk.inputs import wipe_line
from pace_desktop.ui.kiosk.notices import _ActionPage, button
from pace_desktop.ui.kiosk.pages import label, set_invalid
from pace_desktop.ui.widgets.passphrase import PassphraseEdit


class ExitPage(_ActionPage):
    """'Leave kiosk mode': any adviser of this laptop may leave with their own passphrase."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__(self.tr("Leave kiosk mode"))
        self.add_paragraph(
            self.tr("For SDS advisers only. Type your passphrase to go back to the adviser's app.")
        )
        self.block = QFrame()
        self.block.setObjectName("kioskField")
        inner = QVBoxLayout(self.block)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(8)
        self.label = label(self.tr("Adviser passphrase"), "kioskLabel")
        self.error = label("", "kioskError")
        self.error.setVisible(False)
        self.passphrase = PassphraseEdit()
        self.passphrase.setObjectName("exitPassphrase")
        self.passphrase.setAccessibleName(self.tr("Adviser passphrase"))
        self.passphrase.setMaximumWidth(640)
        self.passphrase.returnPressed.connect(self._submit)
        self.label.setBuddy(self.passphrase)
        for widget in (self.label, self.error, self.passphrase):
            inner.addWidget(widget)
        self.column.addWidget(self.block)
        self.leave = button(self.tr("Leave kiosk mode"), primary=True)
        self.leave.clicked.connect(self._submit)
        self.cancel = button(self.tr("Cancel"), primary=False)
        self.cancel.clicked.connect(self.cancelled)
        self.add_actions(self.leave, self.cancel)

    def _submit(self) -> None:
        if not self.leave.isEnabled():
            return
        text = self.passphrase.text()
        if not text:
            self.show_error(self.tr("Type your passphrase"))
            return
        self.submitted.emit(text)

    def busy(self, busy: bool) -> None:
        self.leave.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        set_invalid(self.block, bool(message))
        self.passphrase.setAccessibleDescription(message or "")
        if message:
            self.passphrase.selectAll()
            self.passphrase.setFocus()

    def focus_start(self) -> bool:
        self.passphrase.setFocus()
        return True

    def wipe(self) -> None:
        super().wipe()
        wipe_line(self.passphrase)
        self.show_error(None)
        self.busy(False)
