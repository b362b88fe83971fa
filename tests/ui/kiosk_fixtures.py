"""Fixtures and helpers for the kiosk GUI tests: a running kiosk on a real store, and a person to type in.

The person is fictional. Helpers drive the kiosk as people do: by keyboard (Tab, arrows, Space, Enter) or by
mouse (clicks), and read back only what is on screen or in the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from pace_desktop.registration.kiosk.checks import date_keys
from pace_desktop.registration.kiosk.pages import Field
from pace_desktop.ui.kiosk.inputs import CheckList, ChoiceGroup, DateInput
from pace_desktop.ui.kiosk.pages import QuestionPage
from tests.conftest import PASSPHRASE
from tests.ui.conftest import FakeClock, settle
from tools.screenshots.kiosk import PERSON

__all__ = ["PERSON", "Kiosk", "all_counts", "kiosk_fixture", "page_key", "texts_on_screen", "type_text"]

FIRST_NAME = PERSON["name"]["first_name"]
LAST_NAME = PERSON["name"]["last_name"]


@dataclass
class Kiosk:
    qtbot: Any
    window: Any
    session: Any
    event: Any
    clock: FakeClock

    @property
    def store(self) -> Any:
        return self.session.store

    def settle(self) -> None:
        settle(self.qtbot, self.session)

    def page(self) -> QuestionPage:
        page = self.window.current_page()
        assert isinstance(page, QuestionPage), f"not a question page: {page!r}"
        return page

    def key(self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """Press a key where the keyboard focus is, as a person would."""
        target = QApplication.focusWidget() or self.window
        self.qtbot.keyClick(target, key, mods)

    def type(self, text: str) -> None:
        """Type into the focused box. Letters such as ò have no key code, so they arrive as text."""
        target = QApplication.focusWidget()
        assert isinstance(target, QLineEdit), f"typing into {target!r}"
        type_text(self.qtbot, target, text)

    # -- by keyboard -----------------------------------------------------------------------------------
    def answer_by_keyboard(self, answers: dict[str, Any]) -> None:
        """Answer the page on screen with Tab, arrows, Space and typing only, then press Enter."""
        page = self.page()
        for f in page.page.fields:
            self._field_by_keyboard(page, f, answers)
        self.key(Qt.Key.Key_Return)

    def _field_by_keyboard(self, page: QuestionPage, f: Field, answers: dict[str, Any]) -> None:
        editor = page.blocks[f.name].editor
        if isinstance(editor, DateInput):
            for i, key in enumerate(date_keys(f.name)):
                self.type(str(answers.get(key, "")))
                if i < 2:
                    self.key(Qt.Key.Key_Tab)
        elif isinstance(editor, ChoiceGroup):
            wanted = answers.get(f.name)
            if wanted:
                values = list(editor.buttons)
                # Arrows move along the choices: right for yes/no side by side, down for a list.
                arrow = Qt.Key.Key_Right if isinstance(editor.layout(), QHBoxLayout) else Qt.Key.Key_Down
                for _ in range(values.index(wanted)):
                    self.key(arrow)
                self.key(Qt.Key.Key_Space)
        elif isinstance(editor, CheckList):
            wanted = set(answers.get(f.name) or ())
            for i, value in enumerate(editor.boxes):
                if value in wanted:
                    self.key(Qt.Key.Key_Space)
                if i < len(editor.boxes) - 1:
                    self.key(Qt.Key.Key_Tab)
        else:
            self.type(str(answers.get(f.name, "")))
        self.key(Qt.Key.Key_Tab)

    # -- by mouse --------------------------------------------------------------------------------------
    def click(self, widget: QWidget) -> None:
        """Click as a person would: on a tick box or radio button, on its circle or square."""
        assert widget.isVisible(), f"{widget!r} is not on screen"
        at = (
            QPoint(24, widget.height() // 2)
            if isinstance(widget, (QCheckBox, QRadioButton))
            else widget.rect().center()
        )
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)

    def answer_by_mouse(self, answers: dict[str, Any]) -> None:
        """Answer the page on screen by clicking (typing where there is text), then click Continue."""
        page = self.page()
        for f in page.page.fields:
            editor = page.blocks[f.name].editor
            if isinstance(editor, DateInput):
                for part, box in editor.boxes.items():
                    self.click(box)
                    type_text(self.qtbot, box, str(answers.get(f"{f.name}.{part}", "")))
            elif isinstance(editor, ChoiceGroup):
                if answers.get(f.name):
                    self.click(editor.buttons[answers[f.name]])
            elif isinstance(editor, CheckList):
                for value in answers.get(f.name) or ():
                    self.click(editor.boxes[value])
            elif answers.get(f.name):
                self.click(editor)
                type_text(self.qtbot, editor, str(answers[f.name]))
        self.click(self.window.next_button)


def type_text(qtbot: Any, target: QWidget, text: str) -> None:
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(target, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def page_key(kiosk: Kiosk) -> str:
    return kiosk.window.flow.page.key


def texts_on_screen(window: QWidget) -> str:
    """Every piece of text any widget of the window still holds, visible or not, as one string."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    out = []
    for widget in window.findChildren(QWidget):
        for getter in ("text", "toPlainText", "accessibleName", "accessibleDescription"):
            value = getattr(widget, getter, None)
            if callable(value):
                result = value()
                if isinstance(result, str):
                    out.append(result)
    return "\n".join(out)


def all_counts(store: Any) -> dict[str, int]:
    """Rows in every table of the store, the audit log included."""
    tables = [
        r[0]
        for r in store.db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: int(store.db.scalar(f'SELECT count(*) FROM "{t}"')) for t in tables}


@pytest.fixture(name="kiosk")
def kiosk_fixture(qtbot, session_factory, store_path):
    """A running kiosk (full screen, started) for a fresh event on a copy of the empty test store."""
    from pace_desktop.records.models import Event, EventType
    from pace_desktop.ui.kiosk.window import KioskWindow

    session = session_factory(store_path)
    session.unlock(PASSPHRASE)
    event = session.store.events.add(
        Event(
            employer_name="Inverclyde Test Engineering",
            council_area="S12000018",
            sector="Manufacturing",
            event_date=date.today() + timedelta(days=3),
            event_type=EventType.group_session,
        )
    )
    clock = FakeClock()
    window = KioskWindow(session, event, clock=clock, tick_ms=60_000)
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    settle(qtbot, session)
    made = Kiosk(qtbot, window, session, event, clock)
    yield made
    if window._running:
        window.stop()
    settle(qtbot, session)


def reviewed_copy(folder: Any, *codes: str) -> Any:
    """The shipped drafts of ``codes`` copied to ``folder`` and marked finished, as a reviewer would in
    Qt Linguist, then compiled with lrelease: what the kiosk loads once SDS's translators sign off."""
    import subprocess
    import sys
    from pathlib import Path

    from pace_desktop.languages import translation_sources

    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for code in codes:
        sources = []
        for path in translation_sources(code):
            copy = Path(folder) / path.name
            copy.write_text(
                path.read_text(encoding="utf-8").replace(' type="unfinished"', ""), encoding="utf-8"
            )
            sources.append(str(copy))
        subprocess.run(
            [str(lrelease), "-silent", *sources, "-qm", str(Path(folder) / f"pace_kiosk_{code}.qm")],
            check=True,
            capture_output=True,
        )
    return folder
