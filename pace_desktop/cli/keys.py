"""Who can unlock a laptop, and how long it keeps records: ``adviser add|remove|passphrase|list`` and
``retention``. Each unlocks the store with the signed-in adviser's passphrase first, and each change is
audited in the store.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    adviser = sub.add_parser("adviser", help="who can unlock this laptop: add, remove, passphrase, list")
    adviser_sub = adviser.add_subparsers(
        dest="adviser_command", metavar="ADVISER_COMMAND", parser_class=type(adviser), required=True
    )
    p = adviser_sub.add_parser(
        "add",
        help="let another adviser unlock this laptop with their own "
        "passphrase (from PACE_NEW_PASSPHRASE, or asked twice)",
    )
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("--name", required=True, help="the new adviser's name")
    p.set_defaults(handler=cmd_add)

    p = adviser_sub.add_parser(
        "remove",
        help="take an adviser off this laptop; the store is re-keyed so their key no longer opens it",
    )
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("--name", required=True, help="the adviser to remove")
    p.set_defaults(handler=cmd_remove)

    p = adviser_sub.add_parser(
        "passphrase", help="change your own passphrase (the new one from PACE_NEW_PASSPHRASE, or asked twice)"
    )
    p.add_argument("--store", type=Path, required=True)
    p.set_defaults(handler=cmd_passphrase)

    p = adviser_sub.add_parser("list", help="the advisers who can unlock this laptop")
    p.add_argument("--store", type=Path, required=True)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser(
        "retention", help="how many days confirmed records stay on this laptop; --days to change it"
    )
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("--days", type=int, help="keep confirmed records this many days (1 to 365)")
    p.set_defaults(handler=cmd_retention)


def _open(path: Path):  # noqa: ANN202 - returns Store; imported lazily
    from pace_desktop.cli.laptop import open_store

    return open_store(path)


def cmd_add(args: argparse.Namespace) -> int:
    from pace_desktop.passphrase import read_new_passphrase
    from pace_desktop.store.keyslots import check_passphrase

    with _open(args.store) as store:
        new = read_new_passphrase(f"{args.name.strip()}'s passphrase (12 characters or more): ")
        check_passphrase(new)
        store.add_adviser(args.name, new)
    print(f"Added {args.name.strip()}: they can unlock this laptop with their own passphrase.")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with _open(args.store) as store:
        removal = store.remove_adviser(args.name)
    print(removal.message(args.name.strip()))
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    from pace_desktop.passphrase import read_new_passphrase, read_passphrase
    from pace_desktop.store.keyslots import check_passphrase
    from pace_desktop.store.store import Store

    old = read_passphrase()
    with Store.open(args.store, old) as store:
        new = read_new_passphrase()
        check_passphrase(new)
        store.change_passphrase(store.adviser, old, new)
        name = store.adviser
    print(f"Changed the passphrase of {name}. Other advisers' passphrases did not change.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args.store) as store:
        for name in store.keys.advisers:
            print(name)
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    with _open(args.store) as store:
        if args.days is not None:
            store.set_retention_days(args.days)
            print(f"Confirmed records now stay on this laptop for {args.days} days.")
        else:
            print(f"Confirmed records stay on this laptop for {store.int_setting('retention_days')} days.")
    return 0
