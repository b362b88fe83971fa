"""Laptop commands: init, demo-data, device-key, audit-check (which an office store answers too)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pace_desktop.errors import RefusedError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new encrypted store with its first adviser")
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("--adviser", required=True, help="the first adviser's name")
    p.add_argument("--device-name", default=None, help="this laptop's name, e.g. 'Glasgow laptop 3'")
    p.add_argument("--office-key", type=Path, help="office.pub from the office, for export and recovery")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo-data", help="fill a store with fictional people")
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("--events", type=int, default=5)
    p.add_argument("--clients", type=int, default=200)
    p.add_argument(
        "--no-history",
        action="store_true",
        help="people only: no leaving dates, help, follow-up outcomes or feedback",
    )
    p.set_defaults(handler=cmd_demo_data)

    p = sub.add_parser("device-key", help="print this laptop's public signing key for the office")
    p.add_argument("--store", type=Path, required=True)
    p.set_defaults(handler=cmd_device_key)

    p = sub.add_parser(
        "audit-check",
        help="check that no audit log entry was changed, removed or moved, "
        "and that every page is intact (a laptop's store or the central store)",
    )
    p.add_argument("--store", type=Path, required=True)
    p.set_defaults(handler=cmd_audit_check)


def open_store(path: Path, *, warn: bool = True):  # noqa: ANN201 - returns Store; imported lazily
    """Unlock with the passphrase; a laptop whose audit log no longer leads to the head the office last
    countersigned opens with a one-line warning on stderr (``warn``)."""
    from pace_desktop.exchange.anchor import check_anchor
    from pace_desktop.passphrase import read_passphrase
    from pace_desktop.store.store import Store

    store = Store.open(path, read_passphrase())
    try:
        state = check_anchor(store)  # cheap: one signature and one entry; audit-check walks the chain
    except BaseException:
        store.close()
        raise
    if warn and not state.ok:
        print(f"Warning: {state.message()}", file=sys.stderr)  # the store still opens: nothing is lost
    return store


def cmd_init(args: argparse.Namespace) -> int:
    from pace_desktop.exchange.officekey import install_office_key, policy_office_key, read_office_key_file
    from pace_desktop.passphrase import read_passphrase
    from pace_desktop.store.keyslots import check_passphrase
    from pace_desktop.store.store import Store

    fixed = policy_office_key()
    office_key = read_office_key_file(args.office_key) if args.office_key else fixed
    if fixed is not None and office_key is not None and office_key.recipient != fixed.recipient:
        from pace_desktop import policy

        policy.refuse_change("office_key")  # before the passphrase prompt and before any file is made
    passphrase = read_passphrase("New passphrase (12 characters or more): ", confirm=True)
    check_passphrase(passphrase)
    store = Store.create(
        args.store,
        adviser=args.adviser,
        passphrase=passphrase,
        device_name=args.device_name,
        office_recipient=office_key.recipient if office_key else None,
    )
    if office_key:
        install_office_key(store, office_key)
    print(f"Created {args.store} for {store.device_name} ({store.device_id}).")
    store.close()
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from pace_desktop.demo import seed

    if args.events < 1 or args.clients < 0:
        raise RefusedError("Use at least one event and zero or more clients.")
    with open_store(args.store) as store:
        made = seed(store, events=args.events, clients=args.clients, history=not args.no_history)
        outcomes = store.outcomes.count()
    print(f"Added {made.events} events and {made.clients} fictional clients.")
    if not args.no_history:
        print(f"With their history since: {outcomes} outcomes so far, help given and feedback.")
    return 0


def cmd_device_key(args: argparse.Namespace) -> int:
    with open_store(args.store) as store:
        print(store.device_key().text())
    return 0


def cmd_audit_check(args: argparse.Namespace) -> int:
    from pace_desktop.exchange.anchor import check_anchor

    with open_store(args.store, warn=False) as store:  # said below, once
        report = store.verify_audit()
        anchor = check_anchor(store)
        if report.ok:
            store.check_integrity()  # every page and every b-tree; StoreDamaged says what to do
    if not report.ok:
        raise RefusedError(report.message())
    if not anchor.ok:
        raise RefusedError(anchor.message())
    print(report.message())
    print(anchor.message())
    print("Every page of the store checks out (full integrity check).")
    return 0
