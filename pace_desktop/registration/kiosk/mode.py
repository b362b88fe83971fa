"""Starting and leaving kiosk mode: the audit entries, and the guard against guessing the passphrase."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pace_desktop.errors import WrongPassphrase
from pace_desktop.records.models import Event
from pace_desktop.registration.kiosk.saving import KIOSK_ACTOR


def record_start(store: Any, event: Event) -> None:
    """Audit that the kiosk started for this event (the adviser who started it is the actor)."""
    with store.transaction():
        store.audit("kiosk_start", "event", str(event.id))


def record_stop(store: Any, event: Event, adviser: str) -> None:
    """Audit that ``adviser`` (whose passphrase was given) left kiosk mode."""
    before = store.actor
    store.actor = adviser
    try:
        with store.transaction():
            store.audit("kiosk_stop", "event", str(event.id))
    finally:
        store.actor = before


def check_exit(store: Any, event: Event, passphrase: str) -> str:
    """The adviser whose passphrase this is (audited as leaving kiosk mode), or WrongPassphrase.

    A wrong try is audited too, as the kiosk's: someone may be guessing at the kiosk.
    """
    try:
        adviser = str(store.verify_passphrase(passphrase))
    except WrongPassphrase:
        before = store.actor
        store.actor = KIOSK_ACTOR
        try:
            with store.transaction():
                store.audit("unlock_failed", "event", str(event.id), detail="kiosk_exit")
        finally:
            store.actor = before
        raise
    record_stop(store, event, adviser)
    return adviser


@dataclass
class ExitGuard:
    """Slows guessing at the adviser passphrase from the kiosk: after 3 wrong tries, a growing wait.

    Kept in memory: a restart ends kiosk mode anyway, and the store's unlock back-off then applies.
    """

    clock: Callable[[], float] = time.monotonic
    free_tries: int = 3
    first_wait: float = 30.0
    max_wait: float = 900.0
    failures: int = 0
    _until: float = 0.0

    def wait_seconds(self) -> float:
        return max(0.0, self._until - self.clock())

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= self.free_tries:
            extra = self.failures - self.free_tries
            self._until = self.clock() + min(self.max_wait, self.first_wait * 2**extra)

    def succeeded(self) -> None:
        self.failures = 0
        self._until = 0.0
