"""The office's session: the same lock, auto-lock and worker as a laptop's, over the central store.

Only the way the store is opened differs: a laptop's store is refused here by name, so office staff
cannot import bundles into an adviser's laptop by mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pace_desktop.ui.session import Session

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


class CentralSession(Session):
    """A Session whose store must be an office (central) store.

    With ``database`` (``postgresql://…``), the office's central database on PostgreSQL: ``path`` is
    then the central store file kept on this PC as its keyring (docs/central-database.md), unlocked
    with the same passphrase, and every screen works on the server.
    """

    def __init__(self, path: Path, *, database: str | None = None, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self.database = database

    def open_store(self, passphrase: str) -> Store:
        from pace_desktop.office.central import open_central, open_central_on_server

        if self.database:
            return open_central_on_server(self.path, passphrase, self.database, clock=self.wall_clock)
        return open_central(self.path, passphrase, clock=self.wall_clock)
