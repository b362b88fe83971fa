"""Fixtures for the client record and attendee import tests (U2): an unlocked session and an event.

The shared tests/ui/conftest.py is U1's; these build on its ``session_factory`` and are imported by
name in the two test modules that use them. Everyone here is fictional.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pace_desktop.records.enums import CaptureMethod
from pace_desktop.records.models import Client, Event, EventType
from pace_desktop.registration import build_checklist, build_consents
from tests.conftest import PASSPHRASE

__all__ = ["PASSPHRASE", "event", "register", "session", "shown"]


@pytest.fixture
def session(session_factory, store_path):
    """An unlocked session over a fresh copy of an empty store."""
    made = session_factory(store_path)
    made.unlock(PASSPHRASE)
    return made


@pytest.fixture
def event(session) -> Event:
    """A group session at a fictional employer in Glasgow, a week from today."""
    made = Event(
        employer_name="Clydeside Precision Castings Ltd",
        council_area="S12000049",
        sector="Manufacturing",
        event_date=date.today() + timedelta(days=7),
        event_type=EventType.group_session,
        site_postcode="G51 4XY",
    )
    return session.store.events.add(made)


def register(
    session,
    event: Event,
    *,
    consents: dict[str, bool] | None = None,
    answers: dict[str, str] | None = None,
    **fields,
) -> Client:
    """Put a registered person in the store, as the form or the kiosk would have."""
    store = session.store
    client = Client(
        event_id=event.id,
        **({"first_name": "Shona", "last_name": "Campbell", "date_of_birth": date(1979, 6, 14)} | fields),
    )
    made = build_consents(
        consents if consents is not None else {"pace_support": True},
        how=CaptureMethod.with_adviser,
        by=store.actor,
    )
    checklist = build_checklist(answers, client=client, event=event) if answers else None
    return store.register(client, made, checklist)


def shown(qtbot, dialog):
    """Show a dialog as the adviser would see it, active so keyboard shortcuts work."""
    # At teardown the dialog closes without the unsaved-changes question (nobody is there to answer).
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "_locking", True))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog
