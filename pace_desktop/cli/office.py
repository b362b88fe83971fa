"""``pace-desktop office …``: the office's commands, gathered from their own modules."""

from __future__ import annotations

import argparse
import importlib

# Each module defines register_office(office_subparsers).
OFFICE_COMMAND_MODULES: tuple[str, ...] = (
    "pace_desktop.cli.office_exchange",
    "pace_desktop.cli.office_reports",
    "pace_desktop.cli.office_partners",
    "pace_desktop.cli.office_reference",
    "pace_desktop.cli.office_privacy",
    "pace_desktop.cli.sync",
    "pace_desktop.cli.office_database",
    "pace_desktop.cli.office_crm",
    "pace_desktop.cli.followup",
    "pace_desktop.cli.office_impact",
    "pace_desktop.cli.office_recover",
)


def register(sub: argparse._SubParsersAction) -> None:
    office = sub.add_parser("office", help="office commands: init, enrol, import, report, …")
    office_sub = office.add_subparsers(
        dest="office_command", metavar="OFFICE_COMMAND", parser_class=type(office), required=True
    )
    for name in OFFICE_COMMAND_MODULES:
        importlib.import_module(name).register_office(office_sub)
