"""Re-encrypting a store under a new data key, by copying it: the file steps of ``Store`` re-keying.

SQLCipher 4's ``PRAGMA rekey`` is not safe in WAL mode, so the store is copied with ``sqlcipher_export``
into ``NAME.rekey`` under the new key, synced, and renamed over ``NAME`` once the key file holds the new
key beside the old one (``KeySlotFile.stage_rekey``). The old file's ``-wal`` and ``-shm`` go first:
SQLite would otherwise read pages written under the old key into the new file. After a crash at any
point, either key opens what is on disk, and ``Store.open`` finishes the job.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from pace_desktop.durable import fsync_folder
from pace_desktop.errors import StoreError
from pace_desktop.store.database import Database, DatabaseError

SALT_BYTES = 16  # SQLCipher keeps a random salt in clear at the start of every encrypted file
BUSY = "This store is open in another window or program: close it there, then try again. Nothing was changed."


def rekey_path(path: Path) -> Path:
    return path.with_name(path.name + ".rekey")


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def store_salt(path: Path) -> bytes | None:
    """The salt at the start of the database file: it tells one copy of a store from another."""
    try:
        with Path(path).open("rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def remove_leftover(path: Path) -> None:
    """A copy left by a re-key that never finished holds nothing anyone has the key to: delete it."""
    target = rekey_path(path)
    for leftover in (target, *side_files(target)):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def export_under(db: Database, target: Path, key: bytes) -> None:
    """Copy the whole store into ``target`` under ``key``, as one read of one moment, then sync it.

    Refuses while another connection holds the store (its next write would land in the old file).
    """
    remove_leftover(db.path)
    with db._lock:  # noqa: SLF001 - the one connection, held for the whole copy
        try:
            busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except DatabaseError as exc:
            raise StoreError(BUSY) from exc
        if busy:
            raise StoreError(BUSY)
        db.execute(f"ATTACH DATABASE ? AS rekey KEY \"x'{key.hex()}'\"", (str(target),))  # noqa: S608
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("SELECT sqlcipher_export('rekey')").fetchall()
                # Not copied by sqlcipher_export: the schema number migrations read.
                version = int(db.execute("PRAGMA main.user_version").fetchone()[0])
                db.execute(f"PRAGMA rekey.user_version = {version}")
                db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(DatabaseError):
                    db.execute("ROLLBACK")
                raise
        except DatabaseError as exc:
            remove_leftover(db.path)
            raise StoreError(
                "The store could not be copied under its new key: check the free disk "
                "space. Nothing was changed."
            ) from exc
        finally:
            with contextlib.suppress(DatabaseError):
                db.execute("DETACH DATABASE rekey")
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_folder(target.parent)


def drop_side_files(path: Path) -> None:
    """After the store's last connection closed (which checkpoints): its -wal and -shm must not meet
    the new file."""
    for side in side_files(path):
        with contextlib.suppress(FileNotFoundError):
            side.unlink()
    fsync_folder(path.parent)


def swap_in(path: Path) -> None:
    """Put the re-keyed copy in the store's place, atomically and durably."""
    os.replace(rekey_path(path), path)
    fsync_folder(path.parent)
