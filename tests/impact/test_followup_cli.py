"""The follow-up commands, run as a person would: listing, recording, refusing."""

from __future__ import annotations

from datetime import date

import pytest

from pace_desktop.cli import main
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE
from tests.impact.people import event, person


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_due_then_record_then_not_due(store_path, capsys):
    with Store.open(store_path, PASSPHRASE) as store:
        ev = event(store)
        due = person(store, ev, first="Kirsty")
        person(store, ev, consents={"pace_support": True, "contact_followup": False}, first="Callum")
    code, out, _ = run(capsys, "followup-due", "--store", store_path, "--as-of", "2025-05-01", "--names")
    assert code == 0
    assert out == [
        f"{due.pace_id}  Kirsty Demo  3 months  due 2025-04-30  left 2025-01-31  no outcome yet",
        "1 due for contact_followup on 2025-05-01 (of 1 consenting; 0 without a leaving date).",
    ]
    code, out, _ = run(
        capsys,
        "followup-record",
        "--store",
        store_path,
        "--pace-id",
        due.pace_id,
        "--status",
        "in_work",
        "--date",
        "2025-04-28",
        "--note",
        "Warehouse job",
    )
    assert (code, out) == (0, [f"Recorded In work on 2025-04-28 for {due.pace_id}."])
    code, out, _ = run(capsys, "followup-due", "--store", store_path, "--as-of", "2025-05-01")
    assert out == ["0 due for contact_followup on 2025-05-01 (of 1 consenting; 0 without a leaving date)."]
    code, out, _ = run(capsys, "followup-due", "--store", store_path, "--as-of", "2025-08-01")
    assert out[0] == (f"{due.pace_id}  6 months  due 2025-07-31  left 2025-01-31  last: In work (2025-04-28)")


def test_bad_input_is_one_line_and_saves_nothing(store_path, capsys):
    with Store.open(store_path, PASSPHRASE) as store:
        ev = event(store)
        declined = person(store, ev, consents={"pace_support": True, "contact_followup": False})
    code, _, err = run(
        capsys,
        "followup-record",
        "--store",
        store_path,
        "--pace-id",
        declined.pace_id,
        "--status",
        "in_work",
        "--date",
        "2025-04-28",
    )
    assert (code, err) == (
        3,
        ["pace-desktop: This person did not agree to be contacted after PACE: no outcome was saved."],
    )
    code, _, err = run(
        capsys,
        "followup-record",
        "--store",
        store_path,
        "--pace-id",
        declined.pace_id,
        "--status",
        "retired",
        "--date",
        "2025-04-28",
    )
    assert code == 2 and err[0].startswith("pace-desktop: Choose an outcome: in_work")
    code, _, err = run(capsys, "followup-due", "--store", store_path, "--as-of", "31/04/2025")
    assert (code, err) == (2, ["pace-desktop: Give dates as YYYY-MM-DD, e.g. 2026-03-31."])
    with Store.open(store_path, PASSPHRASE) as store:
        assert store.outcomes.count() == 0
    assert date.today() > date(2025, 4, 28)
