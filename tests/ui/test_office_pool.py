"""The office window on the central database shares a bounded pool of connections.

Several operations at once (here: eight threads on the unlocked session's store, then the window's
own screens) never open more than ``POOL_SIZE`` connections at the server, as its own
``pg_stat_activity`` shows for our application name, and they reuse those connections rather than
connecting for each. Locking the window closes the pool: the server then has none of ours.
"""

from __future__ import annotations

import threading
import uuid

from PySide6.QtCore import Qt

from pace_desktop.office.central import open_central
from pace_desktop.store.pg.connect import connect
from pace_desktop.store.pg.database import POOL_SIZE
from tests.pg.conftest import pg, pg_db  # noqa: F401 - a real PostgreSQL cluster, fixtures
from tests.pg.test_office_commands_on_server import move_to_server
from tests.ui.conftest import PASSPHRASE, settle
from tests.ui.office_fixtures import central_path, office_world  # noqa: F401 - fixtures
from tests.ui.test_office import make_window, show_tab


def ours(watcher, name: str) -> int:
    """Connections the server has open for ``name`` (our application name), seen from outside."""
    return watcher.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", (name,)
    ).fetchone()[0]


def test_the_office_window_reuses_at_most_pool_size_connections(
    qtbot, central_path, pg_db, clock, wall_clock, monkeypatch
):
    move_to_server(open_central(central_path, PASSPHRASE), pg_db, monkeypatch)  # no TLS on its socket
    name = f"pace-pool-test-{uuid.uuid4().hex[:8]}"
    window = make_window(qtbot, central_path, clock, wall_clock, f"{pg_db}&application_name={name}")
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.home is not None, timeout=10000)
    settle(qtbot, window.session)
    db = window.session.store.db

    with connect(pg_db, allow_insecure=True, autocommit=True) as watcher:
        # Twice the pool's size of transactions at once: each holds its connection until released,
        # so the pool is full and the rest wait for one to come back.
        inside = threading.Semaphore(0)
        release = threading.Event()
        pids: list[int] = []
        failures: list[BaseException] = []

        def operation() -> None:
            try:
                with db.transaction():
                    pids.append(db.scalar("SELECT pg_backend_pid()"))
                    db.scalar("SELECT count(*) FROM clients")
                    inside.release()
                    release.wait(timeout=30)
            except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                failures.append(exc)

        threads = [threading.Thread(target=operation) for _ in range(2 * POOL_SIZE)]
        for thread in threads:
            thread.start()
        for _ in range(POOL_SIZE):
            assert inside.acquire(timeout=30)
        assert ours(watcher, name) == POOL_SIZE
        release.set()
        for thread in threads:
            thread.join(timeout=60)
        assert not failures
        assert len(pids) == 2 * POOL_SIZE
        assert len(set(pids)) <= POOL_SIZE  # the second half ran on connections the first gave back

        # The window's own screens, after all that, still within the pool.
        show_tab(qtbot, window, window.home.history)
        show_tab(qtbot, window, window.home.devices)
        assert 1 <= ours(watcher, name) <= POOL_SIZE

        window.session.lock()
        assert ours(watcher, name) == 0  # the pool closed with the session: nothing left open
