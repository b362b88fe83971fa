"""Writing a workbook file safely: all or nothing, owner-only, no stray copies of rows in /tmp.

openpyxl streams each sheet's XML through a temporary file in the system temp folder and only
deletes it after a successful save; a crash would leave personal data there in plain text
(PRODUCT.md: "nothing personal in plain text on disk"). While a report is written, those parts go to
a private folder beside the output instead, removed whatever happens. The workbook itself is written
to a temp file in the same folder, synced, then renamed over the target, so a failure never leaves a
half-written .xlsx.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from openpyxl.worksheet import _writer as openpyxl_writer

from pace_desktop.errors import DiskFull, UsageError

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
# openpyxl's temp-file hook is module-global: one report at a time per process may redirect it.
_HOOK_LOCK = threading.Lock()


def check_xlsx_path(out: Path) -> Path:
    """The output path; a usage error unless it names an .xlsx file in an existing folder."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UsageError("The report file name must end in .xlsx, e.g. --out report.xlsx.")
    if not out.parent.is_dir():
        raise UsageError("The folder for the report does not exist: create it or choose another.")
    if out.is_dir():
        raise UsageError("The report path is a folder: give a file name ending in .xlsx.")
    return out


@contextlib.contextmanager
def private_openpyxl_parts(folder: Path) -> Iterator[Path]:
    """Send openpyxl's per-sheet temp files to a new owner-only folder in ``folder``, then delete it."""
    parts = Path(tempfile.mkdtemp(prefix=".report-parts-", dir=folder))  # mkdtemp makes it 0700
    original = openpyxl_writer.create_temporary_file

    def create_in_parts(suffix: str = "") -> str:
        fd, name = tempfile.mkstemp(prefix="sheet-", suffix=suffix, dir=parts)
        os.close(fd)
        openpyxl_writer.ALL_TEMP_FILES.append(name)  # openpyxl's cleanup() removes it from this list
        return name

    with _HOOK_LOCK:
        openpyxl_writer.create_temporary_file = create_in_parts
        try:
            yield parts
        finally:
            openpyxl_writer.create_temporary_file = original
            shutil.rmtree(parts, ignore_errors=True)


@contextlib.contextmanager
def report_file(out: Path) -> Iterator[Path]:
    """A temp path to save the workbook to: on success it replaces ``out``; on failure it is gone."""
    out = check_xlsx_path(out)
    folder = out.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)  # 0600
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with private_openpyxl_parts(folder):
            yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
        _fsync_dir(folder)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
            raise DiskFull() from exc
        raise


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename has still happened
    finally:
        os.close(dir_fd)
