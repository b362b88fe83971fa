""" "Send to office" in the export dialog, clicked as an adviser would, against the real relay."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pace_desktop.exchange.officekey import SETTING_RELAY_PIN, SETTING_RELAY_URL
from pace_desktop.sync.office import office_sync
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import register
from tests.ui.conftest import FakeClock, _styled_app, make_session, settle  # noqa: F401 - the app as people see it


def open_dialog(qtbot, path):
    from pace_desktop.ui.dialogs.export_dialog import ExportDialog

    session = make_session(path, FakeClock(), FakeClock(1_900_000_000.0))
    session.unlock(PASSPHRASE)
    settle(qtbot, session)
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, session)
    return session, dialog


def test_send_to_office_sends_and_says_what_happened(qtbot, relay, enrolled, laptop, laptop_path):
    register(laptop, 3)
    laptop.set_settings({SETTING_RELAY_URL: relay.url, SETTING_RELAY_PIN: relay.pin})
    office_sync(enrolled, relay.office_client())
    laptop.close()
    session, dialog = open_dialog(qtbot, laptop_path)
    shown: list[str] = []  # the state line each time the sync reports a step, as the adviser sees it
    dialog.send.stepped.connect(lambda _text: shown.append(dialog.send.state.text()))
    try:
        assert dialog.send.isVisible()
        qtbot.mouseClick(dialog.send.button, Qt.MouseButton.LeftButton)
        settle(qtbot, session)
        assert shown == ["Making the bundle…", "Sending bundle 1 of 1…", "Fetching receipts…"]
        assert dialog.send.state.text() == "Sent."
        assert dialog.send.result.text() == "1 bundle sent, 0 records confirmed by the office."
        office_sync(enrolled, relay.office_client())
        shown.clear()
        qtbot.mouseClick(dialog.send.button, Qt.MouseButton.LeftButton)
        settle(qtbot, session)
        assert shown == ["Fetching receipts…", "Applying office file 1 of 1…"]
        assert "0 bundles sent, " in dialog.send.result.text()
        assert "records confirmed by the office." in dialog.send.result.text()
        assert not dialog.send.result.text().startswith("0 bundles sent, 0 records")
    finally:
        session.lock()


def test_offline_says_so_in_one_line(qtbot, relay, laptop, laptop_path):
    from tests.sync.conftest import free_port

    register(laptop, 1)
    laptop.set_settings({SETTING_RELAY_URL: f"https://127.0.0.1:{free_port()}", SETTING_RELAY_PIN: relay.pin})
    laptop.close()
    session, dialog = open_dialog(qtbot, laptop_path)
    try:
        qtbot.mouseClick(dialog.send.button, Qt.MouseButton.LeftButton)
        settle(qtbot, session)
        text = dialog.send.result.text()
        assert "No connection to the office relay" in text and "stays queued" in text and "\n" not in text
    finally:
        session.lock()


def test_without_a_relay_the_button_is_not_offered(qtbot, laptop, laptop_path):
    laptop.close()
    session, dialog = open_dialog(qtbot, laptop_path)
    try:
        assert not dialog.send.isVisible()
    finally:
        session.lock()
