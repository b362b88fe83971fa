"""Which store is the office's: a store made with ``kind="office"`` that holds the office's age identity.

The identity settings live inside the SQLCipher file (encrypted at rest); ``office/central.py`` creates
them at ``office init``. Kept here, below every domain package, so the store's own tools (the move to
PostgreSQL in ``store/pg/from_file.py``) can refuse a laptop store too.
"""

from __future__ import annotations

from pace_desktop.errors import StoreError
from pace_desktop.store.store import Store

SETTING_IDENTITY = "office_age_identity"
SETTING_RECIPIENT = "office_age_recipient"


def require_office(store: Store) -> Store:
    if store.kind != "office" or not store.setting(SETTING_IDENTITY):
        raise StoreError("That is not an office store: use the central store made with office init.")
    return store
