"""``pace-desktop office report``: the command line, its refusals, atomic output, the audit."""

from __future__ import annotations

import os
import stat
import tempfile

import pytest
from openpyxl import load_workbook

from pace_desktop.cli import main
from pace_desktop.demo import seed
from pace_desktop.reports.kinds import REPORTS, ReportKind
from pace_desktop.store.store import Store
from tests.reports.conftest import PASSPHRASE


@pytest.fixture()
def central_path(tmp_path, monkeypatch):
    path = tmp_path / "central.db"
    with Store.create(path, adviser="Office Staff", passphrase=PASSPHRASE, kind="office") as store:
        seed(store, events=3, clients=40)
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    return path


def _report_audits(path):
    with Store.open(path, PASSPHRASE) as store:
        rows = store.db.query("SELECT action, detail FROM audit WHERE action = 'report' ORDER BY seq")
        assert store.verify_audit().ok
    return rows


@pytest.mark.parametrize("kind", ["records", "summary", "partners"])
def test_each_kind_writes_a_workbook_and_an_audit_entry(central_path, tmp_path, capsys, kind):
    out = tmp_path / f"{kind}.xlsx"
    assert main(["office", "report", "--central", str(central_path), "--out", str(out), "--kind", kind]) == 0
    assert load_workbook(out).sheetnames
    said = capsys.readouterr()
    assert said.err == "" and said.out.count("\n") == 1 and str(out) in said.out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # personal data: owner only
    assert _report_audits(central_path)[-1][1].startswith(f"kind={kind}")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_records_is_the_default_kind(central_path, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    assert main(["office", "report", "--central", str(central_path), "--out", str(out)]) == 0
    assert "Clients" in load_workbook(out).sheetnames
    assert (
        "rows on 8 sheets" in capsys.readouterr().out
    )  # employers, events, clients and 5 kinds of child record


@pytest.mark.parametrize("name", ["report.csv", "report.xls", "report", "report.xlsx.txt"])
def test_an_out_that_is_not_xlsx_is_a_usage_error(central_path, tmp_path, capsys, name, monkeypatch):
    monkeypatch.delenv("PACE_PASSPHRASE")  # refused before any passphrase is asked for
    code = main(["office", "report", "--central", str(central_path), "--out", str(tmp_path / name)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and ".xlsx" in err
    assert not (tmp_path / name).exists()


def test_an_unknown_kind_is_a_usage_error(central_path, tmp_path, capsys):
    code = main(
        [
            "office",
            "report",
            "--central",
            str(central_path),
            "--out",
            str(tmp_path / "x.xlsx"),
            "--kind",
            "everything",
        ]
    )
    assert code == 2 and capsys.readouterr().err.count("\n") == 1


def test_a_missing_folder_is_a_usage_error(central_path, tmp_path, capsys):
    code = main(
        [
            "office",
            "report",
            "--central",
            str(central_path),
            "--out",
            str(tmp_path / "no-such-folder" / "x.xlsx"),
        ]
    )
    assert code == 2 and "folder" in capsys.readouterr().err


def test_wrong_passphrase_is_refused(central_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PACE_PASSPHRASE", "not the passphrase at all")
    code = main(["office", "report", "--central", str(central_path), "--out", str(tmp_path / "x.xlsx")])
    assert code == 3 and not (tmp_path / "x.xlsx").exists()


def explode(store, wb):
    """A report kind that fails half-way, after writing some rows."""
    ws = wb.add_worksheet("Half")
    for row in range(3000):
        ws.write_string(row, 0, "written before the failure")
    raise RuntimeError("disk pulled out")


@pytest.mark.parametrize(
    "library",
    [{"xlsxwriter": True}, {"xlsxwriter": True, "write_only": True}],
    ids=["xlsxwriter-in-memory", "xlsxwriter-sealed"],
)
def test_a_failed_report_leaves_the_old_file_and_no_temp_files(central_path, tmp_path, monkeypatch, library):
    monkeypatch.setitem(REPORTS, "boom", ReportKind("boom", "fails", f"{__name__}:explode", **library))
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"the previous report")
    before = set(os.listdir(tempfile.gettempdir()))
    code = main(
        ["office", "report", "--central", str(central_path), "--out", str(out), "--kind", "boom", "--force"]
    )
    assert code == 1
    assert out.read_bytes() == b"the previous report"
    left = {p.name for p in tmp_path.iterdir() if not p.name.startswith("central.db")}
    assert left == {"report.xlsx"}  # no temp workbook, no folder of sheet parts
    leaked = {n for n in set(os.listdir(tempfile.gettempdir())) - before if n.startswith(("openpyxl", "tmp"))}
    assert leaked == set()
    assert _report_audits(central_path) == []  # nothing written, nothing audited


def test_a_write_only_openpyxl_kind_is_refused():
    """Big streamed sheets go through XlsxWriter's sealed rows, never openpyxl's write-only writer."""
    with pytest.raises(ValueError, match="write-only needs xlsxwriter"):
        ReportKind("big", "streamed", f"{__name__}:explode", write_only=True)


def test_a_kind_written_with_openpyxl_is_refused():
    """openpyxl writes no report: its sheet temp files could be kept encrypted only through its private
    writer, which the app no longer touches."""
    with pytest.raises(ValueError, match="written with XlsxWriter"):
        ReportKind("old", "laid out", f"{__name__}:explode")
    assert all(kind.xlsxwriter for kind in REPORTS.values())
