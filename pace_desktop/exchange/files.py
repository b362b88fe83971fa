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


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _write_unnamed(target: Path, data: bytes, *, replace: bool, mode: int) -> bool:
    """Where the system allows it (Linux ``O_TMPFILE``), write into a file with no name and name it only
    once complete and synced: a kill or power cut at any moment leaves nothing behind to read. False when
    unsupported (then the caller writes a named temp file). With ``replace`` the old file (or link, never
    followed) is removed just before: a crash in between loses the file that was being replaced anyway.
    """
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(target.parent, flag | os.O_WRONLY, mode)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return False  # a file system without unnamed files (some network shares, FAT on old kernels)
        raise
    try:
        _write_all(fd, data)
        if replace:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
        # linkat(AT_SYMLINK_FOLLOW) through /proc gives the unnamed file its name; a plain link() would
        # try to link the /proc entry itself. A given src_dir_fd makes Python call linkat.
        proc = os.open("/proc/self/fd", os.O_RDONLY)
        try:
            os.link(str(fd), target, src_dir_fd=proc, follow_symlinks=True)
        finally:
            os.close(proc)
    finally:
        os.close(fd)
    return True


def write_durably(target: Path, data: bytes, *, replace: bool = True, mode: int = 0o644,
                  private: bool = False) -> Path:
    """Write ``data`` to ``target`` atomically; with ``replace=False`` an existing file stays.

    ``private`` (personal data in clear: reports, subject access copies): no named temp file at all
    where the system allows it, so a crash leaves nothing readable (``_write_unnamed``).
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise PaceError(f"The folder {folder} does not exist: create it or choose another.")
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.part"
    try:
        if private and _write_unnamed(target, data, replace=replace, mode=mode):
            fsync_dir(folder)
            return target
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            _write_all(fd, data)
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
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
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
