"""``office checklist-validation`` (one line) and ``office impact-summary`` (a one-page PNG or PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store


def register_office(office_sub: argparse._SubParsersAction) -> None:
    p = office_sub.add_parser(
        "checklist-validation", help="how well the checklist bands predict unemployment at 12 months"
    )
    add_central_arguments(p)
    p.set_defaults(handler=cmd_validation)
    p = office_sub.add_parser("impact-summary", help="a one-page impact summary as PNG or PDF")
    add_central_arguments(p)
    p.add_argument("--out", type=Path, required=True, metavar="FILE.png|FILE.pdf")
    p.set_defaults(handler=cmd_summary)


def cmd_validation(args: argparse.Namespace) -> int:
    from pace_desktop.reports.impact import gather
    from pace_desktop.reports.validation import validate

    with open_central_store(args.central, args.keyring) as store:
        line = validate(gather(store)).line()
    print(line)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from pace_desktop.errors import UsageError
    from pace_desktop.reports.impact_summary import summary_page

    if args.out.suffix.lower() not in (".png", ".pdf"):
        raise UsageError("Give the summary a file name ending in .png or .pdf.")
    with open_central_store(args.central, args.keyring) as store:
        page = summary_page(store)
        with store.transaction():
            store.audit("report", "report", detail="kind=impact_summary")
    # The command line sits above the UI (tests/test_layering.py): Qt is loaded for this command only.
    from pace_desktop.ui.impact_page import render  # noqa: TID251

    render(page, args.out)
    print(f"Wrote the impact summary to {args.out}.")
    return 0
