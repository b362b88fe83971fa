"""Injecting full-disk and I/O faults without mounting anything.

- SQLite: ``PRAGMA max_page_count`` caps the database file, and SQLite then fails the write with
  SQLITE_FULL ("database or disk is full") exactly as on a full disk: its own full-disk path.
- Files the app writes itself (bundles, receipts, key slots, back-off): ``os.write`` fails with
  ENOSPC (after a short write, as a filling disk does) or EIO, but only for files in one folder,
  so pytest and everything else keep writing.
- Anything else (SQLite included): a child process whose files may not grow past a limit
  (``RLIMIT_FSIZE``) gets real EFBIG errors from the kernel; see ``children.limited_saver``.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

UNLIMITED_PAGES = 1_073_741_823


def cap_pages(store: Any, headroom: int) -> int:
    """Let the store's database grow by at most ``headroom`` pages; returns the cap."""
    pages = int(store.db.scalar("PRAGMA page_count"))
    return int(store.db.scalar(f"PRAGMA max_page_count = {pages + headroom}"))


def uncap_pages(store: Any) -> None:
    store.db.scalar(f"PRAGMA max_page_count = {UNLIMITED_PAGES}")


def _fd_path(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


class FailingWrites:
    """``os.write`` into ``folder`` succeeds for ``budget`` bytes, then fails with ``code``."""

    def __init__(
        self,
        monkeypatch: Any,
        folder: Path,
        budget: int,
        code: int = errno.ENOSPC,
        fsync_code: int | None = None,
    ) -> None:
        self.folder = str(Path(folder).resolve())
        self.budget = budget
        self.code = code
        self.failures = 0
        real_write, real_fsync = os.write, os.fsync

        def write(fd: int, data: Any) -> int:
            if not _fd_path(fd).startswith(self.folder):
                return real_write(fd, data)
            if self.budget <= 0:
                self.failures += 1
                raise OSError(self.code, os.strerror(self.code))
            if len(data) > self.budget:  # a short write, then the error on the next call
                written = real_write(fd, bytes(memoryview(data)[: self.budget]))
                self.budget = 0
                return written
            self.budget -= len(data)
            return real_write(fd, data)

        def fsync(fd: int) -> None:
            if fsync_code is not None and _fd_path(fd).startswith(self.folder):
                self.failures += 1
                raise OSError(fsync_code, os.strerror(fsync_code))
            real_fsync(fd)

        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(os, "fsync", fsync)


def leftovers(folder: Path) -> list[str]:
    """Every file in ``folder`` (hidden temp files included), by name."""
    return sorted(p.name for p in Path(folder).rglob("*") if p.is_file())
