"""Kiosk pages that ask nothing: thank you, a polite end, 'Are you still there?', 'Clear answers?'.

None of them shows anything a person typed, so the next person sees nothing of the last one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QPushButton, QVBoxLayout

from pace_desktop.ui.kiosk.pages import KioskPage, label


def button(text: str, *, primary: bool) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName("kioskPrimary" if primary else "kioskSecondary")
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    widget.setAutoDefault(False)
    return widget


class _ActionPage(KioskPage):
    """A notice with one or two large buttons under it: side by side when their words fit the
    column, else one under the other (Polish and Gaelic in larger text), never cut."""

    def __init__(self, heading: str) -> None:
        super().__init__(heading)
        self.actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.actions.setSpacing(24)
        self._action_buttons: list[QPushButton] = []

    def add_actions(self, *buttons: QPushButton) -> None:
        for widget in buttons:
            self.actions.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        self._action_buttons = list(buttons)
        self.actions.addStretch(1)
        self.column.addSpacing(12)
        self.column.addLayout(self.actions)
        self.finish()

    def _fit_actions(self) -> None:
        shown = [b for b in self._action_buttons if not b.isHidden()]
        room = self.column.contentsRect().width()
        if len(shown) < 2 or room <= 0:
            return
        needed = sum(b.sizeHint().width() for b in shown) + self.actions.spacing() * (len(shown) - 1)
        wanted = QBoxLayout.Direction.LeftToRight if needed <= room else QBoxLayout.Direction.TopToBottom
        if self.actions.direction() != wanted:
            self.actions.setDirection(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_actions()
        QTimer.singleShot(0, self, self._fit_actions)  # again once the column has its new width

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit_actions()  # before it is painted: the words may have grown (larger text)
        QTimer.singleShot(0, self, self._fit_actions)


class ThankYouPage(_ActionPage):
    """GOV.UK's confirmation panel, then what happens next. Nothing of the person is on it."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__(self.tr("What happens next"))
        panel = QFrame()
        panel.setObjectName("kioskPanel")
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(32, 32, 32, 32)
        inner.setSpacing(12)
        title = label(self.tr("Registration complete"), "kioskPanelTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = label(
            self.tr("Thank you. Your details have been sent to the SDS advisers here."), "kioskPanelBody"
        )
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(title)
        inner.addWidget(body)
        panel.setAccessibleName(title.text())
        panel.setAccessibleDescription(body.text())
        self.column.insertWidget(0, panel)
        self.add_paragraph(
            self.tr(
                "Please tell an adviser that you have finished. They will talk "
                "to you about the help you can get."
            )
        )
        self.add_paragraph(
            self.tr(
                "You can ask an adviser to change or delete your details, or "
                "change your mind about any choice, at any time."
            )
        )
        self.done = button(self.tr("Finish"), primary=True)
        self.done.clicked.connect(self.finished)
        self.add_actions(self.done)

    def focus_start(self) -> bool:
        self.done.setFocus()
        return True


class DeclinedPage(_ActionPage):
    """Said no to SDS keeping their details: nothing is kept, and they can still get help today."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__(self.tr("You have chosen not to register"))
        self.add_paragraph(self.tr("That is fine. We have not kept any of your details."))
        self.add_paragraph(
            self.tr(
                "You can still talk to an adviser today: just let one of them know you would like some help."
            )
        )
        self.done = button(self.tr("Finish"), primary=True)
        self.done.clicked.connect(self.finished)
        self.add_actions(self.done)

    def focus_start(self) -> bool:
        self.done.setFocus()
        return True


class StillTherePage(_ActionPage):
    """The inactivity warning: the form is cleared when the countdown ends unless they carry on."""

    carry_on = Signal()
    clear_now = Signal()

    def __init__(self) -> None:
        super().__init__(self.tr("Are you still there?"))
        self.add_paragraph(
            self.tr("To keep your details private, we will clear this form if nobody uses it.")
        )
        self.countdown = label("", "kioskCountdown")
        self.column.addWidget(self.countdown)
        self.stay = button(self.tr("Yes, I am still here"), primary=True)
        self.stay.clicked.connect(self.carry_on)
        self.leave = button(self.tr("Clear the form now"), primary=False)
        self.leave.clicked.connect(self.clear_now)
        self.add_actions(self.stay, self.leave)

    def set_seconds(self, seconds: int) -> None:
        text = self.tr("The form will be cleared in %n seconds.", "", seconds)
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)

    def focus_start(self) -> bool:
        self.stay.setFocus()
        return True


class ClearConfirmPage(_ActionPage):
    """A person leaving part-way can clear what they typed, rather than leave it on screen."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__(self.tr("Clear your answers?"))
        self.add_paragraph(self.tr("This removes everything you have typed. Nothing has been sent or kept."))
        # Destructive, so GOV.UK's warning button (red), not the green one that moves a person on.
        self.yes = button(self.tr("Yes, clear my answers"), primary=False)
        self.yes.setObjectName("kioskWarning")
        self.yes.clicked.connect(self.confirmed)
        self.no = button(self.tr("No, go back"), primary=False)
        self.no.clicked.connect(self.cancelled)
        self.add_actions(self.yes, self.no)

    def focus_start(self) -> bool:
        self.no.setFocus()
        return True
