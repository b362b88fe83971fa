"""The kiosk in Polish and Gaelic, driven by keyboard only: the consent stored names the language and the
exact notice shown in it. The translations are the shipped drafts, marked reviewed in a folder of the
test's own (the shipped ones stay unoffered until SDS's translators review them)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from pace_desktop.privacy.subject_access import notice_text
from pace_desktop.privacy_notice import current_notice
from tests.ui.kiosk_fixtures import (
    PERSON,
    Kiosk,
    kiosk_fixture,  # noqa: F401 - provides the 'kiosk' fixture
    page_key,
    reviewed_copy,
    texts_on_screen,
)

WORDS = {  # what the person sees, in their language, on the way
    "pl": ("Polski", "Jak się nazywasz?", "Dalej", "Rejestracja zakończona"),
    "gd": ("Gàidhlig", "Dè an t-ainm a th’ oirbh?", "Lean air adhart", "Tha an clàradh deiseil"),
}
# The date of birth on "Check your answers", in the language
MARCH = {"pl": "14 marca 1971", "gd": "14 dhen Mhàrt 1971"}


@pytest.mark.parametrize("code", ["pl", "gd"])
def test_a_keyboard_only_registration_in_each_language(kiosk: Kiosk, tmp_path, code: str) -> None:
    language, name_question, continue_word, done = WORDS[code]
    k = kiosk
    k.window._translations = reviewed_copy(tmp_path, code)
    k.window.reset()
    for _ in range(20):  # Tab to the language's button, then Space, as a keyboard user would
        focus = QApplication.focusWidget()
        if isinstance(focus, QPushButton) and focus.text() == language:
            break
        k.key(Qt.Key.Key_Tab)
    else:
        raise AssertionError(f"no {language} button reached by Tab")
    k.key(Qt.Key.Key_Space)
    assert k.window.next_button.text() != "Start now"
    notice = current_notice(code)
    for _ in range(40):
        key = page_key(k)
        if key == "check":
            break
        if key == "privacy":
            headings = [line[3:] for line in notice.text.splitlines() if line.startswith("## ")]
            shown = texts_on_screen(k.page())
            assert all(h in shown for h in headings), "the notice in the person's language"
        if key == "name":
            assert k.page().heading.text() == name_question
            assert k.window.next_button.text() == continue_word
        k.answer_by_keyboard(PERSON.get(key, {}))
        assert not k.page().summary.isVisible(), k.page().summary.accessibleDescription()
    assert page_key(k) == "check"
    assert MARCH[code] in texts_on_screen(k.page()) and "March" not in texts_on_screen(k.page())
    k.key(Qt.Key.Key_Return)  # accept and send
    k.settle()
    assert k.window.current_page() is k.window.thanks
    assert done in texts_on_screen(k.window.thanks)
    client = next(iter(k.store.clients.all()))
    consents = k.store.consents.for_parent(client.id)
    assert consents and {(c.notice_language, c.notice_version, c.notice_sha256) for c in consents} == {
        (code, notice.version, notice.sha256)
    }
    # Subject access shows the very text the person read, in their language.
    assert notice_text(notice.version, notice.sha256, code) == notice.text
    k.window.reset()  # the next person starts in English again
    assert k.window.next_button.text() == "Start now"


def test_the_idle_countdown_uses_each_languages_plural_forms(kiosk: Kiosk, tmp_path) -> None:
    k = kiosk
    shown = []
    for seconds in (1, 2, 5):
        k.window.still_there.set_seconds(seconds)
        shown.append(k.window.still_there.countdown.text())
    assert shown == [
        "The form will be cleared in 1 second.",
        "The form will be cleared in 2 seconds.",
        "The form will be cleared in 5 seconds.",
    ]
    k.window._translations = reviewed_copy(tmp_path, "pl")
    k.window.reset()
    k.window._choose_language("pl")
    shown = []
    for seconds in (1, 2, 5, 22):
        k.window.still_there.set_seconds(seconds)
        shown.append(k.window.still_there.countdown.text().rsplit(" ", 2)[-2:])
    assert shown == [["1", "sekundę."], ["2", "sekundy."], ["5", "sekund."], ["22", "sekundy."]]
