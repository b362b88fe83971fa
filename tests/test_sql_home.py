"""SQL has one home: the store package (issue 17).

Every string constant in the package outside ``pace_desktop/store`` is read with ``ast`` (f-string parts
and implicitly joined pieces included); one that starts, after white space, with an SQL statement's
first word is SQL in the wrong place. The domain asks the store for plain values and models instead.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pace_desktop

ROOT = Path(pace_desktop.__file__).parent
STORE = ROOT / "store"
# The words SQL statements start with, in capitals, as the code writes them: prose ("Select a file")
# and docstrings do not match. A statement goes on after its first word, except the transaction ones;
# the HTTP method "DELETE" alone is not SQL.
SQL_START = re.compile(
    r"\s*(?:(?:SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|REPLACE)\s+\S"
    r"|(?:BEGIN|COMMIT|ROLLBACK)\b)"
)


def looks_like_sql(text: str) -> bool:
    return SQL_START.match(text) is not None


def sql_in(source: str) -> list[tuple[int, str]]:
    """(line, first words) of every string constant in ``source`` that looks like SQL."""
    return sorted(
        (node.lineno, " ".join(node.value.split())[:40])
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and looks_like_sql(node.value)
    )


def modules_outside_the_store() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if STORE not in p.parents)


def test_the_scan_knows_sql_from_prose():
    sample = (
        '"""Update the list: SELECT is a word here."""\n'
        'A = "\\n    SELECT id FROM clients"\n'
        'B = f"INSERT INTO {table} VALUES (?)"\n'
        'C = ("WITH x AS (SELECT 1) "\n     "SELECT * FROM x")\n'
        'D = "Select a file"\n'
        'E = "UPDATES are due"\n'
        'F = "PRAGMA user_version"\n'
        'G = request("DELETE", "/v1/mail/1")\n'
        'H = "COMMIT"\n'
        'I = "BEGINNERS welcome"\n'
    )
    assert [line for line, _ in sql_in(sample)] == [2, 3, 4, 8, 10]


def test_the_scan_covers_the_package_outside_the_store():
    paths = modules_outside_the_store()
    assert ROOT / "office" / "importer.py" in paths
    assert ROOT / "ui" / "main_window.py" in paths
    assert not any(STORE in p.parents for p in paths)


def test_no_sql_outside_the_store():
    offenders = [
        f"{path.relative_to(ROOT.parent)}:{line}: {words}"
        for path in modules_outside_the_store()
        for line, words in sql_in(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "SQL outside pace_desktop/store:\n" + "\n".join(offenders)
