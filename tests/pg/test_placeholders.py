"""Store SQL keeps SQLite's ``?`` and ``:name``; PgDatabase turns them into psycopg's, leaving quoted
literals as written (a ``%`` anywhere doubled, as psycopg reads it), and the server agrees."""

from __future__ import annotations

import pytest

from pace_desktop.store.pg.database import PgDatabase, to_psycopg


@pytest.mark.parametrize(
    ("sql", "named", "expected"),
    [
        (
            "SELECT a FROM t WHERE b = ? AND c IN (?, ?)",
            False,
            "SELECT a FROM t WHERE b = %s AND c IN (%s, %s)",
        ),
        ("SELECT '?' || ? FROM t WHERE k LIKE '%:x'", False, "SELECT '?' || %s FROM t WHERE k LIKE '%%:x'"),
        ("SELECT 'it''s ?', ?", False, "SELECT 'it''s ?', %s"),
        (
            "DELETE FROM t WHERE a = :a AND b::text = :b_2",
            True,
            "DELETE FROM t WHERE a = %(a)s AND b::text = %(b_2)s",
        ),
    ],
)
def test_placeholders_are_psycopgs_and_literals_are_left_alone(sql, named, expected):
    assert to_psycopg(sql, named) == expected


def test_the_server_reads_them_so(pg_db):
    db = PgDatabase(pg_db, allow_insecure=True, upgrade=True)
    try:
        assert db.query("SELECT '?%' || ?, 'it''s'", ("x",)) == [("?%x", "it's")]
        assert db.scalar("SELECT :a::int + :b::int", {"a": 2, "b": 3}) == 5
    finally:
        db.close()
