"""Replace a small file all at once: after a crash or power cut it holds the old bytes or the new.

Used for the key-slot and back-off files beside the store, and to restore a backup. The writing itself
is ``pace_desktop.durable``'s (temp file fsync'd, renamed, folder fsync'd); this module fixes its
options for these files and says a full disk as ``DiskFull``.
"""

from __future__ import annotations

from pathlib import Path

from pace_desktop.durable import DISK_FULL, write_file
from pace_desktop.errors import DiskFull


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` via a temp file in its folder (``.NAME.XXXXXXXX.tmp``), fsync'd before
    and after renaming, with permissions exactly ``mode`` whatever the umask.

    The temp file is removed on any error, so a failed write leaves the old file exactly as it was.
    A full disk raises ``DiskFull``; other OS errors propagate for the caller to name.
    """
    try:
        write_file(Path(path), data, mode=mode, temp_suffix=".tmp", exact_mode=True)
    except OSError as exc:
        if exc.errno in DISK_FULL:
            raise DiskFull() from exc
        raise
