"""The relay's waiting bundles and outgoing receipts and notices, in the central PostgreSQL (schema step 7).

The relay (``sync/mailbox.py``) stores here exactly the bytes it would have written to its folder: the
laptops' bundles are encrypted to the office, and the relay holds no key that opens them. It connects
as a login role given ``pace_relay``, which may SELECT, INSERT and DELETE these two tables and nothing
else (``schema.py`` step 7). An upload is acknowledged only after its INSERT has committed.
"""

from __future__ import annotations

from typing import Any, Literal

from pace_desktop.errors import StoreError
from pace_desktop.store.pg import schema
from pace_desktop.store.pg.connect import connect

Kept = Literal["stored", "held", "over_quota"]

_UNAVAILABLE = "The relay's database did not answer: nothing was stored; try again in a moment."


class RelayTables:
    """One connection to the central database, used by one relay process."""

    def __init__(self, url: str, *, allow_insecure: bool = False) -> None:
        self.url = url
        self.allow_insecure = allow_insecure
        self.conn: Any = None
        conn = self._connection()
        found = schema.version(conn)
        if found < schema.RELAY_STEP:
            self.close()
            raise StoreError(
                f"The central database is at schema {found}; the relay needs {schema.RELAY_STEP}: ask its "
                "administrator to upgrade it (office migrate)."
            )

    def _connection(self) -> Any:
        if self.conn is None or self.conn.closed or self.conn.broken:
            self.conn = connect(self.url, allow_insecure=self.allow_insecure, autocommit=True)
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        import psycopg

        try:
            cursor = self._connection().execute(sql, params)
            return list(cursor.fetchall()) if cursor.description else []
        except psycopg.OperationalError as exc:
            raise StoreError(_UNAVAILABLE) from exc

    # -- bundles from laptops -------------------------------------------------------------------

    def waiting(self, device_id: str | None = None) -> list[tuple[str, str, int]]:
        """(device, sha256, size) of each waiting bundle, by device then sha256 (as the folder lists them)."""
        if device_id is None:
            rows = self._run(
                "SELECT device_id, sha256, size FROM relay_bundles "
                'ORDER BY device_id COLLATE "C", sha256 COLLATE "C"'
            )
        else:
            rows = self._run(
                "SELECT device_id, sha256, size FROM relay_bundles WHERE device_id = %s "
                'ORDER BY sha256 COLLATE "C"',
                (device_id,),
            )
        return [(str(d), str(s), int(n)) for d, s, n in rows]

    def keep_bundle(
        self, device_id: str, sha256: str, data: bytes, *, max_count: int, max_bytes: int
    ) -> Kept:
        """Store a bundle unless already held, if this laptop's quota still allows it; committed on return.

        The quota check and the INSERT run in one transaction under a lock for this laptop
        (``pg_advisory_xact_lock``), so two uploads at once cannot both pass the quota, even from two
        relay processes.
        """
        import psycopg

        try:
            conn = self._connection()
            with conn.transaction():
                conn.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", ("pace-relay:" + device_id,)
                )
                held = conn.execute(
                    "SELECT 1 FROM relay_bundles WHERE device_id = %s AND sha256 = %s", (device_id, sha256)
                ).fetchone()
                if held is not None:
                    return "held"
                count, size = conn.execute(
                    "SELECT count(*), coalesce(sum(size), 0) FROM relay_bundles WHERE device_id = %s",
                    (device_id,),
                ).fetchone()
                if max_count - int(count) <= 0 or max_bytes - int(size) < len(data):
                    return "over_quota"
                inserted = conn.execute(
                    "INSERT INTO relay_bundles (device_id, sha256, size, data) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT (device_id, sha256) DO NOTHING",
                    (device_id, sha256, len(data), data),
                ).rowcount
        except psycopg.OperationalError as exc:
            raise StoreError(_UNAVAILABLE) from exc
        return "stored" if inserted else "held"

    def bundle(self, device_id: str, sha256: str) -> bytes | None:
        rows = self._run(
            "SELECT data FROM relay_bundles WHERE device_id = %s AND sha256 = %s", (device_id, sha256)
        )
        return bytes(rows[0][0]) if rows else None

    def remove_bundle(self, device_id: str, sha256: str) -> bool:
        rows = self._run(
            "DELETE FROM relay_bundles WHERE device_id = %s AND sha256 = %s RETURNING 1", (device_id, sha256)
        )
        return bool(rows)

    # -- receipts and notices for laptops -------------------------------------------------------

    def post_mail(self, device_id: str, name: str, data: bytes) -> None:
        """Hold a file for a laptop, replacing one of the same name (as the folder's rename does)."""
        import psycopg

        try:
            conn = self._connection()
            with conn.transaction():
                conn.execute("DELETE FROM relay_mail WHERE device_id = %s AND name = %s", (device_id, name))
                conn.execute(
                    "INSERT INTO relay_mail (device_id, name, size, data) VALUES (%s, %s, %s, %s)",
                    (device_id, name, len(data), data),
                )
        except psycopg.OperationalError as exc:
            raise StoreError(_UNAVAILABLE) from exc

    def mail(self, device_id: str) -> list[tuple[str, int]]:
        rows = self._run(
            'SELECT name, size FROM relay_mail WHERE device_id = %s ORDER BY name COLLATE "C"', (device_id,)
        )
        return [(str(n), int(s)) for n, s in rows]

    def mail_file(self, device_id: str, name: str) -> bytes | None:
        rows = self._run("SELECT data FROM relay_mail WHERE device_id = %s AND name = %s", (device_id, name))
        return bytes(rows[0][0]) if rows else None

    def remove_mail(self, device_id: str, name: str) -> bool:
        rows = self._run(
            "DELETE FROM relay_mail WHERE device_id = %s AND name = %s RETURNING 1", (device_id, name)
        )
        return bool(rows)
