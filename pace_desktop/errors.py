"""Errors the user may see: each carries one plain-English line and the CLI exit status.

Messages never contain personal data: they name what was wrong and what to do, not whose record.
"""

from __future__ import annotations


class PaceWarning(UserWarning):
    """A warning raised by this project; pytest turns it into an error."""


class PaceError(Exception):
    """Base for every error shown to a user. ``str(err)`` is the one line they read."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(PaceError):
    """The command was used wrongly (exit 2)."""

    exit_code = 2


class OutputExists(UsageError):
    """The output file is already there and replacing it was not asked for (``--force`` on the
    command line; the GUI asks "Replace NAME?" first)."""


class RefusedError(PaceError):
    """Input was refused: wrong passphrase, rejected bundle, invalid record (exit 3)."""

    exit_code = 3


class WrongPassphrase(RefusedError):
    pass


class LockedOut(RefusedError):
    """Too many failed unlocks: wait ``seconds`` before trying again."""

    def __init__(self, seconds: float) -> None:
        secs = max(1, round(seconds))
        super().__init__(f"Too many wrong passphrases: wait {secs} seconds, then try again.")
        self.seconds = seconds


class StoreError(RefusedError):
    """The store file is missing, empty, corrupt, or from a newer app."""


class StoreDamaged(StoreError):
    """The store file failed its integrity check: a page is cut short or does not match its HMAC."""


class ValidationFailed(RefusedError):
    """A record failed validation; ``field_errors`` maps field name to a plain message."""

    def __init__(self, message: str, field_errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.field_errors = field_errors or {}


class BundleRefused(RefusedError):
    pass


class RoleRefused(RefusedError):
    """The central database refused a statement: this login's roles do not allow it. The same for
    every bundle or record, so a loop over many stops at the first rather than repeating it."""


class DiskFull(PaceError):
    def __init__(self) -> None:
        super().__init__("The disk is full: nothing was saved. Free some space and try again.")
