"""Correction: validated whole, versioned, audited; consent and identity are never rewritten."""

from __future__ import annotations

import pytest

from pace_desktop.errors import RefusedError, UsageError, ValidationFailed
from pace_desktop.privacy.correction import correct
from tests.privacy.helpers import people


def test_a_correction_is_normalised_versioned_and_audited(office):
    _, (someone,) = people(office, 1)
    result = correct(office, someone.pace_id, {"postcode": "g51 1aa", "preferred_name": "Mo", "email": None})

    stored = office.clients.get(someone.id)
    assert (stored.postcode, stored.preferred_name, stored.email) == ("G51 1AA", "Mo", None)
    assert stored.version == someone.version + 1 == result.version
    assert result.fields == ("postcode", "preferred_name", "email")
    assert office.db.query("SELECT action, entity, entity_id FROM audit ORDER BY seq DESC LIMIT 1") == [
        ("correct", "client", str(someone.id))
    ]
    # The search columns follow the corrected record.
    assert office.db.scalar("SELECT postcode_key FROM clients WHERE id = ?", (str(someone.id),)) == "G511AA"


def test_another_of_the_persons_records_can_be_corrected_but_not_someone_elses(office):
    _, (me, other) = people(office, 2)
    (mine,) = office.outcomes.for_parent(me.id)
    (theirs,) = office.outcomes.for_parent(other.id)
    result = correct(office, me.pace_id, {"status": "training"}, entity="outcome", record_id=str(mine.id))
    assert office.outcomes.get(mine.id).status == "training" and result.entity == "outcome"
    with pytest.raises(RefusedError, match="not one of this person's"):
        correct(office, me.pace_id, {"status": "training"}, entity="outcome", record_id=str(theirs.id))
    assert office.outcomes.get(theirs.id).status == "in_work"


def test_invalid_values_unknown_fields_consents_and_no_change_are_refused(office):
    _, (someone,) = people(office, 1)
    with pytest.raises(ValidationFailed) as err:
        correct(office, someone.pace_id, {"ni_number": "not an NI"})
    assert set(err.value.field_errors) == {"ni_number"} and "not an NI" not in str(err.value)
    with pytest.raises(UsageError, match="cannot be corrected here: pace_id"):
        correct(office, someone.pace_id, {"pace_id": "PACE-7K3Q-9MXD"})
    with pytest.raises(UsageError, match="A consent cannot be corrected: record a withdrawal"):
        correct(office, someone.pace_id, {"granted": False}, entity="consent")
    with pytest.raises(RefusedError, match="Nothing to correct"):
        correct(office, someone.pace_id, {"last_name": someone.last_name})
    assert office.clients.get(someone.id).version == someone.version
