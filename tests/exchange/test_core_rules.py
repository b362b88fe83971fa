"""The record rules at the office import, black-box: real laptops, real and hand-made signed bundles.

A bundle that breaks a rule is refused whole, by the rule's name, in one line with no personal
data, and the central store is left exactly as it was.
"""

from __future__ import annotations

from datetime import date

import pytest

from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.central import office_recipients
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundle
from pace_desktop.privacy.notice_apply import apply_notice
from pace_desktop.privacy.notices import write_notices
from pace_desktop.privacy.withdrawal import withdraw
from pace_desktop.records.models import CaptureMethod, Intervention, Tombstone
from pace_desktop.records.rules import NOT_THIS_DEVICES_RECORD, REFERRAL_WITHOUT_CONSENT, RuleBroken
from pace_desktop.registration import build_consents
from tests.exchange.conftest import forge, records_jsonl, register, table_counts


def rows(office) -> dict[str, list[tuple]]:
    """Every record row of the central store: what "untouched" is checked against."""
    tables = ("events", "clients", "consents", "checklists", "interventions", "outcomes", "feedback")
    out = {t: office.db.query(f"SELECT id, version, data FROM {t} ORDER BY id") for t in tables}  # noqa: S608
    out["tombstones"] = office.db.query("SELECT id FROM tombstones ORDER BY id")
    return out


def refused(office, path, code, people=()):
    before = rows(office)
    result = import_bundle(office, path)
    assert (result.verdict, result.code) == ("refused", code), result
    assert code in result.reason and "\n" not in result.reason
    assert "nothing was imported" in result.reason
    for client in people:  # no personal data in the line
        for value in (client.first_name, client.last_name, client.pace_id, str(client.id)):
            assert value not in result.reason
    assert rows(office) == before
    return result


def sealed(laptop, office, tmp_path, name, parts, sequence=1):
    path = tmp_path / name
    path.write_bytes(forge(laptop, office_recipients(office)[0], parts, sequence=sequence))
    return path


def dwp_referral(laptop, client, **changes) -> Intervention:
    return Intervention(
        client_id=client.id,
        service="employability_advice",
        partner="DWP",
        date=date(2026, 11, 21),
        status="referred",
        device_id=laptop.device_id,
        updated_by=laptop.actor,
        **changes,
    )


# -- referral_without_consent ----------------------------------------------------------------------


def test_a_referral_without_sharing_consent_is_refused_whole_at_import(enrolled, laptop, tmp_path):
    event, clients = register(laptop, 3)  # pace_support and contact_followup; no sharing answer
    consents = [c for client in clients for c in laptop.consents.for_parent(client.id)]
    path = sealed(
        laptop,
        enrolled,
        tmp_path,
        "referral.pacebundle",
        {
            "event": records_jsonl([event]),
            "client": records_jsonl(clients),
            "consent": records_jsonl(consents),
            "intervention": records_jsonl([dwp_referral(laptop, clients[1])]),
        },
    )
    refused(enrolled, path, REFERRAL_WITHOUT_CONSENT, clients)
    assert not any(table_counts(enrolled).values())


def test_a_referral_made_before_a_withdrawal_travels_and_no_new_one_can_be_made(enrolled, laptop, outbox):
    _, (client,) = register(laptop, 1)
    laptop.consents.add(
        build_consents(
            {"share_DWP": True}, how=CaptureMethod.with_adviser, by=laptop.actor, client_id=client.id
        )[0]
    )
    made = laptop.interventions.add(dwp_referral(laptop, client))
    withdraw(laptop, client.pace_id, "share_DWP")
    with pytest.raises(RuleBroken):
        laptop.interventions.add(dwp_referral(laptop, client))
    result = import_bundle(enrolled, export_bundle(laptop, outbox).path)
    assert result.verdict == "accepted", result
    assert enrolled.interventions.get(made.id) is not None
    (dwp,) = [c for c in enrolled.consents.for_parent(client.id) if c.purpose == "share_DWP"]
    assert dwp.withdrawn_at is not None


def test_a_referral_made_before_the_laptop_heard_of_an_office_withdrawal_is_kept(
    enrolled, laptop, outbox, tmp_path
):
    _, (client,) = register(laptop, 1)
    laptop.consents.add(
        build_consents(
            {"share_DWP": True}, how=CaptureMethod.with_adviser, by=laptop.actor, client_id=client.id
        )[0]
    )
    assert import_bundle(enrolled, export_bundle(laptop, outbox).path).verdict == "accepted"
    withdraw(enrolled, client.pace_id, "share_DWP")  # at the office; the laptop does not know yet
    made = laptop.interventions.add(dwp_referral(laptop, client))
    result = import_bundle(enrolled, export_bundle(laptop, outbox).path)
    assert result.verdict == "accepted", result
    assert enrolled.interventions.get(made.id) is not None
    (tmp_path / "notices").mkdir()
    (notice,) = write_notices(enrolled, tmp_path / "notices")
    apply_notice(laptop, notice.path)
    with pytest.raises(RuleBroken):  # now it knows: no new referral
        laptop.interventions.add(dwp_referral(laptop, client))


# -- not_this_devices_record -----------------------------------------------------------------------


@pytest.fixture
def a_and_b(enrolled, laptop, laptop2, outbox):
    """Laptop A's person at the office; laptop B enrolled too."""
    enrol_device(enrolled, laptop2.device_key().text())
    event, (client,) = register(laptop, 1)
    assert import_bundle(enrolled, export_bundle(laptop, outbox).path).verdict == "accepted"
    return enrolled, laptop, laptop2, event, client


def test_a_newer_version_of_another_laptops_person_is_refused(a_and_b, tmp_path):
    office, a, b, _event, client = a_and_b
    newer = client.model_copy(update={"version": 2, "job_title": "Welder"})
    as_a = sealed(b, office, tmp_path, "as-a.pacebundle", {"client": records_jsonl([newer])})
    refused(office, as_a, NOT_THIS_DEVICES_RECORD, [client])
    claimed = newer.model_copy(update={"device_id": b.device_id})
    as_b = sealed(b, office, tmp_path, "as-b.pacebundle", {"client": records_jsonl([claimed])}, 2)
    refused(office, as_b, NOT_THIS_DEVICES_RECORD, [client])
    assert office.clients.get(client.id) == client


def test_an_erasure_of_another_laptops_person_is_refused(a_and_b, tmp_path):
    office, _a, b, _event, client = a_and_b
    tomb = Tombstone(
        id=client.id, pace_id=client.pace_id, erased_at=client.created_at, reason="the person asked"
    )
    path = sealed(
        b, office, tmp_path, "erase.pacebundle", {"tombstone": (tomb.model_dump_json().encode() + b"\n", 1)}
    )
    refused(office, path, NOT_THIS_DEVICES_RECORD, [client])
    assert office.clients.get(client.id) is not None


def test_a_record_added_to_another_laptops_person_is_refused(a_and_b, tmp_path):
    office, _a, b, _event, client = a_and_b
    yes = build_consents(
        {"share_DWP": True}, how=CaptureMethod.with_adviser, by=b.actor, client_id=client.id
    )[0].model_copy(update={"device_id": b.device_id})
    path = sealed(b, office, tmp_path, "consent.pacebundle", {"consent": records_jsonl([yes])})
    refused(office, path, NOT_THIS_DEVICES_RECORD, [client])


def test_a_laptop_still_changes_and_erases_its_own_people(a_and_b, outbox):
    office, a, _b, _event, client = a_and_b
    a.clients.update(client.model_copy(update={"job_title": "Welder"}))
    assert import_bundle(office, export_bundle(a, outbox).path).outcomes == {"updated": 1}
    from pace_desktop.privacy.erasure import erase

    erase(a, client.pace_id, "the person asked")
    result = import_bundle(office, export_bundle(a, outbox).path)
    assert result.verdict == "accepted" and result.outcomes["erased"] == 1


def test_events_are_shared_a_person_may_be_registered_at_another_laptops_event(a_and_b, tmp_path):
    office, _a, b, event, _client = a_and_b
    _, (theirs,) = register(b, 1, seed=5, event=event)  # B holds a copy of A's event record
    consents = b.consents.for_parent(theirs.id)
    path = sealed(
        b,
        office,
        tmp_path,
        "shared-event.pacebundle",
        {"client": records_jsonl([theirs]), "consent": records_jsonl(consents)},
    )
    result = import_bundle(office, path)
    assert result.verdict == "accepted", result
    assert office.events.get(event.id) == event  # A's event itself is unchanged
