"""Office partner commands: set a partner up, send it a request, take its return back.

``partner-set``, ``partner-agreement`` (its data-sharing agreement), ``partners``, ``partner-request``,
``partner-requests``, ``partner-key``, ``partner-return`` and ``partner-report`` (one partner's own
reciprocity workbook).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store


def register_office(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("partner-set", help="set up a partner: its key, how it matches, its own codes")
    add_central_arguments(p)
    p.add_argument("--partner", required=True, metavar="CODE")
    p.add_argument("--name", help="the partner's name as shown in requests and reports")
    p.add_argument("--recipient", metavar="AGE1…", help="the partner's age public key (age1…)")
    p.add_argument("--no-recipient", action="store_true", help="remove the partner's key")
    p.add_argument("--match", choices=("ni", "name_dob_postcode"), help="the identifiers it matches on")
    p.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE.csv",
        help="its own codes: CSV with columns kind, their_code, our_code",
    )
    p.add_argument(
        "--aggregate-only",
        choices=("yes", "no"),
        help="yes: the partner only matches keyed hashes and returns counts",
    )
    p.set_defaults(handler=cmd_set)

    p = sub.add_parser(
        "partner-agreement",
        help="record or change a partner's data-sharing agreement (nothing is sent without one in force)",
    )
    add_central_arguments(p)
    p.add_argument("--partner", required=True, metavar="CODE")
    p.add_argument("--reference", help="the agreement's reference, e.g. DSA-2026-014")
    p.add_argument("--legal-basis", help="the legal basis for sharing, in words")
    p.add_argument("--scope", help="what the agreement covers")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="the day the agreement took effect")
    p.add_argument("--review", metavar="YYYY-MM-DD", help="the day it must be reviewed by")
    p.set_defaults(handler=cmd_agreement)

    p = sub.add_parser("partners", help="list the partners and how each is set up")
    add_central_arguments(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("partner-request", help="write an encrypted request file for one partner")
    add_central_arguments(p)
    p.add_argument("--partner", required=True, metavar="CODE")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument(
        "--aggregate",
        action="store_true",
        help="keyed hashes instead of identifiers; the partner returns counts only",
    )
    p.set_defaults(handler=cmd_request)

    p = sub.add_parser("partner-requests", help="list the requests sent (all partners, or one)")
    add_central_arguments(p)
    p.add_argument("--partner", metavar="CODE")
    p.set_defaults(handler=cmd_requests)

    p = sub.add_parser("partner-key", help="show an aggregate request's matching key again")
    add_central_arguments(p)
    p.add_argument("--request", required=True, metavar="ID")
    p.set_defaults(handler=cmd_key)

    p = sub.add_parser("partner-return", help="import a partner's return (workbook or counts file)")
    add_central_arguments(p)
    p.add_argument("--partner", required=True, metavar="CODE")
    p.add_argument("--request", metavar="ID", help="the request it answers, if the file does not say")
    p.add_argument("--check", action="store_true", help="check every row and save nothing")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_return)

    p = sub.add_parser("partner-report", help="one partner's own reciprocity workbook, or every partner's")
    add_central_arguments(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--partner", metavar="CODE")
    which.add_argument(
        "--all", action="store_true", help="every listed partner, one workbook each, into the --out folder"
    )
    p.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx|FOLDER")
    p.add_argument("--force", action="store_true", help="replace the output file if it already exists")
    p.set_defaults(handler=cmd_report)


def cmd_set(args: argparse.Namespace) -> int:
    from pace_desktop.errors import UsageError
    from pace_desktop.partners.mappings import read_mapping_file
    from pace_desktop.partners.registry import check_code, check_recipient, set_partner

    check_code(args.partner)
    if args.recipient and args.no_recipient:
        raise UsageError("Give --recipient or --no-recipient, not both.")
    changes: dict[str, object] = {}
    if args.name is not None:
        changes["name"] = args.name
    if args.recipient:
        changes["recipient"] = check_recipient(args.recipient)
    if args.no_recipient:
        changes["recipient"] = None
    if args.match:
        changes["match_on"] = args.match
    if args.mapping:
        changes["mappings"] = read_mapping_file(args.mapping)  # before the passphrase: fail fast
    if args.aggregate_only:
        changes["aggregate_only"] = args.aggregate_only == "yes"
    with open_central_store(args.central, args.keyring) as central:
        partner = set_partner(central, args.partner, **changes)  # type: ignore[arg-type]
    print("\n".join(partner.describe()))
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from pace_desktop.partners.agreements import parse_day, set_agreement, status_line
    from pace_desktop.partners.registry import check_code

    code = check_code(args.partner)
    # Dates checked before the passphrase is asked for: fail fast.
    if args.start is not None:
        parse_day(args.start, "start date")
    if args.review is not None:
        parse_day(args.review, "review date")
    with open_central_store(args.central, args.keyring) as central:
        agreement = set_agreement(
            central,
            code,
            reference=args.reference,
            legal_basis=args.legal_basis,
            scope=args.scope,
            start=args.start,
            review=args.review,
        )
    print(f"{code}'s data-sharing agreement was saved.")
    print("\n".join(agreement.describe()))
    print(status_line(code, agreement))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from pace_desktop.partners.agreements import list_agreements, status_line
    from pace_desktop.partners.registry import list_partners

    with open_central_store(args.central, args.keyring) as central:
        partners, agreements = list_partners(central), list_agreements(central)
    for partner in partners:
        agreement = agreements.get(partner.code)
        print("\n".join(partner.describe()))
        if agreement is not None:
            print("\n".join(agreement.describe()))
        print(f"  {status_line(partner.code, agreement)}")
    return 0


def cmd_request(args: argparse.Namespace) -> int:
    from pace_desktop.errors import UsageError
    from pace_desktop.partners.registry import check_code
    from pace_desktop.partners.request import make_request

    check_code(args.partner)
    if not args.out.is_dir():
        raise UsageError(f"The folder {args.out} does not exist: create it or choose another.")
    with open_central_store(args.central, args.keyring) as central:
        result = make_request(central, args.partner, args.out, aggregate=args.aggregate)
    print("\n".join(result.lines()))
    return 0


def cmd_requests(args: argparse.Namespace) -> int:
    from pace_desktop.partners.history import list_requests
    from pace_desktop.partners.registry import check_code

    code = check_code(args.partner) if args.partner else None
    with open_central_store(args.central, args.keyring) as central:
        rows = list_requests(central, code)
    if not rows:
        print("No requests have been sent" + (f" to {code}." if code else "."))
    for r in rows:
        print(
            f"{r.id}  {r.created_at[:16].replace('T', ' ')}  {r.kind:<10}  {r.sent:>6,} sent  "
            f"{r.withdrawn:>4,} to delete  {r.returns} return{'s' if r.returns != 1 else ''}  {r.file_name}"
        )
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    from pace_desktop.partners.history import request_key

    with open_central_store(args.central, args.keyring) as central:
        key = request_key(central, args.request.strip())
    print(f"Matching key for {args.request.strip()} (give it by another route than the file): {key}")
    return 0


def cmd_return(args: argparse.Namespace) -> int:
    from pace_desktop.partners.registry import check_code
    from pace_desktop.partners.returns import import_return

    check_code(args.partner)
    with open_central_store(args.central, args.keyring) as central:
        result = import_return(
            central, args.partner, args.file, request_id=args.request, apply=not args.check
        )
    print(result.summary())
    for note in result.notes:
        print(note)
    for problem in result.problems:
        print(f"pace-desktop: {problem.line()}", file=sys.stderr)
    return 3 if result.problems else 0


def cmd_report(args: argparse.Namespace) -> int:
    from pace_desktop.errors import UsageError
    from pace_desktop.partners.reciprocity import write_all_partner_reports, write_partner_report
    from pace_desktop.partners.registry import check_code
    from pace_desktop.reports.output import check_xlsx_path

    if args.all:
        if not args.out.is_dir():  # before the passphrase prompt
            raise UsageError(
                "With --all, --out names the folder for the reports: create it or choose another."
            )
        with open_central_store(args.central, args.keyring) as central:
            result = write_all_partner_reports(central, args.out, overwrite=args.force)
        print(f"Wrote {len(result.written)} partners' reciprocity reports to {args.out}.")
        for refused in result.refused:  # never skipped in silence: each by name, in one line
            print(f"pace-desktop: {refused.message}", file=sys.stderr)
        return 3 if result.refused else 0

    check_code(args.partner)
    check_xlsx_path(args.out, overwrite=args.force)
    with open_central_store(args.central, args.keyring) as central:
        path = write_partner_report(central, args.partner, args.out, overwrite=args.force)
    print(f"Wrote {check_code(args.partner)}'s reciprocity report to {path}.")
    return 0
