"""The office's session: the same lock, auto-lock and worker as a laptop's, over the central store.

Only the way the store is opened differs: a laptop's store is refused here by name, so office staff
cannot import bundles into an adviser's laptop by mistake.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pace_desktop.ui.session import Session

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


class CentralSession(Session):
    """A Session whose store must be an office (central) store."""

    def open_store(self, passphrase: str) -> Store:
        from pace_desktop.office.central import require_office
        from pace_desktop.store.store import Store

        store = Store.open(self.path, passphrase, clock=self.wall_clock)
        try:
            return require_office(store)
        except BaseException:
            store.close()
            raise
