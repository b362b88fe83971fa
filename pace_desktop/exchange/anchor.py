"""An anchored audit chain (issue 16): the office countersigns each laptop's audit head.

A laptop's hash chain shows an entry was changed only to someone who does not recompute the later
hashes; anyone holding the data key can. So the chain is anchored outside the laptop:

- each bundle (format 2) carries the laptop's audit head (entry number and hash) and the entries since
  its last countersigned head, without their hashes;
- the office recomputes the hashes from the head it recorded before: the new head must extend it
  (``check_and_record``), or the bundle is refused by name (``audit_chain_rewritten``). It records the
  new head, and the head of each earlier export found on the way (so a bundle that arrives late can be
  checked too), and countersigns the head in the signed receipt;
- the laptop keeps the last countersigned receipt (``receipt.apply_receipt``) and, at every unlock,
  checks that its chain still leads to that head (``check_anchor``).

The office's record is what a thief cannot reach: whatever the laptop's own files say, history the
office has anchored cannot be rewritten without the next bundle being refused. docs/security.md says
what remains possible.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pace_desktop.errors import PaceError
from pace_desktop.exchange import bundle
from pace_desktop.exchange.bundle import Refusal
from pace_desktop.store import audit, audit_heads, setting_values
from pace_desktop.store.database import Database

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

SETTING_ANCHOR = "audit_anchor_receipt"  # the laptop's last countersigning receipt, as signed
_EXPORT_SEQUENCE = re.compile(r"sequence=(\d{1,18}),")

_REWRITTEN = (
    "Laptop {device}'s audit log no longer leads to entry {count:,}, which this office countersigned "
    "before: its history was rewritten. Nothing was imported. Keep the bundle and the laptop as they "
    "are and tell your data protection lead."
)


# -- the laptop: what goes into a bundle --------------------------------------------------------------


def stretch_for_export(store: Store) -> bundle.AuditStretch:
    """The head, and the entries since the last countersigned head (all of them if none), inside the
    export's transaction so that the head is the one the bundle's records were read under."""
    db = store.db  # the audit readers need only execute(): the Database, not its raw connection
    count, head_hash = audit.head(db)
    # Only a receipt this office signed for this laptop counts (a new office never countersigned it).
    anchored = verified_anchor(store)
    start = anchored.audit_count if anchored is not None and anchored.audit_count <= count else 0
    start_hash = audit.stored_hash(db, start)
    if start_hash is None:  # the anchored entry is gone: send everything, and let the office see
        start, start_hash = 0, audit.GENESIS
    rows = [row for row in audit.entries_after(db, start) if row[0] <= count]
    data = b"".join(
        json.dumps(list(row), ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"
        for row in rows
    )
    return bundle.AuditStretch(start, start_hash, count, head_hash, data)


# -- the office: checking a bundle's stretch and recording heads --------------------------------------


@dataclass(frozen=True)
class Stretch:
    """A bundle's audit stretch with every hash recomputed: entry ``n``'s hash is ``hash_at(n)``."""

    from_count: int
    from_hash: str
    count: int
    hash: str
    hashes: list[str]
    exports: list[tuple[int, int]]  # (sequence, entry number of that export's head) in the stretch

    def hash_at(self, count: int) -> str | None:
        if count == self.from_count:
            return self.from_hash
        if self.from_count < count <= self.count:
            return self.hashes[count - self.from_count - 1]
        return None


_BROKEN = (
    "This bundle's audit log does not lead to the head it names: the laptop's log was changed outside "
    "PACE Intake. Nothing was imported. Tell your data protection lead."
)


def read_stretch(container: bundle.Container) -> Stretch | None:
    """Recompute the hashes of a format 2 bundle's audit entries (None for format 1)."""
    part = container.manifest.audit
    if part is None:
        return None
    broken = Refusal("audit_chain_broken", _BROKEN)
    if part.count < part.from_count or (part.from_count == 0 and part.from_hash != audit.GENESIS):
        raise broken
    try:
        entries = [tuple(json.loads(line)) for line in (container.audit or b"").splitlines()]
        hashes = audit.chain_hashes(part.from_count, part.from_hash, entries)
    except (ValueError, TypeError, RecursionError) as exc:
        raise broken from exc
    if (hashes[-1] if hashes else part.from_hash) != part.hash or len(hashes) != part.count - part.from_count:
        raise broken
    exports = []
    for entry in entries:
        found = _EXPORT_SEQUENCE.match(entry[6] or "") if entry[3] == "export" else None
        if found and entry[0] - 1 >= part.from_count:
            exports.append((int(found.group(1)), entry[0] - 1))
    return Stretch(part.from_count, part.from_hash, part.count, part.hash, hashes, exports)


def check_and_record(db: Database, manifest: bundle.Manifest, stretch: Stretch | None, stamp: str) -> None:
    """Refuse a bundle whose head does not extend what the office recorded for its laptop; else record
    its head and the heads of earlier exports on the way (inside the import's transaction)."""
    device = manifest.device_id
    recorded = audit_heads.recorded_heads(db, device)
    if stretch is None:
        if recorded:
            raise Refusal(
                "audit_head_missing",
                f"This bundle from laptop {device} carries no audit head, but the office has "
                "countersigned that laptop's audit log before: a laptop never goes back to the old "
                "format. Nothing was imported. Tell your data protection lead.",
            )
        return
    if stretch.from_count and stretch.from_count not in recorded:
        raise Refusal(
            "audit_anchor_unknown",
            f"This bundle's audit log starts from entry {stretch.from_count:,}, which this office never "
            f"countersigned for laptop {device}: nothing was imported. If the central store was "
            "restored from a backup, contact support; otherwise tell your data protection lead.",
        )
    for count, known in recorded.items():
        if stretch.from_count <= count <= stretch.count and stretch.hash_at(count) != known:
            raise Refusal("audit_chain_rewritten", _REWRITTEN.format(device=device, count=count))
    newest = max(recorded, default=0)
    if stretch.count < newest and stretch.count not in recorded:
        raise Refusal(
            "audit_head_behind",
            f"This bundle's audit head (entry {stretch.count:,}) is older than one this office already "
            f"countersigned for laptop {device} and is not one of its exports': nothing was imported. "
            "Ask the adviser to export again with 'send again' (export --resend-unconfirmed).",
        )
    rows: list[tuple[str, int, str | None, int | None, str | None, str]] = [
        (device, count, stretch.hash_at(count), sequence, None, stamp) for sequence, count in stretch.exports
    ]
    rows.append((device, stretch.count, stretch.hash, manifest.sequence, str(manifest.bundle_id), stamp))
    audit_heads.record_heads(db, rows)


@dataclass(frozen=True)
class DeviceHead:
    device_id: str
    count: int
    recorded_at: str


def device_heads(store: Store) -> list[DeviceHead]:
    """Each laptop's newest countersigned head, for the office's audit-check."""
    return [DeviceHead(*r) for r in audit_heads.newest_heads(store.db)]


# -- the laptop: the anchor it holds, checked at unlock -----------------------------------------------


def anchored_count(store: Store) -> int | None:
    """The entry number of the last countersigned head this laptop holds, unchecked (None if none)."""
    found = stored_anchor(store)
    return None if found is None else found.audit_count


def stored_anchor(store: Store) -> Any:
    """The last countersigning receipt applied here (a ``receipt.Receipt``), parsed but not verified."""
    from pace_desktop.exchange.receipt import parse_receipt

    text = setting_values.stored_value(store.db, SETTING_ANCHOR)
    if text is None:
        return None
    try:
        return parse_receipt(text.encode("utf-8"))
    except PaceError:
        return None


@dataclass(frozen=True)
class AnchorState:
    """Whether this store's chain still leads to the head the office last countersigned."""

    count: int | None  # that head's entry number; None when no receipt has countersigned one yet
    issued_at: str | None = None
    problem: str | None = None
    office_laptops: int | None = None  # an office store: how many laptops it holds heads for

    @property
    def ok(self) -> bool:
        return self.problem is None

    def message(self) -> str:
        """One line for the person at the keyboard."""
        if self.problem is not None:
            return (
                f"The audit log does not check out: {self.problem} Someone may have changed this "
                "store outside PACE Intake: contact the office before you go on."
            )
        if self.office_laptops is not None:
            return (
                f"This office holds countersigned audit heads for {self.office_laptops} "
                f"{'laptop' if self.office_laptops == 1 else 'laptops'}; each import checks that the "
                "laptop's log still extends its head."
            )
        if self.count is None:
            return (
                "The audit log is not anchored yet: the office countersigns it in the receipt for "
                "this laptop's next export."
            )
        return (
            f"The audit log still leads to entry {self.count:,}, which the office countersigned on "
            f"{(self.issued_at or '')[:10]}."
        )


def verified_anchor(store: Store) -> Any:
    """The kept receipt if it is this office's signature on this laptop's head, else None."""
    from pace_desktop.exchange.officekey import laptop_office_key
    from pace_desktop.exchange.receipt import verify_receipt

    anchor = stored_anchor(store)
    office = laptop_office_key(store)
    if anchor is None or anchor.audit_count is None or office is None or office.verify_key is None:
        return None
    try:
        verify_receipt(anchor, office.verify_key)
    except PaceError:
        return None
    return anchor if anchor.device_id == store.device_id else None


def check_anchor(store: Store) -> AnchorState:
    """Cheap enough for every unlock: the receipt's signature, and one entry's hash."""
    if store.kind == "office":
        return AnchorState(None, office_laptops=len(device_heads(store)))
    text = setting_values.stored_value(store.db, SETTING_ANCHOR)
    if text is None:
        return AnchorState(None)
    anchor = verified_anchor(store)
    if anchor is None:
        return AnchorState(
            None,
            problem="The office's countersigned audit head kept on this laptop was "
            "changed or removed, or the office key it is checked with was.",
        )
    if audit.stored_hash(store.db, anchor.audit_count) != anchor.audit_hash:
        return AnchorState(
            anchor.audit_count,
            anchor.issued_at,
            problem=(
                f"This laptop's audit log no longer leads to entry {anchor.audit_count:,}, which the office "
                f"countersigned on {anchor.issued_at[:10]}: its history was rewritten."
            ),
        )
    return AnchorState(anchor.audit_count, anchor.issued_at)


def unlock_check(store: Store) -> str | None:
    """What every unlock checks, on the worker: the whole chain, then that it still leads to the head
    the office last countersigned. The one line to show, or None when both hold."""
    report = store.verify_audit()
    if not report.ok:
        return report.message()
    state = check_anchor(store)
    return None if state.ok else state.message()
