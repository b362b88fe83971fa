"""The impact workbook and a partner's report open in LibreOffice (headless) and convert to PDF.

Skipped when LibreOffice is not installed (``apt-get install libreoffice-calc``).
"""

from __future__ import annotations

import re

import pytest

from pace_desktop.demo import seed
from pace_desktop.partners.reciprocity import write_partner_report
from pace_desktop.reports.report import write_report
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE
from tests.partners.in_force import agreements_in_force
from tests.reports.test_libreoffice import SOFFICE, convert

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def test_impact_and_partner_workbooks_convert(tmp_path):
    with Store.create(
        tmp_path / "c.store", adviser="Morven Office", passphrase=PASSPHRASE, kind="office"
    ) as store:
        seed(store, events=6, clients=600, history=True)
        write_report(store, "impact", tmp_path / "impact.xlsx")
        agreements_in_force(store, "ACAS")  # the demo's ACAS agreement is past review
        write_partner_report(store, "ACAS", tmp_path / "acas.xlsx")
    profile = tmp_path / "lo" / "profile"
    for name, sheets in (("impact", 13), ("acas", 4)):
        convert(tmp_path / f"{name}.xlsx", "pdf", tmp_path / "pdf", profile)
        pdf = (tmp_path / "pdf" / f"{name}.pdf").read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pdf.startswith(b"%PDF") and pages >= sheets  # at least a page per sheet
