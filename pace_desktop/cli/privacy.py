"""Laptop privacy commands: ``subject-access``, ``correct``, ``erase`` and ``withdraw`` on this laptop.

The same operations as the office's (``cli/office_privacy.py``), on the laptop's own store: an
erasure or withdrawal made here reaches the office in the next export.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop.cli.office_privacy import (
    add_correct_arguments,
    add_erase_arguments,
    add_subject_access_arguments,
    add_withdraw_arguments,
)


def register(sub: argparse._SubParsersAction) -> None:
    for name, help_text, add in (
        (
            "subject-access",
            "everything this laptop holds about one person, as xlsx and JSON",
            add_subject_access_arguments,
        ),
        (
            "correct",
            "correct one person's record on this laptop (versioned and audited)",
            add_correct_arguments,
        ),
        (
            "erase",
            "erase one person from this laptop; the erasure reaches the office in the next export",
            add_erase_arguments,
        ),
        (
            "withdraw",
            "withdraw one of a person's consents; it reaches the office in the next export",
            add_withdraw_arguments,
        ),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--store", type=Path, required=True)
        add(p)
