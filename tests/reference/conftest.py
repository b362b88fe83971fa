"""Real office and laptop stores (from the exchange fixtures), the PostgreSQL cluster (from the
central-database fixtures), and the reference set in use put back to the shipped one after each test."""

from __future__ import annotations

import pytest

from pace_desktop import reference
from tests.exchange.conftest import (  # noqa: F401 - fixtures, shared by name
    bare_laptop_template,
    enrolled,
    laptop,
    laptop_path,
    laptop_template,
    office,
    office_path,
    office_template,
    other_office_template,
)
from tests.pg.conftest import pg, pg_db  # noqa: F401 - fixtures, shared by name


@pytest.fixture(autouse=True)
def shipped_reference():
    reference.install(None)
    yield
    reference.install(None)
