"""Request files: exactly the consenting clients, only the agreed identifiers, encrypted to the partner."""

from __future__ import annotations

from datetime import date

import pyrage
import pytest

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.partners.history import list_requests, sent_to
from pace_desktop.partners.mappings import parse_mapping
from pace_desktop.partners.registry import set_partner
from pace_desktop.partners.request import make_request
from tests.partners.conftest import open_request, request_rows, share_consenting
from tests.reports.helpers import assert_only_the_output_was_written, files_written

RETURN_COLUMNS = ["Outcome", "Outcome date", "Service", "Service status", "Service date"]


def test_an_ni_request_holds_exactly_the_consenting_clients_with_their_ni_only(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient, match_on="ni")
    result = make_request(central, "DWP", outbox)

    rows = request_rows(open_request(result.path, keys.identity))
    consenting = share_consenting(central, "DWP")
    with_ni = {pid: c for pid, c in consenting.items() if c.ni_number}
    assert 0 < len(with_ni) < central.clients.count()
    assert list(rows[0]) == ["PACE ID", "Action", "NI number", *RETURN_COLUMNS]
    assert {r["PACE ID"]: r["NI number"] for r in rows} == {pid: c.ni_number for pid, c in with_ni.items()}
    assert all(r["Action"] == "look up" for r in rows)
    assert all(r[h] is None for r in rows for h in RETURN_COLUMNS)
    skipped = len(consenting) - len(with_ni)
    assert (result.sent, result.withdrawn, result.skipped) == (len(with_ni), 0, skipped)
    # Nothing else about anyone: no name, date of birth, postcode, phone or email anywhere.
    wb = open_request(result.path, keys.identity)
    text = " ".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v)
    for client in consenting.values():
        for value in (client.last_name, client.postcode, client.email, client.phone):
            assert not value or value not in text


def test_a_name_dob_postcode_request_holds_those_four_and_nothing_else(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient, match_on="name_dob_postcode")
    result = make_request(central, "DWP", outbox)

    rows = request_rows(open_request(result.path, keys.identity))
    consenting = share_consenting(central, "DWP")
    assert list(rows[0])[:6] == ["PACE ID", "Action", "First name", "Last name", "Date of birth", "Postcode"]
    assert len(rows) == len(consenting) == result.sent
    for row in rows:
        client = consenting[row["PACE ID"]]
        assert (row["First name"], row["Last name"], row["Postcode"]) == (
            client.first_name,
            client.last_name,
            client.postcode,
        )
        assert row["Date of birth"].date() == client.date_of_birth
    ni_numbers = {c.ni_number for c in consenting.values() if c.ni_number}
    assert not ni_numbers & {v for r in rows for v in r.values()}


def test_clients_without_consent_are_never_sent(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient, match_on="name_dob_postcode")
    result = make_request(central, "DWP", outbox)
    sent = {r["PACE ID"] for r in request_rows(open_request(result.path, keys.identity))}
    everyone = {c.pace_id for c in central.clients.all()}
    assert sent == set(share_consenting(central, "DWP"))
    assert everyone - sent, "the demo has clients who did not agree to sharing with DWP"
    for client in central.clients.all():
        assert bool(sent_to(central, client.id)) == (client.pace_id in sent)


def test_no_recipient_is_refused_in_one_line_and_nothing_is_written(central, outbox):
    with pytest.raises(RefusedError) as err:
        make_request(central, "DWP", outbox)
    assert "DWP has no age recipient" in str(err.value)
    assert "\n" not in str(err.value)
    assert list(outbox.iterdir()) == []
    assert list_requests(central) == []


def test_the_request_is_age_encrypted_to_that_partner_only(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    result = make_request(central, "DWP", outbox)
    data = result.path.read_bytes()
    assert data.startswith(b"age-encryption.org/v1")
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(data, [keys.other])
    assert result.path.name.startswith("PACE-request-DWP-") and result.path.suffixes == [".xlsx", ".age"]
    assert [p.name for p in outbox.iterdir()] == [result.path.name], "no plain copy beside it"


def test_no_plain_text_temp_file_is_made_while_writing(central, keys, outbox):
    """Built in memory and encrypted before it is written: the .age file is the only file made."""
    set_partner(central, "DWP", recipient=keys.recipient)
    with files_written() as seen:
        result = make_request(central, "DWP", outbox)
    assert_only_the_output_was_written(seen, result.path, encrypted_parts=False)


def test_return_columns_offer_the_partners_own_codes(central, keys, outbox):
    maps = parse_mapping(
        "kind,their_code,our_code\noutcome,EMP,in_work\noutcome,UC,unemployed\n"
        "status,ATT,attended\nservice,WORK-COACH,employability_advice\n"
    )
    set_partner(central, "DWP", recipient=keys.recipient, mappings=maps)
    wb = open_request(make_request(central, "DWP", outbox).path, keys.identity)

    codes = wb["Codes"]
    assert [codes.cell(r, 1).value for r in (2, 3)] == ["EMP", "UC"]
    assert codes.cell(2, 2).value == "In work"
    assert codes.cell(2, 4).value == "WORK-COACH"
    assert codes.cell(2, 7).value == "ATT"
    validations = {str(dv.sqref).split(":")[0][0]: dv for dv in wb["Request"].data_validations.dataValidation}
    # Columns: A PACE ID, B Action, C NI number, D Outcome, E date, F Service, G status, H date.
    assert validations["D"].type == "list" and validations["D"].formula1 == "Codes!$A$2:$A$3"
    assert validations["F"].formula1 == "Codes!$D$2:$D$2"
    assert validations["G"].formula1 == "Codes!$G$2:$G$2"
    assert validations["E"].type == validations["H"].type == "date"
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True) if r[0]}
    assert about["Request ID"].startswith("R-DWP-") and about["Partner code"] == "DWP"


def test_a_partner_without_mappings_gets_our_codes(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    wb = open_request(make_request(central, "DWP", outbox).path, keys.identity)
    outcome_codes = [c.value for c in wb["Codes"]["A"][1:] if c.value]
    assert outcome_codes == ["in_work", "training", "self_employed", "unemployed", "unknown"]


def test_aggregate_only_partners_are_not_sent_identifiers(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient, aggregate_only=True)
    with pytest.raises(UsageError, match="aggregate matching only"):
        make_request(central, "DWP", outbox)
    assert list(outbox.iterdir()) == []


def test_a_partner_nobody_agreed_to_is_refused(central, keys, outbox):
    set_partner(central, "HMRC", recipient=keys.recipient)
    with pytest.raises(RefusedError, match="Nobody can be sent to HMRC"):
        make_request(central, "HMRC", outbox)
    assert list(outbox.iterdir()) == []


def test_each_request_is_recorded_with_its_items_and_audited(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    result = make_request(central, "DWP", outbox, progress=lambda done, total: None)
    [row] = list_requests(central, "DWP")
    assert (row.id, row.kind, row.sent, row.file_name) == (
        result.request_id,
        "individual",
        result.sent,
        result.path.name,
    )
    items = central.db.scalar("SELECT count(*) FROM request_items WHERE request_id = ?", (row.id,))
    assert items == result.sent
    audit = central.db.query(
        "SELECT action, entity, entity_id, detail FROM audit WHERE entity = 'partner_request'"
    )
    detail = f"partner=DWP,kind=individual,sent={result.sent},withdrawn=0"
    assert audit == [("export", "partner_request", row.id, detail)]
    assert central.verify_audit().ok


def test_progress_is_reported_and_ends_complete(central, keys, outbox):
    seen = []
    set_partner(central, "DWP", recipient=keys.recipient)
    make_request(central, "DWP", outbox, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_dates_of_birth_are_real_dates_in_the_request(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient, match_on="name_dob_postcode")
    wb = open_request(make_request(central, "DWP", outbox).path, keys.identity)
    cell = wb["Request"]["E2"]
    assert cell.is_date and isinstance(cell.value.date(), date)


def test_typed_text_lands_as_text_never_as_a_formula(central, keys, outbox, tmp_path):
    from tests.reports.helpers import assert_no_formulas_or_errors

    maps = parse_mapping("kind,their_code,our_code\noutcome,N/A,in_work\noutcome,x=1,unknown\n")
    set_partner(
        central,
        "DWP",
        name='=HYPERLINK("http://example.org","x")',
        recipient=keys.recipient,
        match_on="name_dob_postcode",
        mappings=maps,
    )
    client = next(iter(share_consenting(central, "DWP").values()))
    central.clients.update(client.model_copy(update={"last_name": "=cmd|' /C calc'!A0"}))
    result = make_request(central, "DWP", outbox)
    plain = tmp_path / "request.xlsx"
    plain.write_bytes(pyrage.decrypt(result.path.read_bytes(), [keys.identity]))
    assert_no_formulas_or_errors(plain)
    wb = open_request(result.path, keys.identity)
    assert "=cmd|' /C calc'!A0" in {r["Last name"] for r in request_rows(wb)}
    assert wb["Codes"]["A2"].value == "N/A"
