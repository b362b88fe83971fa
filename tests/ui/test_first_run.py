"""First run: three steps create an encrypted store with its first adviser, which then unlocks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import settle, unlock

NEW_PASSPHRASE = "kettle harbour violet seven"


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_first_run_creates_a_store_that_then_unlocks(qtbot, window_factory, tmp_path):
    path = tmp_path / "laptop" / "pace.store"
    window = window_factory(path)
    screen = window.first_run
    assert window.stack.currentWidget() is screen
    assert screen.step_label.text() == "Step 1 of 3"

    # Step 1, by keyboard: name, Tab, passphrase, Tab, again, Enter.
    type_into(qtbot, screen.name, "Ailsa MacRae")
    qtbot.keyClick(screen.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(screen.passphrase, NEW_PASSPHRASE)
    assert screen.meter.label.text().startswith("Strength: Strong")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Tab)
    qtbot.keyClicks(screen.confirm, NEW_PASSPHRASE)
    qtbot.keyClick(screen.confirm, Qt.Key.Key_Return)
    assert screen.step_label.text() == "Step 2 of 3"

    qtbot.keyClicks(screen.device, "Glasgow laptop 3")
    qtbot.keyClick(screen.device, Qt.Key.Key_Return)
    assert screen.step_label.text() == "Step 3 of 3"
    assert screen.next_button.text() == "&Create store"
    qtbot.keyClick(screen.office_key, Qt.Key.Key_Return)  # no office key yet: "later"

    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    settle(qtbot, window.session)
    assert window.who.text() == "Ailsa MacRae  ·  Glasgow laptop 3"
    assert path.exists() and path.with_name("pace.store.keys").exists()

    # The new store locks and opens again with the passphrase chosen above.
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.unlock
    unlock(qtbot, window, NEW_PASSPHRASE)
    assert window.session.store.adviser == "Ailsa MacRae"


def test_short_passphrase_is_refused_beside_the_field(qtbot, window_factory, tmp_path):
    path = tmp_path / "pace.store"
    window = window_factory(path)
    screen = window.first_run
    type_into(qtbot, screen.name, "Ailsa MacRae")
    type_into(qtbot, screen.passphrase, "short one")
    assert screen.meter.label.text().startswith("Strength: Too short")
    type_into(qtbot, screen.confirm, "short one")
    qtbot.keyClick(screen.confirm, Qt.Key.Key_Return)

    assert screen.step_label.text() == "Step 1 of 3"
    assert screen.pass_row.message.isVisible()
    assert "at least 12 characters" in screen.pass_row.message.text()
    assert screen.passphrase.accessibleDescription() == screen.pass_row.message.text()
    assert window.focusWidget() is screen.summary.links[0]  # GOV.UK: focus moves to the summary
    assert "at least 12 characters" in screen.summary.links[0].text()
    assert not path.exists()

    # Different second copy: refused beside the second field.
    screen.passphrase.clear()
    type_into(qtbot, screen.passphrase, NEW_PASSPHRASE)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert not screen.pass_row.message.isVisible()
    assert "different" in screen.confirm_row.message.text()
    assert screen.step_label.text() == "Step 1 of 3"


def test_an_office_key_file_that_is_not_a_key_is_refused_beside_the_field(qtbot, window_factory, tmp_path):
    path = tmp_path / "pace.store"
    not_a_key = tmp_path / "office.pub"
    not_a_key.write_text("this is a shopping list\n", encoding="utf-8")
    window = window_factory(path)
    screen = window.first_run
    type_into(qtbot, screen.name, "Ailsa MacRae")
    type_into(qtbot, screen.passphrase, NEW_PASSPHRASE)
    type_into(qtbot, screen.confirm, NEW_PASSPHRASE)
    screen.go_next()
    screen.go_next()
    type_into(qtbot, screen.office_key, str(not_a_key))
    qtbot.keyClick(screen.office_key, Qt.Key.Key_Return)

    assert screen.office_row.message.isVisible()
    assert "not an office key" in screen.office_row.message.text()
    assert not path.exists()
    assert window.stack.currentWidget() is screen
