"""``pace-desktop office export-crm``: the CRM hand-off (per-entity CSV, deletions, manifest)."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store


def register_office(office_sub: argparse._SubParsersAction) -> None:
    p = office_sub.add_parser(
        "export-crm",
        help="write CSV files for the CRM of everything changed since the last hand-off, with deletions",
    )
    add_central_arguments(p)
    p.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="the folder to write the hand-off folder into"
    )
    p.add_argument(
        "--max-mb",
        type=float,
        default=8.0,
        metavar="MB",
        help="largest CSV file, in megabytes (default 8, the Dataverse import limit)",
    )
    p.add_argument(
        "--full", action="store_true", help="every record and every erasure again, e.g. to load a new CRM"
    )
    p.set_defaults(handler=cmd_export_crm)


def cmd_export_crm(args: argparse.Namespace) -> int:
    from pace_desktop.errors import UsageError
    from pace_desktop.reports.crm import MIN_MAX_BYTES, check_out_dir, export_crm

    check_out_dir(args.out)  # before the passphrase prompt: a wrong folder should not cost an unlock
    max_bytes = int(args.max_mb * 1_000_000) if math.isfinite(args.max_mb) else 0
    if max_bytes < MIN_MAX_BYTES:
        raise UsageError(f"--max-mb must be at least {MIN_MAX_BYTES / 1_000_000:g}.")
    with open_central_store(args.central, args.keyring) as central:
        result = export_crm(central, args.out, max_bytes=max_bytes, full=args.full)
    print(result.describe())
    return 0
