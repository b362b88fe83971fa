"""Settings: every change asks for the signed-in adviser's passphrase again, and does nothing
without it."""

from __future__ import annotations

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt

from pace_desktop.exchange.officekey import OfficeKey
from pace_desktop.ui.dialogs.advisers import AddAdviserDialog, ChangePassphraseDialog
from pace_desktop.ui.dialogs.settings_dialog import SettingsDialog
from pace_desktop.ui.widgets.reauth import ReauthDialog
from tests.ui.conftest import ADVISER, PASSPHRASE, active_dialog, settle

SECOND = "Catrìona Nic a' Phearsain"
SECOND_PASSPHRASE = "lighthouse porridge tandem"


@pytest.fixture
def settings(qtbot, empty_window) -> SettingsDialog:
    qtbot.keyClick(empty_window.home.upcoming.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    return active_dialog(qtbot, SettingsDialog)


def confirm_with(qtbot, passphrase: str) -> ReauthDialog:
    dialog = active_dialog(qtbot, ReauthDialog)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    settle(qtbot, dialog.session)
    return dialog


def fill_new_adviser(qtbot, dialog: AddAdviserDialog, mine: str) -> None:
    dialog.name.setText(SECOND)  # QTest can only type ASCII; the name's accent is the point here
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.new, SECOND_PASSPHRASE)
    qtbot.keyClick(dialog.new, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.again, SECOND_PASSPHRASE)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.mine, mine)
    qtbot.keyClick(dialog.mine, Qt.Key.Key_Return)
    settle(qtbot, dialog.session)


def advisers_listed(settings: SettingsDialog) -> list[str]:
    return [settings.advisers.item(i).text() for i in range(settings.advisers.count())]


def test_adding_an_adviser_needs_the_current_passphrase(qtbot, settings):
    store = settings.session.store
    assert advisers_listed(settings) == [f"{ADVISER} (you)"]
    qtbot.mouseClick(settings.add_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, AddAdviserDialog)

    fill_new_adviser(qtbot, dialog, "not my passphrase at all")
    assert dialog.isVisible()
    assert dialog.mine_row.message.text().startswith("That is not your passphrase")
    assert store.keys.advisers == [ADVISER]

    dialog.mine.clear()
    qtbot.keyClicks(dialog.mine, PASSPHRASE)
    qtbot.keyClick(dialog.mine, Qt.Key.Key_Return)
    settle(qtbot, settings.session)
    assert not dialog.isVisible()
    assert advisers_listed(settings) == [f"{ADVISER} (you)", SECOND]
    assert settings.done_banner.text() == "The adviser was added."
    # The new adviser's own passphrase opens this store.
    assert store.verify_passphrase(SECOND_PASSPHRASE) == SECOND


def test_a_weak_or_mismatched_new_passphrase_is_refused_beside_its_field(qtbot, settings):
    settings.add_adviser()
    dialog = active_dialog(qtbot, AddAdviserDialog)
    dialog.name.setText(SECOND)
    qtbot.keyClicks(dialog.new, "too short")
    qtbot.keyClicks(dialog.again, "too short")
    qtbot.keyClicks(dialog.mine, PASSPHRASE)
    qtbot.keyClick(dialog.mine, Qt.Key.Key_Return)
    assert "at least 12 characters" in dialog.new_row.message.text()
    dialog.new.clear()
    qtbot.keyClicks(dialog.new, SECOND_PASSPHRASE)
    qtbot.keyClick(dialog.mine, Qt.Key.Key_Return)
    assert "different" in dialog.again_row.message.text()
    assert settings.session.store.keys.advisers == [ADVISER]


def test_time_limits_are_saved_only_after_the_passphrase(qtbot, settings):
    store = settings.session.store
    settings.tabs.setCurrentIndex(2)
    lock = settings.limits["autolock_minutes"]
    lock.setFocus()
    lock.selectAll()
    qtbot.keyClicks(lock, "10")
    qtbot.mouseClick(settings.limits_button, Qt.MouseButton.LeftButton)
    wrong = confirm_with(qtbot, "a guess that is wrong")
    assert wrong.isVisible() and wrong.row.message.text().startswith("That is not your passphrase")
    assert store.int_setting("autolock_minutes") == 5
    wrong.reject()

    qtbot.mouseClick(settings.limits_button, Qt.MouseButton.LeftButton)
    confirm_with(qtbot, PASSPHRASE)
    assert store.int_setting("autolock_minutes") == 10
    assert settings.done_banner.text() == "The time limits were saved."
    assert settings.session.autolock_seconds == 600


def test_removing_an_adviser_needs_the_passphrase_and_you_cannot_remove_yourself(qtbot, settings):
    store = settings.session.store
    store.add_adviser(SECOND, SECOND_PASSPHRASE)
    settings.refresh()
    settings.advisers.setCurrentRow(0)
    assert not settings.remove_button.isEnabled()  # yourself
    settings.advisers.setCurrentRow(1)
    assert settings.remove_button.isEnabled()
    qtbot.mouseClick(settings.remove_button, Qt.MouseButton.LeftButton)
    confirm_with(qtbot, PASSPHRASE)
    assert store.keys.advisers == [ADVISER]
    assert advisers_listed(settings) == [f"{ADVISER} (you)"]


def test_changing_your_passphrase_needs_the_current_one(qtbot, settings):
    store = settings.session.store
    settings.change_passphrase()
    dialog = active_dialog(qtbot, ChangePassphraseDialog)
    qtbot.keyClicks(dialog.old, "what I think it was")
    qtbot.keyClicks(dialog.new, SECOND_PASSPHRASE)
    qtbot.keyClicks(dialog.again, SECOND_PASSPHRASE)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    settle(qtbot, settings.session)
    assert dialog.old_row.message.text() == "That is not your current passphrase: try again."

    dialog.old.clear()
    qtbot.keyClicks(dialog.old, PASSPHRASE)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    settle(qtbot, settings.session)
    assert not dialog.isVisible()
    assert store.verify_passphrase(SECOND_PASSPHRASE) == ADVISER


def test_the_office_key_is_checked_then_saved_after_the_passphrase(qtbot, settings, tmp_path):
    store = settings.session.store
    settings.tabs.setCurrentIndex(1)
    assert settings.office_status.text().startswith("No office key yet")
    not_a_key = tmp_path / "notes.txt"
    not_a_key.write_text("meeting at ten\n", encoding="utf-8")
    qtbot.keyClicks(settings.office_file, str(not_a_key))
    qtbot.mouseClick(settings.office_button, Qt.MouseButton.LeftButton)
    assert "not an office key" in settings.office_row.message.text()

    recipient = str(pyrage.x25519.Identity.generate().to_public())
    signing = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    office_pub = tmp_path / "office.pub"
    office_pub.write_text(OfficeKey(recipient, "GLA1", signing).text(), encoding="utf-8")
    settings.office_file.setText(str(office_pub))
    qtbot.mouseClick(settings.office_button, Qt.MouseButton.LeftButton)
    confirm_with(qtbot, PASSPHRASE)
    assert store.office_recipient == recipient
    status = settings.office_status.text()
    assert status.startswith("Bundles are encrypted to the office key age1")
    assert "Receipts are checked against office GLA1" in status
