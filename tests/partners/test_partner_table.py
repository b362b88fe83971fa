"""The partner/service table the app ships is the report's table (../shared/data/partners.csv, copied
into tests/partners/data/ so that a clone of the repository alone can run this), row for row."""

from __future__ import annotations

import csv
from pathlib import Path

from pace_desktop.paths import resource
from pace_desktop.reference import SERVICES, partners

REPORT_TABLE = Path(__file__).parent / "data" / "partners.csv"


def test_the_shipped_table_is_the_reports_table_byte_for_byte():
    assert resource("data", "partners.csv").read_bytes() == REPORT_TABLE.read_bytes()


def test_the_loader_gives_every_partner_and_service_of_the_reports_table():
    with REPORT_TABLE.open(encoding="utf-8", newline="") as f:
        expected = [(r["code"], r["name"], tuple(r["services"].split(";"))) for r in csv.DictReader(f)]
    assert [(p.code, p.name, p.services) for p in partners()] == expected
    assert len(expected) == 11
    assert all(s in SERVICES for _, _, services in expected for s in services)


def test_rows_the_correction_changed_read_as_the_report_has_them():
    by_code = {p.code: p.services for p in partners()}
    assert by_code["ACAS"] == ("rights_and_entitlements", "coping_with_stress", "mental_health_wellbeing")
    assert "literacy_numeracy" in by_code["SDS"] and "business_start_up" in by_code["SDS"]
    assert by_code["BG"][-2:] == ("business_start_up", "money")
    assert by_code["ICAS"] == ("money",)
