"""Failed-unlock back-off, kept in a small file beside the store so a restart does not reset it.

The file holds only a count and a time: no names, nothing from the store. Policy: the first
``FREE_FAILURES`` wrong passphrases cost nothing, then each one doubles the wait from ``FIRST_WAIT``
seconds up to ``MAX_WAIT``. A missing file means no failures yet; a file that is there but cannot be
read or makes no sense counts as already at the cap (fail closed): breaking it buys no guesses.

Each attempt is counted *before* the passphrase is tried (``begin_attempt``) and the count is reset only
after it proved right, so a crash, a kill or a write that fails can never leave a wrong guess uncounted:
if the count cannot be written (full disk, read-only folder, a name too long for its temp file), the
passphrase is not tried at all.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path

from pace_desktop.errors import DiskFull, LockedOut, PaceError, StoreError
from pace_desktop.store.atomic import write_atomic

FREE_FAILURES = 3
FIRST_WAIT = 5.0
MAX_WAIT = 15 * 60.0
FORMAT_VERSION = 1
_MAX_BYTES = 4096

NOT_RECORDED = (
    "The passphrase was not tried: the unlock record beside the store could not be saved. Check that "
    "the folder can be written to and the disk has space, then try again."
)

# The smallest failure count whose wait reaches the cap: where an unreadable file puts us.
CAP_FAILURES = FREE_FAILURES + 1 + math.ceil(math.log2(MAX_WAIT / FIRST_WAIT))


def delay_for(failures: int) -> float:
    """Seconds to wait after the ``failures``-th failure in a row."""
    if failures <= FREE_FAILURES:
        return 0.0
    doublings = min(failures - FREE_FAILURES - 1, 32)  # bounded: a huge count must not overflow
    return min(FIRST_WAIT * 2.0**doublings, MAX_WAIT)


class Backoff:
    """One store's failed-unlock state: ``check()`` before a passphrase is tried, then record it."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self._failures, self._last = self._load()

    @property
    def failures(self) -> int:
        return self._failures

    def wait_seconds(self) -> float:
        """Seconds until the next attempt is allowed; 0 when one is allowed now."""
        delay = delay_for(self._failures)
        if delay <= 0:
            return 0.0
        # A clock set back (now before the last failure) counts as no time passed, not as more.
        elapsed = max(0.0, self._clock() - self._last)
        return max(0.0, delay - elapsed)

    def check(self) -> None:
        """Raise ``LockedOut`` while the wait after the last failures has not yet passed."""
        wait = self.wait_seconds()
        if wait > 0:
            raise LockedOut(wait)

    def begin_attempt(self) -> None:
        """Before a passphrase is tried: check the wait, then write this attempt down as a failure.

        A right passphrase then calls ``record_success``; a wrong one needs nothing more. If the attempt
        cannot be written down, raise ``StoreError`` and let no passphrase be tried (fail closed).
        """
        self.check()
        on_disk, _ = self._load()
        try:
            self._save(max(self._failures, on_disk) + 1, self._clock())
        except (StoreError, DiskFull) as exc:
            raise StoreError(NOT_RECORDED) from exc

    def record_failure(self) -> None:
        # Re-read first: another window of the app may have recorded failures since this one loaded.
        on_disk, _ = self._load()
        self._save(max(self._failures, on_disk) + 1, self._clock())

    def record_success(self) -> None:
        """Back to no failures: the file is removed (a missing file means none). Cheaper than a synced
        rewrite at every unlock, and safe either way: should the removal fail, or not survive a power
        cut, the count stays higher, never lower."""
        if self._failures == 0 and not self.path.exists():
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            self._save(0, 0.0)  # cannot remove it (a folder rule, say): write the reset instead
            return
        self._failures, self._last = 0, 0.0

    # -- the file ----------------------------------------------------------------------------------
    def _load(self) -> tuple[int, float]:
        try:
            with self.path.open("rb") as handle:
                raw = handle.read(_MAX_BYTES + 1)
        except FileNotFoundError:
            return 0, 0.0
        except OSError:
            return self._fail_closed()
        try:
            if len(raw) > _MAX_BYTES:
                raise ValueError("too large")
            state = json.loads(raw.decode("utf-8"))
            if not isinstance(state, dict) or state.get("version") != FORMAT_VERSION:
                raise ValueError("unknown layout")
            failures, last = state["failures"], state["last_failure"]
            if type(failures) is not int or failures < 0:
                raise ValueError("bad count")
            if type(last) not in (int, float) or not math.isfinite(last):
                raise ValueError("bad time")
        except (ValueError, KeyError, UnicodeDecodeError):
            return self._fail_closed()
        return failures, float(last)

    def _fail_closed(self) -> tuple[int, float]:
        """Start a full wait from now and write that down, so that it ends MAX_WAIT from now."""
        now = self._clock()
        try:
            self._write(CAP_FAILURES, now)
        except (OSError, PaceError):
            pass  # still locked: a file that can be neither read nor written keeps failing closed
        return CAP_FAILURES, now

    def _save(self, failures: int, last: float) -> None:
        self._write(failures, last)
        self._failures, self._last = failures, last

    def _write(self, failures: int, last: float) -> None:
        data = json.dumps({"version": FORMAT_VERSION, "failures": failures, "last_failure": last})
        try:
            write_atomic(self.path, data.encode("utf-8"))
        except OSError as exc:
            raise StoreError(
                "The unlock record beside the store could not be saved: check that the folder "
                "can be written to, then try again."
            ) from exc
