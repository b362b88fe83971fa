"""The partner request (XlsxWriter, built in memory) opens in LibreOffice Calc: every sheet converts,
and the Request sheet's rows read back as written."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pyrage
import pytest

from pace_desktop.partners.registry import set_partner
from pace_desktop.partners.request import make_request

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def test_a_request_opens_in_calc(central, keys, outbox, tmp_path):
    set_partner(central, "DWP", recipient=keys.recipient, match_on="ni")
    result = make_request(central, "DWP", outbox)
    source = tmp_path / "request.xlsx"
    source.write_bytes(pyrage.decrypt(result.path.read_bytes(), [keys.identity]))
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            CSV_ALL_SHEETS,
            "--outdir",
            str(tmp_path / "csv"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "request-About.csv",
        "request-Codes.csv",
        "request-Request.csv",
    ]
    with (tmp_path / "csv" / "request-Request.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == result.sent
    assert all(r["Action"] == "look up" and r["PACE ID"].startswith("PACE-") for r in rows)
