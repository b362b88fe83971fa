"""Kiosk pages in the GOV.UK pattern: error summary, "Step N of M", the question as heading, fields.

``QuestionPage`` draws any page that ``registration.kiosk.pages`` defines; the welcome and privacy pages
add their own text. Every string from ``registration.kiosk`` or the data files is translated in the
``kiosk`` context.
"""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.languages import SOURCE_LANGUAGE
from pace_desktop.privacy_notice import current_notice
from pace_desktop.records.models import Event
from pace_desktop.registration.kiosk.pages import Field, Page, section_title, step_of
from pace_desktop.registration.kiosk.translation import CONTEXT
from pace_desktop.ui.kiosk.inputs import CheckList, ChoiceGroup, DateInput, text_box, wipe_line
from pace_desktop.ui.widgets.error_summary import ErrorSummary, Look
from pace_desktop.ui.widgets.fit import scroll_into_view

COLUMN_WIDTH = 1000  # px: about GOV.UK's two-thirds column at kiosk text sizes
VIEW_MARGIN = 24  # px kept clear above and below a control scrolled into view
WIDE_INPUT = 720  # px: a name or email box; wider boxes only make reading back harder


def ktr(text: str) -> str:
    """Translate a string that came from ``registration.kiosk`` or a data file."""
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def label(text: str, name: str, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def set_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


# The kiosk's error summary is the app's one (``widgets/error_summary``), larger, in the kiosk's words.
SUMMARY_LOOK = Look(margins=(24, 18, 24, 18), spacing=8, link_spacing=4, focusable=True, wrap_links=True)


def error_summary() -> ErrorSummary:
    """'There is a problem' above the heading, each problem a link that moves to its field.

    A link only moves focus: the page then scrolls the field, with its label, into view (KioskPage).
    """
    return ErrorSummary(
        look=SUMMARY_LOOK,
        title=QCoreApplication.translate("ErrorSummary", "There is a problem"),
        link_hint=QCoreApplication.translate("ErrorSummary", "Go to the question"),
        go=lambda target: target.setFocus(Qt.FocusReason.OtherFocusReason),
    )


class KioskPage(QWidget):
    """A scrolling, centred column: error summary, caption, heading, then the page's own content."""

    def __init__(self, heading: str, caption: str = "") -> None:
        super().__init__()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # A finger flicks the page up and down on a touch screen; a mouse still selects text as usual.
        QScroller.grabGesture(self.scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        # No Tab stop of its own (it shows no focus); the keyboard scrolls it by moving between
        # controls, or with Page Up and Page Down (the window passes them on).
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for bar in (self.scroll.verticalScrollBar(), self.scroll.horizontalScrollBar()):
            # Qt's scroll-bar menu ("Scroll here", "Top"...) is no use here and would not close
            # with Escape, which the kiosk keeps from every window.
            bar.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        inner = QWidget()
        inner.setObjectName("kioskPageInner")
        row = QHBoxLayout(inner)
        row.setContentsMargins(48, 32, 48, 48)
        column_widget = QWidget()
        column_widget.setMaximumWidth(COLUMN_WIDTH)
        self.column = QVBoxLayout(column_widget)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(20)
        row.addStretch(1)
        row.addWidget(column_widget, 100)
        row.addStretch(1)
        self.scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        self.summary = error_summary()
        self.caption = label(caption, "kioskCaption")
        self.heading = label(heading, "kioskHeading")
        self.heading.setAccessibleName(heading)
        self.column.addWidget(self.summary)
        self.column.addWidget(self.caption)
        self.column.addWidget(self.heading)
        # Only once it has a parent: showing a parentless label would open it as its own window.
        self.caption.setVisible(bool(caption))

    def add_paragraph(self, text: str, name: str = "kioskBody") -> QLabel:
        paragraph = label(text, name)
        self.column.addWidget(paragraph)
        return paragraph

    def finish(self) -> None:
        self.column.addStretch(1)

    def focus_start(self) -> bool:
        """Put the focus on the page's first control; False when it has none (the window then
        starts on its main button: a heading shows no focus and is no control)."""
        return False

    def bring_into_view(self, widget: QWidget) -> None:
        """Scroll so that ``widget`` and what names it (its field's label, or the heading for a
        page's only question) are on screen: focus never lands where nobody can see it."""
        inner = self.scroll.widget()
        if inner is None or not inner.isAncestorOf(widget):
            return
        scroll_into_view(widget, VIEW_MARGIN, name=self.name_for(widget), settle=True)

    def name_for(self, widget: QWidget) -> QWidget | None:
        """The visible text that names ``widget``: its field's label, else None."""
        return None

    def wipe(self) -> None:
        self.summary.clear()


class FieldBlock(QFrame):
    """One field: label, hint, error message and input; a red bar at its left while it is wrong.

    In a ``row`` the label sits beside the input (many yes/no questions in a list, one per line).
    """

    def __init__(
        self, f: Field, editor: QWidget, *, show_label: bool, row: bool = False, context: str = ""
    ) -> None:
        super().__init__()
        self.setObjectName("kioskField")
        self.field = f
        self.editor = editor
        self.context = context
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.bar = QFrame()
        self.bar.setObjectName("kioskErrorBar")
        self.bar.setFixedWidth(6)
        self.bar.setVisible(False)
        outer.addWidget(self.bar)
        self.gap = QWidget()  # GOV.UK indents a field in error beside its red bar
        self.gap.setFixedWidth(0)
        outer.addWidget(self.gap)
        self.label = label(ktr(f.label), "kioskLabel")
        if isinstance(editor, QLineEdit):
            self.label.setBuddy(editor)
        self.hint = label(ktr(f.hint), "kioskHint")
        self.error = label("", "kioskError")
        texts = QVBoxLayout()
        texts.setSpacing(8)
        for widget in (self.label, self.hint, self.error):
            texts.addWidget(widget)
        if row:
            line = QHBoxLayout()
            line.setSpacing(24)
            line.addLayout(texts, 1)
            line.addWidget(editor, 0, Qt.AlignmentFlag.AlignVCenter)
            outer.addLayout(line, 1)
        else:
            # The input keeps to the left: a box narrower than the column leaves space after it.
            line = QHBoxLayout()
            line.addWidget(editor, 1)
            line.addStretch(0)
            texts.addLayout(line)
            outer.addLayout(texts, 1)
        # Shown or hidden only now that they have a parent (a parentless label would become a window).
        self.label.setVisible(show_label)
        self.hint.setVisible(bool(f.hint))
        self.error.setVisible(False)
        self._describe("")

    def _describe(self, error: str) -> None:
        parts = [error, ktr(self.field.hint), self.context]
        self.editor.setAccessibleDescription(" ".join(p for p in parts if p))

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.bar.setVisible(bool(message))
        self.gap.setFixedWidth(18 if message else 0)
        set_invalid(self.editor, bool(message))
        if isinstance(self.editor, DateInput):
            for box in self.editor.boxes.values():
                set_invalid(box, bool(message))
        self._describe(message or "")


class QuestionPage(KioskPage):
    """Any page that ``registration.kiosk.pages`` defines: its fields drawn from the definitions."""

    def __init__(self, page: Page, event: Event) -> None:
        number, total = step_of(page, event)
        # Named context: PySide's self.tr() would use the subclass's name, which lupdate cannot see.
        caption = QCoreApplication.translate("QuestionPage", "Step {n} of {m}: {section}").format(
            n=number, m=total, section=ktr(section_title(page.section))
        )
        super().__init__(page.heading_text(event, ktr), caption)
        self.page = page
        for paragraph in page.intro:
            self.add_paragraph(ktr(paragraph))
        self.blocks: dict[str, FieldBlock] = {}
        only_one = len(page.fields) == 1
        # Many yes/no questions (sharing with each partner) read best as a list, one per line.
        rows = len(page.fields) > 3 and all(f.kind == "radio" for f in page.fields)
        heading = page.heading_text(event, ktr)
        for f in page.fields:
            editor = self._editor(f, inline=not only_one)
            # A lone choice or date is answered under the heading, which already asks the question.
            show_label = not (only_one and f.kind in ("radio", "date", "checkboxes"))
            block = FieldBlock(
                f, editor, show_label=show_label, row=rows, context="" if only_one else heading
            )
            if not rows:
                self.column.addSpacing(8)
            self.column.addWidget(block)
            self.blocks[f.name] = block
        self.finish()

    def _editor(self, f: Field, *, inline: bool) -> QWidget:
        name = ktr(f.label)
        if f.kind == "date":
            return DateInput(f.name, name, sensitive=f.sensitive)
        if f.kind == "radio":
            options = [(value, ktr(text)) for value, text in f.options]
            return ChoiceGroup(name, options, inline=inline and len(options) == 2)
        if f.kind == "checkboxes":
            return CheckList(name, [(v, ktr(t)) for v, t in f.options], [ktr(h) for h in f.option_hints])
        box = text_box(
            name,
            sensitive=f.sensitive,
            max_len=f.max_len,
            chars=None if f.wide else max(6, min(f.max_len, 16)),
        )
        if f.wide:
            box.setMaximumWidth(WIDE_INPUT)
        box.setObjectName(f.name)
        return box

    # -- answers ----------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, block in self.blocks.items():
            editor = block.editor
            if isinstance(editor, DateInput):
                out.update(editor.values())
            elif isinstance(editor, (ChoiceGroup, CheckList)):
                out[name] = editor.value()
            elif isinstance(editor, QLineEdit):
                out[name] = editor.text()
        return out

    def load(self, answers: dict[str, Any]) -> None:
        for name, block in self.blocks.items():
            editor = block.editor
            if isinstance(editor, DateInput):
                editor.set_values(answers)
            elif isinstance(editor, ChoiceGroup):
                editor.set_value(str(answers.get(name, "") or ""))
            elif isinstance(editor, CheckList):
                editor.set_value(list(answers.get(name) or []))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(answers.get(name, "") or ""))

    def input_for(self, name: str) -> QWidget:
        editor = self.blocks[name].editor
        if isinstance(editor, (DateInput, ChoiceGroup, CheckList)):
            return editor.first()
        return editor

    # -- errors -----------------------------------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> None:
        problems = []
        for name, block in self.blocks.items():
            message = errors.get(name)
            block.set_error(message)
            if message:
                problems.append((message, self.input_for(name)))
        self.summary.show_problems(problems)
        for link, (message, target) in zip(self.summary.links, problems, strict=True):
            name = self.name_for(target)
            if name is not None and name is not self.heading and name.text():
                # Ten links may all read "Select yes or no": a screen reader hears which one.
                link.setAccessibleName(f"{name.text()}: {message}")
        if problems:
            self.scroll.ensureWidgetVisible(self.summary)
            self.summary.first_link().setFocus()

    def clear_errors(self) -> None:
        for block in self.blocks.values():
            block.set_error(None)
        self.summary.clear()

    def focus_start(self) -> bool:
        if not self.blocks:
            return super().focus_start()
        self.input_for(next(iter(self.blocks))).setFocus()
        return True

    def name_for(self, widget: QWidget) -> QWidget | None:
        for block in self.blocks.values():
            if block.isAncestorOf(widget):
                # A lone question's label is hidden: the heading above asks it.
                return block.label if block.label.isVisibleTo(self) else self.heading
        return None

    def wipe(self) -> None:
        self.clear_errors()
        for block in self.blocks.values():
            editor = block.editor
            if isinstance(editor, QLineEdit):
                wipe_line(editor)
            elif hasattr(editor, "wipe"):
                editor.wipe()


class WelcomePage(QuestionPage):
    """The first page: whose event this is, what PACE is, and a language choice if there is one."""

    language_chosen = Signal(str)

    def __init__(self, page: Page, event: Event, languages: list[tuple[str, str]]) -> None:
        super().__init__(page, event)
        when = event.event_date.strftime("%d/%m/%Y")
        panel = label(
            self.tr("{employer} — PACE event, {date}").format(employer=event.employer_name, date=when),
            "kioskInset",
        )
        self.column.insertWidget(self.column.indexOf(self.heading) + 1, panel)
        if languages:
            row = QHBoxLayout()
            row.addWidget(label(self.tr("Language:"), "kioskBody", wrap=False))
            for code, name in languages:
                button = QPushButton(name)
                button.setObjectName("kioskSecondary")
                button.clicked.connect(lambda _c=False, c=code: self.language_chosen.emit(c))
                row.addWidget(button)
            row.addStretch(1)
            self.column.insertLayout(self.column.count() - 1, row)


class PrivacyPage(QuestionPage):
    """The privacy notice from ``resources/privacy``, in the person's language: the exact versioned
    text their consents point to (its own file per language, never pieced together from strings)."""

    def __init__(self, page: Page, event: Event, language: str = SOURCE_LANGUAGE) -> None:
        super().__init__(page, event)
        notice = current_notice(language)
        at = self.column.count() - 1
        for kind, text in notice_blocks(notice.text):
            widget = QLabel(text)
            widget.setObjectName("kioskSubheading" if kind == "heading" else "kioskNotice")
            widget.setWordWrap(True)
            widget.setTextFormat(Qt.TextFormat.RichText)
            self.column.insertWidget(at, widget)
            at += 1
        version = label(self.tr("Privacy notice version {v}").format(v=notice.version), "kioskHint")
        self.column.insertWidget(at, version)


def notice_blocks(markdown: str) -> list[tuple[str, str]]:
    """The notice's plain Markdown as (heading | paragraph, HTML) blocks in the kiosk's own styles.

    It uses only '#' and '##' headings, paragraphs and **bold**; its first heading is the page's.
    """
    blocks: list[tuple[str, str]] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            blocks.append(("paragraph", _inline(" ".join(lines))))
            lines.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            if level > 1 or blocks:
                blocks.append(("heading", _inline(line.lstrip("#").strip())))
        elif not line:
            flush()
        else:
            lines.append(line)
    flush()
    return blocks


def _inline(text: str) -> str:
    escaped = html.escape(text, quote=False)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)


def build_page(
    page: Page, event: Event, languages: list[tuple[str, str]], language: str = SOURCE_LANGUAGE
) -> QuestionPage:
    if page.key == "welcome":
        return WelcomePage(page, event, languages)
    if page.key == "privacy":
        return PrivacyPage(page, event, language)
    return QuestionPage(page, event)
