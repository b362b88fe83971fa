"""A day/month/year date box where Tab leaves the field, like every other field in a form.

Qt's date box normally uses Tab to step between day, month and year; keyboard users then need three
presses to get past it. Here Tab moves on, and typing fills day, month and year in turn.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget


class DateField(QDateEdit):
    """``dd/MM/yyyy`` with a calendar pop-up; Tab and Shift+Tab go to the next or previous field."""

    def __init__(self, value: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(value or QDate.currentDate(), parent)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        return QWidget.focusNextPrevChild(self, next)
