"""Where a command-line passphrase comes from: ``PACE_PASSPHRASE`` for automation, else a hidden prompt."""

from __future__ import annotations

import getpass
import os
import sys

from pace_desktop.errors import UsageError

ENV = "PACE_PASSPHRASE"


def read_passphrase(prompt: str = "Passphrase: ", *, confirm: bool = False) -> str:
    value = os.environ.get(ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"No passphrase: set {ENV} or run this in a terminal to be asked for one.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != first:
        raise UsageError("The two passphrases are different: nothing was created. Try again.")
    return first


NEW_ENV = "PACE_NEW_PASSPHRASE"


def read_new_passphrase(prompt: str = "New passphrase (12 characters or more): ") -> str:
    """A passphrase being set (a new adviser's, or your new one): ``PACE_NEW_PASSPHRASE`` for
    automation, else asked twice at a hidden prompt."""
    value = os.environ.get(NEW_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"No new passphrase: set {NEW_ENV} or run this in a terminal to be asked for one.")
    first = getpass.getpass(prompt)
    if getpass.getpass("Type it again: ") != first:
        raise UsageError("The two passphrases are different: nothing was changed. Try again.")
    return first
