"""Replace a small file all at once: after a crash or power cut it holds the old bytes or the new.

Used for the key-slot and back-off files beside the store, and to restore a backup.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from pace_desktop.errors import DiskFull

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` via a temp file in its folder, fsync'd before and after renaming.

    The temp file is removed on any error, so a failed write leaves the old file exactly as it was.
    A full disk raises ``DiskFull``; other OS errors propagate for the caller to name.
    """
    path = Path(path)
    folder = path.parent
    # Same folder, so os.replace is a rename within one file system (atomic), never a copy.
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if not hasattr(os, "fchmod"):
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
            raise DiskFull() from exc
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable. Windows cannot open a folder to fsync it, nor needs to."""
    if os.name == "nt":
        return
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    except OSError as exc:
        # Some file systems (network shares, a few FUSE mounts) refuse fsync on a folder: the file
        # itself is already durable and in place, so that is not worth failing the save for.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(dir_fd)
