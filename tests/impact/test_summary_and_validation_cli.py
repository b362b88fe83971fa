"""The one-page summary (figures, then the painted page) and the validation line, from the office CLI."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pace_desktop.cli import main
from pace_desktop.demo import seed
from pace_desktop.office.central import init_office, open_central
from pace_desktop.reports.impact_summary import summary_page
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    folder = tmp_path_factory.mktemp("impact-central")
    made = init_office(folder / "central.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=folder)
    with open_central(made.central, PASSPHRASE) as store:
        seed(store, events=10, clients=1500, history=True)
    return made.central


def test_summary_figures_agree_with_the_workbook_figures(central):
    from pace_desktop.reports.impact import impact

    with open_central(central, PASSPHRASE) as store:
        page = summary_page(store, produced=datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
        result = impact(store)
    facts = dict(page.facts)
    assert page.produced == "2026-12-01 09:30 UTC"
    assert facts["People counted"] == f"{result.people:,}"
    assert facts["Back in work by 6 months (estimate)"] == f"{result.overall.share_by_month[6]:.0%}"
    assert [label for label, _ in page.curves][:2] == ["Everyone", "Low"]
    assert page.notes[0].startswith("Checklist: of the top 8% of scores, ")


def test_office_commands_write_the_page_and_print_the_line(central, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "summary.png"
    assert main(["office", "impact-summary", "--central", str(central), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote the impact summary to {out}."
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1131)
    # The 'Everyone' curve is drawn in blue somewhere in the chart area, right of the figures.
    blue = QColor("#1d70b8").rgb()
    assert any(image.pixel(x, y) == blue for x in range(830, 1530, 3) for y in range(220, 650, 3))
    pdf = tmp_path / "summary.pdf"
    assert main(["office", "impact-summary", "--central", str(central), "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_mode & 0o077 == 0
    capsys.readouterr()
    wrong = tmp_path / "s.doc"
    assert main(["office", "impact-summary", "--central", str(central), "--out", str(wrong)]) == 2
    assert "ending in .png or .pdf" in capsys.readouterr().err
    assert main(["office", "checklist-validation", "--central", str(central)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("Checklist validation on ") and "Top 8% of scores" in line


def test_validation_line_refuses_with_the_number_needed(tmp_path, monkeypatch, capsys):
    made = init_office(tmp_path / "c.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=tmp_path)
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    assert main(["office", "checklist-validation", "--central", str(made.central)]) == 3
    assert capsys.readouterr().err.strip() == (
        "pace-desktop: Checklist validation needs at least 50 people with a checklist and a known "
        "12-month outcome; there are 0."
    )
