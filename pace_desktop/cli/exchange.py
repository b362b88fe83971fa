"""Laptop exchange commands: ``export`` (one bundle for the office) and ``apply-receipt``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write one encrypted, signed bundle of new records; prints its path")
    p.add_argument("--store", type=Path, required=True)
    p.add_argument(
        "--out", type=Path, help="the folder to write the bundle into (default: the policy's sync address)"
    )
    p.add_argument(
        "--resend-unconfirmed",
        action="store_true",
        help="also send records the office has not yet confirmed (a bundle was lost)",
    )
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "apply-receipt",
        help="apply a receipt (mark records confirmed, purge) or a notice (withdrawals, erasures) "
        "from the office",
    )
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("receipt", type=Path, metavar="RECEIPT")
    p.set_defaults(handler=cmd_apply_receipt)


def cmd_export(args: argparse.Namespace) -> int:
    from pace_desktop import policy
    from pace_desktop.cli.laptop import open_store
    from pace_desktop.errors import UsageError
    from pace_desktop.exchange.export import export_bundle

    fixed = policy.current().sync_address
    if fixed is not None and "://" in fixed:
        fixed = None  # a network address is for syncing, not a folder to write bundles into
    if args.out is None and fixed is None:
        raise UsageError("Say where to write the bundle: --out FOLDER.")
    if fixed is not None and args.out is not None and Path(args.out) != Path(fixed):
        policy.refuse_change("sync_address")
    out = args.out if fixed is None else Path(fixed)  # equal to --out when both are given
    with open_store(args.store) as store:
        result = export_bundle(store, out, resend_unconfirmed=args.resend_unconfirmed)
    # stdout carries only the bundle's path, for scripts; the summary is for the person watching.
    if result.path is not None:
        print(result.path)
    print(result.summary(), file=sys.stderr)
    return 0


def cmd_apply_receipt(args: argparse.Namespace) -> int:
    from pace_desktop.cli.laptop import open_store
    from pace_desktop.privacy.notice_apply import apply_office_file

    # A receipt, or the office's signed notice of withdrawals and erasures: one command for both.
    with open_store(args.store) as store:
        result = apply_office_file(store, args.receipt)
    print(result.summary())
    return 0
