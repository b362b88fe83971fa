"""The office import tab fetches from the relay, as a member of staff clicks it: on the central store
file, and on the central database (a real PostgreSQL cluster the tests start; ``office migrate``
moved the office there after it first met the relay, its file kept as the keyring)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pace_desktop.office.central import open_central
from pace_desktop.sync.laptop import configure, sync
from pace_desktop.sync.office import office_sync
from pace_desktop.ui.office.session import CentralSession
from pace_desktop.ui.office.window import OfficeWindow
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import register
from tests.pg.conftest import pg, pg_db  # noqa: F401 - a real PostgreSQL cluster, fixtures
from tests.pg.test_office_commands_on_server import move_to_server
from tests.ui.conftest import FakeClock, settle


@pytest.mark.parametrize("engine", ["file", "postgresql"])
def test_staff_fetch_and_import_from_the_relay(
    qtbot, relay, enrolled, office_path, laptop, engine, request, monkeypatch
):
    register(laptop, 2)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    sync(laptop)
    enrolled.close()
    url = None
    if engine == "postgresql":  # the tests' private socket has no TLS: move_to_server allows it
        url = move_to_server(
            open_central(office_path, PASSPHRASE), request.getfixturevalue("pg_db"), monkeypatch
        )

    session = CentralSession(
        office_path, database=url, clock=FakeClock(), wall_clock=FakeClock(1_900_000_000.0)
    )
    window = OfficeWindow(session=session)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    settle(qtbot, session)
    try:
        page = window.home.import_page
        panel = page.relay
        qtbot.keyClicks(panel.url, relay.url)
        qtbot.keyClicks(panel.pin, relay.pin)
        qtbot.keyClicks(panel.token, relay.token)
        qtbot.mouseClick(panel.fetch_button, Qt.MouseButton.LeftButton)
        settle(qtbot, session)
        assert panel.banner.text() == ""
        assert page.model.column_texts(1) == ["Accepted"]
        assert panel.state.text().startswith("1 bundles fetched from the relay: 1 accepted")
        assert relay.mailbox().waiting() == [] and len(relay.mailbox().mail(laptop.device_id)) == 1
        # The laptop's people are where the office keeps them: the server, when it has one.
        assert (type(session.store.db).__name__ == "PgDatabase") == (url is not None)
        assert session.store.clients.count() == laptop.clients.count() == 2
        # The token was kept, under this member of staff's name: the next fetch needs only the click.
        assert panel.token.text() == "" and panel.token.placeholderText() == "(saved)"
        assert not panel.fields.isVisible() and panel.change_button.isVisible()
        qtbot.mouseClick(panel.fetch_button, Qt.MouseButton.LeftButton)
        settle(qtbot, session)
        assert panel.banner.text() == "" and panel.state.text().startswith("0 bundles fetched")
    finally:
        settle(qtbot, session)
        session.lock()
