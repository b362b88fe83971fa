"""Every partner's own report shows PACE activity in its services, referrals to it and what followed,
and the impact figures: even a partner never sent a request (ACAS)."""

from __future__ import annotations

from openpyxl import load_workbook

from pace_desktop.office.central import init_office, open_central
from pace_desktop.partners.reciprocity import write_partner_report
from tests.conftest import PASSPHRASE
from tests.impact.people import event, person
from tests.reports.helpers import assert_no_formulas_or_errors

ACAS_HELP = [("rights_and_entitlements", "ACAS", 30, "referred")]


def test_a_partner_never_sent_anyone_still_gets_its_figures(tmp_path):
    made = init_office(tmp_path / "c.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=tmp_path)
    with open_central(made.central, PASSPHRASE) as store:
        ev = event(store)
        for _ in range(6):
            person(store, ev, interventions=ACAS_HELP, outcomes=[(50, "in_work")])
        for _ in range(5):
            person(store, ev, interventions=[("rights_and_entitlements", "CAS", 60, "completed")])
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
    assert ("Offered", 0, 0, 0, 0, 0, 0, 0) in referrals
    impact = [tuple(r[:5]) for r in wb["PACE impact"].iter_rows(values_only=True)]
    assert any(r[0] and "association, not cause" in r[0] for r in impact)
    assert ("Worked with ACAS", 6, 0, 0, 6) in impact
    assert ("Did not work with ACAS", 0, 0, 5, 5) in impact
