"""No text cut short and nothing drawn over its neighbour on any kiosk page, on the real display at
each smallest supported screen (PACE_TEST_SCREEN), in English and in the two longer-worded languages.

Every page is probed as a person meets it — welcome, privacy notice, each question, the errors of
each page that can have them, "Check your answers", the pages shown over the answers ("Clear my
answers?", the adviser's exit, "Are you still there?"), done — in the normal look, with larger text
and in high contrast, with ``probes.clipping_problems`` (text
against its widget, and overlapping neighbours), the window against the screen, and the Continue,
Back and Clear buttons wholly on screen. Polish and Gaelic use the shipped drafts marked reviewed
(``reviewed_copy``), chosen with the welcome page's language button as a person would.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QPushButton

from tests.realdisplay import probes
from tests.realdisplay.test_kiosk_screens import REFUSED
from tests.ui.kiosk_fixtures import PERSON, Kiosk, page_key, reviewed_copy

LANGUAGES = {"en": None, "pl": "Polski", "gd": "Gàidhlig"}
LOOKS = {"normal": (), "larger text": ("text_button",), "high contrast": ("contrast_button",)}


def _problems(k: Kiosk, where: str) -> list[str]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    found = probes.fit_problems(k.window) + probes.clipping_problems(k.window)
    found += [
        f"{nav.text()!r} is not on screen"
        for nav in (k.window.next_button, k.window.back_button, k.window.clear_button)
        if nav.isVisible() and not probes.fully_visible(nav)
    ]
    return [f"{where}: {p}" for p in found]


def _overlays(qtbot, k: Kiosk, where: str) -> list[str]:
    """The pages shown over a person's answers, each as a person meets it: "Clear my answers?", the
    adviser's exit, and "Are you still there?" after the idle time; each left the way it offers."""
    problems: list[str] = []
    window = k.window
    window.clear_button.click()
    qtbot.wait(30)
    assert window.current_page() is window.clear_confirm
    problems += _problems(k, f"{where} clear my answers?")
    window.clear_confirm.cancelled.emit()
    window.adviser_button.click()
    qtbot.wait(30)
    assert window.current_page() is window.exit_page
    problems += _problems(k, f"{where} adviser exit")
    window.exit_page.cancelled.emit()
    k.clock.advance(window.idle_seconds)
    window.check_idle()  # what the kiosk's timer does each tick
    qtbot.waitUntil(lambda: window.current_page() is window.still_there, timeout=3000)
    problems += _problems(k, f"{where} still there?")
    window.still_there.carry_on.emit()
    qtbot.wait(30)
    assert page_key(k) == "check"
    return problems


def _choose(qtbot, k: Kiosk, tmp_path, code: str) -> None:
    if LANGUAGES[code] is None:
        return
    k.window._translations = reviewed_copy(tmp_path, code)
    k.window.reset()
    button = next(
        b for b in k.page().findChildren(QPushButton) if b.text() == LANGUAGES[code] and b.isVisible()
    )
    button.click()
    qtbot.wait(30)
    assert k.window.next_button.text() != "Start now", f"{code} was not chosen"


@pytest.mark.parametrize("look", list(LOOKS))
@pytest.mark.parametrize("code", list(LANGUAGES))
def test_no_kiosk_page_clips_or_overlaps(qtbot, kiosk: Kiosk, tmp_path, code: str, look: str) -> None:
    k = kiosk
    probes.show_settled(qtbot, k.window)
    _choose(qtbot, k, tmp_path, code)
    for name in LOOKS[look]:
        getattr(k.window, name).setChecked(True)
    qtbot.wait(30)
    problems: list[str] = []
    seen: list[str] = []
    for _ in range(60):
        key = page_key(k)
        seen.append(key)
        problems += _problems(k, f"{code} {look} {key}")
        if key == "check":
            break
        page = k.page()
        for refused in ({}, REFUSED.get(key)) if page.blocks else ():
            if refused is None:
                continue
            page.load({})  # every message this page can show, with the summary at the top
            page.load(refused)
            k.window.go_next()
            qtbot.wait(20)
            if page_key(k) != key:  # nothing here is required: back to it
                k.window.go_back()
            elif page.summary.isVisible():
                page.scroll.verticalScrollBar().setValue(0)
                problems += _problems(k, f"{code} {look} {key} (errors {sorted(refused)})")
        page.load(PERSON.get(key, {}))
        k.window.go_next()
        qtbot.wait(20)
        assert page_key(k) != key, f"the {key} page refused the sample answers"
    assert seen[:2] == ["welcome", "privacy"] and seen[-1] == "check", seen
    problems += _overlays(qtbot, k, f"{code} {look}")
    k.window.go_next()  # accept and send
    qtbot.waitUntil(lambda: k.window.current_page() is k.window.thanks, timeout=10000)
    qtbot.wait(30)
    problems += _problems(k, f"{code} {look} done")
    assert problems == [], "\n".join(problems)
