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
