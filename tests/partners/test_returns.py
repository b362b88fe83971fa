"""Return import: every row checked and explained, only valid rows applied, re-import harmless."""

from __future__ import annotations

from datetime import date, datetime

import pyrage
import pytest

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.partners.history import list_returns
from pace_desktop.partners.mappings import parse_mapping
from pace_desktop.partners.registry import set_partner
from pace_desktop.partners.request import make_request
from pace_desktop.partners.returns import import_return
from pace_desktop.records.enums import RecordSource
from pace_desktop.records.pace_id import new_pace_id
from tests.partners.conftest import (
    fill,
    grant,
    open_request,
    request_rows,
    row_of,
    save_return,
)

DWP_CODES = (
    "kind,their_code,our_code\noutcome,EMP,in_work\noutcome,UC,unemployed\n"
    "service,WORK-COACH,employability_advice\nservice,BEN,benefits\n"
    "status,REF,referred\nstatus,ATT,attended\n"
)


@pytest.fixture
def dwp(central, keys, outbox):
    """DWP set up with its own codes, and a request sent to it: (request result, partner's workbook)."""
    set_partner(central, "DWP", recipient=keys.recipient, mappings=parse_mapping(DWP_CODES))
    result = make_request(central, "DWP", outbox)
    return result, open_request(result.path, keys.identity)


def partner_records(store):
    outcomes = [o for o in store.outcomes.all() if o.source == RecordSource.partner_return]
    interventions = [i for i in store.interventions.all() if i.source == RecordSource.partner_return]
    return outcomes, interventions


def test_a_messy_return_gives_row_errors_and_applies_only_the_valid_rows(
    central, keys, outbox, dwp, tmp_path
):
    result, wb = dwp
    pace_ids = [r["PACE ID"] for r in request_rows(wb)]
    good_outcome, good_service, good_both = pace_ids[0], pace_ids[1], pace_ids[2]
    wrong_code, half_service, future = pace_ids[3], pace_ids[4], pace_ids[5]
    # Another partner's request: HMRC is sent people who did not agree to DWP.
    others = [c for c in central.clients.all() if c.pace_id not in pace_ids and c.ni_number][:6]
    grant(central, others, "HMRC")
    set_partner(central, "HMRC", recipient=keys.other_recipient)
    make_request(central, "HMRC", outbox)

    ws = wb["Request"]
    ws.cell(1, 9).value = "DWP notes"  # an extra column, with something in it
    fill(wb, row_of(wb, good_outcome), Outcome="EMP", Outcome_date=datetime(2026, 3, 2))
    ws.cell(row_of(wb, good_outcome), 9).value = "anything at all"
    fill(wb, row_of(wb, good_service), Service="BEN", Service_status="ATT", Service_date="02/03/2026")
    fill(
        wb,
        row_of(wb, good_both),
        Outcome="uc",
        Outcome_date="2026-03-01",
        Service=" work-coach ",
        Service_status="REF",
        Service_date=date(2026, 2, 1),
    )
    fill(wb, row_of(wb, wrong_code), Outcome="EMPLOYED", Outcome_date="2026-03-01")
    fill(wb, row_of(wb, half_service), Service="BEN")
    fill(wb, row_of(wb, future), Outcome="EMP", Outcome_date="2031-01-01")
    last = ws.max_row
    ws.append([None] * 8)  # blank rows
    ws.append([])
    ws.append([new_pace_id(), "look up", None, "EMP", "2026-03-01"])  # nobody has this PACE ID
    ws.append(["PACE-1234", "look up", None, "EMP", "2026-03-01"])  # not a PACE ID at all
    ws.append([others[0].pace_id, "look up", None, "EMP", "2026-03-01"])  # in HMRC's request
    ws.append([None, None, None, "EMP", "2026-03-01"])  # no PACE ID
    ws.append([good_outcome, "look up", None, "UC", "2026-03-05"])  # the same person twice
    ws.append([pace_ids[6], "look up", None, "=1+1", "2026-03-01"])  # a formula
    path = save_return(wb, tmp_path / "return.xlsx.age", central)

    got = import_return(central, "DWP", path)

    problems = {p.row: p.message for p in got.problems}
    first_extra = last + 3
    assert problems == {
        row_of(wb, wrong_code): "the Outcome is not one of DWP's codes (see the Codes sheet).",
        row_of(wb, half_service): "give the Service, its status and its date together, or none of them.",
        row_of(wb, future): "the Outcome date is in the future.",
        first_extra: "no client has this PACE ID (it may be mistyped).",
        first_extra + 1: "the PACE ID is not in the form PACE-XXXX-XXXX (it may be mistyped).",
        first_extra + 2: f"this person was not in request {result.request_id} to DWP, so nothing from DWP "
        "can be recorded for them.",
        first_extra + 3: "there is no PACE ID, so the row cannot be matched to anyone.",
        first_extra + 4: f"this PACE ID is also on row {row_of(wb, good_outcome)}: only that row was used.",
        first_extra + 5: "the Outcome cell holds a formula: type the value itself.",
    }
    assert (got.rows_used, got.rows_refused, got.added) == (3, 9, 4)
    assert any("Column I not read" in n for n in got.notes)
    outcomes, interventions = partner_records(central)
    by_pace = {central.clients.get(o.client_id).pace_id: o for o in outcomes}
    assert {k: (o.status.value, o.date) for k, o in by_pace.items()} == {
        good_outcome: ("in_work", date(2026, 3, 2)),
        good_both: ("unemployed", date(2026, 3, 1)),
    }
    services = {central.clients.get(i.client_id).pace_id: i for i in interventions}
    assert {k: (i.service, i.status.value, i.partner, i.date) for k, i in services.items()} == {
        good_service: ("benefits", "attended", "DWP", date(2026, 3, 2)),
        good_both: ("employability_advice", "referred", "DWP", date(2026, 2, 1)),
    }
    # No row error repeats what was in the cell.
    text = " ".join(got.lines())
    assert "EMPLOYED" not in text and "anything at all" not in text and "PACE-1234" not in text
    assert central.verify_audit().ok


def test_importing_the_same_return_again_changes_nothing(central, dwp, tmp_path):
    _, wb = dwp
    rows = [r["PACE ID"] for r in request_rows(wb)]
    fill(wb, row_of(wb, rows[0]), Outcome="EMP", Outcome_date="2026-03-02")
    fill(wb, row_of(wb, rows[1]), Service="BEN", Service_status="REF", Service_date="2026-03-02")
    path = save_return(wb, tmp_path / "r.xlsx.age", central)
    first = import_return(central, "DWP", path)
    records = "SELECT id, version, data FROM outcomes UNION ALL SELECT id, version, data FROM interventions"
    before = central.db.query(records)
    again = import_return(central, "DWP", path)
    after = central.db.query(records)
    assert (first.added, first.unchanged) == (2, 0)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert before == after
    assert [r.added for r in list_returns(central, partner="DWP")] == [0, 2]


def test_a_corrected_return_updates_instead_of_adding(central, dwp, tmp_path):
    _, wb = dwp
    pace_id = request_rows(wb)[0]["PACE ID"]
    fill(wb, row_of(wb, pace_id), Outcome="UC", Outcome_date="2026-03-02")
    import_return(central, "DWP", save_return(wb, tmp_path / "one.xlsx", central))
    fill(wb, row_of(wb, pace_id), Outcome="EMP", Outcome_date="2026-04-01")
    got = import_return(central, "DWP", save_return(wb, tmp_path / "two.xlsx", central))
    assert (got.added, got.updated) == (0, 1)
    [outcome], _ = partner_records(central)
    assert (outcome.status.value, outcome.date, outcome.version) == ("in_work", date(2026, 4, 1), 2)


def test_an_unencrypted_return_is_read_too(central, dwp, tmp_path):
    _, wb = dwp
    fill(wb, 2, Outcome="EMP", Outcome_date="2026-03-02")
    got = import_return(central, "DWP", save_return(wb, tmp_path / "plain.xlsx"))
    assert got.added == 1


def test_check_only_saves_nothing(central, dwp, tmp_path):
    _, wb = dwp
    fill(wb, 2, Outcome="EMP", Outcome_date="2026-03-02")
    fill(wb, 3, Outcome="NOPE", Outcome_date="2026-03-02")
    got = import_return(central, "DWP", save_return(wb, tmp_path / "r.xlsx", central), apply=False)
    assert (got.applied, got.rows_used, got.rows_refused, got.added) == (False, 1, 1, 0)
    assert "nothing saved" in got.summary()
    assert partner_records(central) == ([], [])
    assert list_returns(central) == []


def test_a_return_encrypted_to_another_key_is_refused(central, keys, dwp, tmp_path):
    _, wb = dwp
    fill(wb, 2, Outcome="EMP", Outcome_date="2026-03-02")
    plain = save_return(wb, tmp_path / "plain.xlsx").read_bytes()
    path = tmp_path / "elsewhere.xlsx.age"
    path.write_bytes(pyrage.encrypt(plain, [keys.other.to_public()]))
    with pytest.raises(RefusedError, match="could not be decrypted with this office's key"):
        import_return(central, "DWP", path)
    assert partner_records(central) == ([], [])


def test_a_return_for_another_partner_or_unknown_request_is_refused(central, dwp, tmp_path):
    _, wb = dwp
    fill(wb, 2, Outcome="EMP", Outcome_date="2026-03-02")
    path = save_return(wb, tmp_path / "r.xlsx", central)
    with pytest.raises(RefusedError, match="another partner, not HMRC"):
        import_return(central, "HMRC", path)
    with pytest.raises(RefusedError, match="not the one given"):
        import_return(central, "DWP", path, request_id="R-DWP-20260101-AAAA")
    about = wb["About"]
    for row in about.iter_rows():
        if row[0].value in ("Request ID", "Partner code"):
            row[1].value = None
    path = save_return(wb, tmp_path / "no-id.xlsx", central)
    with pytest.raises(UsageError, match="--request"):
        import_return(central, "DWP", path)
    with pytest.raises(RefusedError, match="never sent the request R-DWP-20260101-AAAA"):
        import_return(central, "DWP", path, request_id="R-DWP-20260101-AAAA")
    assert partner_records(central) == ([], [])


def test_files_that_are_not_returns_are_refused_in_one_line(central, dwp, tmp_path):
    for name, data in [
        ("junk.xlsx", b"PK\x03\x04 not a zip"),
        ("notes.txt", b"hello\nthere\n"),
        ("bad.age", b"age-encryption.org/v1\n-> X25519 nonsense\n"),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(RefusedError) as err:
            import_return(central, "DWP", path)
        assert "\n" not in str(err.value)


def test_unknown_partner_codes_are_usage_errors(central, tmp_path):
    with pytest.raises(UsageError, match="no partner 'NOPE'"):
        import_return(central, "NOPE", tmp_path / "x.xlsx")
