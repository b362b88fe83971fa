"""``office migrate``: move the central store file into an empty PostgreSQL database; ``office
audit-check``: the central store's audit chain, on the file or on the central database."""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store


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

    p = sub.add_parser(
        "audit-check",
        help="check that no audit log entry was changed, removed or moved, on the central store file "
        "or the central database, and that every page of the file is intact",
    )
    add_central_arguments(p)
    p.set_defaults(handler=cmd_audit_check)


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


def cmd_audit_check(args: argparse.Namespace) -> int:
    from pace_desktop.errors import RefusedError

    with open_central_store(args.central, args.keyring) as central:
        report = central.verify_audit()  # the whole chain, where the records are
        if report.ok:
            central.check_integrity()  # every page of the file (on a server: the keyring file)
    if not report.ok:
        raise RefusedError(report.message())
    print(report.message())
    print("Every page of the central store file checks out (full integrity check).")
    return 0
