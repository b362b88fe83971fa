"""Office privacy commands: ``office subject-access|correct|erase|withdraw|notices|retention``.

Each names one person by PACE ID and does one thing, so a request from a person maps to one command.
The handlers also serve the laptop's own commands (``cli/privacy.py``): they open whichever store
the arguments name (``--central`` here, ``--store`` there).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store
from pace_desktop.errors import UsageError


def register_office(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("subject-access", help="everything held about one person, as xlsx and JSON")
    add_central_arguments(p)
    add_subject_access_arguments(p)

    p = sub.add_parser("correct", help="correct one person's record (versioned and audited)")
    add_central_arguments(p)
    add_correct_arguments(p)

    p = sub.add_parser("erase", help="erase one person for good, leaving only a tombstone")
    add_central_arguments(p)
    add_erase_arguments(p)

    p = sub.add_parser("withdraw", help="withdraw one of a person's consents (who and when recorded)")
    add_central_arguments(p)
    add_withdraw_arguments(p)

    p = sub.add_parser(
        "notices", help="write the signed notice files that carry withdrawals and erasures to laptops"
    )
    add_central_arguments(p)
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write them into")
    p.set_defaults(handler=cmd_notices)

    p = sub.add_parser("retention", help="list who is past the retention period; --apply to act")
    add_central_arguments(p)
    p.add_argument(
        "--years",
        type=int,
        help="keep identifiable data this many years after last contact "
        "(default: the central store's setting, 6 unless changed)",
    )
    p.add_argument("--apply", action="store_true", help="de-identify or erase the people listed")
    p.set_defaults(handler=cmd_retention)


# -- arguments shared with the laptop's commands ---------------------------------------------------


def add_subject_access_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pace-id", required=True, metavar="ID")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    p.add_argument(
        "--json",
        type=Path,
        metavar="FILE.json",
        help="where to write the JSON copy (default: beside the xlsx, same name)",
    )
    p.add_argument("--force", action="store_true", help="replace the output file if it already exists")
    p.set_defaults(handler=cmd_subject_access)


def add_correct_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pace-id", required=True, metavar="ID")
    p.add_argument(
        "--set",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        dest="changes",
        help="a field and its corrected value, e.g. --set postcode='G51 1AA' (repeatable; "
        "an empty value clears an optional field)",
    )
    p.add_argument(
        "--record",
        metavar="KIND:ID",
        help="correct another of the person's records, e.g. outcome:<id> (default: their details)",
    )
    p.set_defaults(handler=cmd_correct)


def add_erase_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pace-id", required=True, metavar="ID")
    p.add_argument(
        "--reason",
        required=True,
        metavar="TEXT",
        help="why, in a few words, never naming the person (kept in the tombstone)",
    )
    p.set_defaults(handler=cmd_erase)


def add_withdraw_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pace-id", required=True, metavar="ID")
    p.add_argument(
        "--purpose",
        required=True,
        metavar="P",
        help="pace_support, contact_followup, client_survey, anonymised_statistics or share_<PARTNER>",
    )
    p.set_defaults(handler=cmd_withdraw)


# -- handlers ---------------------------------------------------------------------------------------


def _open(args: argparse.Namespace):  # noqa: ANN202 - returns Store; imported lazily
    from pace_desktop.passphrase import read_passphrase

    central = getattr(args, "central", None)
    if central is not None:
        return open_central_store(central, getattr(args, "keyring", None))
    from pace_desktop.store.store import Store

    return Store.open(args.store, read_passphrase())


def cmd_subject_access(args: argparse.Namespace) -> int:
    from pace_desktop.privacy.access_files import write_subject_access
    from pace_desktop.reports.output import check_output_path, check_xlsx_path

    # Before the passphrase: a wrong name should not cost an unlock.
    out = check_xlsx_path(args.out, overwrite=args.force)
    json_out = args.json or out.with_suffix(".json")
    check_output_path(json_out, overwrite=args.force, what="JSON copy")
    with _open(args) as store:
        result = write_subject_access(store, args.pace_id, out, json_out=json_out, overwrite=args.force)
    print(result.describe())
    return 0


def parse_changes(pairs: list[str]) -> dict[str, str | None]:
    changes: dict[str, str | None] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError("Give each correction as FIELD=VALUE, e.g. --set postcode='G51 1AA'.")
        changes[name.strip()] = value if value.strip() else None
    return changes


def cmd_correct(args: argparse.Namespace) -> int:
    from pace_desktop.privacy.correction import correct

    changes = parse_changes(args.changes)
    entity, record_id = "client", None
    if args.record:
        entity, sep, record_id = args.record.partition(":")
        if not sep or not record_id:
            raise UsageError("Give the record as KIND:ID, e.g. --record outcome:<id>.")
    with _open(args) as store:
        result = correct(store, args.pace_id, changes, entity=entity.strip(), record_id=record_id)
    print(result.summary())
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    from pace_desktop.privacy.erasure import check_reason, erase

    check_reason(args.reason)
    with _open(args) as store:
        result = erase(store, args.pace_id, args.reason)
    print(result.summary())
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    from pace_desktop.privacy.withdrawal import check_purpose, withdraw

    check_purpose(args.purpose)
    with _open(args) as store:
        result = withdraw(store, args.pace_id, args.purpose)
    print(result.summary())
    return 0


def cmd_notices(args: argparse.Namespace) -> int:
    from pace_desktop.privacy.notices import write_notices

    if not args.out.is_dir():
        raise UsageError(f"The folder {args.out} does not exist: create it or choose another.")
    with _open(args) as store:
        written = write_notices(store, args.out)
    if not written:
        print("No withdrawals or erasures made at the office need to reach a laptop.")
    for notice in written:
        print(notice.line())
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from pace_desktop.privacy.retention import apply_retention, plan_retention

    with _open(args) as store:
        plan = plan_retention(store, years=args.years)
        for item in plan.items:
            print(item.line())
        print(plan.summary())
        if args.apply and plan.items:
            print(apply_retention(store, plan).summary())
        elif plan.items:
            print("Nothing was changed: run again with --apply to do this.")
    return 0
