"""GOV.UK's error summary: "There is a problem" at the top, each problem a link that moves focus to its
field and scrolls it into view. One widget for the adviser's and office's forms and for the kiosk.

The kiosk gives it a larger ``Look``, its own words (from its translation files) and its own way to
reveal a field (focus alone: the kiosk page scrolls the field and its label into view on focus); the
stylesheets (``#errorSummary``, ``#errorLink``, yellow focus) give each its look.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from pace_desktop.ui.widgets.fit import scroll_into_view


def reveal(widget: QWidget) -> None:
    """Focus ``widget`` and scroll every scroll area around it so all of it is in view."""
    scroll_into_view(widget, 24)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


@dataclass(frozen=True)
class Look:
    """Spacing of the summary: the forms' compact one, or the kiosk's larger one."""

    margins: tuple[int, int, int, int] = (16, 12, 16, 12)
    spacing: int = 4
    link_spacing: int = 2
    focusable: bool = False  # the kiosk puts focus on the summary itself when a problem has no field
    wrap_links: bool = False  # long messages (larger text, Polish, Gaelic) wrap instead of being cut


FORM = Look()


class WrappingLink(QPushButton):
    """A link button whose words wrap onto more lines when the column is too narrow for them.

    A QPushButton draws its text on one line, cut at its edge; this one draws none of its own and
    holds a word-wrapped label (``#errorLinkText``, mouse-transparent) whose height it takes at its
    width. Its accessible name is the whole message (``text()`` is empty: the label draws it). The
    label follows the button's focus through its ``focused`` property, so the stylesheet can turn
    its text dark on the yellow focus background.
    """

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message
        self.label = QLabel(message)
        self.label.setObjectName("errorLinkText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setProperty("focused", False)
        inside = QVBoxLayout(self)
        inside.setContentsMargins(0, 2, 0, 4)
        inside.addWidget(self.label)
        self.setAccessibleName(message)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = self.layout().sizeHint()
        return QSize(hint.width(), self.heightForWidth(hint.width()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.layout().minimumSize()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self._show_focus(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self._show_focus(False)
        super().focusOutEvent(event)

    def _show_focus(self, on: bool) -> None:
        self.label.setProperty("focused", on)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)


class ErrorSummary(QFrame):
    """Hidden until ``show_problems``; ``before_link`` runs first (e.g. to switch to the right tab).

    ``title`` and ``link_hint`` default to the forms' words; ``go`` is what a link does with its field.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        look: Look = FORM,
        title: str | None = None,
        link_hint: str | None = None,
        go: Callable[[QWidget], None] = reveal,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("errorSummary")
        if look.focusable:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._go = go
        self._link_hint = link_hint if link_hint is not None else self.tr("Go to the field")
        title = title if title is not None else self.tr("There is a problem")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*look.margins)
        layout.setSpacing(look.spacing)
        self.title = QLabel(title)
        self.title.setObjectName("errorSummaryTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title)
        self._links = QVBoxLayout()
        self._links.setSpacing(look.link_spacing)
        self._wrap = look.wrap_links
        layout.addLayout(self._links)
        self.links: list[QPushButton] = []
        self.setAccessibleName(title)
        self.setVisible(False)

    def show_problems(
        self, problems: list[tuple[str, QWidget | None]], before_link: Callable[[QWidget], None] | None = None
    ) -> None:
        """One link per problem, in order; a problem with no field is shown as plain text."""
        self.clear()
        for message, target in problems:
            if target is None:
                text = QLabel(message)
                text.setObjectName("errorSummaryText")
                text.setWordWrap(True)
                text.setTextFormat(Qt.TextFormat.PlainText)
                self._links.addWidget(text)
                continue
            link = WrappingLink(message) if self._wrap else QPushButton(message)
            link.setObjectName("errorLink")
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setAccessibleDescription(self._link_hint)

            def go(_checked: bool = False, target: QWidget = target) -> None:
                if before_link is not None:
                    before_link(target)
                self._go(target)

            link.clicked.connect(go)
            self._links.addWidget(link)
            self.links.append(link)
        self.setAccessibleDescription("; ".join(m for m, _ in problems))
        self.setVisible(bool(problems))

    def first_link(self) -> QWidget:
        """The first problem's link, or the summary itself when no problem has a field."""
        return self.links[0] if self.links else self

    def clear(self) -> None:
        while self._links.count():
            item = self._links.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.links = []
        self.setVisible(False)


class FormErrors:
    """GOV.UK's error pattern for a form of ``FieldRow``s, shared by the adviser's and office's forms.

    ``check()`` returns ``(row, problem or None)`` for each row, in the form's order. ``run`` shows
    each problem beside its field and in the summary at the top, and moves focus to the summary's
    first link; after that first try, every change to a watched box checks again without moving
    focus, so each message goes as soon as its field is right. ``refuse`` shows an answer only the
    store can give (a wrong passphrase) until that field is changed.
    """

    def __init__(
        self,
        summary: ErrorSummary,
        check: Callable[[], list[tuple[Any, str | None]]],
        after: Callable[[], None] | None = None,
    ) -> None:
        self.summary = summary
        self._check = check
        self._after = after  # e.g. grow the dialog to the new messages' height
        self._checked = False
        self._refused: dict[int, tuple[Any, str, QWidget | None]] = {}

    def watch(self, row: Any, *boxes: QWidget) -> None:
        """Check again when any of ``boxes`` (a row's editors) changes; forget the row's refusal."""
        for box in boxes:
            signal = getattr(box, "textChanged", None) or getattr(box, "changed", None)
            if signal is not None:
                signal.connect(lambda *_a, row=row: self._changed(row))

    def _changed(self, row: Any) -> None:
        self._refused.pop(id(row), None)
        if self._checked:
            self.run(move_focus=False)

    def run(self, move_focus: bool = True) -> bool:
        """Show the problems; True when there are none."""
        self._checked = True
        listed: list[tuple[str, QWidget | None]] = []
        for row, problem in self._check():
            target: QWidget | None = row.editor
            if problem is None and id(row) in self._refused:
                _row, problem, focus = self._refused[id(row)]
                target = focus or target
            row.set_error(problem)
            if problem:
                listed.append((problem, _focus_target(target)))
        self.summary.show_problems(listed)
        if self._after is not None:
            self._after()
        if listed and move_focus:
            self.summary.first_link().setFocus(Qt.FocusReason.OtherFocusReason)
        return not listed

    def refuse(self, row: Any, message: str, focus: QWidget | None = None) -> None:
        """A refusal from the store for ``row``'s field, shown as the form's own problems are."""
        self._refused[id(row)] = (row, message, focus)
        self.run()

    def clear(self) -> None:
        self._checked = False
        self._refused.clear()
        self.summary.clear()


def _focus_target(widget: QWidget | None) -> QWidget | None:
    """The widget a link should focus: the editor itself, or its focus proxy / first focusable box."""
    if widget is None or widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy():
        return widget
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return child
    return widget
