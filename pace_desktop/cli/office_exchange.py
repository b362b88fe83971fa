"""Office exchange commands: ``office init|enrol|retire|backup-identity|import``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store


def register_office(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create the central store and write DIR/office.pub for laptops")
    p.add_argument("--central", type=Path, required=True)
    p.add_argument("--staff", required=True, help="the first office staff member's name")
    p.add_argument("--out", type=Path, required=True, help="the folder to write office.pub into")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("enrol", help="accept bundles from a laptop: its device-key line, or a file")
    add_central_arguments(p)
    p.add_argument("device_key", nargs="+", metavar="DEVICE_KEY")
    p.set_defaults(handler=cmd_enrol)

    p = sub.add_parser("retire", help="refuse a laptop's bundles from now on (lost, stolen, handed back)")
    add_central_arguments(p)
    p.add_argument("device_id", metavar="LAPTOP", help="the laptop's name on the devices list, e.g. LT7K3Q9M")
    p.set_defaults(handler=cmd_retire)

    p = sub.add_parser("backup-identity", help="write the office's secret age identity, for safe keeping")
    add_central_arguments(p)
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.set_defaults(handler=cmd_backup_identity)

    p = sub.add_parser("import", help="import bundles (files or folders); prints one line per bundle")
    add_central_arguments(p)
    p.add_argument(
        "--trust-new-devices",
        action="store_true",
        help="enrol an unknown laptop on its first bundle instead of refusing it",
    )
    p.add_argument(
        "--receipts",
        type=Path,
        metavar="DIR",
        help="where to write receipts (default: beside each bundle)",
    )
    p.add_argument("bundles", nargs="+", type=Path, metavar="BUNDLE")
    p.set_defaults(handler=cmd_import)


def cmd_init(args: argparse.Namespace) -> int:
    from pace_desktop.office.central import init_office
    from pace_desktop.passphrase import read_passphrase
    from pace_desktop.store.keyslots import check_passphrase

    passphrase = read_passphrase("New passphrase (12 characters or more): ", confirm=True)
    check_passphrase(passphrase)
    made = init_office(args.central, staff=args.staff, passphrase=passphrase, out_dir=args.out)
    print(f"Created the central store {made.central} (office {made.office_id}).")
    print(f"Wrote {made.office_pub}: give it to every laptop (pace-desktop init --office-key FILE).")
    print("Next: keep a copy of the office identity offline with office backup-identity.")
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    from pace_desktop.office.devices import enrol_device

    with open_central_store(args.central, args.keyring) as central:
        key, new = enrol_device(central, " ".join(args.device_key))
    state = "Enrolled" if new else "Already enrolled:"
    print(f"{state} laptop {key.device_id} (key fingerprint {key.fingerprint[:16]}).")
    return 0


def cmd_retire(args: argparse.Namespace) -> int:
    from pace_desktop.office.devices import retire_device

    with open_central_store(args.central, args.keyring) as central:
        changed = retire_device(central, args.device_id.strip().upper())
    if changed:
        print(
            f"Retired laptop {args.device_id.strip().upper()}: its bundles are refused from now on "
            "(enrol its key again to undo)."
        )
    else:
        print(f"Laptop {args.device_id.strip().upper()} was already retired: nothing changed.")
    return 0


def cmd_backup_identity(args: argparse.Namespace) -> int:
    from pace_desktop.office.central import backup_identity

    with open_central_store(args.central, args.keyring) as central:
        path = backup_identity(central, args.out)
    print(
        f"Wrote {path}, readable by you only. Keep it offline: anyone holding it can read every "
        "bundle sent to this office."
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pace_desktop.errors import UsageError
    from pace_desktop.office.importer import collect_bundles, import_bundles

    files = collect_bundles(args.bundles)
    if not files:
        raise UsageError("No .pacebundle files were found there: check the folder.")
    with open_central_store(args.central, args.keyring) as central:
        results = import_bundles(
            central, files, trust_new_devices=args.trust_new_devices, receipts_dir=args.receipts
        )
    refused = 0
    for result in results:
        if result.verdict == "refused":
            refused += 1
            print(f"pace-desktop: {result.line()}", file=sys.stderr)
        else:
            print(result.line())
    return 3 if refused else 0
