"""No plain text left on disk by a crash: ``office report`` killed (-9) at any moment leaves nothing readable.

The store holds fictional people with unusual names and NI numbers planted among demo clients. The real
command runs in a child process and is killed at random moments; after every kill, every file left in
the output folder (hidden ones, folders of parts) is searched for those people: as raw bytes, and
inside any zip fragment (each deflate stream decompressed as far as it goes). A later report removes
what an older crash left (plain-text leftovers of earlier versions included), and so does the next
start of the adviser's or the office's window, in every folder reports were written to.
"""

from __future__ import annotations

import os
import random
import signal
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from pace_desktop.demo import make_event, seed
from pace_desktop.records.models import Client
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE, copy_store

CANARIES = [
    ("Quennaidh", "Drumwhirlbarrow", "JT481729B"),
    ("Ffenwicke", "Sgeirquhallan", "JR610933A"),
    ("Ottoline", "Balquharrock", "JZ224587C"),
]
NEEDLES = [w.encode() for first, last, ni in CANARIES for w in (first, last, ni)]


@pytest.fixture(scope="module")
def canary_store(template_store, tmp_path_factory):
    path = copy_store(template_store, tmp_path_factory.mktemp("canaries"))
    with Store.open(path, PASSPHRASE) as store:
        seed(store, events=2, clients=2500)
        event = store.events.add(make_event(random.Random(5), __import__("datetime").date(2026, 11, 2)))
        for first, last, ni in CANARIES:
            store.register(Client(event_id=event.id, first_name=first, last_name=last, ni_number=ni))
    return path


def _report(store: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    env = {**os.environ, "PACE_PASSPHRASE": PASSPHRASE, **(env or {})}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pace_desktop",
            "office",
            "report",
            "--central",
            str(store),
            "--out",
            str(out),
            "--kind",
            "records",
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def _deflate_fragments(data: bytes) -> list[bytes]:
    """Every zip member's bytes that can be recovered from ``data``, even cut short."""
    found = []
    start = 0
    while (at := data.find(b"PK\x03\x04", start)) >= 0:
        start = at + 4
        if at + 30 > len(data):
            break
        method = struct.unpack("<H", data[at + 8 : at + 10])[0]
        name_len, extra_len = struct.unpack("<HH", data[at + 26 : at + 30])
        body = data[at + 30 + name_len + extra_len :]
        if method == 0:
            found.append(body)
            continue
        inflater = zlib.decompressobj(-15)
        out = bytearray()
        try:
            for i in range(0, len(body), 65536):
                out += inflater.decompress(body[i : i + 65536])
        except zlib.error:
            pass
        found.append(bytes(out))
    return found


def readable_people(folder: Path, *, skip: Path | None = None) -> list[str]:
    """Names of files in ``folder`` (recursively, hidden ones too) from which a planted person can be read."""
    hits = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path == skip:
            continue
        data = path.read_bytes()
        for blob in [data, *_deflate_fragments(data)]:
            if any(needle in blob for needle in NEEDLES):
                hits.append(str(path.relative_to(folder)))
                break
    return hits


def _contains_people(report: Path) -> bool:
    with zipfile.ZipFile(report) as z:
        return any(n in z.read(name) for name in z.namelist() for n in NEEDLES)


def kill_loop(canary_store: Path, folder: Path, kills: int, seed_: int) -> int:
    """Kill the report ``kills`` times at random moments; returns how many kills landed mid-report."""
    rng = random.Random(seed_)
    out = folder / "report.xlsx"
    start = time.monotonic()
    child = _report(canary_store, out)
    assert child.wait(timeout=300) == 0, child.stderr.read().decode()[-500:]
    whole = time.monotonic() - start
    assert _contains_people(out)  # the search below can find them
    out.unlink()
    mid = 0
    for run in range(kills):
        child = _report(canary_store, out, "--force")
        time.sleep(rng.uniform(0.05, whole))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            mid += 1
        child.wait(timeout=60)
        assert readable_people(folder, skip=out) == [], f"kill {run}: people readable in leftovers"
        assert not out.exists() or _contains_people(out)  # a report is whole, or not there at all
        out.unlink(missing_ok=True)
    return mid


def test_a_report_killed_at_random_moments_leaves_nothing_readable(canary_store, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    mid = kill_loop(canary_store, folder, kills=4, seed_=16)
    assert mid >= 1
    # The next report cleans up: encrypted leftovers are unreadable, and are removed once stale.
    child = _report(canary_store, folder / "again.xlsx")
    assert child.wait(timeout=300) == 0
    assert readable_people(folder, skip=folder / "again.xlsx") == []


@pytest.mark.slow
def test_thirty_kills_leave_nothing_readable(canary_store, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    assert kill_loop(canary_store, folder, kills=30, seed_=1616) >= 15


def test_plain_text_left_by_an_older_version_is_removed_by_the_next_report(canary_store, tmp_path):
    folder = tmp_path / "out"
    parts = folder / ".report-parts-k3j9x1"
    parts.mkdir(parents=True)
    sheet = "<row><c t='inlineStr'><is><t>Quennaidh Drumwhirlbarrow JT481729B</t></is></c></row>"
    (parts / "sheet-abc123.xml").write_text(sheet)
    (folder / ".report.xlsx.q8w7e6r5.tmp").write_text(sheet)
    (folder / "keep-me.txt").write_text("a file of the user's own")
    assert readable_people(folder) != []
    child = _report(canary_store, folder / "report.xlsx")
    assert child.wait(timeout=300) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["keep-me.txt", "report.xlsx"]


def test_stale_encrypted_parts_are_removed_and_fresh_ones_kept(tmp_path):
    from pace_desktop.reports.leftovers import remove_leftovers

    # Without a lock file (killed before it was made): abandoned once stale.
    stale, fresh = tmp_path / ".report-enc-aaaaaaaa", tmp_path / ".report-enc-bbbbbbbb"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "sheet-11111111.enc").write_bytes(os.urandom(64))
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    assert remove_leftovers(tmp_path) == [stale.name]
    assert fresh.exists() and not stale.exists()


def test_sheet_parts_on_disk_are_ciphertext(tmp_path):
    """While a report is written, the rows streamed to disk cannot be read back without the key."""
    from pace_desktop.reports.output import EncryptedPart, private_parts

    with private_parts(tmp_path) as parts:
        part = EncryptedPart(parts)
        for _ in range(3000):
            part.write(b"<row><c><is><t>Quennaidh Drumwhirlbarrow JT481729B</t></is></c></row>")
        part._seal()
        part._file.flush()
        on_disk = b"".join(p.read_bytes() for p in parts.iterdir())
        assert len(on_disk) > 100_000 and not any(n in on_disk for n in NEEDLES)
        assert b"".join(part.plain_chunks()).count(b"Quennaidh") == 3000
    assert not parts.exists()


# -- leftovers removed at the next start (issue 16, item 8) ------------------------------------------------


def _wait_for(check, seconds: float = 120.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def _parts_folders(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".report-enc-") and not p.is_symlink()]


def _kill_mid_report(canary_store: Path, folder: Path, env: dict[str, str]) -> list[Path]:
    """Start a real report and kill -9 it once its encrypted parts are on disk; returns what it left."""
    child = _report(canary_store, folder / "report.xlsx", env=env)
    landed = _wait_for(lambda: any(any(p.glob("sheet-*.enc")) for p in _parts_folders(folder)))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    assert landed, "the report finished before its parts were seen"
    left = _parts_folders(folder)
    assert left and not (folder / "report.xlsx").exists()
    return left


@pytest.mark.parametrize("window", ["office", "adviser"])
def test_a_start_removes_what_a_killed_report_left_and_nothing_else(canary_store, tmp_path, window):
    config = tmp_path / "config"
    env = {"XDG_CONFIG_HOME": str(config), "XDG_STATE_HOME": str(tmp_path / "state")}
    folder = tmp_path / "secure drive"
    folder.mkdir()
    left = _kill_mid_report(canary_store, folder, env)
    # The folder was recorded (folder paths only), and the leftovers hold no one readable.
    recorded = (config / "PACE Intake" / "report-folders.json").read_text()
    assert str(folder) in recorded and "Quennaidh" not in recorded
    assert readable_people(folder) == []
    # Things that look like ours but are not, or that must not be followed, stay as they are.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "sheet-abcdefgh.enc").write_bytes(b"someone else's file")
    (elsewhere / "plain.txt").write_bytes(b"kept")
    (folder / ".report-enc-linkedzz").symlink_to(elsewhere)
    (folder / ".report.xlsx.q8w7e6r5.tmp").symlink_to(elsewhere / "plain.txt")
    (folder / ".report-enc-usersown").mkdir()
    (folder / ".report-enc-usersown" / "notes.txt").write_bytes(b"not a part of ours")
    (folder / "keep-me.txt").write_text("a file of the user's own")

    args = (
        ["--office", "--store", str(canary_store)] if window == "office" else ["--store", str(canary_store)]
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "pace_desktop", *args],
        env={**os.environ, **env, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        cleaned = _wait_for(lambda: not any(p.exists() for p in left))
    finally:
        app.terminate()  # closes the window as a log-out would
        app.wait(timeout=60)
    assert cleaned, "the start did not remove the killed report's parts"
    assert sorted(p.name for p in folder.iterdir()) == [
        ".report-enc-linkedzz",
        ".report-enc-usersown",
        ".report.xlsx.q8w7e6r5.tmp",
        "keep-me.txt",
    ]
    assert sorted(p.name for p in elsewhere.iterdir()) == ["plain.txt", "sheet-abcdefgh.enc"]
    assert (folder / ".report-enc-usersown" / "notes.txt").read_bytes() == b"not a part of ours"


def test_a_report_being_written_keeps_its_parts_while_a_start_cleans(tmp_path):
    """Another window writing a report now holds its folder's lock: a start leaves it alone."""
    from pace_desktop.reports.leftovers import remove_leftovers
    from pace_desktop.reports.output import private_parts

    with private_parts(tmp_path) as parts:
        (parts / "sheet-abcdefgh.enc").write_bytes(os.urandom(64))
        assert remove_leftovers(tmp_path) == []
        assert (parts / "sheet-abcdefgh.enc").exists()
    assert list(tmp_path.iterdir()) == []


def test_the_recorded_folders_are_kept_to_the_newest_and_a_damaged_list_is_ignored(tmp_path, monkeypatch):
    from pace_desktop.reports import leftovers

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for i in range(leftovers.MAX_FOLDERS + 5):
        leftovers.remember_folder(tmp_path / f"f{i}")
    folders = leftovers.known_folders()
    assert len(folders) == leftovers.MAX_FOLDERS and folders[0] == tmp_path / f"f{leftovers.MAX_FOLDERS + 4}"
    assert leftovers.folders_file().stat().st_mode & 0o777 == 0o600
    leftovers.folders_file().write_bytes(b"{not json")
    assert leftovers.known_folders() == [] and leftovers.clean_known_folders() == 0
