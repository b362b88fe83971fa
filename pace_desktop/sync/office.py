"""The office's side of a sync: tell the relay which laptops may send, import what they sent, post
the signed receipts and notices back.

A bundle is dropped from the relay only after its import is recorded in the central store's history
(accepted, already had, or refused with the reason) and, when accepted, after its receipt is posted:
an office PC that crashes mid-way imports the same bundle again next time, which the central store
recognises as already had.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pace_desktop.exchange.bundle import SUFFIX
from pace_desktop.exchange.files import write_durably
from pace_desktop.office.central import require_office
from pace_desktop.office.devices import devices, enrolled_key
from pace_desktop.sync.mailbox import device_list_document
from pace_desktop.sync.transport import RelayClient

if TYPE_CHECKING:
    from pace_desktop.office.importer import ImportResult
    from pace_desktop.store.store import Store

Progress = Callable[[str], None]


@dataclass
class OfficeSyncResult:
    active_devices: int = 0
    results: list[ImportResult] = field(default_factory=list)
    receipts_posted: int = 0
    notices_posted: int = 0
    references_posted: int = 0

    def summary(self) -> str:
        verdicts = [r.verdict for r in self.results]
        counts = {v: verdicts.count(v) for v in ("accepted", "already_had", "refused")}
        return (
            f"{len(self.results)} bundles fetched from the relay: {counts['accepted']} accepted, "
            f"{counts['already_had']} already had, {counts['refused']} refused; "
            f"{self.receipts_posted} receipts and {self.notices_posted} notices posted back"
            + (
                f"; the reference update sent to {self.references_posted} "
                f"{'laptop' if self.references_posted == 1 else 'laptops'}."
                if self.references_posted
                else "."
            )
        )


def push_devices(central: Store, client: RelayClient) -> int:
    """Send the relay the office's signed list of laptops, retired ones marked; returns those active."""
    listed = []
    for device in devices(central):
        key = enrolled_key(central, device.device_id)
        if key is not None:
            listed.append((device.device_id, key.public, device.retired_at is not None))
    document = device_list_document(listed, office_id=central.device_id, signing_key=central.signing_key())
    reply = client.expect(client.request("PUT", "/v1/office/devices", document), 200)
    return int(reply.json()["active_devices"])


def relay_client(central: Store) -> RelayClient:
    """The relay this office store was told about, with this staff member's own token."""
    from pace_desktop.errors import UsageError
    from pace_desktop.exchange.officekey import SETTING_RELAY_PIN, SETTING_RELAY_URL

    url, pin = central.setting(SETTING_RELAY_URL), central.setting(SETTING_RELAY_PIN)
    token = central.setting(token_setting(central))
    if not (url and pin and token):
        raise UsageError("Set the relay's address, its pin and your access token first.")
    return RelayClient(url, pin, token=token)


def token_setting(central: Store) -> str:
    """Each member of staff keeps their own relay token; the setting's name (which the audit log
    records) carries a hash of theirs, not the name itself."""
    return "relay_token_" + hashlib.sha256(central.actor.encode()).hexdigest()[:16]


def remember_relay(central: Store, url: str, pin: str, token: str) -> None:
    """Save the relay's address and pin for this office, and the token for this member of staff."""
    from pace_desktop.exchange.officekey import SETTING_RELAY_PIN, SETTING_RELAY_URL
    from pace_desktop.sync.transport import parse_pin, parse_url

    parse_url(url)
    central.set_settings(
        {SETTING_RELAY_URL: url, SETTING_RELAY_PIN: parse_pin(pin), token_setting(central): token.strip()}
    )


def quarantine(central: Store) -> Path:
    """Where refused bundles fetched from the relay are kept, never deleted silently: the office can
    look at one, or send it for support, before removing it.

    Beside the central store file, ``central.store.quarantine``. When the central database is on
    PostgreSQL the file is still on this PC as the office's keyring (``Store.path`` stays its path:
    ``open_central_on_server``), so the folder is beside the keyring: the server keeps no files,
    and a refused bundle is still age-encrypted to the office. Owner-only: the folder 0o700, each
    file in it 0o600.
    """
    return central.path.with_name(central.path.name + ".quarantine")


def _fetch_one(
    central: Store, client: RelayClient, device: str, sha: str, folder: Path, result: OfficeSyncResult
) -> ImportResult:
    from pace_desktop.errors import PaceError, RoleRefused
    from pace_desktop.office.importer import ImportResult, import_bundle
    from pace_desktop.sync.transport import Offline

    name = f"{device}-{sha[:12]}{SUFFIX}"
    route = f"/v1/office/bundles/{device}/{sha}"
    path: Path | None = None
    outcome: ImportResult | None = None
    try:
        data = client.expect(client.request("GET", route), 200).body
        path = write_durably(folder / f"{sha}{SUFFIX}", data)  # age-encrypted, as it came
        outcome = import_bundle(central, path, receipts_dir=folder)
        if outcome.verdict == "refused":
            # Undecryptable, forged, not a bundle, breaking a rule: recorded in the import history
            # with its reason, and kept here rather than dropped.
            quarantine(central).mkdir(mode=0o700, exist_ok=True)
            kept = write_durably(quarantine(central) / name, data, mode=0o600)
            outcome = replace(outcome, warnings=(*outcome.warnings, f"The file is kept in {kept}."))
        elif outcome.receipt_path is not None and outcome.device_id is not None:
            client.expect(
                client.request(
                    "PUT",
                    f"/v1/office/mail/{outcome.device_id}/{outcome.receipt_path.name}",
                    outcome.receipt_path.read_bytes(),
                ),
                201,
            )
            result.receipts_posted += 1
        client.expect(client.request("DELETE", route), 204)
    except (Offline, RoleRefused):
        # Offline: try again later. Refused by the central database for this login's roles: every
        # other bundle would be refused alike, so the sync stops with that one line.
        raise
    except (PaceError, OSError) as exc:
        # Left on the relay for the next office sync (a refusal already recorded stays recorded).
        reason = str(exc) if isinstance(exc, PaceError) else "it could not be saved on this computer"
        if outcome is None:
            outcome = ImportResult(name, "refused", f"Not imported: {reason} It stays at the relay.", "fetch")
        else:
            outcome = replace(outcome, warnings=(*outcome.warnings, f"{reason} It stays at the relay."))
    finally:
        for leftover in (path, outcome.receipt_path if outcome is not None else None):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    leftover.unlink()
    # The receipt went back through the relay; no file of it is left here to point to.
    return replace(outcome, receipt_path=None)


def office_sync(central: Store, client: RelayClient, *, progress: Progress | None = None) -> OfficeSyncResult:
    from pace_desktop.privacy.notice_queue import queued_devices
    from pace_desktop.privacy.notices import file_name as notice_name
    from pace_desktop.privacy.notices import make_notice

    require_office(central)
    say = progress or (lambda text: None)
    result = OfficeSyncResult(active_devices=push_devices(central, client))
    listing = client.expect(client.request("GET", "/v1/office/bundles"), 200).json()["bundles"]
    with tempfile.TemporaryDirectory(prefix="pace-relay-") as staging:
        folder = Path(staging)
        for number, item in enumerate(listing, start=1):
            device, sha = str(item["device_id"]), str(item["sha256"])
            say(f"Importing bundle {number} of {len(listing)}…")
            # One bad file never stops the rest: it is named in one line and the loop goes on.
            result.results.append(_fetch_one(central, client, device, sha, folder, result))
        for device in queued_devices(central):
            data, notice = make_notice(central, device)
            issued = datetime.fromisoformat(notice.issued_at)
            client.expect(
                client.request("PUT", f"/v1/office/mail/{device}/{notice_name(device, issued)}", data), 201
            )
            with central.transaction():
                central.audit("export", "notice", device, detail="sent_by_relay")
            result.notices_posted += 1
        result.references_posted = post_reference(central, client)
    return result


def post_reference(central: Store, client: RelayClient) -> int:
    """Post the office's current reference update to each active laptop not yet sent it; returns
    how many. Nothing when the office still uses the shipped data, which every laptop has."""
    from pace_desktop.exchange.reference_update import file_name, make_update
    from pace_desktop.store.reference_data import SENT_DETAIL, sent_to, stored_reference

    held = stored_reference(central.db)
    if held is None:
        return 0
    version = held.reference.version
    data = make_update(central, held.reference, held.issued_at)
    posted = 0
    sent = sent_to(central.db, version)
    for device in devices(central):
        if device.retired_at is not None or device.device_id in sent:
            continue
        route = f"/v1/office/mail/{device.device_id}/{file_name(held.reference)}"
        client.expect(client.request("PUT", route, data), 201)
        with central.transaction():
            # The record of the post, and what the next sync reads (``sent_to``).
            central.audit("export", "reference", version, detail=SENT_DETAIL + device.device_id)
        posted += 1
    return posted
