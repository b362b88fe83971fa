"""``pace-desktop self-check``: the headless smoke test."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("self-check", help="headless end-to-end smoke test; exit 0 when healthy")
    p.set_defaults(handler=cmd_self_check)


def cmd_self_check(args: argparse.Namespace) -> int:
    from pace_desktop.selfcheck import run

    def report(name: str, ok: bool) -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {name}", file=sys.stdout if ok else sys.stderr)

    return 0 if run(report) else 1
