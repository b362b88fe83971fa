"""The History tab: the audit entries for this client and their records, in plain words.

The audit log names records by id only; the words here say what each id is ("a consent: Share details
with Acas"), so the adviser reads a sentence, not a code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pace_desktop.ui.dialogs.client.layout import list_view
from pace_desktop.ui.dialogs.client.text import when
from pace_desktop.ui.models.rows import RowsModel

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("HistoryTab", "Created"),
    "change": QT_TRANSLATE_NOOP("HistoryTab", "Changed"),
    "view": QT_TRANSLATE_NOOP("HistoryTab", "Opened"),
    "withdraw": QT_TRANSLATE_NOOP("HistoryTab", "Withdrew"),
    "correct": QT_TRANSLATE_NOOP("HistoryTab", "Corrected"),
    "erase": QT_TRANSLATE_NOOP("HistoryTab", "Erased"),
    "export": QT_TRANSLATE_NOOP("HistoryTab", "Exported"),
    "import": QT_TRANSLATE_NOOP("HistoryTab", "Imported"),
    "purge": QT_TRANSLATE_NOOP("HistoryTab", "Removed from this laptop"),
}


def sentence(entry: dict[str, Any], what: str, tr: Any) -> str:
    """'Created the client record', 'Withdrew a consent: Share details with Acas'."""
    action = tr(ACTIONS.get(entry["action"], entry["action"].replace("_", " ").capitalize()))
    return f"{action} {what}"


class HistoryTab(QWidget):
    """Oldest first: when, who, and what happened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        intro = QLabel(
            self.tr(
                "Everything recorded about this person's record, oldest first. The log cannot be changed."
            )
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.model = RowsModel([self.tr("When"), self.tr("Who"), self.tr("What happened")], self)
        self.view = list_view(self.model, self.tr("History"))
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)

    def show_entries(
        self, entries: list[dict[str, Any]], names: dict[str, str], extra: list[tuple[str, str, str]] = ()
    ) -> None:  # type: ignore[assignment]
        """``names`` maps each record id to how it reads; ``extra`` rows come first (no audit entry)."""
        rows = list(extra)
        for entry in sorted(entries, key=lambda e: e["seq"]):
            what = names.get(entry["entity_id"] or "", self.tr("a record"))
            rows.append((when(entry["at"]), entry["actor"], sentence(entry, what, self.tr)))
        self.model.set_rows(rows)
