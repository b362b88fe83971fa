"""``office recover``: open a laptop's store with the office identity and give it a new adviser."""

from __future__ import annotations

import argparse
from pathlib import Path


def register_office(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "recover",
        help="open a laptop's store with the office identity and set a new "
        "adviser's passphrase (from PACE_NEW_PASSPHRASE, or asked twice)",
    )
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--central", type=Path, help="the central store (its staff passphrase unlocks the office identity)"
    )
    source.add_argument(
        "--identity", type=Path, metavar="FILE", help="the office identity file office backup-identity wrote"
    )
    p.add_argument(
        "--store", type=Path, required=True, help="the laptop's store file (its .keys file beside it)"
    )
    p.add_argument("--adviser", required=True, help="the new adviser's name")
    p.add_argument(
        "--remove",
        action="append",
        default=[],
        metavar="NAME",
        help="also remove this adviser (e.g. one who left); the store is re-keyed. Repeatable",
    )
    p.set_defaults(handler=cmd_recover)


def cmd_recover(args: argparse.Namespace) -> int:
    from pace_desktop.passphrase import read_new_passphrase
    from pace_desktop.recovery import identity_from_central, read_identity_file, recover_laptop
    from pace_desktop.store.keyslots import check_passphrase

    if args.identity is not None:
        identity = read_identity_file(args.identity)
        new = read_new_passphrase(f"{args.adviser.strip()}'s new passphrase (12 characters or more): ")
        check_passphrase(new)
        result = recover_laptop(
            args.store, identity, adviser=args.adviser, passphrase=new, remove=args.remove
        )
    else:
        from pace_desktop.office.central import open_central
        from pace_desktop.passphrase import read_passphrase

        with open_central(args.central, read_passphrase()) as central:
            identity = identity_from_central(central)
            new = read_new_passphrase(f"{args.adviser.strip()}'s new passphrase (12 characters or more): ")
            check_passphrase(new)
            result = recover_laptop(
                args.store,
                identity,
                adviser=args.adviser,
                passphrase=new,
                remove=args.remove,
                central=central,
            )
    for line in result.lines():
        print(line)
    return 0
