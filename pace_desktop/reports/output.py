"""Writing a workbook safely: nothing readable left by a crash, all or nothing, never over a file by accident.

- Every report workbook is written with XlsxWriter (``reports/xlsx.py``; its sealed rows rest on a
  few XlsxWriter internals, pinned exactly); openpyxl, used through its public API only, reads staff
  lists and partners' returns and writes no report. Small workbooks are built wholly in memory
  (``memory_report_file``: no temp file of any kind). The big ones (records, de-identified) stream
  each sheet's rows through a temp file in constant-memory mode, and a kill or power cut would leave
  names in plain text beside the output; so while a report is written, those parts go to a private
  folder beside the output, **encrypted** (``EncryptedPart``: AES-256-GCM, one random key per part
  held only in this process's memory): a kill at any moment leaves nothing readable.
- A small workbook's zip is assembled in memory. A big one's zip (about 166 bytes a row: 160 MB at
  1,000,000 rows) is written into an encrypted part of its own in the same private folder, so memory
  stays flat whatever the rows.
- Either is written by the one durable-write helper (``exchange.files.write_durably`` over
  ``pace_desktop.durable``: temp file, fsync, rename, fsync the folder), a big one as its plain
  chunks decrypted one at a time, so a failure never leaves a half-written .xlsx under the real name.
  That write's temp file is the only plain text on disk, as it was when the zip sat in memory: on
  Linux it has no name until complete (``O_TMPFILE``), so a kill leaves nothing; elsewhere a kill
  leaves ``.NAME.xlsx.XXXXXXXX.part``, removed as a leftover (below).
- An existing file is replaced only when asked (``overwrite=True``: ``--force`` on the command line,
  Yes to "Replace NAME?" in the office screens, which ask ``would_replace`` first);
  a symbolic link is never written through or replaced; a name with a line break is refused.
- Leftovers of an older crash in the output folder (plain ``.NAME.xlsx.XXXX.tmp`` and
  ``.report-parts-XXXX`` from before, or encrypted parts and ``.part`` files from a killed report) are
  removed before the next report is written there, and at the next start of a window in every folder
  reports were written to (``leftovers``: the folder is recorded, and the parts folder locked while
  in use)."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pace_desktop.durable import DISK_FULL, Data
from pace_desktop.errors import DiskFull, OutputExists, UsageError
from pace_desktop.reports.leftovers import PARTS_PREFIX, holding_lock, remember_folder, remove_leftovers

log = logging.getLogger(__name__)
_CHUNK = 64 * 1024


def _has_control_characters(text: str) -> bool:
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in text)


def check_output_path(out: Path, *, overwrite: bool = False, what: str = "report") -> Path:
    """Refuse, in one line, a name with a line break, a link, a folder, or an existing file (unless
    ``overwrite``); the folder must exist."""
    out = Path(out)
    if _has_control_characters(str(out)):
        raise UsageError(
            f"The {what} file name has a line break or another control character in it: "
            "type the name again without it."
        )
    if not out.parent.is_dir():
        raise UsageError(f"The folder for the {what} does not exist: create it or choose another.")
    if out.is_symlink():
        raise UsageError(
            f"{out.name} is a link to another file: PACE Intake never writes through a link. "
            "Choose another name."
        )
    if out.is_dir():
        raise UsageError(f"The {what} path is a folder: give a file name.")
    if out.exists() and not overwrite:
        raise OutputExists(
            f"{out.name} already exists: choose another name, or replace it on purpose "
            "(--force on the command line)."
        )
    return out


def would_replace(out: Path, *, what: str = "output") -> bool:
    """True when writing ``out`` would replace an existing file the person may choose to replace
    (the GUI asks "Replace NAME?"); False for a new name, and for a path that is refused whatever
    the answer (a link, a folder, a line break: the write says why)."""
    try:
        check_output_path(Path(out), what=what)
    except OutputExists:
        return True
    except UsageError:
        return False
    return False


def check_xlsx_path(out: Path, *, overwrite: bool = False) -> Path:
    """The output path; a usage error unless it names a new .xlsx file in an existing folder."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UsageError("The report file name must end in .xlsx, e.g. --out report.xlsx.")
    if out.is_dir() and not out.is_symlink():
        raise UsageError("The report path is a folder: give a file name ending in .xlsx.")
    return check_output_path(out, overwrite=overwrite)


# -- encrypted sheet parts ------------------------------------------------------------------------------


class EncryptedPart:
    """A write-once, read-once temp file whose bytes on disk are AES-256-GCM under a key in memory only.

    XlsxWriter writes a sheet's rows into it (``write``, ``reports.xlsx.SealedRowsSheet``); the
    workbook is then saved with the plain text read back chunk by chunk (``plain_chunks``) straight
    into the zip, which is itself written into another part (``sealed_report_file``: ``zipfile``
    writes to a stream without ``tell`` or ``seek``) and read back the same way into the output.
    Killed at any moment, the file holds only ciphertext whose key died with the process.
    """

    def __init__(self, folder: Path) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        fd, name = tempfile.mkstemp(prefix="sheet-", suffix=".enc", dir=folder)  # 0600
        self.path = Path(name)
        self._file = os.fdopen(fd, "w+b")
        self._aead = AESGCM(AESGCM.generate_key(bit_length=256))
        self._buffer = bytearray()
        self._counter = 0
        self.size = 0

    def write(self, data: Any) -> int:
        if isinstance(data, str):
            data = data.encode("utf-8")
        self._buffer += data
        self.size += len(data)
        if len(self._buffer) >= _CHUNK:
            self._seal()
        return len(data)

    def flush(self) -> None:
        return None

    def close(self) -> None:
        """Seal what is buffered; the part stays readable (``plain_chunks``) until ``discard``."""
        self._seal()
        self._file.flush()

    def _seal(self) -> None:
        if not self._buffer:
            return
        nonce = self._counter.to_bytes(12, "big")
        self._counter += 1
        sealed = self._aead.encrypt(nonce, bytes(self._buffer), None)
        self._buffer.clear()
        self._file.write(struct.pack(">I", len(sealed)) + sealed)

    def plain_chunks(self) -> Iterator[bytes]:
        self._seal()
        self._file.flush()
        self._file.seek(0)
        for counter in range(self._counter):
            (length,) = struct.unpack(">I", self._file.read(4))
            yield self._aead.decrypt(counter.to_bytes(12, "big"), self._file.read(length), None)

    def discard(self) -> None:
        self._buffer.clear()
        with contextlib.suppress(OSError):
            self._file.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


@contextlib.contextmanager
def private_parts(folder: Path) -> Iterator[Path]:
    """A new owner-only folder in ``folder`` for a report's encrypted parts; deleted after, whatever
    happens (and by ``remove_leftovers`` once stale, if the process was killed)."""
    parts = Path(tempfile.mkdtemp(prefix=PARTS_PREFIX, dir=folder))  # mkdtemp makes it 0700
    try:
        with holding_lock(parts):
            yield parts
    finally:
        shutil.rmtree(parts, ignore_errors=True)


# -- the workbook file -------------------------------------------------------------------------------------


@contextlib.contextmanager
def sealed_report_file(out: Path, *, overwrite: bool = False) -> Iterator[tuple[EncryptedPart, Path]]:
    """An encrypted part for an XlsxWriter workbook's zip (``reports.xlsx.SealedWorkbook.save``) and
    the private folder for its encrypted row parts: on success the part's plain text is streamed,
    chunk by chunk, into ``out`` by the one durable write (the workbook is never whole in memory);
    on failure nothing is left."""
    out = _prepare(out, overwrite)
    with _disk_full(), private_parts(out.parent) as parts:
        package = EncryptedPart(parts)
        try:
            yield package, parts
            write_output(out, package.plain_chunks(), overwrite=overwrite)
            log.info("workbook written: %d bytes", package.size)
        finally:
            package.discard()


@contextlib.contextmanager
def memory_report_file(out: Path, *, overwrite: bool = False) -> Iterator[io.BytesIO]:
    """A buffer for a workbook built wholly in memory (``reports.xlsx.MemoryWorkbook``: no temp file
    of any kind): on success it becomes ``out``; on failure nothing is left."""
    out = _prepare(out, overwrite)
    buffer = io.BytesIO()
    with _disk_full():
        yield buffer
        with buffer.getbuffer() as data:  # the bytes in place: no second copy of the workbook
            write_output(out, data, overwrite=overwrite)
            log.info("workbook written: %d bytes", len(data))
    # The buffer is not closed here: after a failure a half-written zip may still point at it, and
    # closes it itself when collected. It lives in memory only.


def _prepare(out: Path, overwrite: bool) -> Path:
    """The checked output path, its folder recorded and cleared of older leftovers."""
    out = check_xlsx_path(out, overwrite=overwrite)
    remember_folder(out.parent)  # before any part is made: a kill from here on is cleaned at the next start
    remove_leftovers(out.parent)
    return out


@contextlib.contextmanager
def _disk_full() -> Iterator[None]:
    """A full disk while a workbook is written, as the one plain line (``DiskFull``)."""
    try:
        yield
    except OSError as exc:
        if getattr(exc, "errno", None) in DISK_FULL:
            raise DiskFull() from exc
        raise


def write_output(out: Path, data: Data, *, overwrite: bool = False) -> Path:
    """Write an output file (owner-only) through the one durable-write helper: never over an existing
    file unless ``overwrite``, never through a link. ``data`` is the bytes or byte chunks in turn."""
    from pace_desktop.exchange.files import write_durably

    out = check_output_path(Path(out), overwrite=overwrite, what="output")
    try:
        return write_durably(out, data, replace=overwrite, mode=0o600, private=True)
    except FileExistsError as exc:
        raise OutputExists(
            f"{out.name} already exists: choose another name, or replace it on purpose "
            "(--force on the command line)."
        ) from exc
