"""Durable file writes, the one way: a crash or power cut leaves the old file or the whole new one.

Every file the program writes beside the store, on a USB stick, in the relay's folders or as a report
goes through here, with one policy:

1. the bytes go to a temp file in the target's own folder (so the rename is within one file system);
2. that file is fsync'd **before** it is renamed, so its name never points at missing bytes;
3. it is renamed over the target (``os.replace``), or linked to it when an existing file must stay;
4. the folder is fsync'd **after**, so the rename itself survives a power cut (``fsync_folder``).
   Windows cannot open a folder to fsync it, nor needs to; a folder that refuses (network shares, some
   FUSE mounts) is skipped: the file itself is already durable and in place.

The temp file is removed on any failure. ``write_file`` raises the ``OSError`` itself (the disk-full
codes are ``DISK_FULL``) for its callers to say in their own words: ``store.atomic.write_atomic`` (small
files beside the store, exact permissions), ``exchange.files.write_durably`` (bundles, receipts, reports,
subject access copies: one plain line, never over an existing file unless asked). The relay's uploads
(``sync.mailbox``) arrive in chunks: they keep their own temp file, fsync it before the rename and call
``fsync_folder`` after.
This module sits below every layer: it imports nothing of the program's.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable
from pathlib import Path

# What a durable write takes: the bytes, or an iterable of byte chunks written in turn (a workbook
# streamed out of its encrypted part, never whole in memory).
Data = bytes | bytearray | memoryview | Iterable[bytes]
DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
# What a folder that cannot be fsync'd says: not a failed write, just a file system without the call.
_REFUSALS = frozenset(
    {
        errno.EINVAL,
        errno.ENOTSUP,
        getattr(errno, "EOPNOTSUPP", errno.ENOTSUP),
        errno.EBADF,
        errno.EACCES,
        errno.EPERM,
        errno.EISDIR,
    }
)


def fsync_folder(folder: Path) -> None:
    """Make a rename (or removal) in ``folder`` durable. A no-op on Windows and where the folder refuses;
    a real failure of the disk (EIO and the like) is raised."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        if exc.errno in _REFUSALS:
            return
        raise
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _REFUSALS:
            raise
    finally:
        os.close(fd)


def write_all(fd: int, data: Data) -> None:
    """Write every byte of ``data`` (bytes, or byte chunks in turn) to ``fd`` (``os.write`` may write
    less than asked), then fsync it."""
    chunks = (data,) if isinstance(data, bytes | bytearray | memoryview) else data
    for chunk in chunks:
        view = memoryview(chunk)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    os.fsync(fd)


def _new_temp(target: Path, suffix: str, mode: int, exact_mode: bool) -> tuple[int, Path]:
    """A new temp file ``.NAME.XXXXXXXX<suffix>`` beside ``target``, open for writing, never an old one."""
    import secrets  # here: hashlib and hmac with it are not worth their import at start-up

    for _attempt in range(100):
        temp = target.parent / f".{target.name}.{secrets.token_hex(4)}{suffix}"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        except FileExistsError:
            continue
        if exact_mode:
            try:
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, mode)
                else:
                    os.chmod(temp, mode)
            except BaseException:
                os.close(fd)
                with contextlib.suppress(OSError):
                    temp.unlink()
                raise
        return fd, temp
    raise FileExistsError(errno.EEXIST, "no unused temp file name", str(target.parent))


def _write_unnamed(target: Path, data: Data, *, replace: bool, mode: int) -> bool:
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
        write_all(fd, data)
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


def write_file(
    target: Path,
    data: Data,
    *,
    mode: int = 0o600,
    replace: bool = True,
    private: bool = False,
    temp_suffix: str = ".part",
    exact_mode: bool = False,
) -> Path:
    """Write ``data`` to ``target`` durably (see the module's policy); returns ``target``.

    ``data`` is the bytes, or an iterable of byte chunks written in turn (never held whole); a
    failure while it yields removes the temp file like any other.

    - ``replace=False``: an existing file stays and ``FileExistsError`` is raised; a file someone wrote
      meanwhile is never clobbered (the temp file is linked to the name, which refuses an existing one).
    - ``private`` (personal data in clear): no named temp file at all where the system allows it, so a
      crash leaves nothing readable.
    - ``mode`` is given to ``os.open``, so the umask applies; ``exact_mode`` sets it as given.
    - ``temp_suffix`` ends the temp file's name (``.NAME.XXXXXXXX.part`` by default).
    """
    target = Path(target)
    folder = target.parent
    if private and _write_unnamed(target, data, replace=replace, mode=mode):
        fsync_folder(folder)
        return target
    fd, temp = _new_temp(target, temp_suffix, mode, exact_mode)
    try:
        try:
            write_all(fd, data)
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
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    fsync_folder(folder)
    return target
