"""Kiosk mode, driven as members of the public and advisers would drive it: keyboard, mouse, and waiting.

Everyone here is fictional. Timers are faked: the kiosk's clock moves only when a test moves it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMainWindow, QWidget

from pace_desktop.records.models import CaptureMethod, RecordSource
from pace_desktop.registration.kiosk.pages import consent_field
from pace_desktop.ui.kiosk.inputs import ChoiceGroup
from pace_desktop.ui.kiosk.window import KioskWindow
from tests.conftest import PASSPHRASE
from tests.ui.kiosk_fixtures import (
    FIRST_NAME,
    LAST_NAME,
    PERSON,
    Kiosk,
    all_counts,
    kiosk_fixture,  # noqa: F401 - provides the 'kiosk' fixture
    page_key,
    reviewed_copy,
    texts_on_screen,
)

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _go_to(k: Kiosk, key: str, *, by: str = "keyboard") -> None:
    """Answer each page with the fictional person's answers until ``key`` is on screen."""
    for _ in range(40):
        if page_key(k) == key:
            return
        answers = PERSON.get(page_key(k), {})
        if by == "keyboard":
            k.answer_by_keyboard(answers)
        else:
            k.answer_by_mouse(answers)
        k.page().summary.isVisible() and _fail_with(k)
    raise AssertionError(f"never reached {key}")


def _fail_with(k: Kiosk) -> None:
    raise AssertionError(f"errors on {page_key(k)}: {k.page().summary.accessibleDescription()}")


def _the_one_client(k: Kiosk):
    clients = list(k.store.clients.all())
    assert len(clients) == 1
    return clients[0]


def _assert_registered(k: Kiosk) -> None:
    client = _the_one_client(k)
    assert (client.first_name, client.last_name) == (FIRST_NAME, LAST_NAME)
    assert client.needs_review and client.source is RecordSource.kiosk
    assert client.updated_by == "kiosk"
    assert client.postcode == "PA15 1AA" and client.phone == "+447700900123"
    assert client.services_wanted == ["employability_advice", "vocational_training", "money"]
    consents = {c.purpose: c for c in k.store.consents.for_parent(client.id)}
    assert consents["pace_support"].granted and not consents["client_survey"].granted
    assert consents["share_DWP"].granted and not consents["share_HMRC"].granted
    assert all(c.captured_how is CaptureMethod.self_kiosk for c in consents.values())
    checklist = k.store.checklists.for_parent(client.id)[0]
    assert checklist.answers["q4_household"] == "alone"
    assert checklist.band in ("low", "medium", "high")


# -- registering -------------------------------------------------------------------------------------------


def test_a_full_registration_by_keyboard(kiosk: Kiosk) -> None:
    k = kiosk
    assert page_key(k) == "welcome"
    assert "Inverclyde Test Engineering" in texts_on_screen(k.window)
    _go_to(k, "check")
    shown = texts_on_screen(k.page())
    assert "Mòrag NicDhòmhnaill" in shown and "14 March 1971" in shown
    k.key(Qt.Key.Key_Return)  # "Accept and send"
    k.settle()
    assert k.window.current_page() is k.window.thanks
    _assert_registered(k)


def test_the_same_registration_by_mouse(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "check", by="mouse")
    k.click(k.window.next_button)
    k.settle()
    assert k.window.current_page() is k.window.thanks
    _assert_registered(k)
    k.click(k.window.thanks.done)
    assert page_key(k) == "welcome"


def test_the_kiosk_never_shows_a_score_or_band(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "check")
    k.key(Qt.Key.Key_Return)
    k.settle()
    shown = texts_on_screen(k.window).lower()
    for word in ("score", "band", "risk level", "high risk", "medium", "low risk"):
        assert word not in shown


def test_errors_show_above_and_beside_the_field_and_nothing_moves_on(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "dob")
    k.answer_by_keyboard(
        {"date_of_birth.day": "31", "date_of_birth.month": "2", "date_of_birth.year": "1980"}
    )
    page = k.page()
    assert page_key(k) == "dob"
    assert page.summary.isVisible()
    assert page.blocks["date_of_birth"].error.text() == "Date of birth must be a real date"
    assert "Date of birth must be a real date" in page.summary.accessibleDescription()
    # The summary's link takes the keyboard to the field.
    link = page.summary.first_link()
    assert isinstance(link, QAbstractButton)
    k.click(link)
    assert QApplication.focusWidget() is page.input_for("date_of_birth")


def test_change_from_check_your_answers_comes_back_there(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "check")
    check = k.page()
    change = next(
        b for b in check.findChildren(QAbstractButton) if b.accessibleName() == "Change: Contact details"
    )
    k.click(change)
    assert page_key(k) == "contact"
    box = k.page().blocks["phone"].editor
    assert box.text() == "07700 900123"
    box.setFocus()
    box.selectAll()
    k.type("0131 496 0000")
    k.key(Qt.Key.Key_Return)
    assert page_key(k) == "check"
    assert "0131 496 0000" in texts_on_screen(k.page())


def test_declining_pace_support_ends_politely_and_stores_nothing(kiosk: Kiosk) -> None:
    k = kiosk
    before = all_counts(k.store)
    _go_to(k, "consent_support")
    k.answer_by_mouse({consent_field("pace_support"): "no"})
    assert k.window.current_page() is k.window.declined
    assert "You have chosen not to register" in texts_on_screen(k.window.declined)
    assert k.window.flow.answers == {}
    k.click(k.window.declined.done)
    assert page_key(k) == "welcome"
    k.settle()
    assert all_counts(k.store) == before


def test_saying_no_later_through_change_discards_what_was_typed(kiosk: Kiosk) -> None:
    k = kiosk
    before = all_counts(k.store)
    _go_to(k, "check")
    change = next(
        b
        for b in k.page().findChildren(QAbstractButton)
        if b.accessibleName() == "Change: SDS can keep your details"
    )
    k.click(change)
    k.answer_by_mouse({consent_field("pace_support"): "no"})
    assert k.window.current_page() is k.window.declined
    assert FIRST_NAME not in texts_on_screen(k.window)
    k.settle()
    assert all_counts(k.store) == before


# -- privacy between people ----------------------------------------------------------------------------


def test_inactivity_warns_then_clears_every_field(kiosk: Kiosk) -> None:
    k = kiosk
    QGuiApplication.clipboard().setText("copied by the previous person")
    _go_to(k, "contact")
    k.type("07700 900")  # half-typed, not yet accepted
    before = all_counts(k.store)
    k.clock.advance(89)
    k.window.check_idle()
    assert page_key(k) == "contact"
    k.clock.advance(1)
    k.window.check_idle()
    assert k.window.current_page() is k.window.still_there
    assert "30 seconds" in k.window.still_there.countdown.text()
    k.clock.advance(29)
    k.window.check_idle()
    assert "1 second." in k.window.still_there.countdown.text()
    k.clock.advance(1)
    k.window.check_idle()

    assert page_key(k) == "welcome"
    assert k.window.flow.answers == {}
    shown = texts_on_screen(k.window)
    assert FIRST_NAME not in shown and LAST_NAME not in shown and "07700" not in shown
    assert QGuiApplication.clipboard().text() == ""
    _go_to(k, "name")
    for name in ("first_name", "last_name", "preferred_name"):
        box = k.page().blocks[name].editor
        assert isinstance(box, QLineEdit)
        assert box.text() == "" and not box.isUndoAvailable() and box.completer() is None
    k.settle()
    assert all_counts(k.store) == before


def test_still_here_goes_back_to_the_same_page_with_answers_kept(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "contact")
    k.type("07700 900123")
    k.clock.advance(90)
    k.window.check_idle()
    k.click(k.window.still_there.stay)
    assert page_key(k) == "contact"
    assert k.page().blocks["phone"].editor.text() == "07700 900123"
    k.clock.advance(60)
    k.window.check_idle()
    assert page_key(k) == "contact"  # the idle time started again


def test_an_empty_welcome_page_is_never_interrupted(kiosk: Kiosk) -> None:
    k = kiosk
    k.clock.advance(10_000)
    k.window.check_idle()
    assert page_key(k) == "welcome"
    assert k.window.current_page() is not k.window.still_there


def test_back_after_submit_reveals_nothing(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "check")
    k.key(Qt.Key.Key_Return)
    k.settle()
    window = k.window
    assert window.current_page() is window.thanks
    assert not window.nav.isVisible()
    for key, mods in (
        (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Left, ALT),
        (Qt.Key.Key_Back, Qt.KeyboardModifier.NoModifier),
    ):
        k.key(key, mods)
    window.go_back()
    assert window.current_page() is window.thanks
    shown = texts_on_screen(window)
    assert FIRST_NAME not in shown and "PA15" not in shown and "07700" not in shown
    k.click(window.thanks.done)
    assert page_key(k) == "welcome" and not window.back_button.isVisible()
    k.key(Qt.Key.Key_Return)
    assert page_key(k) == "privacy"
    k.click(window.back_button)
    assert page_key(k) == "welcome"
    window.flow.change("check")  # even jumping straight to "Check your answers" shows nothing
    window._show_flow_page()
    shown = texts_on_screen(window)
    assert FIRST_NAME not in shown and "14 March 1971" not in shown


def test_the_thank_you_page_returns_to_welcome_on_its_own(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "check")
    k.key(Qt.Key.Key_Return)
    k.settle()
    k.clock.advance(20)
    k.window.check_idle()
    assert page_key(k) == "welcome" and k.window.current_page() is not k.window.thanks


def test_clear_my_answers_discards_the_registration(kiosk: Kiosk) -> None:
    k = kiosk
    before = all_counts(k.store)
    _go_to(k, "job")
    k.click(k.window.clear_button)
    assert k.window.current_page() is k.window.clear_confirm
    k.click(k.window.clear_confirm.yes)
    assert page_key(k) == "welcome" and k.window.flow.answers == {}
    assert FIRST_NAME not in texts_on_screen(k.window)
    k.settle()
    assert all_counts(k.store) == before


# -- locked down ---------------------------------------------------------------------------------------


def test_every_close_shortcut_is_ignored(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "name")
    k.type("Mòr")
    window = k.window
    assert window.isFullScreen() and window.isVisible()
    combos = [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, ALT),
        (Qt.Key.Key_F4, CTRL),
        (Qt.Key.Key_Q, CTRL),
        (Qt.Key.Key_W, CTRL),
        (Qt.Key.Key_Q, CTRL | SHIFT),
        (Qt.Key.Key_W, CTRL | SHIFT),
        (Qt.Key.Key_M, CTRL),
        (Qt.Key.Key_H, CTRL),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Space, ALT),
    ]
    for key, mods in combos:
        k.key(key, mods)
        assert window.isVisible() and window.isFullScreen(), (key, mods)
    assert window.close() is False
    closing = QCloseEvent()
    QCoreApplication.sendEvent(window, closing)
    assert not closing.isAccepted()
    assert window.isVisible() and page_key(k) == "name"
    assert k.page().blocks["first_name"].editor.text() == "Mòr"  # and nothing was lost
    assert window.findChildren(QMainWindow) == [] and not hasattr(window, "menuBar")


def test_the_advisers_windows_are_hidden_while_the_kiosk_runs(qtbot, session_factory, store_path) -> None:
    from datetime import date

    from pace_desktop.records.models import Event, EventType
    from tests.ui.conftest import FakeClock, settle

    adviser_window = QMainWindow()
    qtbot.addWidget(adviser_window)
    adviser_window.show()
    session = session_factory(store_path)
    session.unlock(PASSPHRASE)
    event = session.store.events.add(
        Event(
            employer_name="Test Works",
            council_area="S12000018",
            sector="Retail",
            event_date=date.today(),
            event_type=EventType.drop_in,
        )
    )
    window = KioskWindow(session, event, clock=FakeClock(), tick_ms=60_000)
    qtbot.addWidget(window)
    window.start()
    settle(qtbot, session)
    assert not adviser_window.isVisible()
    assert session._autolock_suspended
    window._exit_allowed("Ailsa Demo")
    assert adviser_window.isVisible() and not window.isVisible()
    assert not session._autolock_suspended


def test_leaving_needs_a_right_passphrase_and_refuses_a_wrong_one(kiosk: Kiosk) -> None:
    k = kiosk
    window = k.window
    _go_to(k, "name")
    k.type("Mòrag")
    exited = []
    window.exited.connect(lambda: exited.append(True))

    k.key(Qt.Key.Key_L, CTRL | SHIFT)
    assert window.current_page() is window.exit_page
    k.type("not the passphrase at all")
    k.key(Qt.Key.Key_Return)
    k.settle()
    assert window.exit_page.error.text() == "That passphrase is not right"
    assert window.isVisible() and not exited
    assert (
        k.store.db.scalar("SELECT count(*) FROM audit WHERE action = 'unlock_failed' AND actor = 'kiosk'")
        == 1
    )

    k.click(window.exit_page.cancel)  # back to the person's page, their typing intact
    assert page_key(k) == "name" and k.page().blocks["first_name"].editor.text() == "Mòrag"

    k.click(window.adviser_button)  # the discreet control opens the same page, emptied
    assert window.exit_page.passphrase.text() == ""
    k.type(PASSPHRASE)
    k.click(window.exit_page.leave)
    k.qtbot.waitUntil(lambda: bool(exited), timeout=5000)
    assert not window.isVisible() and not k.session._autolock_suspended
    assert FIRST_NAME not in texts_on_screen(window)
    actions = [r[0] for r in k.store.db.query("SELECT action FROM audit ORDER BY seq")]
    assert "kiosk_start" in actions and actions[-1] == "kiosk_stop"


def test_guessing_the_passphrase_is_slowed_down(kiosk: Kiosk) -> None:
    k = kiosk
    k.window.request_exit()
    for _ in range(3):
        k.window.exit_page.passphrase.setText("wrong guess number x")
        k.click(k.window.exit_page.leave)
        k.settle()
    k.window.exit_page.passphrase.setText(PASSPHRASE)
    k.click(k.window.exit_page.leave)
    k.settle()
    assert "wait 30 seconds" in k.window.exit_page.error.text()
    assert k.window.isVisible()
    k.clock.advance(31)
    k.click(k.window.exit_page.leave)
    k.qtbot.waitUntil(lambda: not k.window.isVisible(), timeout=5000)


# -- accessible by design ------------------------------------------------------------------------------


def test_every_page_has_its_step_named_inputs_and_sensitive_personal_fields(kiosk: Kiosk) -> None:
    k = kiosk
    seen = set()
    while page_key(k) != "check":
        page = k.page()
        seen.add(page.page.key)
        assert page.caption.text().startswith(f"Step {len(seen)} of {len(k.window.flow.pages)}: ")
        for f in page.page.fields:
            editor = page.blocks[f.name].editor
            assert editor.accessibleName(), f.name
            inputs = editor.findChildren(QWidget) + [editor]
            for widget in inputs:
                if isinstance(widget, (QLineEdit, QAbstractButton)):
                    assert widget.accessibleName(), (f.name, widget)
                if isinstance(widget, QLineEdit) and f.sensitive:
                    assert widget.inputMethodHints() & Qt.InputMethodHint.ImhSensitiveData
            if isinstance(editor, ChoiceGroup):
                assert editor.value() == ""  # nothing pre-ticked
        k.answer_by_keyboard(PERSON.get(page.page.key, {}))
    assert {"consent_support", "name", "dob", "q1_qualification", "services"} <= seen
    # The display toggles sit on every screen, above the pages.
    assert k.window.contrast_button.isVisible() and k.window.text_button.isVisible()


def test_high_contrast_and_larger_text_change_the_look_and_reset_for_the_next_person(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "name")
    heading = k.page().heading
    normal = heading.font().pointSizeF()
    k.click(k.window.text_button)
    assert heading.font().pointSizeF() > normal
    k.click(k.window.contrast_button)
    assert k.window.property("contrast") == "high"
    assert heading.palette().color(heading.foregroundRole()).lightness() > 200  # white on black
    k.window.reset()
    assert k.window.property("contrast") == "normal" and k.window.property("textsize") == "normal"


def test_every_string_goes_through_the_translation_system(kiosk: Kiosk) -> None:
    class Marker(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802
            return f"⟦{source}⟧" if source else source

    k = kiosk
    marker = Marker()
    QCoreApplication.installTranslator(marker)
    try:
        k.window.reset()
        checked = 0
        while True:
            page = k.window.current_page()
            for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
                text = widget.text()
                if (
                    not text
                    or not widget.isVisibleTo(page)
                    or widget.objectName() in ("kioskNotice", "kioskSubheading")
                    and page.page.key == "privacy"
                ):
                    continue  # the privacy notice is the exact versioned text people agree to
                assert "⟦" in text, (page.page.key, text)
                checked += 1
            if page.page.key == "name":
                break
            k.answer_by_keyboard(PERSON.get(page.page.key, {}))
        assert checked > 20
    finally:
        QCoreApplication.removeTranslator(marker)
        k.window.reset()


def test_a_reviewed_translation_offers_its_language_for_one_person_only(kiosk: Kiosk, tmp_path) -> None:
    """Polish as an example: the shipped drafts, marked reviewed and compiled, picked on welcome."""
    k = kiosk
    k.window._translations = tmp_path
    k.window.reset()
    assert not [b for b in k.page().findChildren(QAbstractButton) if b.text() == "Polski"]
    reviewed_copy(tmp_path, "pl")
    k.window.reset()
    polski = next(b for b in k.page().findChildren(QAbstractButton) if b.text() == "Polski")
    k.click(polski)
    assert k.page().caption.text().startswith(f"Krok 1 z {len(k.window.flow.pages)}")  # a subclass
    _go_to(k, "name")
    assert k.page().heading.text() == "Jak się nazywasz?"
    assert k.page().blocks["first_name"].label.text() == "Imię"
    assert k.window.back_button.text() == "Wstecz"
    k.window.reset()  # the next person starts in English
    _go_to(k, "name")
    assert k.page().heading.text() == "What is your name?" and k.window.back_button.text() == "Back"


def test_screenshots_for_the_docs_cover_each_step_and_write_nothing(kiosk: Kiosk, tmp_path) -> None:
    from PySide6.QtGui import QImage

    from tools.screenshots.kiosk import render_screenshots

    k = kiosk
    k.window.stop()
    k.settle()
    before = all_counts(k.store)
    paths = render_screenshots(k.session, k.event, tmp_path)
    names = {p.name for p in paths}
    for step in (
        "welcome",
        "privacy",
        "consent",
        "name-errors",
        "date-of-birth",
        "question",
        "help",
        "check-answers",
        "thank-you",
        "declined",
        "still-there",
        "adviser-exit",
    ):
        assert any(step in name for name in names), step
    image = QImage(str(paths[0]))
    assert (image.width(), image.height()) == (1366, 768)
    k.settle()
    assert all_counts(k.store) == before


def test_larger_text_is_half_as_big_again_everywhere_the_header_included(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "name")
    shown = [
        w
        for w in k.window.findChildren(QWidget)
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)) and w.isVisible()
    ]
    assert k.window.title in shown and k.window.adviser_button in shown
    normal = {w: w.font().pointSizeF() for w in shown}
    k.click(k.window.text_button)
    small = [
        (type(w).__name__, w.objectName(), normal[w], w.font().pointSizeF())
        for w in shown
        if w.font().pointSizeF() < 1.5 * normal[w] - 0.01
    ]
    assert small == []


def test_clearing_answers_is_asked_with_a_warning_button_not_the_green_one(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "name")
    k.click(k.window.clear_button)
    assert k.window.current_page() is k.window.clear_confirm
    assert k.window.clear_confirm.yes.objectName() == "kioskWarning"
    assert k.window.next_button.objectName() == "kioskPrimary"  # green stays for moving on


def test_each_yes_and_no_says_to_a_screen_reader_which_organisation_it_answers(kiosk: Kiosk) -> None:
    k = kiosk
    _go_to(k, "consent_share")
    page = k.page()
    names = [
        b.accessibleName() for b in page.findChildren(QAbstractButton) if b.property("value") in ("yes", "no")
    ]
    assert len(names) >= 20 and len(set(names)) == len(names)
    for block in page.blocks.values():
        partner = block.label.text()
        assert {f"{partner}: Yes", f"{partner}: No"} <= set(names), partner
    k.click(k.window.next_button)  # nothing chosen: one "Select yes or no" link per organisation
    links = [link.accessibleName() for link in page.summary.links]
    assert links == [f"{b.label.text()}: Select yes or no" for b in page.blocks.values()]


def test_pages_start_on_a_control_and_scroll_by_keyboard_without_a_stop_of_their_own(kiosk: Kiosk) -> None:
    k = kiosk
    assert QApplication.focusWidget() is k.window.next_button  # "Start now", not a heading
    _go_to(k, "privacy")
    page = k.page()
    assert QApplication.focusWidget() is k.window.next_button
    assert page.scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert page.scroll.viewport().focusPolicy() == Qt.FocusPolicy.NoFocus
    for bar in (page.scroll.verticalScrollBar(), page.scroll.horizontalScrollBar()):
        assert bar.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    bar = page.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    k.key(Qt.Key.Key_PageDown)
    assert bar.value() > 0
    k.key(Qt.Key.Key_PageUp)
    assert bar.value() == 0
    assert page_key(k) == "privacy"
