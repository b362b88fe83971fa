"""Every kiosk page on a 1280×720 screen: it fits, the keyboard focus can always be seen, and an
error link takes a person to a field they can see.

Pages are walked with the fictional person's answers (``PERSON``). Focus indicators are measured
from the X server's pixels (``probes.focus_change``), once per kind of control and look.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QWidget

from tests.realdisplay import probes, xserver
from tests.ui.kiosk_fixtures import PERSON, Kiosk, page_key

LOOKS = {"normal": (), "larger text": ("text_button",), "high contrast": ("contrast_button",)}
# Answers each page refuses, so that every error link of the flow can be tried.
REFUSED = {
    "address": {"address_line1": "12 Example Street", "postcode": "not a postcode"},
    "contact": {"phone": "call me", "email": "nobody"},
    "ni": {"ni_number": "12"},
    "job": {"job_title": "Machine operator", "years_service": "lots"},
    "leaving": {"leaving_date.day": "31", "leaving_date.month": "2", "leaving_date.year": "2026"},
}


def _start(qtbot, k: Kiosk, look: str) -> None:
    probes.show_settled(qtbot, k.window)
    for name in LOOKS[look]:
        getattr(k.window, name).setChecked(True)
    qtbot.wait(20)


def _next_page(k: Kiosk) -> None:
    key = page_key(k)
    k.page().load(PERSON.get(key, {}))
    k.window.go_next()
    assert page_key(k) != key, f"the {key} page refused the sample answers"


def _pages(k: Kiosk):
    """Yield on every page, welcome to 'Check your answers'."""
    while True:
        yield page_key(k)
        if page_key(k) == "check":
            return
        _next_page(k)


def _kind(k: Kiosk, widget: QWidget) -> tuple[str, ...]:
    name = widget.objectName() if isinstance(widget, QPushButton) else ""
    return (
        type(widget).__name__,
        name,
        str(k.window.property("contrast")),
        str(k.window.property("textsize")),
    )


def _focus_shows(qtbot, k: Kiosk, widget: QWidget, measured: dict) -> None:
    """The focused ``widget`` is wholly on screen, is a real control, and its focus can be seen."""
    assert widget is not None and k.window.isAncestorOf(widget), widget
    where = f"{type(widget).__name__} {widget.objectName()!r} on {page_key(k)}"
    assert not isinstance(widget, QAbstractScrollArea) and not isinstance(
        widget.parent(), QAbstractScrollArea
    ), f"an invisible focus stop: {where}"
    assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, f"focus on a non-control: {where}"
    assert probes.fully_visible(widget), (
        f"focus off screen: {where}",
        probes.global_rect(widget),
        probes.visible_part(widget),
    )
    kind = _kind(k, widget)
    if kind not in measured:
        measured[kind] = probes.focus_change(widget, qtbot.wait)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
    assert measured[kind].visible, (where, measured[kind])


@pytest.mark.parametrize("look", list(LOOKS))
def test_every_page_fits_and_every_tab_stop_shows_its_focus(qtbot, kiosk: Kiosk, look) -> None:
    k = kiosk
    _start(qtbot, k, look)
    measured: dict = {}
    stops: set[QWidget] = set()
    for key in _pages(k):
        page = k.page()
        assert probes.fit_problems(k.window) == [], key
        assert page.scroll.horizontalScrollBar().maximum() == 0, f"{key} scrolls sideways"
        for nav in (k.window.next_button, k.window.back_button, k.window.clear_button):
            assert not nav.isVisible() or probes.fully_visible(nav), (key, nav.text())
        first = k.window.focusWidget()
        _focus_shows(qtbot, k, first, measured)
        widget = first
        for _ in range(60):
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
            widget = QApplication.focusWidget()
            if widget is first:
                break
            stops.add(widget)
            _focus_shows(qtbot, k, widget, measured)
        else:
            raise AssertionError(f"Tab never came back round on {key}")
    assert k.window.adviser_button in stops, "the Adviser button cannot take focus"


def _named_on_screen(page, name: QWidget, field: QWidget) -> bool:
    """The label is on screen with its field; when the two cannot fit the page's height together
    (a four-line question in larger text), the field is, with the end of its label just above."""
    if probes.fully_visible(name):
        return True
    together = probes.global_rect(name).united(probes.global_rect(field))
    seen = probes.visible_part(name)
    return (
        together.height() > page.scroll.viewport().height()
        and not seen.isEmpty()
        and seen.bottom() == probes.global_rect(name).bottom()
    )


@pytest.mark.parametrize("look", ["normal", "larger text"])
def test_every_error_link_takes_focus_to_a_field_on_screen(qtbot, kiosk: Kiosk, look) -> None:
    k = kiosk
    _start(qtbot, k, look)
    measured: dict = {}
    tried = 0
    for key in _pages(k):
        page = k.page()
        if not page.blocks:
            continue
        page.load({})
        page.load(REFUSED.get(key, {}))
        k.window.go_next()
        if page_key(k) != key or not page.summary.isVisible():
            continue
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        links = [w for w in page.summary.findChildren(QPushButton) if w.objectName() == "errorLink"]
        assert links, key
        for link in links:
            page.scroll.verticalScrollBar().setValue(0)
            link.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.keyClick(link, Qt.Key.Key_Space)
            qtbot.wait(10)
            field = QApplication.focusWidget()
            block = next(b for b in page.blocks.values() if b.isAncestorOf(field))
            name = block.label if block.label.isVisibleTo(page) else page.heading
            assert _named_on_screen(page, name, field), f"{key}: the label of {link.text()!r} is off screen"
            _focus_shows(qtbot, k, field, measured)
            tried += 1
    assert tried >= 30  # every required answer of the flow, and every refused one


def test_no_wheel_over_an_answer_changes_it(qtbot, x_server, kiosk: Kiosk) -> None:
    k = kiosk
    _start(qtbot, k, "normal")
    for key in _pages(k):
        if key not in ("consent_share", "q6_confidence"):
            continue
        page = k.page()
        page.load(PERSON[key])
        before = page.values()
        for block in page.blocks.values():
            for choice in block.editor.findChildren(QWidget):
                if not choice.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    continue
                page.scroll.ensureWidgetVisible(choice)
                qtbot.wait(10)
                centre = choice.mapToGlobal(choice.rect().center())
                xserver.xdotool(
                    x_server, "mousemove", str(centre.x()), str(centre.y()), "click", "5", "click", "4"
                )
                qtbot.wait(5)
        assert page.values() == before, key
