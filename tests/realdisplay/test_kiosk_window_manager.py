"""The kiosk under an ordinary window manager: Show desktop and switching desktop must not leave a
person's answers on a hidden window with the desktop exposed. Keys go through the X server to
Openbox, as a person's would."""

from __future__ import annotations

import pytest

from tests.realdisplay import probes, xserver
from tests.ui.kiosk_fixtures import PERSON, Kiosk, page_key, texts_on_screen


def _answered_to_name(k: Kiosk) -> None:
    for _ in range(10):
        if page_key(k) == "name":
            break
        k.answer_by_keyboard(PERSON.get(page_key(k), {}))
    assert page_key(k) == "name"
    k.type("Morag")


@pytest.mark.parametrize("keys", ["super+d", "ctrl+alt+Right"], ids=["show-desktop", "switch-desktop"])
def test_the_kiosk_comes_back_in_front_with_the_answers(qtbot, x_server, kiosk: Kiosk, keys) -> None:
    k = kiosk
    probes.show_settled(qtbot, k.window)
    _answered_to_name(k)
    xserver.xdotool(x_server, "key", keys)
    qtbot.wait(500)
    print(
        "active",
        k.window.isActiveWindow(),
        "exposed",
        k.window.windowHandle().isExposed(),
        "state",
        k.window.windowState(),
        "visible",
        k.window.isVisible(),
    )
    assert probes.in_front(qtbot, k.window, x_server)
    assert k.page().blocks["first_name"].editor.text() == "Morag"


def test_a_right_click_on_the_scroll_bar_opens_no_menu(qtbot, x_server, kiosk: Kiosk) -> None:
    """Qt's scroll-bar menu ('Scroll here', 'Top'…) would not close with Escape in the kiosk."""
    from PySide6.QtWidgets import QApplication

    k = kiosk
    probes.show_settled(qtbot, k.window)
    k.window.go_next()  # the privacy notice: long enough to scroll
    bar = k.page().scroll.verticalScrollBar()
    assert bar.isVisible()
    centre = bar.mapToGlobal(bar.rect().center())
    xserver.xdotool(x_server, "mousemove", str(centre.x()), str(centre.y()), "click", "3")
    qtbot.wait(200)
    assert QApplication.activePopupWidget() is None
    assert probes.in_front(qtbot, k.window, x_server)


@pytest.mark.parametrize("how", ["hidden", "minimised", "show-desktop"])
def test_the_idle_rule_clears_the_answers_while_the_kiosk_is_out_of_sight(
    qtbot, x_server, kiosk: Kiosk, how
) -> None:
    """Nobody is at a kiosk that cannot be seen: its idle timer must keep running and clear the
    answers, whatever hid the window (the program, the window manager's minimise, Show desktop)."""
    k = kiosk
    probes.show_settled(qtbot, k.window)
    _answered_to_name(k)
    k.window._timer.setInterval(20)  # the real timer, ticking often; the clock is moved by hand
    ticks: list[bool] = []
    k.window._timer.timeout.connect(lambda: ticks.append(k.window.isVisible() and not k.window.isMinimized()))
    if how == "hidden":
        k.window.hide()
    elif how == "minimised":
        xserver.xdotool(x_server, "windowminimize", str(int(k.window.winId())))
    else:
        xserver.xdotool(x_server, "key", "super+d")
    qtbot.wait(50)
    ticks.clear()
    k.clock.advance(k.window.idle_seconds)
    qtbot.waitUntil(lambda: k.window.current_page() is k.window.still_there, timeout=3000)
    k.clock.advance(k.window.countdown_seconds)
    qtbot.waitUntil(lambda: page_key(k) == "welcome", timeout=3000)
    assert k.window.flow.answers == {}
    assert "Morag" not in texts_on_screen(k.window)
    if how == "hidden":
        assert ticks and not any(ticks), "the test meant to tick while the kiosk was hidden"
