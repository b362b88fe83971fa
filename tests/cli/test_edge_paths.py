"""Edge paths get one plain line and leave nothing behind; an output file is replaced only with --force,
and a symbolic link is never written through (or replaced)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from pace_desktop.cli import main
from pace_desktop.demo import make_event
from pace_desktop.records.models import Client
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)


def one_line(capsys) -> str:
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("pace-desktop: ") and "unexpected" not in line
    return line


def files_in(folder) -> list[str]:
    return sorted(p.name for p in folder.rglob("*"))


def test_a_store_path_that_is_a_folder(tmp_path, capsys):
    folder = tmp_path / "pace.store"
    folder.mkdir()
    assert main(["init", "--store", str(folder), "--adviser", "Ailsa Demo"]) == 3
    assert "is a folder" in one_line(capsys)
    assert main(["device-key", "--store", str(folder)]) == 3
    assert "is a folder" in one_line(capsys)
    assert files_in(tmp_path) == ["pace.store"]


@pytest.mark.parametrize("length", [201, 236, 249, 255])
def test_a_store_name_too_long_leaves_nothing(tmp_path, capsys, length):
    assert main(["init", "--store", str(tmp_path / ("n" * length)), "--adviser", "Ailsa Demo"]) == 3
    assert "too long" in one_line(capsys)
    assert files_in(tmp_path) == []


@pytest.fixture
def person(store_path):
    with Store.open(store_path, PASSPHRASE) as store:
        event = store.events.add(make_event(random.Random(1), date(2026, 11, 2)))
        client = store.register(
            Client(event_id=event.id, first_name="Quennaidh", last_name="Drumwhirlbarrow")
        )
    return store_path, client.pace_id


def _subject_access(store_path, pace_id, out, *extra):
    return main(
        ["subject-access", "--store", str(store_path), "--pace-id", pace_id, "--out", str(out), *extra]
    )


def _report(store_path, out, *extra):
    return main(["office", "report", "--central", str(store_path), "--out", str(out), *extra])


def test_a_line_break_in_out_is_refused_in_one_line(person, tmp_path, capsys):
    store_path, pace_id = person
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert _subject_access(store_path, pace_id, out_dir / "copy\nsecond.xlsx") == 2
    assert "line break" in one_line(capsys)
    assert _report(store_path, out_dir / "rep\rort.xlsx") == 2
    assert "line break" in one_line(capsys)
    assert files_in(out_dir) == []


def test_reports_and_copies_never_replace_a_file_without_force(person, tmp_path, capsys):
    store_path, pace_id = person
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    report = out_dir / "report.xlsx"
    report.write_bytes(b"last week's report")
    assert _report(store_path, report) == 2
    line = one_line(capsys)
    assert "report.xlsx already exists" in line and "--force" in line
    assert report.read_bytes() == b"last week's report"
    assert _report(store_path, report, "--force") == 0
    assert report.read_bytes()[:2] == b"PK"

    copy, json_copy = out_dir / "copy.xlsx", out_dir / "copy.json"
    json_copy.write_text("an older copy")
    assert _subject_access(store_path, pace_id, copy) == 2  # the JSON beside it exists
    assert "copy.json already exists" in one_line(capsys)
    assert not copy.exists() and json_copy.read_text() == "an older copy"
    assert _subject_access(store_path, pace_id, copy, "--force") == 0
    assert copy.read_bytes()[:2] == b"PK" and "Quennaidh" in json_copy.read_text()
    assert _subject_access(store_path, pace_id, copy) == 2
    assert "copy.xlsx already exists" in one_line(capsys)
    assert sorted(files_in(out_dir)) == ["copy.json", "copy.xlsx", "report.xlsx"]


def test_a_symbolic_link_is_never_followed_even_with_force(person, tmp_path, capsys):
    store_path, pace_id = person
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    victim = tmp_path / "elsewhere.txt"
    victim.write_text("someone else's file")
    for name in ("report.xlsx", "copy.xlsx"):
        (out_dir / name).symlink_to(victim)
    (out_dir / "dangling.xlsx").symlink_to(tmp_path / "not-there.xlsx")
    assert _report(store_path, out_dir / "report.xlsx", "--force") == 2
    assert "link" in one_line(capsys)
    assert _report(store_path, out_dir / "dangling.xlsx", "--force") == 2
    assert "link" in one_line(capsys)
    assert _subject_access(store_path, pace_id, out_dir / "copy.xlsx", "--force") == 2
    assert "link" in one_line(capsys)
    assert victim.read_text() == "someone else's file" and not (tmp_path / "not-there.xlsx").exists()
    assert all((out_dir / n).is_symlink() for n in ("report.xlsx", "copy.xlsx", "dangling.xlsx"))


def test_the_core_takes_an_explicit_overwrite_flag(person, tmp_path):
    from pace_desktop.errors import OutputExists
    from pace_desktop.reports.report import write_report

    store_path, _ = person
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old")
    with Store.open(store_path, PASSPHRASE) as store:
        with pytest.raises(OutputExists):
            write_report(store, "records", out)
        assert out.read_bytes() == b"old"
        write_report(store, "records", out, overwrite=True)
    assert out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--store", "{store}", "--out", "{tmp}/bundles\nsecond"],
        ["init", "--store", "{tmp}/new\rline.store", "--adviser", "Ailsa Demo"],
        ["audit-check", "--store", "{store}\n"],
        ["office", "report", "--central", "{store}", "--out", "{tmp}/a\tb.xlsx"],
        ["office", "report", "--central", "{store}\n", "--out", "{tmp}/a.xlsx"],
        ["office", "audit-check", "--central", "{tmp}/central\x1b.store"],
    ],
)
def test_a_control_character_in_any_path_is_one_line_before_any_work(store_path, tmp_path, capsys, args):
    words = [a.format(store=store_path, tmp=tmp_path) for a in args]
    before = files_in(tmp_path)
    assert main(words) == 2
    assert "line break" in one_line(capsys)
    assert files_in(tmp_path) == before
