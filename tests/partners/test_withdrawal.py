"""Withdrawal travels to the partner: flagged once in the next request, later return rows refused."""

from __future__ import annotations

from pace_desktop.partners.history import sent_to
from pace_desktop.partners.registry import set_partner
from pace_desktop.partners.request import make_request
from pace_desktop.partners.returns import import_return
from pace_desktop.records.enums import RecordSource
from tests.partners.conftest import fill, open_request, request_rows, row_of, save_return, withdraw


def partner_outcomes(store) -> set[str]:
    return {
        store.clients.get(o.client_id).pace_id
        for o in store.outcomes.all()
        if o.source == RecordSource.partner_return
    }


def test_withdrawal_end_to_end(central, keys, outbox, tmp_path):
    set_partner(central, "DWP", recipient=keys.recipient, match_on="name_dob_postcode")
    first = make_request(central, "DWP", outbox)
    wb = open_request(first.path, keys.identity)
    rows = request_rows(wb)
    leaver, stayer = rows[0]["PACE ID"], rows[1]["PACE ID"]

    # After the request went out, the leaver withdraws consent to sharing with DWP.
    withdraw(central, central.client_queries.by_pace_id(leaver), "DWP")

    # DWP's return for the first request still has a row for them: refused, the other applied.
    fill(wb, row_of(wb, leaver), Outcome="in_work", Outcome_date="2026-03-02")
    fill(wb, row_of(wb, stayer), Outcome="training", Outcome_date="2026-03-02")
    got = import_return(central, "DWP", save_return(wb, tmp_path / "one.xlsx.age", central))
    assert [(p.row, p.message) for p in got.problems] == [
        (
            row_of(wb, leaver),
            "this person has since withdrawn consent to sharing with DWP: nothing was recorded "
            "(ask DWP to delete what it holds about them).",
        )
    ]
    assert partner_outcomes(central) == {stayer}

    # The next request tells DWP to delete them, with their PACE ID and nothing else.
    second = make_request(central, "DWP", outbox)
    wb2 = open_request(second.path, keys.identity)
    rows2 = {r["PACE ID"]: r for r in request_rows(wb2)}
    assert rows2[leaver]["Action"] == "withdrawn — delete"
    assert [v for k, v in rows2[leaver].items() if k not in ("PACE ID", "Action")] == [None] * 9
    assert rows2[stayer]["Action"] == "look up"
    assert (second.withdrawn, second.sent) == (1, first.sent - 1)

    # A return to the second request that still fills the leaver's row is refused as well.
    fill(wb2, row_of(wb2, leaver), Outcome="in_work", Outcome_date="2026-04-02")
    got2 = import_return(central, "DWP", save_return(wb2, tmp_path / "two.xlsx.age", central))
    assert [p.message for p in got2.problems] == [
        "the request told DWP to delete this person (consent withdrawn): nothing was recorded."
    ]
    assert partner_outcomes(central) == {stayer}

    # The flag is passed on once: the third request neither names nor flags them.
    third = make_request(central, "DWP", outbox)
    third_ids = {r["PACE ID"] for r in request_rows(open_request(third.path, keys.identity))}
    assert leaver not in third_ids and third.withdrawn == 0
    leaver_id = central.client_queries.by_pace_id(leaver).id
    assert [s.status for s in sent_to(central, leaver_id)] == ["sent", "withdrawn"]


def test_an_erased_person_is_flagged_for_deletion(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    first = make_request(central, "DWP", outbox)
    gone = request_rows(open_request(first.path, keys.identity))[0]["PACE ID"]
    client = central.client_queries.by_pace_id(gone)
    with central.transaction():
        central.consents.delete_rows([str(c.id) for c in central.consents.for_parent(client.id)])
        central.checklists.delete_rows([str(c.id) for c in central.checklists.for_parent(client.id)])
        central.clients.delete_rows([str(client.id)])
    second = make_request(central, "DWP", outbox)
    rows = {r["PACE ID"]: r for r in request_rows(open_request(second.path, keys.identity))}
    assert rows[gone]["Action"] == "erased — delete"
    assert second.withdrawn == 1


def test_a_withdrawal_before_any_request_flags_nobody(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    consenting = [
        c
        for c in central.clients.all()
        if any(k.purpose == "share_DWP" and k.active for k in central.consents.for_parent(c.id))
    ]
    withdraw(central, consenting[0], "DWP")
    result = make_request(central, "DWP", outbox)
    ids = {r["PACE ID"] for r in request_rows(open_request(result.path, keys.identity))}
    assert consenting[0].pace_id not in ids and result.withdrawn == 0


def test_aggregate_requests_never_name_anyone_for_deletion(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    make_request(central, "DWP", outbox, aggregate=True)
    consenting = [
        c
        for c in central.clients.all()
        if c.ni_number
        and any(k.purpose == "share_DWP" and k.active for k in central.consents.for_parent(c.id))
    ]
    withdraw(central, consenting[0], "DWP")
    result = make_request(central, "DWP", outbox)
    assert result.withdrawn == 0  # DWP never had their PACE ID or NI number, only a keyed hash
