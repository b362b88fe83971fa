"""The SQL that differs between engines, named in one place: SQLite's spellings, as the laptop and the
office file use them.

Store modules write plain SQL that both SQLite and PostgreSQL read alike, and ask the database's
``dialect`` (``Database.dialect``) for the few constructs that are spelled differently:

- parameters: ``?`` here (``marks``); psycopg's ``%s`` in PostgreSQL;
- a field of a record's JSON: ``json_extract(data, '$.f')`` / ``data ->> '$.f'`` here (``json_field``);
  ``data ->> 'f'`` on ``jsonb`` there; the rows of a JSON array: ``json_each`` here (``json_rows``),
  ``jsonb_array_elements_text`` there;
- insert unless the key is already there: ``INSERT OR IGNORE`` here (``insert_or_ignore``); ``ON CONFLICT
  DO NOTHING`` there. Insert or replace the whole row: ``INSERT OR REPLACE`` here (``insert_or_replace``);
  ``ON CONFLICT (key) DO UPDATE`` there. (``INSERT … ON CONFLICT (key) DO UPDATE SET … = excluded.…``,
  the upsert the store uses for settings and drafts, is spelled the same in both engines.)
- the ordering column: every table that is read "in the order rows were added" has an explicit ``seq``
  (schema step 11), never ``rowid``. A new row's ``seq`` is ``next_seq(table)``: one more than the
  largest, read from its unique index inside the writing transaction here; the identity's ``DEFAULT``
  there (``store/pg/schema.py``);
- the larger of several values in one row: SQLite's many-argument ``max(a, b)`` (``greatest``);
  PostgreSQL's ``GREATEST(a, b)`` (its ``max`` is only the aggregate);
- the id of the row just inserted: ``RETURNING id`` (``returning_id``) — SQLite reads it too (3.35+), so
  no ``lastrowid``;
- whether a table exists: ``sqlite_master`` here (``table_exists``); ``pg_tables`` there;
- a whole number from a record's JSON: ``json_extract`` gives an integer here (``json_int``); ``->>``
  gives text there, so it is cast;
- the audit head (``audit.append``): read here and moved by the appender in the same savepoint; there,
  read through ``audit_head_for_append()``, which locks it so concurrent appenders queue, and moved by
  the server's own trigger (no role may UPDATE it; ``store/pg/schema.py`` step 5).

``PostgreSQL`` below is the second class with these same names; nothing here is a query builder. Store
modules keep writing ``?`` for parameters: the PostgreSQL ``Database`` (``store/pg/database.py``)
turns them into psycopg's ``%s`` once per statement text.
"""

from __future__ import annotations

from collections.abc import Sequence


class SQLite:
    """SQLite's (SQLCipher's) spellings."""

    name = "sqlite"
    placeholder = "?"

    def marks(self, count: int) -> str:
        """``?, ?, ?`` for ``count`` parameters."""
        return ", ".join(self.placeholder for _ in range(count))

    @staticmethod
    def json_field(column: str, field: str) -> str:
        """One top-level field of a JSON column, as SQL text (``field`` is one of ours, never input)."""
        return f"json_extract({column}, '$.{field}')"

    @staticmethod
    def json_rows(expression: str, alias: str, field: str | None = None) -> str:
        """A ``FROM`` item named ``alias``: one row per element of a JSON array, in column ``value``;
        the array is ``expression`` itself, or its top-level ``field``."""
        path = "" if field is None else f", '$.{field}'"
        return f"json_each({expression}{path}) {alias}"

    def insert_or_ignore(self, table: str, columns: Sequence[str], values: str | None = None) -> str:
        """Insert a row unless one with the same unique key is there (then nothing happens).
        ``values``: the VALUES list as SQL, when not one parameter per column."""
        values = self.marks(len(columns)) if values is None else values
        return f"INSERT OR IGNORE INTO {table}({', '.join(columns)}) VALUES ({values})"  # noqa: S608

    def insert_or_replace(self, table: str, columns: Sequence[str], values: str | None = None) -> str:
        """Insert a row, replacing the whole row that has the same unique key."""
        values = self.marks(len(columns)) if values is None else values
        return f"INSERT OR REPLACE INTO {table}({', '.join(columns)}) VALUES ({values})"  # noqa: S608

    @staticmethod
    def next_seq(table: str) -> str:
        """The ``seq`` of a row being inserted into ``table``: one more than any there. Read from the
        table's unique ``seq`` index, inside the writing transaction (``BEGIN IMMEDIATE``: no other
        writer), once per row, so an ``executemany`` numbers its rows in order."""
        return f"(SELECT coalesce(max(seq), 0) + 1 FROM {table})"  # noqa: S608 - our table names

    @staticmethod
    def json_int(column: str, field: str) -> str:
        """One top-level whole-number field of a JSON column, as an integer (or NULL)."""
        return f"json_extract({column}, '$.{field}')"

    @staticmethod
    def greatest(*expressions: str) -> str:
        """The largest of these SQL expressions, in one row (not the aggregate)."""
        return f"max({', '.join(expressions)})"

    returning_id = " RETURNING id"

    @staticmethod
    def table_exists() -> str:
        """A query with one parameter (the table's name) that returns a row if the table exists."""
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"

    # The audit head: read by the appender, then moved by it (``audit.append``).
    audit_head_for_append = "SELECT count, hash FROM audit_head WHERE id = 1"
    server_moves_audit_head = False

    # ``Repository.write_if_newer``'s RETURNING: whether the row was inserted (not updated). SQLite
    # cannot say; its writer is alone (BEGIN IMMEDIATE), so what it read before still holds.
    inserted_flag = "NULL"

    # Held until the transaction ends, so two imports of one bundle take turns (``imports.hold_bundle``);
    # none here: SQLite's writer is alone already (BEGIN IMMEDIATE).
    bundle_lock: str | None = None
    # An erasure and an import take turns (``erasures.hold_people`` / ``imports.hold_bundle``): imports
    # share the lock with each other, an erasure holds it alone. None here, for the same reason.
    people_lock_shared: str | None = None
    people_lock: str | None = None


SQLITE = SQLite()


class PostgreSQL(SQLite):
    """PostgreSQL's spellings (``store/pg/database.py``): the same names, for the central database.

    Parameters stay ``?`` in the SQL the store writes (the database turns them into ``%s``), so
    ``marks`` and ``placeholder`` are SQLite's.
    """

    name = "postgresql"

    # The unique key an ``insert_or_replace`` replaces on, where it is not the first column.
    _KEYS: dict[str, tuple[str, ...]] = {}

    @staticmethod
    def json_field(column: str, field: str) -> str:
        return f"({column} ->> '{field}')"

    @staticmethod
    def json_int(column: str, field: str) -> str:
        return f"({column} ->> '{field}')::bigint"

    @staticmethod
    def json_rows(expression: str, alias: str, field: str | None = None) -> str:
        path = "" if field is None else f" -> '{field}'"
        return f"jsonb_array_elements_text(({expression})::jsonb{path}) AS {alias}(value)"

    def insert_or_ignore(self, table: str, columns: Sequence[str], values: str | None = None) -> str:
        values = self.marks(len(columns)) if values is None else values
        return (
            f"INSERT INTO {table}({', '.join(columns)}) VALUES ({values}) "  # noqa: S608
            "ON CONFLICT DO NOTHING"
        )

    def insert_or_replace(self, table: str, columns: Sequence[str], values: str | None = None) -> str:
        values = self.marks(len(columns)) if values is None else values
        key = self._KEYS.get(table, (columns[0],))
        sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
        return (
            f"INSERT INTO {table}({', '.join(columns)}) VALUES ({values}) "  # noqa: S608
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}"
        )

    @staticmethod
    def next_seq(table: str) -> str:
        """The identity column numbers the row itself (``GENERATED ALWAYS``), in commit-safe order."""
        return "DEFAULT"

    @staticmethod
    def greatest(*expressions: str) -> str:
        return f"GREATEST({', '.join(expressions)})"

    @staticmethod
    def table_exists() -> str:
        return "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?"

    audit_head_for_append = "SELECT count, hash FROM audit_head_for_append()"
    server_moves_audit_head = True
    # A row this statement inserted has no deleting transaction yet (xmax 0); an updated one has.
    inserted_flag = "(xmax = 0)"
    bundle_lock = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"
    # One fixed key ('PACE' people), in the advisory space's other half (two int4 keys) from bundles.
    people_lock_shared = "SELECT pg_advisory_xact_lock_shared(1346454341, 1)"
    people_lock = "SELECT pg_advisory_xact_lock(1346454341, 1)"


POSTGRESQL = PostgreSQL()

# The tables read in the order their rows were added, each with its ``seq`` column (schema step 11).
SEQ_TABLES = (
    "employers",
    "events",
    "clients",
    "consents",
    "checklists",
    "interventions",
    "outcomes",
    "feedback",
    "tombstones",
    "partner_requests",
    "return_counts",
)
