"""``office migrate``: move the central store file into an empty PostgreSQL database."""

from __future__ import annotations

import argparse
from pathlib import Path


def register_office(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("migrate", help="copy the central store file into an empty PostgreSQL database")
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE")
    p.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="postgresql://…",
        help="the database's address (TLS with sslmode=verify-full)",
    )
    p.set_defaults(handler=cmd_migrate)


def cmd_migrate(args: argparse.Namespace) -> int:
    from pace_desktop.office.central import open_central
    from pace_desktop.passphrase import read_passphrase
    from pace_desktop.store.pg.connect import connect, insecure_allowed
    from pace_desktop.store.pg.from_file import migrate_from_file

    # PACE_PG_ALLOW_INSECURE=1 lets an administrator (or the tests) use a local socket without TLS.
    with (
        connect(args.target, allow_insecure=insecure_allowed()) as conn,
        open_central(args.source, read_passphrase()) as central,
    ):
        print(migrate_from_file(central, conn).summary())
    return 0
