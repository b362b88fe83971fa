"""Looking one person up for the rights screen: what is shown, audited as a view, refused plainly."""

from __future__ import annotations

import pytest

from pace_desktop.errors import UsageError
from pace_desktop.privacy.erasure import check_erasure_reason
from pace_desktop.privacy.people import NotHeld, look_up
from tests.privacy.helpers import people


def test_a_look_up_shows_the_details_and_consents_and_is_audited_as_a_view(office):
    event, (found, *_others) = people(office, 2)

    held = look_up(office, found.pace_id.lower())

    assert held.pace_id == found.pace_id
    assert held.details["PACE ID"] == found.pace_id
    assert held.details["Name"] == f"{found.first_name} {found.last_name}"
    assert held.details["Event"].startswith(f"{event.employer_name}, ")
    assert held.details["From laptop"] == found.device_id
    assert {c.purpose for c in held.consents} == {c.purpose for c in office.consents.for_parent(found.id)}
    last = office.db.query("SELECT action, entity_id, detail FROM audit ORDER BY seq DESC LIMIT 1")[0]
    assert last == ("view", str(found.id), "rights")


def test_a_look_up_of_nobody_or_of_no_pace_id_is_refused_in_one_plain_line(office):
    with pytest.raises(NotHeld, match="No one with that PACE ID is held in the central store"):
        look_up(office, "PACE-2222-2222")
    with pytest.raises(UsageError, match="That is not a PACE ID"):
        look_up(office, "Eilidh")


def test_the_erasure_reason_is_checked_against_the_person_before_anyone_confirms(office):
    _event, (person, *_others) = people(office, 2)
    assert check_erasure_reason(office, person.pace_id, " the person asked ") == "the person asked"
    with pytest.raises(UsageError, match="must not name the person"):
        check_erasure_reason(office, person.pace_id, f"{person.first_name} asked")
