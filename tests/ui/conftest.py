"""Shared fixtures for the GUI tests: real stores (copied from templates), fake clocks, the
adviser's window.

Argon2id makes each unlock cost ~0.2 s by design, so stores are made once per test session and
copied (the three files) for each test. Everyone here is fictional.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass  # noqa: E402 - Qt's platform must be chosen before any Qt import
from datetime import date, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests.conftest import ADVISER, PASSPHRASE, copy_store  # noqa: E402

__all__ = ["ADVISER", "PASSPHRASE", "FakeClock", "KnownEvent"]


class FakeClock:
    """A clock that moves only when told: ``clock()`` reads it, ``clock.advance(s)`` moves it on."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass(frozen=True)
class KnownEvent:
    """The hand-made event in the demo template, and the fictional people registered at it."""

    event_id: str
    employer: str
    clients: dict[str, dict[str, str | None]]  # surname -> pace_id, ni, postcode
    review_surname: str
    total_events: int


KNOWN_PEOPLE = [
    # first, last, postcode, NI number, band, needs review (registered at the kiosk)
    ("Eilidh", "MacFadyen", "G51 2AB", "JT123456A", "high", False),
    ("Paweł", "Nowakowski", "EH6 7QR", None, "low", False),
    ("Ayesha", "Siddiqui", "G20 9XY", "AB987654C", "medium", True),
    ("Ruairidh", "MacLeod", "PA4 8LL", None, None, False),
]


@pytest.fixture(scope="session", autouse=True)
def _styled_app(qapp):
    """Tests see the app as people do: the real stylesheet (sizes, focus rules) is applied once."""
    from pace_desktop.ui import style

    style.apply(qapp)
    return qapp


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> tuple[Path, KnownEvent]:
    """A store with fictional demo events and one known event with four known people."""
    from pace_desktop.demo import seed
    from pace_desktop.records.models import ChecklistRecord, Client, Event, EventType, RecordSource
    from pace_desktop.store.store import Store

    path = tmp_path_factory.mktemp("demo-template") / "pace.store"
    store = Store.create(path, adviser=ADVISER, passphrase=PASSPHRASE, device_name="Test laptop")
    seed(store, events=3, clients=30)
    event = store.events.add(
        Event(
            employer_name="Kelvin Test Works",
            site_address="1 Test Quay",
            site_postcode="G51 1AA",
            council_area="S12000049",
            sector="Manufacturing",
            event_date=date.today() + timedelta(days=7),
            event_type=EventType.group_session,
            hr1_reference="HR1-55555",
            number_affected=80,
        )
    )
    people: dict[str, dict[str, str | None]] = {}
    for first, last, postcode, ni, band, review in KNOWN_PEOPLE:
        client = Client(
            event_id=event.id,
            first_name=first,
            last_name=last,
            postcode=postcode,
            ni_number=ni,
            needs_review=review,
            source=RecordSource.kiosk if review else RecordSource.adviser,
        )
        checklist = (
            None
            if band is None
            else ChecklistRecord(
                client_id=client.id,
                checklist_version="ltu-1",
                score=10,
                band=band,
                answers={"q5_dependants": "no"},
            )
        )  # a real answer: the score counts
        saved = store.register(client, [], checklist)
        people[last] = {"pace_id": saved.pace_id, "ni": ni, "postcode": postcode}
    store.close()
    known = KnownEvent(str(event.id), "Kelvin Test Works", people, "Siddiqui", total_events=4)
    return path, known


@pytest.fixture
def known_event(demo_template) -> KnownEvent:
    return demo_template[1]


@pytest.fixture
def demo_store_path(demo_template, tmp_path) -> Path:
    """A fresh copy of the demo store, closed."""
    return copy_store(demo_template[0], tmp_path / "demo")


@pytest.fixture
def clock() -> FakeClock:
    """The session's idle clock (monotonic)."""
    return FakeClock()


@pytest.fixture
def wall_clock() -> FakeClock:
    """The unlock back-off's wall clock."""
    return FakeClock(1_900_000_000.0)


def make_session(path: Path, clock: FakeClock, wall_clock: FakeClock):
    from pace_desktop.ui.session import Session

    return Session(path, clock=clock, wall_clock=wall_clock)


@pytest.fixture
def session_factory(qtbot, clock, wall_clock):
    """``session_factory(path)``: a Session on ``path`` with the fake clocks; locked again after the
    test.
    """
    made = []

    def make(path: Path):
        session = make_session(path, clock, wall_clock)
        made.append(session)
        return session

    yield make
    for session in made:
        # Lock first, as closing the app does: open forms keep drafts and close without asking,
        # so no "unsaved changes?" box can wait for a click that never comes.
        session.worker.wait()
        session.lock()
        qtbot.wait(1)


@pytest.fixture
def window_factory(qtbot, session_factory):
    """``window_factory(path)``: the adviser's window over a new session, at laptop size."""

    def make(path: Path):
        from pace_desktop.ui.main_window import MainWindow

        session = session_factory(path)
        window = MainWindow(session)
        qtbot.addWidget(window)
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.platformName() == "xcb":  # a real screen: sized as the app sizes it
            from pace_desktop.ui.widgets.fit import fit_to_screen

            fit_to_screen(window, 1280, 800)
        else:
            window.resize(1366, 768)
        window.show()
        window.activateWindow()  # keyboard shortcuts and focus need the active window
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        return window

    return make


def unlock(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase on the unlock screen, press Enter, and wait for the events to show."""
    from PySide6.QtCore import Qt

    screen = window.unlock
    screen.passphrase.clear()
    screen.passphrase.setFocus()
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    settle(qtbot, window.session)


def active_dialog(qtbot, kind, timeout: int = 3000):
    """Wait for a modal dialog of class ``kind`` and make it the active window, as a person's click
    would.
    """
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=timeout)
    dialog = QApplication.activeModalWidget()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=timeout)
    return dialog


def settle(qtbot, session) -> None:
    """Wait for the worker's queued work and let its results reach the widgets."""
    session.worker.wait()
    qtbot.waitUntil(lambda: not session.worker.busy, timeout=10000)
    qtbot.wait(1)


@pytest.fixture
def unlocked_window(qtbot, window_factory, demo_store_path):
    """The main window, unlocked on a copy of the demo store, showing home."""
    window = window_factory(demo_store_path)
    unlock(qtbot, window)
    return window


@pytest.fixture
def empty_window(qtbot, window_factory, store_path):
    """The main window, unlocked on a copy of an empty store."""
    window = window_factory(store_path)
    unlock(qtbot, window)
    return window
