"""The impact workbook, read back as office staff would: the figures, the charts, nothing leaking."""

from __future__ import annotations

import re
import zipfile

import pytest
from openpyxl import load_workbook

from pace_desktop.reports.kinds import REPORTS
from pace_desktop.reports.report import write_report
from tests.impact.people import event, person
from tests.reports.helpers import (
    assert_no_formulas_or_errors,
    assert_only_the_output_was_written,
    files_written,
)


def _twenty(store):
    """10 back in work on days 5, 10, … 50 after leaving, 5 last known unemployed (days 100–104),
    5 never heard of; one more person who said no to statistics (never counted)."""
    ev = event(store)
    for d in range(5, 55, 5):
        person(
            store,
            ev,
            outcomes=[(d, "in_work")],
            score=5,
            band="low",
            interventions=[("employability_advice", "DWP", 30, "attended")],
            rating=4,
        )
    for d in range(100, 105):
        person(
            store,
            ev,
            outcomes=[(d, "unemployed")],
            score=20,
            band="high",
            interventions=[("money", "CAS", 60, "completed")],
            rating=5,
        )
    for _ in range(5):
        person(store, ev)
    person(
        store, ev, consents={"pace_support": True, "anonymised_statistics": False}, outcomes=[(5, "in_work")]
    )


def test_impact_workbook_figures(store, tmp_path):
    _twenty(store)
    out = tmp_path / "impact.xlsx"
    with files_written() as seen:
        result = write_report(store, "impact", out)
    assert_only_the_output_was_written(seen, out, encrypted_parts=False)  # built in memory: no temp file
    assert result.figures["people"] == 20 and result.figures["validated"] == 0
    assert_no_formulas_or_errors(out)
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["Summary", "About", "Time to work"]
    assert {
        "By age group",
        "By sector",
        "By council area",
        "By event type",
        "By help received",
        "By partner worked with",
        "Sustained work",
        "Time on PACE",
        "Feedback",
        "Checklist validation",
    } <= set(wb.sheetnames)
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=5, max_row=20, values_only=True) if r[0]}
    assert summary["People counted"] == 20
    assert summary["with a known outcome since leaving"] == 15
    # S after k returns is (15 - k) / 15: by 3 months (day 91) all ten, with 5 still followed.
    assert summary["Estimated back in work by 3 months"] == pytest.approx(10 / 15)
    # By 6 months nobody is still followed (last known day 104), so the share is hidden.
    assert summary["Estimated back in work by 6 months"] == "*"
    assert summary["Median days from leaving to work"] == 40
    # 15 people with time: 10 × 30 + 5 × 60 = 600 minutes, mean 40, 10 hours.
    assert summary["Time on PACE per person helped, mean minutes"] == 40.0
    assert summary["Time on PACE, total hours"] == 10.0
    assert summary["Mean feedback rating (1 to 5)"] == round((10 * 4 + 5 * 5) / 15, 2)
    assert summary["Checklist validation"] == (
        "Checklist validation needs at least 50 people with a "
        "checklist and a known 12-month outcome; there are 0."
    )
    rows = list(wb["Time to work"].iter_rows(values_only=True))
    block = next(i for i, r in enumerate(rows) if r[0] == "Months after leaving")
    assert rows[block][1] == "Everyone"
    # Month 1 (day 30.4): 6 of 15 back in work; month 4: nobody still followed, so left blank.
    assert rows[block + 1][1] == 0 and rows[block + 2][1] == 0.4 and rows[block + 5][1] is None
    assert rows[block + 3][1] == pytest.approx(10 / 15, abs=1e-4)
    help_rows = list(wb["By help received"].iter_rows(values_only=True))
    assert any(r[0] and "association, not cause" in str(r[0]) for r in help_rows)
    assert ("Employability advice", 10, 0, 0, 10) in [tuple(r[:5]) for r in help_rows]
    assert ("Money advice", 0, 5, 0, 5) in [tuple(r[:5]) for r in help_rows]
    with zipfile.ZipFile(out) as z:
        charts = [z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    lines = sum(bool(re.search(r"<(c:)?lineChart>", c)) for c in charts)
    bars = sum(bool(re.search(r"<(c:)?barChart>", c)) for c in charts)
    assert lines >= 7 and bars >= 3


def test_impact_is_a_report_kind():
    assert "impact" in REPORTS and "Kaplan-Meier" in REPORTS["impact"].description


def test_an_office_where_nobody_agreed_to_statistics_gets_a_workbook_not_a_crash(store, tmp_path):
    ev = event(store)
    for _ in range(3):
        person(
            store,
            ev,
            consents={"pace_support": True, "anonymised_statistics": False},
            outcomes=[(9, "in_work")],
        )
    out = tmp_path / "impact.xlsx"
    result = write_report(store, "impact", out)
    assert result.figures["people"] == 0
    assert_no_formulas_or_errors(out)
    wb = load_workbook(out)
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=5, max_row=20, values_only=True) if r[0]}
    assert summary["People counted"] == 0
    assert summary["Estimated back in work by 3 months"] == "*"
