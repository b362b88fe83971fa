"""Writing exchange files safely, and reading them within a size cap.

The writing is ``pace_desktop.durable``'s (a temp file in the target folder, fsync, rename, fsync the
folder): a crash or full disk leaves either the old state or the complete new file, never half a bundle
or receipt under its real name. Here it gets its one-line messages, for exchange files, reports and
subject access copies alike.
"""

from __future__ import annotations

from pathlib import Path

from pace_desktop.durable import DISK_FULL, Data, write_file
from pace_desktop.errors import DiskFull, PaceError


def write_durably(
    target: Path, data: Data, *, replace: bool = True, mode: int = 0o644, private: bool = False
) -> Path:
    """Write ``data`` (bytes, or byte chunks in turn) to ``target`` atomically; with ``replace=False``
    an existing file stays.

    ``private`` (personal data in clear: reports, subject access copies): no named temp file at all
    where the system allows it, so a crash leaves nothing readable (``durable.write_file``).
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise PaceError(f"The folder {folder} does not exist: create it or choose another.")
    try:
        write_file(target, data, replace=replace, mode=mode, private=private)
    except OSError as exc:
        if exc.errno in DISK_FULL:
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
