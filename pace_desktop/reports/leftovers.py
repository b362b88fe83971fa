"""What a killed report leaves beside its output, and removing it: at the next report in that folder,
and at every start of the adviser's or the office's window in every folder reports were written to.

While a report is written its sheet parts sit in a private folder beside the output,
``.report-enc-XXXXXXXX/`` (made by ``mkdtemp``, owner-only), encrypted under a key held only in memory
(``output.EncryptedPart``); the writer holds an exclusive lock on ``lock`` in that folder for as long
as it lives. A ``kill -9`` or a power cut leaves the folder behind (ciphertext whose key died with
the process). Earlier versions left plain text: ``.report-parts-XXXX/`` and ``.NAME.xlsx.XXXX.tmp``.

Removal touches only what this module's patterns name exactly, only regular files (``lstat``: a
link, a device, a pipe or a folder under one of our names is left alone), never through a symbolic
link, and never a part folder whose writer still holds its lock (another window writing a report
now). Folders are recorded in ``report-folders.json`` in the platform's per-user config folder
(platformdirs ``user_config_dir``): folder paths only, the newest ``MAX_FOLDERS``.

Imports nothing heavy: the windows call ``clean_known_folders`` at start on a thread of its own.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

PARTS_PREFIX = ".report-enc-"  # mkdtemp's prefix for a report's encrypted parts
LOCK_NAME = "lock"  # held (flock) by the writer while its parts folder is in use
# tempfile's names: 8 characters of lower-case letters, digits and "_".
_RANDOM = r"[a-z0-9_]{8}"
_PARTS_DIR = re.compile(rf"^{re.escape(PARTS_PREFIX)}{_RANDOM}$")
_PART_FILE = re.compile(rf"^(sheet-{_RANDOM}\.enc|tmp{_RANDOM}|{LOCK_NAME})$")  # ours, XlsxWriter's, lock
_OLD_PARTS_DIR = re.compile(r"^\.report-parts-[A-Za-z0-9_]+$")  # plain text, earlier versions
_OLD_PART_FILE = re.compile(r"^sheet-[A-Za-z0-9_.-]+$")
_OLD_TMP = re.compile(r"^\..+\.xlsx\.[A-Za-z0-9_]+\.tmp$")  # plain workbook temp, earlier versions
_PART_TMP = re.compile(r"^\..+\.(xlsx|json)\.[0-9a-f]{8}\.part$")  # write_durably's named temp
# Without a lock to ask (a kill between mkdtemp and the lock; a durable-write temp), a leftover is
# taken as abandoned once it is this old: write_durably's temp lives for seconds at most (a
# 1,000,000-row workbook streamed out of its encrypted part), a 100,000-row report's parts for under a
# minute.
STALE_SECONDS = 3600.0

FOLDERS_FILE = "report-folders.json"
MAX_FOLDERS = 20


# -- the writer's lock -------------------------------------------------------------------------------------


@contextlib.contextmanager
def holding_lock(parts: Path) -> Iterator[None]:
    """Hold ``parts/lock`` while a report writes there, so that no start-up removes it meanwhile.

    On Windows the parts are open, so they cannot be deleted while in use: no lock is needed there.
    """
    if os.name == "nt":
        yield
        return
    import fcntl

    fd = os.open(parts / LOCK_NAME, os.O_CREAT | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(fd)  # the lock goes with the descriptor (and with the process, if it is killed)


def _writer_alive(parts: str) -> bool | None:
    """True while a report process holds the folder's lock; False once it is gone; None: no lock."""
    if os.name == "nt":
        return False  # a part still open cannot be unlinked there, and is left by ``_remove_file``
    import fcntl

    try:
        fd = os.open(os.path.join(parts, LOCK_NAME), os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


# -- removing ----------------------------------------------------------------------------------------------


def _remove_file(path: str) -> bool:
    """Unlink ``path`` only if it is a regular file (a link is never followed or removed)."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        os.unlink(path)
    except OSError:
        return False
    return True


def _empty_parts_folder(folder: str, names: re.Pattern[str]) -> bool:
    """Remove the regular files ``names`` matches in ``folder``, then the folder if that empties it."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return False
    for name in entries:
        if names.match(name):
            _remove_file(os.path.join(folder, name))
    try:
        os.rmdir(folder)  # fails, and the folder stays, if anything not ours is left in it
    except OSError:
        return False
    return True


def remove_leftovers(folder: Path, *, now: float | None = None) -> list[str]:
    """Remove what killed reports left in ``folder``; returns the names removed."""
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not name.startswith("."):
            continue
        path = os.path.join(folder, name)
        try:
            info = os.lstat(path)
        except OSError:
            continue
        stale = now - info.st_mtime > STALE_SECONDS
        if stat.S_ISDIR(info.st_mode):
            if _PARTS_DIR.match(name):
                alive = _writer_alive(path)
                if alive or (alive is None and not stale):
                    continue
                done = _empty_parts_folder(path, _PART_FILE)
            elif _OLD_PARTS_DIR.match(name):
                done = _empty_parts_folder(path, _OLD_PART_FILE)
            else:
                continue
        elif _OLD_TMP.match(name) or (_PART_TMP.match(name) and stale):
            done = _remove_file(path)
        else:
            continue
        if done:
            removed.append(name)
    if removed:
        log.info("removed %d leftovers of an earlier report", len(removed))
    return removed


# -- the folders reports were written to -----------------------------------------------------------------


def folders_file() -> Path:
    from platformdirs import user_config_path

    from pace_desktop.paths import APP_AUTHOR, APP_NAME

    return user_config_path(APP_NAME, APP_AUTHOR) / FOLDERS_FILE


def known_folders() -> list[Path]:
    """The folders reports were written to, newest first (none if the file is missing or damaged)."""
    try:
        raw = folders_file().read_bytes()
        if len(raw) > 256 * 1024:
            return []
        listed = json.loads(raw).get("folders", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [Path(f) for f in listed if isinstance(f, str) and os.path.isabs(f)][:MAX_FOLDERS]


def remember_folder(folder: Path) -> None:
    """Add ``folder`` (made absolute) to the list; never stops a report if it cannot be written."""
    from pace_desktop.durable import write_file

    entry = os.path.abspath(folder)
    folders = [entry] + [str(f) for f in known_folders() if str(f) != entry]
    data = json.dumps({"folders": folders[:MAX_FOLDERS]}, indent=1).encode("utf-8")
    target = folders_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_file(target, data, replace=True, mode=0o600)
    except OSError as exc:
        log.warning("report folders not recorded: %s", type(exc).__name__)


def clean_known_folders() -> int:
    """At start: remove killed reports' leftovers from every recorded folder; returns how many.

    A folder that is gone or unreachable is passed over (and stays listed: a secure drive may be
    back tomorrow).
    """
    count = 0
    for folder in known_folders():
        count += len(remove_leftovers(folder))
    return count
