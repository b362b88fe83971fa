"""The ``pace-desktop`` command line: stable names, exit codes and one-line errors (README.md).

Exit status: 0 success, 2 usage error, 3 refused input, 1 anything unexpected. Errors are one line on
stderr, never a traceback (a traceback can carry personal data from the values in play). Every run
logs to the rotating log with no personal data, and anything unexpected leaves a crash report for
support (``diagnostics``); ``--verbose`` logs more and echoes the log to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from pace_desktop.errors import PaceError, UsageError

# Each module defines register(subparsers); handlers import what they need lazily, so that starting the
# GUI does not pay for openpyxl or the exchange code.
COMMAND_MODULES = (
    "pace_desktop.cli.laptop",
    "pace_desktop.cli.keys",
    "pace_desktop.cli.selfcheck",
    "pace_desktop.cli.exchange",
    "pace_desktop.cli.sync",
    "pace_desktop.cli.privacy",
    "pace_desktop.cli.office",
    "pace_desktop.cli.followup",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see pace-desktop --help)")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; with ``commands=False`` only the GUI's own options (a faster start)."""
    parser = _Parser(
        prog="pace-desktop", description="PACE Intake: register, export and import PACE clients."
    )
    parser.add_argument("--store", type=Path, help="the store file (default: your data folder)")
    parser.add_argument("--demo", action="store_true", help="open a throwaway store of fictional data")
    parser.add_argument("--office", action="store_true", help="office mode: import, reports, partners")
    parser.add_argument(
        "--database",
        metavar="postgresql://…",
        help="with --office: the office's central database; --store is then the central store file "
        "kept as its keyring",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="for support: log more, and show the log as it is written (no personal data)",
    )
    if not commands:
        return parser
    import pace_desktop  # its version is read from the package metadata on first use (~20 ms)

    parser.add_argument("--version", action="version", version=f"PACE Intake {pace_desktop.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from pace_desktop.ui.app import run

    if args.database and not args.office:
        raise UsageError("--database is for the office's window: add --office.")
    return run(store=args.store, demo=args.demo, office=args.office, database=args.database)


_GUI_FLAGS = frozenset({"--demo", "--office", "--verbose"})


def gui_only(argv: Sequence[str]) -> bool:
    """True when ``argv`` holds nothing but the GUI's options, so no command's parser is needed.

    Building every command group's parser took a tenth of the time to the unlock screen (the
    start-up budget); anything else (a command, --help, --version, a typo) gets the whole parser.
    """
    i = 0
    while i < len(argv):
        if argv[i] in _GUI_FLAGS or argv[i].startswith(("--store=", "--database=")):
            i += 1
        elif argv[i] in ("--store", "--database") and i + 1 < len(argv):
            i += 2
        else:
            return False
    return True


def _one_line(text: str) -> str:
    """A message as one line: a line break or control character (from a typed path) shown as '?'."""
    return "".join("?" if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)


_TEXT_PATHS = frozenset({"central", "database"})


def check_path_arguments(args: argparse.Namespace) -> None:
    """Refuse a file or folder name with a line break or control character, before any work."""
    for key, value in vars(args).items():
        for item in value if isinstance(value, list | tuple) else (value,):
            # --central is text (a file, or a postgresql:// address) but names a file as often.
            named = isinstance(item, Path) or (key in _TEXT_PATHS and isinstance(item, str))
            if named and any(ord(ch) < 32 or ord(ch) == 127 for ch in str(item)):
                raise UsageError(
                    "A file or folder name has a line break or another control character "
                    "in it: type the name again without it."
                )


def _command_name(args: argparse.Namespace) -> str:
    """The command's name for the log, as the parser chose it: never a value the user typed."""
    named = [getattr(args, "command", None), getattr(args, "office_command", None)]
    return " ".join(n for n in named if n) or "gui"


def main(argv: Sequence[str] | None = None) -> int:
    from pace_desktop import diagnostics

    words = list(sys.argv[1:] if argv is None else argv)
    diagnostics.setup_logging(verbose="--verbose" in words)
    if argv is None:  # the real entry point: crash reports for anything uncaught, in any thread
        diagnostics.install_excepthooks()
    log = diagnostics.log
    command = "(not parsed)"
    try:
        from pace_desktop import policy

        policy.current()  # a broken policy file stops every command and the GUI (fail closed)
        args = build_parser(commands=not gui_only(words)).parse_args(words)
        command = _command_name(args)
        log.info("start: %s", command)
        check_path_arguments(args)
        handler = getattr(args, "handler", None)
        code = int(handler(args) if handler else run_gui(args))
        log.info("done: %s, exit %d", command, code)
        return code
    except PaceError as exc:
        # The class, never the message: a message can name a file the user typed.
        log.info("refused: %s, %s, exit %d", command, type(exc).__name__, exc.exit_code)
        diagnostics.tell(_one_line(exc.message))  # a native box too where there is no console
        return exc.exit_code
    except KeyboardInterrupt:
        log.info("stopped: %s", command)
        print("pace-desktop: stopped; nothing half-saved.", file=sys.stderr)
        return 1
    except OSError as exc:
        log.warning("file error: %s, %s (errno %s)", command, type(exc).__name__, exc.errno)
        # File errors name the file the user gave, never record contents.
        print(
            _one_line(
                f"pace-desktop: {exc.strerror or 'a file could not be read or written'}"
                f"{': ' + str(exc.filename) if exc.filename else ''}"
            ),
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, no traceback
        # The report, and the line on stderr, in the window's box, or (no window yet, no console)
        # in a native one: a failure while the GUI starts is never silent.
        diagnostics.report_crash(type(exc), exc.__traceback__)
        return 1


if __name__ == "__main__":
    sys.exit(main())
