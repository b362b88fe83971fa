"""A form row: label, input, and the validation message shown beside the input (never only in a
dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget


class FieldRow:
    """Places ``label | editor | message`` in a grid row and keeps the accessible names right."""

    def __init__(
        self,
        grid: QGridLayout,
        row: int,
        label: str,
        editor: QWidget,
        *,
        hint: str | None = None,
        sensitive: bool = False,
        visible_hint: bool = False,
    ) -> None:
        self.label = QLabel(label)
        self.label.setBuddy(editor)
        self.editor = editor
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        # A format a person must follow is shown beside the box, not only in a tooltip (GOV.UK hint).
        self.hint = hint if visible_hint else None
        editor.setAccessibleName(label.replace("&", ""))
        if hint:
            editor.setToolTip(hint)
            editor.setAccessibleDescription(hint)
        if sensitive:
            editor.setInputMethodHints(
                editor.inputMethodHints()
                | Qt.InputMethodHint.ImhSensitiveData
                | Qt.InputMethodHint.ImhNoPredictiveText
            )
        grid.addWidget(self.label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(editor, row, 1)
        grid.addWidget(self.message, row, 2)
        if self.hint:
            self.set_error(None)

    def _restyle(self, name: str) -> None:
        if self.message.objectName() != name:
            self.message.setObjectName(name)
            self.message.setStyleSheet(f"/* {name} */")  # re-read the rule for the new name

    def set_error(self, text: str | None) -> None:
        if text or not self.hint:
            self._restyle("fieldError")
            self.message.setText(text or "")
            self.message.setVisible(bool(text))
        else:
            self._restyle("hint")
            self.message.setText(self.hint)
            self.message.setVisible(True)
        self.editor.setProperty("invalid", bool(text))
        self.editor.setAccessibleDescription(text or self.hint or "")
        # Re-polish so the stylesheet's [invalid="true"] rule applies at once.
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)
