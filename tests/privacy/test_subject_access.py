"""Subject access: every item about the person, in plain words, and nothing about anyone else."""

from __future__ import annotations

import csv
import json
import os
import stat

import pytest
from openpyxl import load_workbook

from pace_desktop.checklist import load_checklist
from pace_desktop.errors import UsageError
from pace_desktop.privacy.access_files import write_subject_access
from pace_desktop.privacy.erasure import erase
from pace_desktop.privacy.people import NotHeld
from pace_desktop.privacy.subject_access import gather
from pace_desktop.privacy.withdrawal import withdraw
from pace_desktop.privacy_notice import current_notice, purpose_text
from pace_desktop.records.models import Client, RedundancyPay
from pace_desktop.registration import with_override
from tests.privacy.helpers import PURPOSES, cell_text, cells, identifiers, json_text, people
from tests.reports.helpers import assert_only_the_output_was_written, files_written
from tests.reports.test_libreoffice import CSV_ALL_SHEETS, SOFFICE, convert

# Codes the store keeps that a person should never have to read.
CODES = (
    "pace_support",
    "contact_followup",
    "anonymised_statistics",
    "share_DWP",
    "with_adviser",
    "self_kiosk",
    "vocational_training",
    "in_work",
    "group_session",
    "under_notice",
    "at_risk",
)


@pytest.fixture
def crowd(office):
    """Five people at one event; the first has a formula-like note, a withdrawn consent and an
    adviser's override of their band."""
    event, clients = people(office, 5)
    first = office.clients.update(clients[0].model_copy(update={"notes": '=HYPERLINK("http://x")'}))
    withdraw(office, first.pace_id, "contact_followup")
    (checklist,) = office.checklists.for_parent(first.id)
    office.checklists.update(with_override(checklist, "high", "Caring for a parent full time", office.actor))
    return first, clients[1:]


def test_the_copy_holds_every_item_about_the_person(office, crowd, tmp_path):
    me, _others = crowd
    result = write_subject_access(office, me.pace_id, tmp_path / "me.xlsx", json_out=tmp_path / "me.json")
    text, js = cell_text(result.xlsx), json_text(result.json)

    for value in identifiers(me):
        assert value in text and value in js
    assert me.date_of_birth in [v.date() for v in cells(result.xlsx) if hasattr(v, "date")]
    # Consents: each question asked, in the words the person saw, and the notice text itself.
    for purpose in PURPOSES:
        assert purpose_text(purpose, "client") in text
    assert current_notice().text in text and current_notice().text in js
    assert "Not withdrawn" in text and office.actor in text  # who recorded the withdrawal
    # Checklist: each question and the chosen answer in words, the result and its explanation.
    checklist, record = load_checklist(), office.checklists.for_parent(me.id)[0]
    for part_id, value in record.answers.items():
        part = checklist.part(part_id)
        assert part.client_text in text and part.option(value).kiosk_label in text
    assert all(line in text for line in record.explanation)
    assert "Caring for a parent full time" in text and "Adviser's judgement" in text
    # Help, outcomes and feedback, with their notes.
    for repo in (office.interventions, office.outcomes):
        assert all(r.note in text for r in repo.for_parent(me.id))
    assert all(f.comment in text for f in office.feedback.for_parent(me.id))
    # The activity log lists every audit entry about one of their records.
    ids = {str(me.id)} | {
        str(r.id)
        for repo in (
            office.consents,
            office.checklists,
            office.interventions,
            office.outcomes,
            office.feedback,
        )
        for r in repo.for_parent(me.id)
    }
    entries = office.db.scalar(
        f"SELECT count(*) FROM audit WHERE entity_id IN ({','.join('?' * len(ids))})", sorted(ids)
    )
    wb = load_workbook(result.xlsx)
    activity = [r for r in wb["Activity log"].iter_rows(values_only=True) if r[0] is not None]
    assert len(activity) == 3 + entries  # title, intro, table title, header … minus the blank rows
    sheets = json.loads(result.json.read_text())["sections"]
    assert len(sheets[-1]["tables"][0]["rows"]) == entries - 1  # the copy's own entry comes after it


def test_the_redundancy_arrangements_are_in_the_copy_in_plain_words(office, crowd, tmp_path):
    """Schema 2: the person reads their redundancy pay and money advice answers as words, not codes."""
    me, _ = crowd
    answers = {"redundancy_pay_status": RedundancyPay.not_entitled, "wants_money_advice": False}
    me = office.clients.update(me.model_copy(update=answers))
    result = write_subject_access(office, me.pace_id, tmp_path / "me.xlsx", json_out=tmp_path / "me.json")
    details = [r for r in load_workbook(result.xlsx)["Your details"].iter_rows(values_only=True) if r[0]]
    rows = {r[0]: r[1] for r in details}
    assert rows["Your redundancy pay"] == "Not entitled"
    assert rows["Would like advice about money"] == "No"
    assert "not_entitled" not in cell_text(result.xlsx) and "not_entitled" not in json_text(result.json)


def test_nothing_about_anyone_else_and_no_internal_codes(office, crowd, tmp_path):
    me, others = crowd
    result = write_subject_access(office, me.pace_id, tmp_path / "me.xlsx", json_out=tmp_path / "me.json")
    text, js = cell_text(result.xlsx), json_text(result.json)
    for other in others:
        for value in [*identifiers(other), *(str(c.id) for c in office.consents.for_parent(other.id))]:
            assert value not in text and value not in js
        for note in [
            *(i.note for i in office.interventions.for_parent(other.id)),
            *(f.comment for f in office.feedback.for_parent(other.id)),
        ]:
            assert note not in text and note not in js
    for code in CODES:
        assert code not in text, code


def test_files_are_owner_only_formula_text_stays_text_and_the_copy_is_audited(office, crowd, tmp_path):
    me, _ = crowd
    result = write_subject_access(office, me.pace_id, tmp_path / "me.xlsx", json_out=tmp_path / "me.json")
    if os.name != "nt":
        for path in (result.xlsx, result.json):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    wb = load_workbook(result.xlsx)
    note = next(c for row in wb["Your details"].iter_rows() for c in row if c.value == me.notes)
    assert note.data_type == "s"
    last = office.db.query("SELECT action, entity_id, detail FROM audit ORDER BY seq DESC LIMIT 1")[0]
    assert last == ("subject_access", str(me.id), "xlsx,json")
    assert office.verify_audit().ok


def test_the_copy_is_built_in_memory_with_no_temp_file(office, crowd, tmp_path):
    me, _ = crowd
    out = tmp_path / "copies"
    out.mkdir()
    with files_written() as seen:
        result = write_subject_access(office, me.pace_id, out / "me.xlsx")
    assert_only_the_output_was_written(seen, result.xlsx, encrypted_parts=False)
    assert [p.name for p in out.iterdir()] == ["me.xlsx"]
    wb = load_workbook(result.xlsx)
    assert wb["Your details"].column_dimensions["B"].width > wb["Your details"].column_dimensions["A"].width


def test_partner_sharing_history_is_in_the_copy(office, crowd, keys, outbox, tmp_path):
    from pace_desktop.partners.registry import set_partner
    from pace_desktop.partners.request import make_request
    from tests.partners.conftest import agree

    me, _ = crowd
    set_partner(office, "DWP", recipient=keys.recipient, match_on="ni")
    agree(office, "DWP")
    make_request(office, "DWP", outbox)
    copy = gather(office, me.pace_id)
    table = copy.section("Partner sharing").tables[0]
    assert [row[0] for row in table.rows] == ["Department for Work and Pensions (Jobcentre Plus)"]
    assert table.rows[0][2] == "National Insurance number"
    assert "sent so they could match" in table.rows[0][3]


def test_unknown_erased_and_malformed_pace_ids_get_one_plain_line(office, crowd, tmp_path):
    me, others = crowd
    erase(office, others[0].pace_id, "the person asked")
    with pytest.raises(NotHeld, match=r"^The person with that PACE ID was erased on \d{4}-\d\d-\d\d"):
        gather(office, others[0].pace_id)
    stranger = Client.model_fields["pace_id"].default_factory()
    with pytest.raises(NotHeld, match="No one with that PACE ID is held in the central store"):
        gather(office, stranger)
    with pytest.raises(UsageError, match="That is not a PACE ID"):
        gather(office, "PACE-NOPE")
    assert not list(tmp_path.glob("*.xlsx"))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_copy_opens_in_libreoffice_with_formula_like_text_as_typed(office, crowd, tmp_path):
    """Calc computes a formula on load: the note must come out as the text the person gave."""
    me, _ = crowd
    result = write_subject_access(office, me.pace_id, tmp_path / "me.xlsx")
    convert(result.xlsx, CSV_ALL_SHEETS, tmp_path / "csv", tmp_path / "lo-profile")
    with (tmp_path / "csv" / "me-Your details.csv").open(encoding="utf-8", newline="") as fh:
        shown = [cell for row in csv.reader(fh) for cell in row]
    assert me.notes in shown and me.pace_id in shown
