"""Writing exchange files safely: a temp file in the target folder, fsync, rename, fsync the folder.

A crash or full disk leaves either the old state or the complete new file, never half a bundle or
receipt under its real name; the temp file is removed on any error.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from pace_desktop.errors import DiskFull, PaceError


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened: Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_durably(target: Path, data: bytes, *, replace: bool = True, mode: int = 0o644) -> Path:
    """Write ``data`` to ``target`` atomically; with ``replace=False`` an existing file stays."""
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise PaceError(f"The folder {folder} does not exist: create it or choose another.")
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.part"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if replace:
            os.replace(temp, target)
        else:
            # link() refuses an existing name: a file someone wrote meanwhile is never clobbered.
            try:
                os.link(temp, target)
            except FileExistsError:
                raise
            except OSError:
                if target.exists():
                    raise FileExistsError(errno.EEXIST, "file exists", str(target)) from None
                os.replace(temp, target)
            temp.unlink(missing_ok=True)
        fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull() from exc
        if isinstance(exc, FileExistsError):
            raise  # callers say "choose a new name" their own way
        # A failing disk or stick (EIO and the like): one line that says what happened and what to do.
        raise PaceError(
            f"{target.name} could not be written to {folder} ({exc.strerror or 'a write failed'}): "
            "nothing was written there. Check the disk or USB stick, then try again."
        ) from exc
    return target


def read_capped(path: Path, cap: int, what: str) -> bytes:
    """Read a file that must not exceed ``cap`` bytes; its size is checked before reading."""
    from pace_desktop.errors import RefusedError

    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RefusedError(f"The {what} {path.name} could not be read: check the path.") from exc
    if size > cap:
        raise RefusedError(
            f"The {what} {path.name} is larger than the {cap // 2**20} MB limit: it was not opened."
        )
    with path.open("rb") as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise RefusedError(
            f"The {what} {path.name} is larger than the {cap // 2**20} MB limit: it was not opened."
        )
    return data
