"""SQLCipher pitfalls from SECURITY-NOTES.md, each proven on a real file."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from pace_desktop.errors import StoreError
from pace_desktop.store import database
from pace_desktop.store.database import Database
from pace_desktop.store.keyslots import new_data_key


def test_wrong_key_is_found_at_the_first_query_and_reported_in_one_line(tmp_path):
    key = new_data_key()
    db = Database(tmp_path / "a.db", key, create=True)
    with db.transaction() as conn:
        conn.execute("CREATE TABLE t(x)")
    db.close()
    # At the SQLCipher level: PRAGMA key itself accepts any key ...
    raw = sqlcipher.connect(str(tmp_path / "a.db"))
    raw.execute(f"PRAGMA key = \"x'{new_data_key().hex()}'\"")
    with pytest.raises(sqlcipher.DatabaseError, match="not a database"):
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
    raw.close()
    # ... so Database checks with a read before anything else, and says so plainly.
    with pytest.raises(StoreError) as err:
        Database(tmp_path / "a.db", new_data_key())
    assert "\n" not in str(err.value)
    assert "could not be opened" in str(err.value)


def test_missing_file_is_refused_not_created(tmp_path):
    with pytest.raises(StoreError, match="No store was found"):
        Database(tmp_path / "missing.db", new_data_key())
    assert not (tmp_path / "missing.db").exists()


def test_empty_file_is_refused_because_it_would_accept_any_key(tmp_path):
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(StoreError, match="empty"):
        Database(tmp_path / "empty.db", new_data_key())
    assert (tmp_path / "empty.db").stat().st_size == 0


def test_pragmas_are_the_safe_ones(tmp_path):
    db = Database(tmp_path / "p.db", new_data_key(), create=True)
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert db.scalar("PRAGMA synchronous") == 2  # FULL
    assert db.scalar("PRAGMA secure_delete") == 1
    assert db.scalar("PRAGMA temp_store") == 2  # MEMORY
    db.close()


def test_backup_goes_through_sqlcipher_export_and_opens_with_the_same_key(tmp_path):
    key = new_data_key()
    db = Database(tmp_path / "src.db", key, create=True)
    with db.transaction() as conn:
        conn.execute("CREATE TABLE t(x)")
        conn.execute("INSERT INTO t VALUES ('kept')")
        conn.execute("PRAGMA user_version = 7")
    # Python's backup() cannot read an encrypted source: that is why export_copy exists.
    plain = sqlcipher.connect(str(tmp_path / "plain.db"))
    with pytest.raises(sqlcipher.DatabaseError):
        db.conn.backup(plain)
    plain.close()
    db.export_copy(tmp_path / "copy.db", key)
    db.close()
    copy = Database(tmp_path / "copy.db", key)
    assert copy.query("SELECT x FROM t") == [("kept",)]
    assert copy.user_version == 7
    copy.close()
    assert b"kept" not in (tmp_path / "copy.db").read_bytes()


def test_old_sqlcipher_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(database, "MIN_CIPHER", (99, 0, 0))
    with pytest.raises(StoreError, match="old SQLCipher"):
        Database(tmp_path / "v.db", new_data_key(), create=True)


def test_sqlcipher_keeps_its_own_log_off_stderr(tmp_path):
    key = new_data_key()
    db = Database(tmp_path / "s.db", key, create=True)
    with db.transaction() as conn:
        conn.execute("CREATE TABLE t(x)")
    db.close()
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pace_desktop.store.database import Database\n"
        "from pace_desktop.errors import StoreError\n"
        "try:\n"
        f"    Database(Path({str(tmp_path / 's.db')!r}), bytes(32))\n"
        "except StoreError as e:\n"
        "    sys.stdout.write(str(e))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "could not be opened" in result.stdout
    assert result.stderr == ""  # no "hmac check failed" noise


def test_a_failed_transaction_leaves_nothing_behind(tmp_path):
    db = Database(tmp_path / "t.db", new_data_key(), create=True)
    with db.transaction() as conn:
        conn.execute("CREATE TABLE t(x)")
    with pytest.raises(ZeroDivisionError):
        with db.transaction() as conn:
            conn.execute("INSERT INTO t VALUES (1)")
            1 / 0  # noqa: B018
    assert db.scalar("SELECT count(*) FROM t") == 0
    db.close()


def test_a_new_store_file_is_readable_by_its_owner_only(tmp_path):
    db = Database(tmp_path / "mode.db", new_data_key(), create=True)
    with db.transaction() as conn:
        conn.execute("CREATE TABLE t(x)")
    for name in ("mode.db", "mode.db-wal"):
        assert (tmp_path / name).stat().st_mode & 0o077 == 0, name
    db.close()
