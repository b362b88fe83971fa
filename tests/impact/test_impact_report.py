"""The impact workbook, read back as office staff would: the figures, the charts, nothing leaking."""

from __future__ import annotations

import re
import zipfile

from openpyxl import load_workbook

from pace_desktop.reports.kinds import REPORTS
from pace_desktop.reports.report import write_report
from tests.impact.people import event, person
from tests.reports.helpers import assert_no_formulas_or_errors


def _seventeen(store):
    """7 back in work on days 10–70 after leaving, 5 last known unemployed (45–80), 5 never heard of;
    one more person who said no to statistics (never counted)."""
    ev = event(store)
    for d in (10, 20, 30, 40, 50, 60, 70):
        person(store, ev, outcomes=[(d, "in_work")], score=5, band="low",
               interventions=[("employability_advice", "DWP", 30, "attended")], rating=4)
    for d in (45, 55, 65, 75, 80):
        person(store, ev, outcomes=[(d, "unemployed")], score=20, band="high",
               interventions=[("money", "CAS", 60, "completed")], rating=5)
    for _ in range(5):
        person(store, ev)
    person(store, ev, consents={"pace_support": True, "anonymised_statistics": False},
           outcomes=[(5, "in_work")])


def test_impact_workbook_figures(store, tmp_path):
    _seventeen(store)
    out = tmp_path / "impact.xlsx"
    result = write_report(store, "impact", out)
    assert result.figures["people"] == 17 and result.figures["validated"] == 0
    assert_no_formulas_or_errors(out)
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["Summary", "About", "Time to work"]
    assert {"By age group", "By sector", "By council area", "By event type", "By help received",
            "By partner worked with", "Sustained work", "Time on PACE", "Feedback",
            "Checklist validation"} <= set(wb.sheetnames)
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=5, max_row=20, values_only=True) if r[0]}
    assert summary["People counted"] == 17
    assert summary["with a known outcome since leaving"] == 12
    # By 3 months nobody is still followed (last known day 80), so the share is hidden.
    assert summary["Estimated back in work by 3 months"] == "*"
    assert summary["Median days from leaving to work"] == 60
    # 12 people with time: 7 × 30 + 5 × 60 = 510 minutes, mean 42.5, 8.5 hours.
    assert summary["Time on PACE per person helped, mean minutes"] == 42.5
    assert summary["Time on PACE, total hours"] == 8.5
    assert summary["Mean feedback rating (1 to 5)"] == round((7 * 4 + 5 * 5) / 12, 2)
    assert summary["Checklist validation"] == ("Checklist validation needs at least 50 people with a "
                                               "checklist and a known 12-month outcome; there are 0.")
    rows = list(wb["Time to work"].iter_rows(values_only=True))
    block = next(i for i, r in enumerate(rows) if r[0] == "Months after leaving")
    assert rows[block][1] == "Everyone"
    # Month 1 (day 30.4): 3 of 12 back in work; month 2: only 4 still followed, so left blank.
    assert rows[block + 1][1] == 0 and rows[block + 2][1] == 0.25 and rows[block + 3][1] is None
    help_rows = list(wb["By help received"].iter_rows(values_only=True))
    assert any(r[0] and "association, not cause" in str(r[0]) for r in help_rows)
    assert ("Employability advice", 7, 0, 0, 7) in [tuple(r[:5]) for r in help_rows]
    assert ("Money advice", 0, 5, 0, 5) in [tuple(r[:5]) for r in help_rows]
    with zipfile.ZipFile(out) as z:
        charts = [z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    assert sum("<lineChart>" in c for c in charts) >= 7 and sum("<barChart>" in c for c in charts) >= 3


def test_impact_is_a_report_kind():
    assert "impact" in REPORTS and "Kaplan-Meier" in REPORTS["impact"].description
