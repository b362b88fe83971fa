"""The follow-up commands, run as a person would: listing, recording, refusing."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from pace_desktop.cli import main
from pace_desktop.office.central import init_office, open_central
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


def office_people(tmp_path):
    """A central store with four fictional people who left on 31 January 2025: Kirsty agreed to
    both follow-up and the survey; Callum to follow-up only; Morag to the survey, then withdrew it;
    Iain said no to both."""
    made = init_office(tmp_path / "c.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=tmp_path)
    with open_central(made.central, PASSPHRASE) as store:
        ev = event(store)
        both = {"pace_support": True, "contact_followup": True, "client_survey": True}
        kirsty = person(store, ev, consents=both, first="Kirsty")
        callum = person(
            store,
            ev,
            consents={"pace_support": True, "contact_followup": True, "client_survey": False},
            first="Callum",
        )
        morag = person(store, ev, consents={"pace_support": True, "client_survey": True}, first="Morag")
        for consent in store.consents.for_parent(morag.id):
            if consent.purpose == "client_survey":
                store.consents.update(consent.withdraw(by="Ailsa Demo"))
        iain = person(
            store,
            ev,
            consents={"pace_support": True, "contact_followup": False, "client_survey": False},
            first="Iain",
        )
    return made.central, kirsty, callum, morag, iain


def test_office_lists_only_people_whose_consent_stands(tmp_path, capsys):
    central, kirsty, callum, morag, iain = office_people(tmp_path)
    due = ("--as-of", "2025-05-01", "--names")
    code, out, _ = run(capsys, "office", "followup-due", "--central", central, *due)
    assert code == 0
    assert sorted(out[:2]) == sorted(
        [
            f"{kirsty.pace_id}  Kirsty Demo  3 months  due 2025-04-30  left 2025-01-31  no outcome yet",
            f"{callum.pace_id}  Callum Demo  3 months  due 2025-04-30  left 2025-01-31  no outcome yet",
        ]
    )
    assert out[2:] == [
        "2 due for contact_followup on 2025-05-01 (of 2 consenting; 0 without a leaving date)."
    ]
    code, out, _ = run(
        capsys, "office", "followup-due", "--central", central, "--purpose", "client_survey", *due
    )
    assert out == [
        f"{kirsty.pace_id}  Kirsty Demo  3 months  due 2025-04-30  left 2025-01-31  no outcome yet",
        "1 due for client_survey on 2025-05-01 (of 1 consenting; 0 without a leaving date).",
    ]
    everything = "\n".join(out)
    assert morag.pace_id not in everything and iain.pace_id not in everything


def test_office_records_an_outcome_and_refuses_without_consent(tmp_path, capsys):
    central, kirsty, _callum, morag, iain = office_people(tmp_path)
    record = ("--status", "training", "--date", "2025-04-29")
    code, out, _ = run(
        capsys, "office", "followup-record", "--central", central, "--pace-id", kirsty.pace_id, *record
    )
    assert (code, out) == (0, [f"Recorded In training on 2025-04-29 for {kirsty.pace_id}."])
    for declined in (morag, iain):  # Morag never agreed to contact; Iain said no
        code, _, err = run(
            capsys, "office", "followup-record", "--central", central, "--pace-id", declined.pace_id, *record
        )
        assert (code, err) == (
            3,
            ["pace-desktop: This person did not agree to be contacted after PACE: no outcome was saved."],
        )
    with open_central(central, PASSPHRASE) as store:
        assert [(str(o.client_id), o.status.value) for o in store.outcomes.all()] == [
            (str(kirsty.id), "training")
        ]
    code, out, _ = run(capsys, "office", "followup-due", "--central", central, "--as-of", "2025-05-01")
    assert kirsty.pace_id not in "\n".join(out)


def test_office_survey_sample_holds_only_people_who_agreed_to_the_survey(tmp_path, capsys):
    central, kirsty, callum, morag, iain = office_people(tmp_path)
    out_file = tmp_path / "sample.csv"
    code, out, _ = run(
        capsys, "office", "survey-sample", "--central", central, "--out", out_file, "--as-of", "2025-05-01"
    )
    assert (code, out) == (0, [f"Wrote 1 people who agreed to the client survey to {out_file}."])
    rows = list(csv.reader(out_file.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[:3] for r in rows[1:]] == [[kirsty.pace_id, "Kirsty", "Demo"]]
    text = out_file.read_text(encoding="utf-8-sig")
    for other in (callum, morag, iain):
        assert other.pace_id not in text
    assert out_file.stat().st_mode & 0o077 == 0
