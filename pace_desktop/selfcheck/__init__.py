"""A headless end-to-end smoke test of an installed app: every step on a temporary store, then cleaned up.

Used by ``pace-desktop self-check`` and by CI against the PyInstaller build, so it touches every native
piece the build must carry: SQLCipher, Argon2id/AES-GCM, Ed25519, age, pydantic and the resources.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Step = Callable[["Context"], None]


@dataclass
class Context:
    workdir: Path
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    values: dict = field(default_factory=dict)


def _create_store(ctx: Context) -> None:
    from pace_desktop.store.store import Store

    store = Store.create(
        ctx.workdir / "laptop.store",
        adviser="Self Check",
        passphrase=ctx.passphrase,
        device_name="self-check",
    )
    ctx.values["store"] = store


def _register(ctx: Context) -> None:
    import random

    from pace_desktop.demo import make_client, make_event
    from pace_desktop.records.models import CaptureMethod
    from pace_desktop.records.pace_id import new_pace_id
    from pace_desktop.registration import build_checklist, build_consents

    store = ctx.values["store"]
    rng = random.Random(1)  # noqa: S311
    from datetime import date

    event = store.events.add(make_event(rng, date.today()))
    client = make_client(rng, event, new_pace_id())
    checklist = build_checklist({}, client=client, event=event)
    consents = build_consents({"pace_support": True}, how=CaptureMethod.with_adviser, by=store.actor)
    ctx.values["client"] = store.register(client, consents, checklist)


def _check_contact_details(ctx: Context) -> None:
    """Phone numbers and e-mail addresses are checked by libraries whose data the build must carry
    (libphonenumber's numbering plan, email-validator's rules): a number in the plan must pass."""
    from pace_desktop.records.validation import normalise_email, normalise_phone

    if normalise_phone("0131 496 0000") != "+441314960000":
        raise RuntimeError("a UK landline number was not recognised")
    if normalise_email("Name@Example.com") != "Name@example.com":
        raise RuntimeError("an e-mail address was not recognised")


def _reopen(ctx: Context) -> None:
    from pace_desktop.store.store import Store

    store = ctx.values.pop("store")
    store.close()
    store = Store.open(ctx.workdir / "laptop.store", ctx.passphrase)
    ctx.values["store"] = store
    if store.clients.get(ctx.values["client"].id) is None:
        raise RuntimeError("the registration did not survive closing the store")
    if not store.verify_audit().ok:
        raise RuntimeError("the audit chain did not verify")
    store.check_integrity()  # this build's SQLCipher checks every page (StoreDamaged if not)


def _close(ctx: Context) -> None:
    store = ctx.values.pop("store", None)
    if store is not None:
        store.close()


def _exchange(name: str, ctx: Context) -> None:
    from pace_desktop.selfcheck import office_round

    getattr(office_round, name)(ctx)


# The office round (office_round.py: export, import, report, receipt) follows _reopen.
STEPS: list[tuple[str, Step]] = [
    ("create an encrypted store", _create_store),
    ("check a phone number and an e-mail address", _check_contact_details),
    ("register a client", _register),
    ("reopen and verify", _reopen),
    ("create an office store", lambda ctx: _exchange("office_init", ctx)),
    ("export an encrypted, signed bundle", lambda ctx: _exchange("export", ctx)),
    ("import the bundle at the office", lambda ctx: _exchange("office_import", ctx)),
    ("write the office summary report", lambda ctx: _exchange("report", ctx)),
    ("apply the office's receipt", lambda ctx: _exchange("receipt", ctx)),
]


def run(report: Callable[[str, bool], None] = lambda name, ok: None) -> bool:
    """Run every step in a temporary folder; ``report`` hears each step's name and result."""
    workdir = Path(tempfile.mkdtemp(prefix="pace-selfcheck-"))
    ctx = Context(workdir)
    ok = True
    try:
        for name, step in STEPS:
            try:
                step(ctx)
            except Exception as exc:  # noqa: BLE001 - a self-check reports, it does not crash
                # The type names what broke in a frozen build; the message could hold record data.
                report(f"{name} ({type(exc).__name__})", False)
                ok = False
                break
            report(name, True)
    finally:
        _close(ctx)
        shutil.rmtree(workdir, ignore_errors=True)
    return ok
