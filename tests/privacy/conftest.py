"""Fixtures for the privacy operations: the exchange's laptop and office stores (copied per test)
and the partners' keys, plus fictional people with every kind of record."""

from __future__ import annotations

from tests.exchange.conftest import (  # noqa: F401 - fixtures, registered by being imported here
    enrolled,
    laptop,
    laptop_path,
    laptop_template,
    office,
    office_path,
    office_template,
    outbox,
)
from tests.partners.conftest import keys  # noqa: F401
