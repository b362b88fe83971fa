"""``pace-desktop office report``: one of the office's xlsx workbooks from the central store."""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store
from pace_desktop.reports.kinds import REPORTS


def register_office(office_sub: argparse._SubParsersAction) -> None:
    p = office_sub.add_parser("report", help="write an xlsx report from the central store")
    add_central_arguments(p)
    p.add_argument("--out", type=Path, required=True, help="the workbook to write (FILE.xlsx)")
    # Choices come from the reports registry, so a kind added there appears here too.
    p.add_argument(
        "--kind",
        default="records",
        choices=list(REPORTS),
        help="; ".join(f"{k.name}: {k.description}" for k in REPORTS.values()) + " (default: records)",
    )
    p.add_argument("--force", action="store_true", help="replace the output file if it already exists")
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from pace_desktop.cli.laptop import open_store
    from pace_desktop.reports.output import check_xlsx_path
    from pace_desktop.reports.report import write_report

    # Before the passphrase prompt: a wrong name should not cost an unlock.
    check_xlsx_path(args.out, overwrite=args.force)
    with open_central_store(args.central, args.keyring, open_store) as store:
        result = write_report(store, args.kind, args.out, overwrite=args.force)
    print(result.describe())
    return 0
