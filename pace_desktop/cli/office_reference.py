"""``office reference …``: the reference data office staff maintain and send to every laptop.

``import-nomis FILE`` (the area unemployment figures from a NOMIS claimant count download),
``import-partners FILE`` (the partner/service table), ``show`` (the version in use) and
``write-update --out DIR`` (the signed update file, to carry to a laptop by hand; ``office sync``
sends it through the relay). See docs/reference-data.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store


def register_office(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("reference", help="the partner table and area figures sent to every laptop")
    reference_sub = group.add_subparsers(
        dest="reference_command", metavar="REFERENCE_COMMAND", parser_class=type(group), required=True
    )
    p = reference_sub.add_parser(
        "import-nomis", help="replace the area unemployment figures with a NOMIS claimant count CSV"
    )
    add_central_arguments(p)
    p.add_argument("file", type=Path, metavar="FILE.csv")
    p.set_defaults(handler=cmd_import_nomis)

    p = reference_sub.add_parser(
        "import-partners", help="replace the partner/service table (CSV: code, name, services)"
    )
    add_central_arguments(p)
    p.add_argument("file", type=Path, metavar="FILE.csv")
    p.set_defaults(handler=cmd_import_partners)

    p = reference_sub.add_parser("show", help="the reference data the office sends, and its version")
    add_central_arguments(p)
    p.set_defaults(handler=cmd_show)

    p = reference_sub.add_parser("write-update", help="write the signed update file for laptops")
    add_central_arguments(p)
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.set_defaults(handler=cmd_write_update)


def cmd_import_nomis(args: argparse.Namespace) -> int:
    from pace_desktop.office.reference_data import import_nomis, read_nomis, show

    read_nomis(args.file)  # checked before the passphrase is asked for: fail fast
    with open_central_store(args.central, args.keyring) as central:
        import_nomis(central, args.file)
        print("\n".join(show(central).lines()))
    return 0


def cmd_import_partners(args: argparse.Namespace) -> int:
    from pace_desktop.office.reference_data import import_partners, read_partners, show

    read_partners(args.file)
    with open_central_store(args.central, args.keyring) as central:
        import_partners(central, args.file)
        print("\n".join(show(central).lines()))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from pace_desktop.office.reference_data import show

    with open_central_store(args.central, args.keyring) as central:
        print("\n".join(show(central).lines()))
    return 0


def cmd_write_update(args: argparse.Namespace) -> int:
    from pace_desktop.office.reference_data import write_update

    with open_central_store(args.central, args.keyring) as central:
        path = write_update(central, args.out)
    print(f"{path}: apply it on each laptop with apply-receipt (office sync sends it by itself).")
    return 0
