"""The one durable-write policy: fsync the file before the rename, the folder after, tolerate folders
that refuse, and leave nothing behind on failure."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from pace_desktop import durable
from pace_desktop.durable import fsync_folder, write_file


def test_a_new_file_replaces_the_old_and_leaves_no_temp(tmp_path):
    target = tmp_path / "state.json"
    target.write_bytes(b"old and longer than the new")
    assert write_file(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_without_replace_an_existing_file_stays(tmp_path):
    target = tmp_path / "receipt"
    target.write_bytes(b"first")
    with pytest.raises(FileExistsError):
        write_file(target, b"second", replace=False)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["receipt"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_exact_mode_ignores_the_umask(tmp_path):
    old = os.umask(0o077)
    try:
        write_file(tmp_path / "pub", b"x", mode=0o644, exact_mode=True)
        write_file(tmp_path / "masked", b"x", mode=0o644)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "pub").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "masked").stat().st_mode) == 0o600


def test_a_failed_write_removes_the_temp_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "keys"
    target.write_bytes(b"old")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError) as caught:
        write_file(target, b"new", temp_suffix=".tmp")
    monkeypatch.undo()
    assert caught.value.errno in durable.DISK_FULL
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keys"]


@pytest.mark.parametrize("private", [False, True])
def test_chunks_are_written_in_turn_and_a_failure_midway_leaves_the_old_file(tmp_path, private):
    target = tmp_path / "report.xlsx"
    write_file(target, (bytes([n]) * 70_000 for n in range(5)), private=private)
    assert target.read_bytes() == b"".join(bytes([n]) * 70_000 for n in range(5))

    def broken():
        yield b"half a new workbook"
        raise ValueError("a part failed to decrypt")

    with pytest.raises(ValueError):
        write_file(target, broken(), private=private)
    assert target.read_bytes()[:70_000] == bytes(70_000)  # the old file, whole
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]  # no temp left, named or not


@pytest.mark.skipif(os.name == "nt", reason="Windows never fsyncs a folder")
def test_a_folder_that_refuses_fsync_is_skipped_but_a_failing_disk_is_not(tmp_path, monkeypatch):
    real = os.fsync

    def refusing(code):
        def fsync(fd):
            if os.path.isdir(f"/proc/self/fd/{fd}") or stat.S_ISDIR(os.fstat(fd).st_mode):
                raise OSError(code, os.strerror(code))
            real(fd)

        return fsync

    monkeypatch.setattr(os, "fsync", refusing(errno.EINVAL))
    fsync_folder(tmp_path)
    write_file(tmp_path / "a", b"x")
    monkeypatch.setattr(os, "fsync", refusing(errno.EIO))
    with pytest.raises(OSError):
        fsync_folder(tmp_path)
