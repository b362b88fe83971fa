"""A real PostgreSQL cluster for the central-database tests, started once per run by the tests."""

from __future__ import annotations

import itertools

import pytest

from tests.exchange.conftest import (  # noqa: F401 - fixtures, shared by name
    laptop,
    laptop_path,
    laptop_template,
    office,
    office_path,
    office_template,
)
from tools import pg_cluster

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg():
    server = pg_cluster.start()
    yield server
    server.stop()


@pytest.fixture
def pg_db(pg):
    """A fresh, empty database on the cluster; its owner's URL (private socket)."""
    name = f"pace_t{next(_names)}"
    pg.create_database(name)
    return pg.url(name)
