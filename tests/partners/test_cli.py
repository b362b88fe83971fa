"""The partner commands: set up, request, return, report — exit codes 0, 2 (usage) and 3 (refused)."""

from __future__ import annotations

import pytest

from pace_desktop.cli import main
from pace_desktop.office.central import open_central
from pace_desktop.records.enums import RecordSource
from tests.conftest import PASSPHRASE
from tests.partners.conftest import fill, open_request, request_rows, row_of, save_return


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)


def run(capsys, *args) -> tuple[int, list[str], list[str]]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_send_a_request_and_take_the_return_back_from_the_command_line(
    capsys, central_path, keys, outbox, tmp_path
):
    mapping = tmp_path / "dwp.csv"
    mapping.write_text("kind,their_code,our_code\noutcome,EMP,in_work\n", encoding="utf-8")
    code, out, err = run(
        capsys,
        "office",
        "partner-set",
        "--central",
        central_path,
        "--partner",
        "dwp",
        "--recipient",
        keys.recipient,
        "--match",
        "name_dob_postcode",
        "--mapping",
        mapping,
    )
    assert code == 0, err
    assert "  matches on: first name, last name, date of birth and postcode" in out
    assert "  own codes mapped: 1 outcome" in out

    code, out, err = run(
        capsys, "office", "partner-request", "--central", central_path, "--partner", "DWP", "--out", outbox
    )
    assert code == 0, err
    [path] = outbox.iterdir()
    assert out[0].startswith("Wrote request R-DWP-") and str(path) in out[0]

    wb = open_request(path, keys.identity)
    first, second = (r["PACE ID"] for r in request_rows(wb)[:2])
    fill(wb, row_of(wb, first), Outcome="EMP", Outcome_date="2026-03-02")
    fill(wb, row_of(wb, second), Outcome="nope", Outcome_date="2026-03-02")
    with open_central(central_path, PASSPHRASE) as central:
        returned = save_return(wb, tmp_path / "return.xlsx.age", central)

    code, out, err = run(
        capsys, "office", "partner-return", "--central", central_path, "--partner", "DWP", "--check", returned
    )
    assert code == 3 and out[0].startswith("Checked (nothing saved)")
    code, out, err = run(
        capsys, "office", "partner-return", "--central", central_path, "--partner", "DWP", returned
    )
    assert code == 3, "a refused row is reported with the refused-input status"
    assert "1 row used, 1 refused; 1 added" in out[0]
    assert err == [
        f"pace-desktop: Row {row_of(wb, second)}: the Outcome is not one of DWP's codes "
        "(see the Codes sheet)."
    ]
    with open_central(central_path, PASSPHRASE) as central:
        sources = [o.source for o in central.outcomes.all()]
    assert sources == [RecordSource.partner_return]

    code, out, _ = run(capsys, "office", "partner-requests", "--central", central_path, "--partner", "DWP")
    assert code == 0 and "1 return " in out[0]
    code, out, err = run(
        capsys,
        "office",
        "report",
        "--central",
        central_path,
        "--out",
        tmp_path / "r.xlsx",
        "--kind",
        "reciprocity",
    )
    assert code == 0, err
    code, out, err = run(
        capsys,
        "office",
        "partner-report",
        "--central",
        central_path,
        "--partner",
        "DWP",
        "--out",
        tmp_path / "dwp.xlsx",
    )
    assert code == 0 and "DWP's reciprocity report" in out[0]


def test_aggregate_request_prints_the_key_and_can_show_it_again(capsys, central_path, keys, outbox):
    run(
        capsys,
        "office",
        "partner-set",
        "--central",
        central_path,
        "--partner",
        "DWP",
        "--recipient",
        keys.recipient,
        "--aggregate-only",
        "yes",
    )
    code, out, err = run(
        capsys, "office", "partner-request", "--central", central_path, "--partner", "DWP", "--out", outbox
    )
    assert code == 2 and "--aggregate" in err[0]
    code, out, err = run(
        capsys,
        "office",
        "partner-request",
        "--central",
        central_path,
        "--partner",
        "DWP",
        "--out",
        outbox,
        "--aggregate",
    )
    assert code == 0, err
    key_line = next(line for line in out if line.startswith("Matching key"))
    key = key_line.rsplit(": ", 1)[1]
    request_id = out[0].split()[2]
    code, out, _ = run(capsys, "office", "partner-key", "--central", central_path, "--request", request_id)
    assert code == 0 and out[0].endswith(key)


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (["partner-request", "--partner", "DWP", "--out", "{outbox}"], 3, "DWP has no age recipient"),
        (["partner-request", "--partner", "XYZ", "--out", "{outbox}"], 2, "There is no partner 'XYZ'"),
        (["partner-set", "--partner", "DWP", "--recipient", "age1nonsense"], 3, "not an age recipient"),
        (["partner-set", "--partner", "DWP", "--mapping", "{bad_mapping}"], 3, "line 2"),
        (["partner-return", "--partner", "DWP", "{missing}"], 3, "could not be read"),
    ],
)
def test_errors_are_one_line_with_the_right_status(
    capsys, central_path, outbox, tmp_path, args, status, words
):
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,their_code,our_code\noutcome,EMP,employed\n", encoding="utf-8")
    values = {"outbox": outbox, "bad_mapping": bad, "missing": tmp_path / "nothing.xlsx"}
    args = [a.format(**values) for a in args]
    code, out, err = run(capsys, "office", args[0], "--central", central_path, *args[1:])
    assert code == status
    assert len(err) == 1 and words in err[0], err
