"""The record rules hold in the store itself, whatever writes: a repository call, a bulk insert,
demo data, a correction from the command line, an erasure. The form's own check is a courtesy."""

from __future__ import annotations

import random
from datetime import date

import pytest

from pace_desktop.cli import main
from pace_desktop.demo import make_client, make_event, seed
from pace_desktop.office.central import init_office, open_central
from pace_desktop.privacy.erasure import erase
from pace_desktop.privacy.withdrawal import withdraw
from pace_desktop.records.models import CaptureMethod, Intervention, InterventionStatus
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.records.rules import NOT_THIS_DEVICES_RECORD, REFERRAL_WITHOUT_CONSENT, RuleBroken
from pace_desktop.registration import build_consents
from pace_desktop.store.guards import referral_breaches
from tests.conftest import PASSPHRASE


def person(store, consents: dict[str, bool], seed_: int = 1):
    rng = random.Random(seed_)
    event = store.events.add(make_event(rng, date(2026, 11, 20)))
    client = make_client(rng, event, new_pace_id())
    made = build_consents({"pace_support": True, **consents}, how=CaptureMethod.with_adviser, by=store.actor)
    return store.register(client, made)


def referral(client, partner: str | None = "DWP", **changes) -> Intervention:
    return Intervention(
        client_id=client.id,
        service="employability_advice",
        partner=partner,
        date=date(2026, 11, 21),
        status="referred",
        **changes,
    )


def test_the_store_refuses_a_referral_without_sharing_consent_however_it_is_written(store):
    client = person(store, {"share_DWP": False})
    with pytest.raises(RuleBroken) as err:
        store.interventions.add(referral(client))
    assert err.value.code == REFERRAL_WITHOUT_CONSENT
    assert "Department for Work and Pensions" in str(err.value) and "\n" not in str(err.value)
    # In bulk, as demo data and imports write: the whole transaction goes.
    with pytest.raises(RuleBroken), store.transaction():
        store.outcomes.insert_many([])
        store.interventions.insert_many([referral(client, device_id=store.device_id)])
    # A change that turns help from SDS into a referral to DWP.
    own = store.interventions.add(referral(client, partner="SDS"))
    with pytest.raises(RuleBroken):
        store.interventions.update(own.model_copy(update={"partner": "DWP"}))
    assert [(i.partner, i.version) for i in store.interventions.for_parent(client.id)] == [("SDS", 1)]


def test_a_withdrawal_keeps_the_referrals_made_before_it_and_stops_new_ones(store):
    client = person(store, {"share_DWP": True})
    made = store.interventions.add(referral(client))
    withdraw(store, client.pace_id, "share_DWP")  # never refused, and the referral stays
    store.interventions.update(made.model_copy(update={"status": InterventionStatus.attended}))
    with pytest.raises(RuleBroken) as err:
        store.interventions.add(referral(client))
    assert err.value.code == REFERRAL_WITHOUT_CONSENT
    assert [(i.status, i.version) for i in store.interventions.for_parent(client.id)] == [("attended", 2)]


def test_demo_data_keeps_the_rule(store):
    seed(store, events=2, clients=60, history=True)
    partners = store.db.scalar("SELECT count(*) FROM interventions WHERE data ->> '$.partner' = 'DWP'")
    assert partners > 0  # people who agreed to share with DWP are still referred there
    clients = [r[0] for r in store.db.query("SELECT id FROM clients")]
    assert referral_breaches(store.db.conn, clients) == {}


def test_a_laptop_writes_only_records_it_created(store):
    client = person(store, {})
    foreign = make_client(
        random.Random(9),
        make_event(random.Random(9), date(2026, 11, 20)),
        new_pace_id(),
        device_id="LTOTHER1",
        adviser="Someone Else",
    )
    with pytest.raises(RuleBroken) as err, store.transaction():
        store.clients.insert_many([foreign])
    assert err.value.code == NOT_THIS_DEVICES_RECORD
    with pytest.raises(RuleBroken):  # nobody changes who created a record
        store.clients.update(client.model_copy(update={"device_id": "LTOTHER1"}))
    # A record another laptop created, however it got here, is neither changed nor erased.
    with store.transaction() as conn:
        conn.execute(
            "UPDATE clients SET data = json_set(data, '$.device_id', 'LTOTHER1') WHERE id = ?",
            (str(client.id),),
        )
    moved = store.clients.get(client.id)
    with pytest.raises(RuleBroken) as err:
        store.clients.update(moved.model_copy(update={"job_title": "Welder"}))
    assert err.value.code == NOT_THIS_DEVICES_RECORD
    with pytest.raises(RuleBroken):
        erase(store, client.pace_id, "the person asked")
    assert store.clients.get(client.id).version == 1


def test_a_correction_from_the_command_line_meets_the_rule(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    made = init_office(
        tmp_path / "central.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=tmp_path
    )
    with open_central(made.central, PASSPHRASE) as office:
        client = person(office, {"share_DWP": False})
        help_ = office.interventions.add(referral(client, partner="SDS"))
    code = main(
        [
            "office",
            "correct",
            "--central",
            str(made.central),
            "--pace-id",
            client.pace_id,
            "--record",
            f"intervention:{help_.id}",
            "--set",
            "partner=DWP",
        ]
    )
    err = capsys.readouterr().err.splitlines()
    assert code == 3 and len(err) == 1 and REFERRAL_WITHOUT_CONSENT in err[0], err
    with open_central(made.central, PASSPHRASE) as office:
        assert office.interventions.get(help_.id).partner == "SDS"
