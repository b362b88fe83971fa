"""A laptop applying the office's notice file: its withdrawals and erasures, checked and applied.

``apply_office_file`` is what ``apply-receipt`` (and the GUI's "apply a file from the office") calls:
it hands receipts and reference updates to the exchange code and notices here, so advisers have one
action for whatever the office sent back.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.files import read_capped
from pace_desktop.exchange.receipt import MAX_RECEIPT_BYTES, ReceiptResult, apply_receipt
from pace_desktop.exchange.reference_update import (
    MAX_UPDATE_BYTES,
    ReferenceResult,
    apply_update_bytes,
    is_update,
)
from pace_desktop.exchange.signed import office_verify_key
from pace_desktop.privacy.erasure import FROM_OFFICE_REASON, remove_person
from pace_desktop.privacy.notices import (
    FORMAT,
    MAX_NOTICE_BYTES,
    OFFICE_LABEL,
    OfficeNotice,
    parse_notice,
    verify_notice,
)
from pace_desktop.privacy.people import checkpoint
from pace_desktop.store.office_notices import confirm_office_withdrawal

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


@dataclass(frozen=True)
class NoticeResult:
    """What applying a notice changed on the laptop."""

    withdrawn: int
    already_withdrawn: int
    erased: int
    not_here: int  # items about records this laptop does not hold (purged, or never here)

    def summary(self) -> str:
        return (
            f"Office notice applied: {self.withdrawn} consents newly withdrawn, {self.erased} "
            f"people erased ({self.already_withdrawn} already withdrawn, {self.not_here} not on "
            "this laptop)."
        )


def is_notice(data: bytes) -> bool:
    """True if these bytes are a JSON object that says it is a notice (not a receipt)."""
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError):
        return False
    return isinstance(raw, dict) and raw.get("format") == FORMAT


def apply_office_file(
    store: Store, path: Path | str, *, now: datetime | None = None
) -> ReceiptResult | NoticeResult | ReferenceResult:
    """Apply a receipt, a notice or a reference update from the office, whichever the file is."""
    cap = max(MAX_NOTICE_BYTES, MAX_RECEIPT_BYTES, MAX_UPDATE_BYTES)
    data = read_capped(Path(path), cap, "file from the office")
    if is_notice(data):
        return apply_notice_bytes(store, data, now=now)
    if is_update(data):
        return apply_update_bytes(store, data)
    return apply_receipt(store, path, now=now)


def apply_notice(store: Store, path: Path | str, *, now: datetime | None = None) -> NoticeResult:
    """Check the office's signature and that the notice is for this laptop, then apply it."""
    return apply_notice_bytes(store, read_capped(Path(path), MAX_NOTICE_BYTES, "notice"), now=now)


def apply_notice_bytes(store: Store, data: bytes, *, now: datetime | None = None) -> NoticeResult:
    now = (now or datetime.now(UTC)).astimezone(UTC)
    if store.kind == "office":
        raise UsageError("This is the office store: notices are applied on the laptops they name.")
    notice = parse_notice(data)
    verify_notice(notice, office_verify_key(store, "notices"))
    if notice.device_id != store.device_id:
        raise RefusedError(
            f"This notice is for another laptop ({notice.device_id}), not this one "
            f"({store.device_id}): nothing was changed."
        )
    with store.transaction():
        counts = _withdrawals(store, notice, now) + _erasures(store, notice)
        # A notice listing nothing (signed, but empty) still leaves an entry, with no detail.
        detail = ",".join(f"{k}={v}" for k, v in sorted(counts.items())) or None
        store.audit("receipt", "notice", detail=detail)
    if counts["erased"]:
        checkpoint(store)
    return NoticeResult(counts["withdrawn"], counts["already"], counts["erased"], counts["not_here"])


def _withdrawals(store: Store, notice: OfficeNotice, now: datetime) -> Counter[str]:
    counts: Counter[str] = Counter()
    stamp = now.isoformat(timespec="seconds")
    for item in notice.withdrawals:
        consent = store.consents.get(item.consent_id)
        if consent is None or str(consent.client_id) != item.client_id or consent.purpose != item.purpose:
            counts["not_here"] += 1
            continue
        if consent.withdrawn_at is not None:
            counts["already"] += 1
            continue
        withdrawn = consent.withdraw(OFFICE_LABEL, at=datetime.fromisoformat(item.withdrawn_at))
        stored = store.consents.stored_version(item.consent_id) or 0
        if item.version > stored:
            # The office's own version of the row: the signed notice is its word that it holds it,
            # so it counts as exported and confirmed, and is not sent back.
            store.consents.apply_incoming(
                withdrawn.model_copy(
                    update={"version": item.version, "updated_at": now, "updated_by": OFFICE_LABEL}
                )
            )
            confirm_office_withdrawal(store.db, item.consent_id, item.version, stamp)
            store.audit("withdraw", "consent", item.consent_id, detail="from_office")
        else:
            # Changed here since: a newer version, which the next export sends to the office.
            store.consents.update(withdrawn, action="withdraw")
        counts["withdrawn"] += 1
    return counts


def _erasures(store: Store, notice: OfficeNotice) -> Counter[str]:
    counts: Counter[str] = Counter()
    for item in notice.erasures:
        client = store.clients.get(item.client_id)
        if client is None:
            counts["not_here"] += 1
            continue
        at = datetime.fromisoformat(item.erased_at).astimezone(UTC)
        remove_person(store, client, reason=FROM_OFFICE_REASON, at=at, exported=True)
        store.audit("erase", "client", item.client_id, detail="from_office")
        counts["erased"] += 1
    return counts
