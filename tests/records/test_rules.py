"""The record rules as pure functions: what stood when, and whose record it is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pace_desktop.records.rules import (
    NOT_THIS_DEVICES_RECORD,
    REFERRAL_WITHOUT_CONSENT,
    ConsentFact,
    RuleBroken,
    check_owner,
    check_referral,
    referral_problem,
    sharing_stood,
)

T0 = datetime(2026, 11, 20, 10, tzinfo=UTC)


def answer(purpose: str, granted: bool, minutes: int, withdrawn: int | None = None) -> ConsentFact:
    at = T0 + timedelta(minutes=minutes)
    return ConsentFact(
        purpose, granted, at, None if withdrawn is None else T0 + timedelta(minutes=withdrawn), at
    )


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_a_referral_needs_a_yes_to_sharing_with_that_partner_given_before_it():
    yes = [answer("share_DWP", True, 0)]
    assert sharing_stood("DWP", at(5), yes)
    assert not sharing_stood("DWP", at(-5), yes)  # made before the person agreed
    assert not sharing_stood("ACAS", at(5), yes)  # another partner's consent does not count
    assert not sharing_stood("DWP", at(5), [answer("share_DWP", False, 0)])
    assert not sharing_stood("DWP", at(5), [])


def test_a_withdrawal_keeps_referrals_made_before_it_and_stops_new_ones():
    withdrawn = [answer("share_DWP", True, 0, withdrawn=10)]
    assert sharing_stood("DWP", at(5), withdrawn)
    assert not sharing_stood("DWP", at(10), withdrawn)
    assert not sharing_stood("DWP", at(15), withdrawn)


def test_the_latest_answer_given_by_then_decides():
    changed_mind = [
        answer("share_DWP", True, 0),
        answer("share_DWP", False, 10),
        answer("share_DWP", True, 20),
    ]
    assert [sharing_stood("DWP", at(m), changed_mind) for m in (5, 15, 25)] == [True, False, True]


def test_sds_and_help_without_a_partner_need_no_sharing_consent():
    assert referral_problem("SDS", at(0), []) is None
    assert referral_problem(None, at(0), []) is None
    check_referral("SDS", at(0), [])


def test_a_broken_rule_is_one_plain_line_naming_the_rule():
    problem = referral_problem("DWP", at(0), [])
    assert problem is not None and "\n" not in problem
    assert "Department for Work and Pensions" in problem and REFERRAL_WITHOUT_CONSENT in problem
    with pytest.raises(RuleBroken) as err:
        check_referral("DWP", at(0), [])
    assert err.value.code == REFERRAL_WITHOUT_CONSENT and err.value.exit_code == 3


def test_a_laptop_may_change_only_the_records_it_created():
    check_owner("LTAAAA11", "LTAAAA11")
    with pytest.raises(RuleBroken) as err:
        check_owner("LTBBBB22", "LTAAAA11")
    assert err.value.code == NOT_THIS_DEVICES_RECORD and NOT_THIS_DEVICES_RECORD in str(err.value)
    assert "\n" not in str(err.value)
