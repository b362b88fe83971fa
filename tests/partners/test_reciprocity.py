"""The reciprocity report: each partner's outcomes, small numbers hidden, nothing to subtract."""

from __future__ import annotations

import random
import re
from datetime import date

import pyrage
import pytest
from openpyxl import load_workbook

from pace_desktop.partners.reciprocity import cohort_tables, cohorts, write_partner_report
from pace_desktop.partners.registry import set_partner
from pace_desktop.partners.request import make_request
from pace_desktop.partners.returns import import_return
from pace_desktop.records.enums import InterventionStatus, OutcomeStatus
from pace_desktop.records.models import Intervention, Outcome
from pace_desktop.reports.report import write_report
from pace_desktop.reports.suppression import recoverable, with_margins
from tests.partners.conftest import grant, open_request, request_rows
from tests.partners.in_force import agreements_in_force
from tests.reports.helpers import assert_no_formulas_or_errors
from tests.reports.test_libreoffice import SOFFICE, convert


def add_outcomes(store, clients, seed: int = 3) -> None:
    rng = random.Random(seed)
    with store.transaction():
        for client in clients:
            store.outcomes.add(
                Outcome(client_id=client.id, date=date(2026, 5, 1), status=rng.choice(list(OutcomeStatus)))
            )
            if rng.random() < 0.7:
                store.interventions.add(
                    Intervention(
                        client_id=client.id,
                        service=rng.choice(["benefits", "employability_advice", "money"]),
                        partner="DWP",
                        date=date(2026, 4, 1),
                        status=InterventionStatus.attended,
                    )
                )


def tables_on(ws) -> list[tuple[list[str], list[list]]]:
    """(row labels, values including the total column and total row) of each table on a sheet."""
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    found = []
    for i, row in enumerate(rows):
        if row[0] in ("Help last received", "Risk band"):
            body, j = [], i + 1
            while rows[j][0] != "Total":
                body.append(rows[j])
                j += 1
            body.append(rows[j])
            width = row.index("Total") + 1
            found.append(([r[0] for r in body], [r[1:width] for r in body]))
    return found


@pytest.fixture
def sent_dwp(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient, match_on="name_dob_postcode")
    result = make_request(central, "DWP", outbox)
    pace_ids = [r["PACE ID"] for r in request_rows(open_request(result.path, keys.identity))]
    clients = [central.client_queries.by_pace_id(p) for p in pace_ids]
    add_outcomes(central, clients)
    return clients


def test_small_counts_are_hidden_and_shown_counts_are_true(central, sent_dwp, tmp_path):
    out, _ = tmp_path / "rec.xlsx", None
    write_report(central, "reciprocity", out)
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["About", "DWP"]
    [cohort] = cohorts(central)
    truth = cohort_tables(cohort)
    published = tables_on(wb["DWP"])
    assert len(published) == 2
    hidden_patterns = []
    for table, (labels, values) in zip(truth, published, strict=True):
        full = with_margins(table.counts, len(table.columns))
        assert labels == [*table.rows, "Total"]
        hidden = set()
        for i, row in enumerate(values):
            for j, shown in enumerate(row):
                true = full[i][j]
                if shown == "*":
                    hidden.add((i, j))
                else:
                    assert shown == true
                assert not (0 < true < 5 and shown != "*"), "a count from 1 to 4 was shown"
        assert any(0 < v < 5 for r in full for v in r), "the fixture should hold small counts"
        assert recoverable(full, hidden) == [], "a hidden count can be worked out from the totals"
        hidden_patterns.append({j for (i, j) in hidden if i == len(full) - 1})
    # The two tables count the same people: their totals row hides the same cells.
    assert hidden_patterns[0] == hidden_patterns[1]
    assert published[0][1][-1] == published[1][1][-1]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_reciprocity_workbook_opens_in_libreoffice(central, sent_dwp, tmp_path):
    path = write_report(central, "reciprocity", tmp_path / "rec.xlsx").path
    assert_no_formulas_or_errors(path)
    assert load_workbook(path).sheetnames == ["About", "DWP"] and tables_on(load_workbook(path)["DWP"])
    convert(path, "pdf", tmp_path / "pdf", tmp_path / "lo" / "profile")
    pdf = (tmp_path / "pdf" / "rec.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2  # a page a sheet


def test_people_who_withdrew_or_refused_statistics_are_not_counted(central, sent_dwp):
    [before] = cohorts(central)
    leaver = sent_dwp[0]
    for consent in central.consents.for_parent(leaver.id):
        if consent.purpose == "share_DWP":
            central.consents.update(consent.withdraw(by="Morven Office"))
    [after] = cohorts(central)
    assert str(leaver.id) not in after.people
    assert len(after.people) == len(before.people) - (str(leaver.id) in before.people)
    no_stats = [
        c
        for c in sent_dwp
        if not any(
            k.purpose == "anonymised_statistics" and k.active for k in central.consents.for_parent(c.id)
        )
    ]
    assert no_stats and not {str(c.id) for c in no_stats} & set(after.people)


def test_a_sheet_that_could_be_subtracted_from_another_is_withheld(central, keys, outbox, sent_dwp, tmp_path):
    # HMRC is sent DWP's people plus two more: subtracting the sheets would describe those two.
    extra = [c for c in central.clients.all() if c not in sent_dwp][:2]
    grant(central, extra, "HMRC")
    with central.transaction():
        for client in extra:
            from pace_desktop.records.models import CaptureMethod
            from pace_desktop.registration import build_consents

            for consent in build_consents(
                {"anonymised_statistics": True},
                how=CaptureMethod.with_adviser,
                by="Morven Office",
                client_id=client.id,
            ):
                central.consents.add(consent)
    grant(central, sent_dwp, "HMRC")
    set_partner(central, "HMRC", recipient=keys.other_recipient, match_on="name_dob_postcode")
    make_request(central, "HMRC", outbox)
    [dwp, hmrc] = cohorts(central)
    assert 0 < len(set(dwp.people) ^ set(hmrc.people)) < 5

    result = write_report(central, "reciprocity", tmp_path / "rec.xlsx")
    wb = load_workbook(result.path)
    assert tables_on(wb["DWP"]) and not tables_on(wb["HMRC"])
    assert "Withheld" in wb["HMRC"]["A3"].value
    assert result.figures["withheld"] == 1
    # Each partner's own workbook carries only its sheet, then its own activity and impact sheets.
    agreements_in_force(central, "HMRC")
    own = write_partner_report(central, "HMRC", tmp_path / "hmrc.xlsx")
    assert load_workbook(own).sheetnames == [
        "About",
        "HMRC",
        "Activity in your services",
        "Referrals to you",
        "PACE impact",
    ]
    assert tables_on(load_workbook(own)["HMRC"])


def test_returned_counts_are_listed_with_small_ones_hidden(central, keys, outbox, tmp_path):
    from pace_desktop.office.central import office_recipients

    set_partner(central, "DWP", recipient=keys.recipient)
    result = make_request(central, "DWP", outbox, aggregate=True)
    rid, n = result.request_id, result.sent
    counts = tmp_path / "counts.csv.age"
    text = (
        f"request_id,measure,count\n{rid},supplied,{n}\n{rid},matched,{n - 2}\n"
        f"{rid},PAYE,{n - 12}\n{rid},SELF_ASSESSMENT,3\n{rid},NONE,9\n"
    )
    office = pyrage.x25519.Recipient.from_str(office_recipients(central)[0])
    counts.write_bytes(pyrage.encrypt(text.encode(), [office]))
    import_return(central, "DWP", counts)
    out = write_report(central, "reciprocity", tmp_path / "rec.xlsx").path
    ws = load_workbook(out)["Counts partners returned"]
    listed = {r[2]: r[3] for r in ws.iter_rows(min_row=5, values_only=True)}
    assert listed == {"supplied": n, "matched": "*", "PAYE": n - 12, "SELF_ASSESSMENT": "*", "NONE": 9}


def test_partner_return_outcomes_feed_the_report(central, keys, outbox, tmp_path):
    from tests.partners.conftest import fill, row_of, save_return

    set_partner(central, "DWP", recipient=keys.recipient)
    result = make_request(central, "DWP", outbox)
    wb = open_request(result.path, keys.identity)
    for row in request_rows(wb):
        fill(wb, row_of(wb, row["PACE ID"]), Outcome="in_work", Outcome_date="2026-03-02")
    import_return(central, "DWP", save_return(wb, tmp_path / "r.xlsx.age", central))
    [cohort] = cohorts(central)
    assert {p[2] for p in cohort.people.values()} == {"in_work"}
