"""A laptop's sync: export what is new, send every unsent bundle, fetch and apply what the office sent.

Unsent bundles wait in ``<store>.outbox/`` (age-encrypted to the office: the laptop cannot read them
either). A bundle leaves that folder only after the relay has acknowledged it — which it does only
once the bundle is on its disk — so a cut connection or a crash at any point means a resend, never a
loss; the relay stores a resent bundle once. Receipts and notices are applied before the relay is
told to drop them, and applying one twice changes nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pace_desktop.errors import UsageError
from pace_desktop.exchange.bundle import SUFFIX
from pace_desktop.exchange.files import write_durably
from pace_desktop.exchange.officekey import SETTING_RELAY_PIN, SETTING_RELAY_URL
from pace_desktop.sync.transport import RelayClient

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

Progress = Callable[["SyncStep"], None]


@dataclass(frozen=True)
class SyncStep:
    """One step of a sync as it starts: ``kind`` is ``making``, ``sending``, ``fetching`` or
    ``applying``; ``number`` of ``total`` for the steps done once per file. ``str()`` is the English
    line the command line shows; the screens translate from the fields (``ui/sync_text.py``)."""

    kind: str
    number: int = 0
    total: int = 0

    def __str__(self) -> str:
        if self.kind == "making":
            return "Making the bundle…"
        if self.kind == "sending":
            return f"Sending bundle {self.number} of {self.total}…"
        if self.kind == "applying":
            return f"Applying office file {self.number} of {self.total}…"
        return "Fetching receipts…"


@dataclass(frozen=True)
class SyncResult:
    sent: int  # bundles the relay acknowledged
    confirmed: int  # records the office's receipts newly confirmed
    receipts: int
    notices: int
    exported: int  # records put into a new bundle by this sync
    references: int = 0  # the office's reference updates applied

    def summary(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count:,} {word}{'' if count == 1 else 's'}"

        text = f"{n(self.sent, 'bundle')} sent, {n(self.confirmed, 'record')} confirmed by the office"
        if self.notices:
            text += f", {n(self.notices, 'office notice')} applied"
        if self.references:
            text += ", the office's new reference data applied"
        return text + "."


SETTING_AUTO_SYNC = "auto_sync"  # "1": send by itself while unlocked and online (default off)
AUTO_SYNC_MINUTES = 15  # how often, after the first try at unlock


def auto_sync_enabled(store: Store) -> bool:
    """Whether this laptop syncs by itself (the machine's policy can fix it); needs a relay too."""
    return store.setting(SETTING_AUTO_SYNC) == "1" and bool(store.setting(SETTING_RELAY_URL))


def set_auto_sync(store: Store, on: bool) -> None:
    store.set_settings({SETTING_AUTO_SYNC: "1" if on else "0"})


def outbox(store: Store) -> Path:
    folder = store.path.with_name(store.path.name + ".outbox")
    folder.mkdir(exist_ok=True)
    return folder


def configure(store: Store, url: str, pin: str) -> None:
    """Remember the office relay's address and certificate pin (from the office's enrolment)."""
    from pace_desktop.sync.transport import parse_pin, parse_url

    parse_url(url)
    store.set_settings({SETTING_RELAY_URL: url, SETTING_RELAY_PIN: parse_pin(pin)})


def client_for(store: Store) -> RelayClient:
    url, pin = store.setting(SETTING_RELAY_URL), store.setting(SETTING_RELAY_PIN)
    if not url or not pin:
        raise UsageError(
            "This laptop has no office relay set: give the relay address and pin the office "
            "sent (pace-desktop sync --relay URL --pin PIN)."
        )
    return RelayClient(url, pin, device_id=store.device_id, device_key=store.signing_key())


def unsent(store: Store) -> list[Path]:
    return sorted(outbox(store).glob(f"*{SUFFIX}"))


def sync(
    store: Store,
    *,
    client: RelayClient | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> SyncResult:
    """One sync; raises ``transport.Offline`` (everything stays queued) when the relay is out of reach.

    ``progress`` is told each step as it starts (a ``SyncStep``: "Sending bundle 2 of 3…",
    "Fetching receipts…"); it is called on the thread the sync runs on.
    """
    from pace_desktop.exchange.export import export_bundle, pending_count
    from pace_desktop.exchange.reference_update import is_update
    from pace_desktop.privacy.notice_apply import apply_office_file, is_notice

    say = progress or (lambda step: None)
    client = client or client_for(store)
    folder = outbox(store)
    exported = 0
    if pending_count(store):
        say(SyncStep("making"))
        exported = export_bundle(store, folder, now=now).records
    sent = 0
    waiting = unsent(store)
    for number, path in enumerate(waiting, start=1):
        say(SyncStep("sending", number, len(waiting)))
        client.expect(client.request("PUT", "/v1/bundles", path.read_bytes()), 200, 201)
        path.unlink()  # acknowledged: the relay holds it on disk
        sent += 1
    confirmed = receipts = notices = references = 0
    say(SyncStep("fetching"))
    files = list(client.expect(client.request("GET", "/v1/mail"), 200).json().get("files", []))
    for number, item in enumerate(files, start=1):
        name = str(item["name"])
        say(SyncStep("applying", number, len(files)))
        data = client.expect(client.request("GET", f"/v1/mail/{name}"), 200).body
        # Receipts and notices hold ids, versions and dates only; the copy is removed once applied.
        temp = write_durably(folder / f".{name}", data)
        try:
            result = apply_office_file(store, temp, now=now)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
        if is_notice(data):
            notices += 1
        elif is_update(data):
            references += 1
        else:
            receipts += 1
            confirmed += getattr(result, "confirmed", 0)
        client.expect(client.request("DELETE", f"/v1/mail/{name}"), 204, 404)
    with store.transaction():
        detail = f"sent={sent},receipts={receipts},notices={notices},references={references}"
        store.audit("export", "sync", detail=detail)
    return SyncResult(sent, confirmed, receipts, notices, exported, references)
