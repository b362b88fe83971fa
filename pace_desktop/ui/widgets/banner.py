"""A one-line message strip: an error in red, or a notice in yellow; hidden when there is nothing to
say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from pace_desktop.ui.session import Session


class Banner(QLabel):
    """Shows one plain line; screen readers get it as the label's accessible name."""

    def __init__(self, kind: str = "error", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # error: red; success (something was done): green; notice: yellow (GOV.UK's banners).
        self.setObjectName({"error": "errorBanner", "success": "successBanner"}.get(kind, "banner"))
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setAccessibleName(text or "")
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message(None)


def audit_banner(session: Session) -> Banner:
    """The red line under a window's header saying the audit chain did not check out at unlock
    (``Session.audit_broken``) or the weekly full check found damage (``Session.integrity_failed``),
    one line each; gone at lock, as the next unlock checks again.
    """
    banner = Banner("error")

    def add(line: str) -> None:
        lines = [text for text in banner.text().split("\n") if text and text != line]  # "" after a lock
        banner.show_message("\n".join([*lines, line]))

    session.audit_broken.connect(add)
    session.integrity_failed.connect(add)
    session.locked.connect(banner.clear_message)
    return banner
