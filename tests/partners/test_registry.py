"""Partners as data: set-up kept in the central store, code mappings checked line by line."""

from __future__ import annotations

import pytest

from pace_desktop.errors import UsageError, ValidationFailed
from pace_desktop.partners.mappings import CodeMaps, parse_mapping, read_mapping_file
from pace_desktop.partners.registry import get_partner, list_partners, set_partner
from pace_desktop.reference import partner_codes


def test_every_listed_partner_starts_unconfigured_with_no_recipient(central):
    partners = list_partners(central)
    assert [p.code for p in partners] == list(partner_codes())
    dwp = get_partner(central, "dwp")
    assert (dwp.code, dwp.match_on, dwp.recipient, dwp.configured) == ("DWP", "ni", None, False)
    assert "benefits" in dwp.services


def test_set_up_is_kept_changed_in_parts_and_audited(central, keys):
    maps = parse_mapping("kind,their_code,our_code\noutcome,EMP,in_work\n")
    set_partner(central, "DWP", recipient=keys.recipient, match_on="name_dob_postcode", mappings=maps)
    set_partner(central, "DWP", aggregate_only=True)
    dwp = get_partner(central, "DWP")
    assert (dwp.recipient, dwp.match_on, dwp.aggregate_only, dwp.configured) == (
        keys.recipient,
        "name_dob_postcode",
        True,
        True,
    )
    assert dwp.mappings.to_ours("outcome", " emp ") == "in_work"
    set_partner(central, "DWP", recipient=None)
    assert get_partner(central, "DWP").recipient is None
    details = [d for (d,) in central.db.query("SELECT detail FROM audit WHERE entity = 'partner'")]
    assert details == ["partner:match,recipient,mappings", "partner:aggregate", "partner:recipient"]


def test_bad_set_up_is_refused(central):
    with pytest.raises(UsageError, match="no partner"):
        set_partner(central, "NOBODY")
    with pytest.raises(ValidationFailed, match="not an age recipient"):
        set_partner(central, "DWP", recipient="age1notakey")
    with pytest.raises(UsageError, match="ni or name_dob_postcode"):
        set_partner(central, "DWP", match_on="email")
    with pytest.raises(ValidationFailed):
        set_partner(central, "DWP", services=["juggling"])
    assert not get_partner(central, "DWP").configured


def test_mapping_problems_are_listed_by_line_and_nothing_is_kept():
    text = (
        "kind,their_code,our_code,description\n"
        "outcome,EMP,in_work,Employed\n"
        "outcome,emp,unemployed,duplicate ignoring case\n"
        "colour,RED,in_work,\n"
        "service,=cmd,benefits,\n"
        "status,ATT,turned_up,\n"
        ",,,\n"
        "outcome,,in_work,\n"
    )
    with pytest.raises(ValidationFailed) as err:
        parse_mapping(text)
    assert err.value.field_errors == {
        "line 3": "this code is already mapped on line 2.",
        "line 4": "the kind must be outcome, service or status.",
        "line 5": "the partner's code may not start with =, +, -, @ or # (spreadsheets read that as a "
        "formula).",
        "line 6": "our_code must be one of: offered, referred, attended, completed.",
        "line 8": "the partner's code is empty.",
    }
    assert str(err.value).startswith("The mapping file was not used: line 3:")
    assert str(err.value).endswith("(and 4 more)")


def test_a_mapping_file_round_trips(tmp_path):
    path = tmp_path / "codes.csv"
    text = "\ufeffKind,Their_Code,Our_Code\nstatus,ATT,attended\nstatus,REF,referred\n"
    path.write_text(text, encoding="utf-8")
    maps = read_mapping_file(path)
    assert maps.codes("status") == [("ATT", "Attended"), ("REF", "Referred")]
    assert maps.to_ours("status", "offered") is None, "once mapped, only the partner's codes count"
    assert maps.to_ours("outcome", "in_work") == "in_work", "an unmapped kind uses our codes"
    assert CodeMaps.from_json(maps.to_json()) == maps
    with pytest.raises(ValidationFailed, match="columns kind, their_code and our_code"):
        parse_mapping("a,b\n1,2\n")
