"""The ``pace-desktop`` command line: stable names, exit codes and one-line errors (PRODUCT.md).

Exit status: 0 success, 2 usage error, 3 refused input, 1 anything unexpected. Errors are one line on
stderr, never a traceback (a traceback can carry personal data from the values in play).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from pace_desktop import __version__
from pace_desktop.errors import PaceError, UsageError

# Each module defines register(subparsers); handlers import what they need lazily, so that starting the
# GUI does not pay for openpyxl or the exchange code.
COMMAND_MODULES = (
    "pace_desktop.cli.laptop",
    "pace_desktop.cli.selfcheck",
    "pace_desktop.cli.exchange",
    "pace_desktop.cli.privacy",
    "pace_desktop.cli.office",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see pace-desktop --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pace-desktop",
                     description="PACE Intake: register, export and import PACE clients.")
    parser.add_argument("--version", action="version", version=f"PACE Intake {__version__}")
    parser.add_argument("--store", type=Path, help="the store file (default: your data folder)")
    parser.add_argument("--demo", action="store_true", help="open a throwaway store of fictional data")
    parser.add_argument("--office", action="store_true", help="office mode: import, reports, partners")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a command group not built yet
        module.register(sub)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from pace_desktop.ui.app import run

    return run(store=args.store, demo=args.demo, office=args.office)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        handler = getattr(args, "handler", None)
        return int(handler(args) if handler else run_gui(args))
    except PaceError as exc:
        print(f"pace-desktop: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("pace-desktop: stopped; nothing half-saved.", file=sys.stderr)
        return 1
    except OSError as exc:
        # File errors name the file the user gave, never record contents.
        print(f"pace-desktop: {exc.strerror or 'a file could not be read or written'}"
              f"{': ' + str(exc.filename) if exc.filename else ''}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, no traceback
        print(f"pace-desktop: something unexpected went wrong ({type(exc).__name__}); "
              "nothing more was saved.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
