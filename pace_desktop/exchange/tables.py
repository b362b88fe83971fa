"""Which repository holds which entity, and the parent each child record hangs from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pace_desktop.store.repository import Repository
    from pace_desktop.store.store import Store

# Every entity except employers, events and clients hangs from a client (parent_id is the client's id).
CHILD_ENTITIES: tuple[str, ...] = ("consent", "checklist", "intervention", "outcome", "feedback")


def repositories(store: Store) -> dict[str, Repository[Any]]:
    """Entity name (as in records.models.ENTITIES) -> the store's repository for it."""
    repos = (
        store.employers,
        store.events,
        store.clients,
        store.consents,
        store.checklists,
        store.interventions,
        store.outcomes,
        store.feedback,
    )
    return {repo.entity: repo for repo in repos}
