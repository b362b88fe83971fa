"""Every partner's own report shows PACE activity in its services, referrals to it and what followed,
and the impact figures: even a partner never sent a request (ACAS)."""

from __future__ import annotations

import re
import zipfile
from datetime import date, timedelta

from openpyxl import load_workbook

from pace_desktop.cli import main
from pace_desktop.office.central import init_office, open_central
from pace_desktop.partners.partner_impact import activity_table
from pace_desktop.partners.reciprocity import write_partner_report
from pace_desktop.reference import partners
from pace_desktop.reports.impact import gather
from pace_desktop.reports.suppression import suppress
from tests.conftest import PASSPHRASE
from tests.impact.people import event, person
from tests.partners.in_force import agreements_in_force
from tests.reports.helpers import (
    assert_no_formulas_or_errors,
    assert_only_the_output_was_written,
    files_written,
)

ACAS_HELP = [("rights_and_entitlements", "ACAS", 30, "referred")]


def office_with(tmp_path, cas_help, cas_outcomes=()):
    """A central store, its open Store and the event: six people referred to ACAS and back in work
    on day 50, five who completed ``cas_help`` with Citizens Advice."""
    made = init_office(tmp_path / "c.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=tmp_path)
    store = open_central(made.central, PASSPHRASE)
    agreements_in_force(store)
    ev = event(store)
    for _ in range(6):
        person(store, ev, interventions=ACAS_HELP, outcomes=[(50, "in_work")])
    for _ in range(5):
        person(store, ev, interventions=[(cas_help, "CAS", 60, "completed")], outcomes=list(cas_outcomes))
    return made.central, store, ev


def test_a_partner_never_sent_anyone_still_gets_its_figures(tmp_path):
    _, store, ev = office_with(tmp_path, "rights_and_entitlements")
    with store:
        person(
            store,
            ev,
            consents={"pace_support": True, "anonymised_statistics": False},
            interventions=ACAS_HELP,
            outcomes=[(50, "unemployed")],
        )
        out = write_partner_report(store, "ACAS", tmp_path / "acas.xlsx")
    assert_no_formulas_or_errors(out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["About", "Activity in your services", "Referrals to you", "PACE impact"]
    activity = [r for r in wb["Activity in your services"].iter_rows(values_only=True)]
    assert ("Rights and entitlements", 0, 6, 0, 5, 11) in [tuple(r[:6]) for r in activity]
    # Hours: 6 × 30 + 5 × 60 minutes = 8 hours.
    hours_at = next(i for i, r in enumerate(activity) if r[0] == "Hours advisers recorded on this help")
    assert activity[hours_at + 1][:2] == ("Rights and entitlements", 8.0)
    referrals = [tuple(r[:8]) for r in wb["Referrals to you"].iter_rows(values_only=True)]
    assert ("Referred", 6, 0, 0, 0, 0, 0, 6) in referrals  # in work 6; the 7th said no to statistics
    assert [r[0] for r in referrals[5:8]] == ["Referred", "Attended", "Completed"]  # offered: not sent
    impact = [tuple(r[:5]) for r in wb["PACE impact"].iter_rows(values_only=True)]
    assert any(r[0] and "association, not cause" in r[0] for r in impact)
    assert ("Worked with ACAS", 6, 0, 0, 6) in impact
    assert ("Did not work with ACAS", 0, 0, 5, 5) in impact


def test_a_partners_report_is_built_in_memory_with_its_three_charts(tmp_path):
    _, store, _ = office_with(tmp_path, "rights_and_entitlements")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with store, files_written() as seen:
        out = write_partner_report(store, "ACAS", out_dir / "acas.xlsx")
    assert_only_the_output_was_written(seen, out, encrypted_parts=False)  # no temp file of any kind
    assert sorted(p.name for p in out_dir.iterdir()) == ["acas.xlsx"]
    about = [r[0] for r in load_workbook(out)["About"].iter_rows(values_only=True)]
    assert about[-1].startswith("'Activity in your services', 'Referrals to you' and 'PACE impact'")
    assert about[-2] is None  # a blank line after the About text
    with zipfile.ZipFile(out) as z:
        charts = {
            n: z.read(n).decode("utf-8") for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)
        }
    kinds = sorted(("stacked" in x, "<c:lineChart>" in x, "<c:barChart>" in x) for x in charts.values())
    assert kinds == [(False, False, True), (False, True, False), (True, False, True)]
    activity = next(x for x in charts.values() if "People helped in your service areas" in x)
    assert "'Activity in your services'!$F$6:$F$8" in activity  # the Total column, one bar per service


def test_all_partners_get_their_own_report_with_real_content(tmp_path, monkeypatch, capsys):
    central, store = office_with(tmp_path, "money", [(80, "unemployed")])[:2]
    store.close()
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "reports"
    folder.mkdir()
    args = ["office", "partner-report", "--central", str(central), "--all", "--out", str(folder)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.strip() == f"Wrote 11 partners' reciprocity reports to {folder}."
    codes = [p.code for p in partners()]
    assert sorted(f.name for f in folder.iterdir()) == sorted(f"reciprocity-{c}.xlsx" for c in codes)
    for code in codes:
        path = folder / f"reciprocity-{code}.xlsx"
        assert_no_formulas_or_errors(path)
        wb = load_workbook(path)
        assert wb.sheetnames[-3:] == ["Activity in your services", "Referrals to you", "PACE impact"]
        impact = [tuple(r[:5]) for r in wb["PACE impact"].iter_rows(values_only=True)]
        worked = {"ACAS": 6, "CAS": 5}.get(code, 0)
        # Worked with it / not: back in work, not yet, not timed, total (11 people counted).
        assert (
            f"Worked with {code}",
            *((6, 0, 0, 6) if code == "ACAS" else (0, 5, 0, 5) if worked else (0, 0, 0, 0)),
        ) in impact
        assert charts_titled(path, "People sent to") == 1
    # ACAS, never sent a request: its referrals and its services (rights, stress, well-being).
    acas = load_workbook(folder / "reciprocity-ACAS.xlsx")
    referrals = [tuple(r[:8]) for r in acas["Referrals to you"].iter_rows(values_only=True)]
    assert ("Referred", 6, 0, 0, 0, 0, 0, 6) in referrals
    activity = [tuple(r[:6]) for r in acas["Activity in your services"].iter_rows(values_only=True)]
    assert ("Rights and entitlements", 0, 6, 0, 0, 6) in activity
    assert ("Coping with stress", 0, 0, 0, 0, 0) in activity
    # Citizens Advice: 5 people completed money advice with it, all last known unemployed.
    cas = load_workbook(folder / "reciprocity-CAS.xlsx")
    referrals = [tuple(r[:8]) for r in cas["Referrals to you"].iter_rows(values_only=True)]
    assert ("Completed", 0, 0, 0, 5, 0, 0, 5) in referrals
    activity = [tuple(r[:6]) for r in cas["Activity in your services"].iter_rows(values_only=True)]
    assert ("Money advice", 0, 0, 0, 5, 5) in activity
    # A second run does not replace anything unasked, and says so in one line.
    before = {f.name: f.stat().st_mtime_ns for f in folder.iterdir()}
    assert main(args) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already exists" in err[0]
    assert {f.name: f.stat().st_mtime_ns for f in folder.iterdir()} == before


def test_all_needs_an_existing_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    code = main(
        [
            "office",
            "partner-report",
            "--central",
            str(tmp_path / "c.store"),
            "--all",
            "--out",
            str(tmp_path / "no"),
        ]
    )
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        "pace-desktop: With --all, --out names the folder for the reports: create it or choose another."
    )


def charts_titled(path, words: str) -> int:
    with zipfile.ZipFile(path) as z:
        return sum(
            words in z.read(n).decode("utf-8")
            for n in z.namelist()
            if re.fullmatch(r"xl/charts/chart\d+\.xml", n)
        )


def test_a_service_shows_the_same_hidden_counts_in_every_partners_report(tmp_path):
    """Money advice is in Citizens Advice's, ICAS's and HMRC's services. Suppressed per report, ICAS's
    one-row table showed 9 attended where the others hid it: reports that disagree on what is hidden
    can be put together. One pattern, from one table of every service, goes in every report."""
    made = init_office(tmp_path / "c.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=tmp_path)
    with open_central(made.central, PASSPHRASE) as store:
        agreements_in_force(store, "CAS", "ICAS", "HMRC")
        ev = event(store)
        for n, step in ((2, "referred"), (9, "attended"), (6, "completed")):
            for _ in range(n):
                person(store, ev, interventions=[("money", None, 30, step)])
        for n, step in ((5, "referred"), (1, "attended")):
            for _ in range(n):
                person(store, ev, interventions=[("benefits", None, 30, step)])
        people = {p.client_id: p for p in gather(store)}
        services = {p.code: p.services for p in partners()}
        alone = {c: suppress(activity_table(store, people, services[c])[0]) for c in ("CAS", "ICAS")}
        assert [dict(zip(t.rows, t.cells, strict=True))["Money advice"] for t in alone.values()] == [
            (0, None, None, None),
            (0, None, 9, None),
        ]
        for code in ("CAS", "ICAS", "HMRC"):
            write_partner_report(store, code, tmp_path / f"{code}.xlsx")
    for code in ("CAS", "ICAS", "HMRC"):
        rows = [
            tuple(r[:6])
            for r in load_workbook(tmp_path / f"{code}.xlsx")["Activity in your services"].iter_rows(
                values_only=True
            )
        ]
        assert ("Money advice", 0, "*", "*", "*", 17) in rows
        assert not any(r[0] == "Total" for r in rows)  # a few rows of the whole: no totals row


def test_no_report_goes_to_a_partner_without_an_agreement_in_force(tmp_path, monkeypatch, capsys):
    """A partner's own report is written to be sent to it: like a request, it needs the partner's
    data-sharing agreement in force. One refused by name; --all writes the others and names it."""
    import pytest

    from pace_desktop.partners.agreements import PAST_REVIEW, SharingRefused, set_agreement

    central, store = office_with(tmp_path, "money")[:2]
    lapsed = (date.today() - timedelta(days=1)).isoformat()
    set_agreement(store, "ACAS", start=(date.today() - timedelta(days=400)).isoformat(), review=lapsed)
    with pytest.raises(SharingRefused) as refused:
        write_partner_report(store, "ACAS", tmp_path / "acas.xlsx")
    assert refused.value.code == PAST_REVIEW and "ACAS" in refused.value.message
    assert not (tmp_path / "acas.xlsx").exists()
    store.close()
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "reports"
    folder.mkdir()
    code = main(["office", "partner-report", "--central", str(central), "--all", "--out", str(folder)])
    out, err = capsys.readouterr()
    assert code == 3
    assert out.strip() == f"Wrote 10 partners' reciprocity reports to {folder}."
    [line] = err.strip().splitlines()
    assert line.startswith("pace-desktop: ACAS's data-sharing agreement DSA-TEST-ACAS was due for review on")
    assert "reciprocity-ACAS.xlsx" not in {f.name for f in folder.iterdir()}
    assert len(list(folder.iterdir())) == 10
