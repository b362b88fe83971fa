"""Partners as data in the central store: code, name, services, how each matches, where to encrypt.

A partner is any code in ``partners.csv`` (its ``share_<CODE>`` consent purpose exists only for
those). Until office staff set one up, a partner has its name and services from that file, matches
on the NI number, has no recipient (so nothing can be sent to it yet) and uses our own codes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pyrage

from pace_desktop.errors import UsageError, ValidationFailed
from pace_desktop.partners.identifiers import MATCH_LABELS, MATCH_NI, check_match
from pace_desktop.partners.mappings import CodeMaps
from pace_desktop.reference import SERVICES, partners
from pace_desktop.store.partner_registry import PartnerRow, partner_row, save_partner

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

_UNSET: object = object()


@dataclass(frozen=True)
class PartnerSetup:
    """One partner's set-up in this store; ``configured`` is False until office staff have saved it once.

    (``reference.Partner`` is the partner as listed in partners.csv: code, name and services only.)
    """

    code: str
    name: str
    services: tuple[str, ...]
    match_on: str = MATCH_NI
    recipient: str | None = None
    aggregate_only: bool = False
    mappings: CodeMaps = field(default_factory=CodeMaps)
    configured: bool = False
    updated_at: str | None = None
    updated_by: str | None = None

    @property
    def match_label(self) -> str:
        return MATCH_LABELS[self.match_on]

    @property
    def share_purpose(self) -> str:
        from pace_desktop.records.enums import share_purpose

        return share_purpose(self.code)

    def describe(self) -> list[str]:
        """Plain lines for a settings view or the command line (no secrets: a recipient is public)."""
        maps = self.mappings.counts()
        codes = ", ".join(f"{n} {kind}" for kind, n in maps.items() if n) or "none (our own codes)"
        return [
            f"{self.code}: {self.name}",
            f"  matches on: {self.match_label}",
            f"  age recipient: {self.recipient or 'none yet (nothing can be sent)'}",
            f"  aggregate only: {'yes' if self.aggregate_only else 'no'}",
            f"  own codes mapped: {codes}",
        ]


def _listed() -> dict[str, tuple[str, tuple[str, ...]]]:
    return {p.code: (p.name, p.services) for p in partners()}


def check_code(code: str) -> str:
    """The partner code as listed in partners.csv, or a usage error naming the choices."""
    listed = _listed()
    wanted = (code or "").strip()
    for known in listed:
        if known.casefold() == wanted.casefold():
            return known
    raise UsageError(f"There is no partner '{wanted[:20]}': choose one of {', '.join(listed)}.")


def check_recipient(text: str) -> str:
    recipient = text.strip()
    try:
        pyrage.x25519.Recipient.from_str(recipient)
    except Exception as exc:  # noqa: BLE001 - pyrage raises its own error types
        raise ValidationFailed(
            "That is not an age recipient: it starts age1 and is the public key the partner sent."
        ) from exc
    return recipient


def get_partner(store: Store, code: str) -> PartnerSetup:
    code = check_code(code)
    name, services = _listed()[code]
    r = partner_row(store.db, code)
    if r is None:
        return PartnerSetup(code, name, services)
    return PartnerSetup(
        code=code,
        name=r.name,
        services=tuple(json.loads(r.services)),
        match_on=r.match_on,
        recipient=r.recipient,
        aggregate_only=bool(r.aggregate_only),
        mappings=CodeMaps.from_json(r.mappings),
        configured=True,
        updated_at=r.updated_at,
        updated_by=r.updated_by,
    )


def list_partners(store: Store) -> list[PartnerSetup]:
    """Every partner in partners.csv, with its set-up in this store."""
    return [get_partner(store, code) for code in _listed()]


def set_partner(
    store: Store,
    code: str,
    *,
    name: str | None = None,
    services: tuple[str, ...] | list[str] | None = None,
    match_on: str | None = None,
    recipient: str | None | object = _UNSET,
    aggregate_only: bool | None = None,
    mappings: CodeMaps | None = None,
) -> PartnerSetup:
    """Change what is given and keep the rest; ``recipient=None`` removes the recipient."""
    current = get_partner(store, code)
    changed: list[str] = []
    new_name = current.name
    if name is not None:
        new_name = " ".join(name.split())
        if not new_name or len(new_name) > 200:
            raise ValidationFailed("Enter the partner's name (at most 200 characters).")
        changed.append("name")
    new_services = current.services
    if services is not None:
        unknown = [s for s in services if s not in SERVICES]
        if unknown:
            raise ValidationFailed(f"Choose services from the list: {', '.join(SERVICES)}.")
        new_services = tuple(dict.fromkeys(services))
        changed.append("services")
    new_match = current.match_on
    if match_on is not None:
        new_match = check_match(match_on)
        changed.append("match")
    new_recipient = current.recipient
    if recipient is not _UNSET:
        new_recipient = check_recipient(str(recipient)) if recipient else None
        changed.append("recipient")
    new_aggregate = current.aggregate_only if aggregate_only is None else bool(aggregate_only)
    if aggregate_only is not None:
        changed.append("aggregate")
    new_maps = current.mappings if mappings is None else mappings
    if mappings is not None:
        changed.append("mappings")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction():
        save_partner(
            store.db,
            current.code,
            PartnerRow(
                new_name,
                json.dumps(list(new_services)),
                new_match,
                new_recipient,
                int(new_aggregate),
                new_maps.to_json(),
                now,
                store.actor,
            ),
        )
        store.audit(
            "settings_changed",
            "partner",
            current.code,
            detail="partner:" + (",".join(changed) or "saved"),
        )
    return get_partner(store, current.code)
