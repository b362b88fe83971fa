"""Data-sharing agreements (issue 20): recorded per partner, checked whole, and no request is written to a
partner whose agreement is missing, not yet started or past its review date."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from pace_desktop.cli import main
from pace_desktop.demo import DEMO_PAST_REVIEW
from pace_desktop.errors import UsageError, ValidationFailed
from pace_desktop.partners.agreements import (
    NO_AGREEMENT,
    NOT_STARTED,
    PAST_REVIEW,
    SharingRefused,
    check_sharing,
    get_agreement,
    list_agreements,
    refusal,
    set_agreement,
    status_line,
)
from pace_desktop.partners.registry import set_partner
from pace_desktop.partners.request import make_request
from pace_desktop.reference import partner_codes
from pace_desktop.store.database import Database
from pace_desktop.store.migrations import SCHEMA_MAX, migrate
from tests.conftest import PASSPHRASE

TODAY = date.today()


def agreement_for(store, code: str, *, start: date, review: date):
    return set_agreement(
        store,
        code,
        reference="DSA-2026-014",
        legal_basis="UK GDPR Article 6(1)(a): consent",
        scope="PACE clients who agreed to sharing with this partner",
        start=start.isoformat(),
        review=review.isoformat(),
    )


# -- the rule ---------------------------------------------------------------------------------------


def test_a_partner_with_no_agreement_is_refused_by_name(central):
    with central.transaction():
        central.db.execute("DELETE FROM partner_agreements WHERE code = 'HMRC'")
    with pytest.raises(SharingRefused) as err:
        check_sharing(central, "hmrc")
    assert err.value.code == NO_AGREEMENT == "no_sharing_agreement"
    assert err.value.exit_code == 3
    assert str(err.value) == (
        "HMRC has no data-sharing agreement on file, so nothing can be sent to it: nothing was written. "
        "Record HMRC's agreement (reference, legal basis, scope, start and review dates) first."
    )
    assert status_line("HMRC", None) == "No agreement on file: no request can be sent to HMRC."


def test_an_agreement_past_its_review_date_is_refused_and_the_review_day_itself_is_allowed(central):
    agreement = agreement_for(
        central, "DWP", start=TODAY - timedelta(days=400), review=TODAY - timedelta(days=1)
    )
    with pytest.raises(SharingRefused) as err:
        check_sharing(central, "DWP")
    assert err.value.code == PAST_REVIEW == "agreement_past_review"
    assert str(err.value) == (
        f"DWP's data-sharing agreement DSA-2026-014 was due for review on "
        f"{(TODAY - timedelta(days=1)).isoformat()}, so nothing can be sent to it: nothing was written. "
        "Review it with DWP, then record the new review date."
    )
    assert refusal("DWP", agreement, today=agreement.review) is None
    assert refusal("DWP", agreement, today=agreement.review + timedelta(days=1)).code == PAST_REVIEW


def test_an_agreement_not_yet_started_is_refused_and_one_in_force_is_allowed(central):
    later = agreement_for(
        central, "DWP", start=TODAY + timedelta(days=10), review=TODAY + timedelta(days=400)
    )
    assert refusal("DWP", later).code == NOT_STARTED
    assert refusal("DWP", later, today=later.start) is None
    agreement_for(central, "DWP", start=TODAY, review=TODAY + timedelta(days=365))
    assert check_sharing(central, "DWP").reference == "DSA-2026-014"
    assert status_line("DWP", get_agreement(central, "DWP")) == (
        f"In force: requests can be sent to DWP until the review date, "
        f"{(TODAY + timedelta(days=365)).isoformat()}."
    )


def test_a_request_to_a_partner_past_review_writes_nothing_and_records_nothing(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    agreement_for(central, "DWP", start=TODAY - timedelta(days=400), review=TODAY - timedelta(days=2))
    with pytest.raises(SharingRefused, match="^DWP's data-sharing agreement DSA-2026-014 was due for review"):
        make_request(central, "DWP", outbox)
    with pytest.raises(SharingRefused, match="was due for review"):
        make_request(central, "DWP", outbox, aggregate=True)
    assert list(outbox.iterdir()) == []
    assert central.db.scalar("SELECT count(*) FROM partner_requests") == 0
    agreement_for(central, "DWP", start=TODAY - timedelta(days=400), review=TODAY + timedelta(days=365))
    assert make_request(central, "DWP", outbox).sent > 0


# -- recording it -----------------------------------------------------------------------------------


def test_an_agreement_is_kept_changed_in_parts_and_audited_without_its_words(central):
    with central.transaction():
        central.db.execute("DELETE FROM partner_agreements WHERE code = 'CAS'")
    with pytest.raises(ValidationFailed, match="^Enter the agreement's reference"):
        set_agreement(central, "CAS", review="2027-01-01")  # a new agreement needs every field
    saved = set_agreement(
        central,
        "cas",
        reference="  DSA-2026-  020 ",
        legal_basis="UK GDPR Article 6(1)(e): public task",
        scope="Outcomes of referrals",
        start="2026-04-01",
        review="2027-03-31",
    )
    assert (saved.partner, saved.reference, saved.start, saved.review) == (
        "CAS",
        "DSA-2026- 020",
        date(2026, 4, 1),
        date(2027, 3, 31),
    )
    set_agreement(central, "CAS", review="2028-03-31")
    again = get_agreement(central, "CAS")
    assert (again.reference, again.scope, again.review) == (
        "DSA-2026- 020",
        "Outcomes of referrals",
        date(2028, 3, 31),
    )
    details = [
        d
        for (d,) in central.db.query(
            "SELECT detail FROM audit WHERE entity = 'partner_agreement' AND entity_id = 'CAS'"
        )
    ]
    assert details[-2:] == ["agreement:reference,legal_basis,scope,start,review", "agreement:review"]


def test_every_bad_field_is_named_in_one_line_and_nothing_is_saved(central):
    before = get_agreement(central, "DWP")
    with pytest.raises(ValidationFailed) as err:
        set_agreement(
            central,
            "DWP",
            reference=" ",
            legal_basis="x" * 301,
            scope="",
            start="01/04/2026",
            review="2026-02-30",
        )
    assert err.value.field_errors == {
        "reference": "Enter the agreement's reference (at most 60 characters).",
        "legal_basis": "Enter the legal basis for sharing (at most 300 characters).",
        "scope": "Enter what the agreement covers (at most 500 characters).",
        "start": "Enter the start date as a date like 2026-04-01 (year-month-day).",
        "review": "The review date must be a real date, like 2026-04-01.",
    }
    assert str(err.value) == "Enter the agreement's reference (at most 60 characters)."
    with pytest.raises(ValidationFailed, match="^The review date must be after the start date.$"):
        set_agreement(central, "DWP", start="2027-01-01", review="2027-01-01")
    assert get_agreement(central, "DWP") == before
    with pytest.raises(UsageError, match="no partner"):
        set_agreement(central, "NOBODY", reference="x")


def test_the_demo_office_has_an_agreement_for_every_partner_one_past_review(central):
    agreements = list_agreements(central)
    assert sorted(agreements) == sorted(partner_codes())
    refused = {code for code, a in agreements.items() if refusal(code, a) is not None}
    assert refused == {DEMO_PAST_REVIEW}
    assert refusal(DEMO_PAST_REVIEW, agreements[DEMO_PAST_REVIEW]).code == PAST_REVIEW


# -- the schema step --------------------------------------------------------------------------------


def test_step_12_adds_agreements_to_a_version_11_office_store_keeping_its_partners(tmp_path):
    from pace_desktop.store.keyslots import new_data_key

    key = new_data_key()
    db = Database(tmp_path / "old.store", key, create=True)
    migrate(db, key, target=11)
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO partners(code, name, services, match_on, recipient, aggregate_only, mappings, "
            "updated_at, updated_by) VALUES ('DWP', 'DWP', '[\"benefits\"]', 'ni', 'age1x', 0, '{}', "
            "'2026-01-01T00:00:00+00:00', 'Morven Office')"
        )
    backup = migrate(db, key)
    assert db.user_version == SCHEMA_MAX >= 12
    assert db.query("SELECT code, recipient, services FROM partners") == [
        ("DWP", "age1x", json.dumps(["benefits"]))
    ]
    assert db.query("SELECT count(*) FROM partner_agreements") == [(0,)]
    db.close()
    assert backup is not None and Database(backup, key).user_version == 11


# -- the command line -------------------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)

    def run(*args) -> tuple[int, list[str], list[str]]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out.splitlines(), err.splitlines()

    return run


def test_record_an_agreement_and_send_a_request_from_the_command_line(cli, central_path, keys, outbox):
    code, out, err = cli(
        "office", "partner-set", "--central", central_path, "--partner", "DWP", "--recipient", keys.recipient
    )
    assert code == 0, err
    code, out, err = cli(
        "office", "partner-agreement", "--central", central_path, "--partner", "dwp",
        "--reference", "DSA-2026-031", "--legal-basis", "UK GDPR Article 6(1)(a): consent",
        "--scope", "Tax credit outcomes", "--start", "2026-01-01", "--review", "2025-12-31",
    )  # fmt: skip
    assert code == 3
    assert err == ["pace-desktop: The review date must be after the start date."]
    code, out, err = cli(
        "office", "partner-agreement", "--central", central_path, "--partner", "DWP",
        "--reference", "DSA-2026-031", "--start", (TODAY - timedelta(days=500)).isoformat(),
        "--review", (TODAY - timedelta(days=3)).isoformat(),
    )  # fmt: skip
    assert code == 0, err
    assert out[0] == "DWP's data-sharing agreement was saved."
    assert out[1] == "  agreement: DSA-2026-031"
    assert out[-1].startswith(f"Past its review date ({(TODAY - timedelta(days=3)).isoformat()})")

    code, out, err = cli(
        "office", "partner-request", "--central", central_path, "--partner", "DWP", "--out", outbox
    )
    assert code == 3 and out == []
    assert err == [
        f"pace-desktop: DWP's data-sharing agreement DSA-2026-031 was due for review on "
        f"{(TODAY - timedelta(days=3)).isoformat()}, so nothing can be sent to it: nothing was written. "
        "Review it with DWP, then record the new review date."
    ]
    assert list(outbox.iterdir()) == []

    code, out, err = cli(
        "office", "partner-agreement", "--central", central_path, "--partner", "DWP",
        "--review", (TODAY + timedelta(days=365)).isoformat(),
    )  # fmt: skip
    assert code == 0, err
    code, out, err = cli(
        "office", "partner-request", "--central", central_path, "--partner", "DWP", "--out", outbox
    )
    assert code == 0, err
    assert out[0].startswith("Wrote request R-DWP-")
    code, out, err = cli("office", "partners", "--central", central_path)
    assert code == 0, err
    lapsed = (TODAY - timedelta(days=35)).isoformat()
    assert f"  Past its review date ({lapsed}): no request can be sent to ACAS until it is reviewed." in out
    assert "  agreement: DSA-2026-031" in out


def test_a_date_that_is_not_iso_is_refused_before_the_passphrase(cli, central_path, monkeypatch):
    monkeypatch.delenv("PACE_PASSPHRASE")
    code, out, err = cli(
        "office", "partner-agreement", "--central", central_path, "--partner", "DWP", "--start", "1/4/2026"
    )
    assert code == 3
    assert err == ["pace-desktop: Enter the start date as a date like 2026-04-01 (year-month-day)."]
