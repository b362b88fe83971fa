"""Correcting a person's record on request (UK GDPR Art. 16): versioned and audited as ``correct``.

The corrected record is validated whole, exactly as a new one would be (nothing half-valid is
saved), takes the next version, and the audit log records who corrected which record and when.
Identity and bookkeeping fields cannot be "corrected", and neither can a consent: what the person
agreed to, and when, is evidence (Art. 7(1)); a changed mind is a withdrawal, not a correction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.tables import repositories
from pace_desktop.privacy.people import find_client
from pace_desktop.records.models import ENTITIES, Record, as_validation_failed

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

# Never corrected: who the record is, how it is filed, and the store's own bookkeeping.
FIXED_FIELDS = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "version",
        "device_id",
        "updated_by",
        "event_id",
        "client_id",
        "pace_id",
        "source",
    }
)
CORRECTABLE_ENTITIES = ("client", "checklist", "intervention", "outcome", "feedback")


@dataclass(frozen=True)
class CorrectionResult:
    pace_id: str
    entity: str
    record_id: str
    fields: tuple[str, ...]
    version: int

    def summary(self) -> str:
        return (
            f"Corrected {self.entity} record of {self.pace_id}: {', '.join(self.fields)} "
            f"(now version {self.version}; the change is in the audit log)."
        )


def correctable_fields(entity: str) -> list[str]:
    """The fields of ``entity`` a correction may change, in the model's order."""
    model = repositories_model(entity)
    return [name for name in model.model_fields if name not in FIXED_FIELDS]


def repositories_model(entity: str) -> type[Record]:
    if entity not in CORRECTABLE_ENTITIES:
        if entity == "consent":
            raise UsageError("A consent cannot be corrected: record a withdrawal instead.")
        raise UsageError(f"Choose what to correct: one of {', '.join(CORRECTABLE_ENTITIES)}.")
    return ENTITIES[entity]


def correct(
    store: Store,
    pace_id: str,
    changes: Mapping[str, Any],
    *,
    entity: str = "client",
    record_id: str | None = None,
) -> CorrectionResult:
    """Apply ``changes`` (field -> new value; '' clears an optional field) to one of the person's records.

    ``entity`` 'client' corrects the person's own record; for another entity give ``record_id``
    (it must belong to this person).
    """
    model = repositories_model(entity)
    if not changes:
        raise UsageError("Say what to correct, e.g. --set postcode='G51 1AA'.")
    allowed = set(correctable_fields(entity))
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise UsageError(
            f"These fields cannot be corrected here: {', '.join(unknown)}. "
            f"Correctable: {', '.join(correctable_fields(entity))}."
        )
    repo = repositories(store)[entity]
    with store.transaction():
        client = find_client(store, pace_id)
        record: Record | None = client if entity == "client" else (repo.get(record_id) if record_id else None)
        if record is None or (entity != "client" and str(getattr(record, "client_id", "")) != str(client.id)):
            raise RefusedError(f"That {entity} record is not one of this person's: check its id.")
        data = record.model_dump()
        data.update(changes)
        try:
            # Validated whole, as a new record would be (the repository does so again on saving).
            corrected = model.model_validate(data)
        except ValidationError as exc:
            raise as_validation_failed(exc) from exc
        changed = tuple(f for f in changes if getattr(corrected, f) != getattr(record, f))
        if not changed:
            raise RefusedError("Nothing to correct: the values given are the ones already held.")
        saved = repo.update(corrected, action="correct")
    return CorrectionResult(client.pace_id, entity, str(saved.id), changed, saved.version)
