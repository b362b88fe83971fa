"""The workbooks open in LibreOffice (headless): converted to PDF, and to CSV where the values
show.

If formula-like text had been stored as a formula, Calc would compute it on load and the CSV would
hold the result ("2") instead of the text typed ("=1+1"). Skipped when LibreOffice is not installed
(``apt-get install libreoffice-calc``).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.reports.helpers import write

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

# Comma separated, "quoted", UTF-8 (76), from line 1, cells as shown, every sheet to its own file
# (-1).
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def convert(source: Path, target: str, out_dir: Path, profile: Path) -> None:
    # A private profile, so a desktop LibreOffice that is open (or a stale lock) cannot interfere.
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    """One LibreOffice profile for the module: making it is most of the first conversion's time."""
    return tmp_path_factory.mktemp("lo") / "profile"


@pytest.mark.parametrize("kind", ["records", "summary", "partners", "deidentified", "reciprocity"])
def test_each_workbook_opens_and_converts_to_pdf(central, tmp_path, profile, kind):
    store, _ = central
    path, _ = write(store, kind, tmp_path)
    convert(path, "pdf", tmp_path / "pdf", profile)
    pdf = tmp_path / "pdf" / f"{kind}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


def test_formula_like_text_stays_text_in_calc(hostile_store, tmp_path, profile):
    store, records = hostile_store
    path, _ = write(store, "records", tmp_path)
    convert(path, CSV_ALL_SHEETS, tmp_path / "csv", profile)
    clients_csv = tmp_path / "csv" / "records-Clients.csv"
    with clients_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1
    client = records["Clients"][0]
    typed = []
    for header, field in (
        ("First name", "first_name"),
        ("Last name", "last_name"),
        ("Title", "title"),
        ("Job title", "job_title"),
        ("Notes", "notes"),
        ("Gender", "gender"),
    ):
        assert rows[0][header] == getattr(client, field), header
        typed.append(getattr(client, field))
    assert sum(text[:1] in "=+-@" for text in typed) >= 4  # the check is about formula-like text
    assert rows[0]["Date of birth"] == client.date_of_birth.isoformat()  # a date, shown as one
    events_csv = tmp_path / "csv" / "records-Events.csv"
    with events_csv.open(encoding="utf-8", newline="") as fh:
        event_row = next(csv.DictReader(fh))
    assert event_row["Employer"] == records["Events"][0].employer_name
    assert event_row["Number affected"] == "40"
