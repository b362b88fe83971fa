"""Follow-up commands for a laptop (``followup-due``, ``followup-record``) and the office
(``office followup-due``, ``office followup-record``, ``office survey-sample``).

Lists show PACE IDs (and names only with ``--names``): the adviser looks the person up to call them.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store
from pace_desktop.errors import UsageError


def _when(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError("Give dates as YYYY-MM-DD, e.g. 2026-03-31.") from None


def _due_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--purpose",
        choices=("contact_followup", "client_survey"),
        default="contact_followup",
        help="whose consent to follow: advisers' contacts or the client survey",
    )
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day to list for (default: today)")
    p.add_argument("--months", default="3,6,12", help="follow-up points after leaving (default 3,6,12)")
    p.add_argument("--names", action="store_true", help="show names beside PACE IDs")


def _record_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pace-id", required=True)
    p.add_argument("--status", required=True, help="in_work, training, self_employed, unemployed or unknown")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="when the person was in that position")
    p.add_argument("--note", help="what the person said, briefly")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("followup-due", help="people who agreed to follow-up and are due a contact")
    p.add_argument("--store", type=Path, required=True)
    _due_options(p)
    p.set_defaults(handler=cmd_due, opener="laptop")
    p = sub.add_parser("followup-record", help="record what a follow-up contact found (an outcome)")
    p.add_argument("--store", type=Path, required=True)
    _record_options(p)
    p.set_defaults(handler=cmd_record, opener="laptop")


def register_office(office_sub: argparse._SubParsersAction) -> None:
    p = office_sub.add_parser("followup-due", help="people who agreed to follow-up and are due a contact")
    add_central_arguments(p)
    _due_options(p)
    p.set_defaults(handler=cmd_due, opener="central")
    p = office_sub.add_parser("followup-record", help="record what a follow-up contact found (an outcome)")
    add_central_arguments(p)
    _record_options(p)
    p.set_defaults(handler=cmd_record, opener="central")
    p = office_sub.add_parser(
        "survey-sample", help="CSV of people due for the PACE client survey who agreed to it"
    )
    add_central_arguments(p)
    p.add_argument("--out", type=Path, required=True, metavar="FILE.csv")
    p.add_argument("--as-of", metavar="YYYY-MM-DD")
    p.add_argument("--months", default="3,6,12")
    p.set_defaults(handler=cmd_survey, opener="central")


def _open(args: argparse.Namespace):  # noqa: ANN202 - returns Store; imported lazily
    if args.opener == "central":
        return open_central_store(args.central, getattr(args, "keyring", None))
    from pace_desktop.cli.laptop import open_store

    return open_store(args.store)


def cmd_due(args: argparse.Namespace) -> int:
    from pace_desktop.followup.due import due_list
    from pace_desktop.followup.schedule import parse_months
    from pace_desktop.records.enums import OutcomeStatus

    months = parse_months(args.months)
    as_of = _when(args.as_of) if args.as_of else None
    with _open(args) as store:
        listing = due_list(store, purpose=args.purpose, as_of=as_of, months=months)
    for d in listing.due:
        last = "no outcome yet"
        if d.last_status:
            labels = {m.value: m.label for m in OutcomeStatus}
            label = labels.get(d.last_status, d.last_status)
            last = f"last: {label} ({d.last_date.isoformat() if d.last_date else '?'})"
        name = f"  {d.name}" if args.names else ""
        print(
            f"{d.pace_id}{name}  {d.months} months  due {d.due.isoformat()}  left {d.leaving.isoformat()}"
            f"  {last}"
        )
    print(listing.describe())
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from pace_desktop.followup.due import find_client, parse_status, record_followup

    status = parse_status(args.status)
    day = _when(args.date)
    with _open(args) as store:
        client = find_client(store, args.pace_id)
        saved = record_followup(store, client.id, status, day, args.note)
    print(f"Recorded {saved.status.label} on {saved.date.isoformat()} for {client.pace_id}.")
    return 0


def cmd_survey(args: argparse.Namespace) -> int:
    from pace_desktop.followup.due import survey_sample
    from pace_desktop.followup.schedule import parse_months

    months = parse_months(args.months)
    as_of = _when(args.as_of) if args.as_of else None
    with _open(args) as store:
        n = survey_sample(store, args.out, as_of=as_of, months=months)
    print(f"Wrote {n} people who agreed to the client survey to {args.out}.")
    return 0
