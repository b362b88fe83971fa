"""The command line: exit codes, one-line errors, PACE_PASSPHRASE, and the commands of the foundation."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pace_desktop import __version__
from pace_desktop.cli import main
from tests.conftest import PASSPHRASE


def run(*args, env_pass=PASSPHRASE, extra_env=None):
    import os

    env = dict(os.environ)
    env.pop("PACE_PASSPHRASE", None)
    if env_pass is not None:
        env["PACE_PASSPHRASE"] = env_pass
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "pace_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_version_comes_from_the_package():
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_init_demo_data_device_key_from_a_shell(tmp_path):
    store = tmp_path / "cli.store"
    result = run("init", "--store", str(store), "--adviser", "Ailsa Demo", "--device-name", "Laptop 7")
    assert result.returncode == 0, result.stderr
    assert "Laptop 7" in result.stdout
    result = run("demo-data", "--store", str(store), "--events", "2", "--clients", "50")
    assert result.returncode == 0, result.stderr
    assert "50 fictional clients" in result.stdout
    result = run("device-key", "--store", str(store))
    assert result.returncode == 0
    assert result.stdout.startswith("PACE-DEVICE-1 LT")


def test_wrong_passphrase_exits_3_with_one_clear_line(tmp_path):
    store = tmp_path / "w.store"
    assert run("init", "--store", str(store), "--adviser", "Ailsa Demo").returncode == 0
    result = run("device-key", "--store", str(store), env_pass="this is not it at all")
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "passphrase" in lines[0]
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2_in_one_line(capsys):
    assert main(["init", "--store"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert main(["no-such-command"]) == 2


def test_missing_store_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    assert main(["device-key", "--store", str(tmp_path / "nope.store")]) == 3
    assert "No store was found" in capsys.readouterr().err


def test_short_passphrase_on_init_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PACE_PASSPHRASE", "short")
    assert main(["init", "--store", str(tmp_path / "s.store"), "--adviser", "A"]) == 3
    assert "12" in capsys.readouterr().err
    assert not (tmp_path / "s.store").exists()


def test_no_passphrase_and_no_terminal_is_a_usage_error(tmp_path):
    result = run("init", "--store", str(tmp_path / "n.store"), "--adviser", "A", env_pass=None)
    assert result.returncode == 2
    assert "PACE_PASSPHRASE" in result.stderr


def test_self_check_passes():
    result = run("self-check", env_pass=None)
    assert result.returncode == 0, result.stderr
    assert "FAIL" not in result.stdout + result.stderr


@pytest.mark.parametrize("bad", ["not-a-key.pub"])
def test_init_with_a_bad_office_key_is_refused(tmp_path, bad, monkeypatch, capsys):
    (tmp_path / bad).write_text("hello\n")
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    code = main(
        ["init", "--store", str(tmp_path / "k.store"), "--adviser", "A", "--office-key", str(tmp_path / bad)]
    )
    assert code == 3
    assert "office key" in capsys.readouterr().err


def test_init_with_the_office_pub_that_office_init_writes(tmp_path):
    central = tmp_path / "central.store"
    result = run(
        "office", "init", "--central", str(central), "--staff", "Office Demo", "--out", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    result = run(
        "init",
        "--store",
        str(tmp_path / "l.store"),
        "--adviser",
        "Ailsa Demo",
        "--office-key",
        str(tmp_path / "office.pub"),
    )
    assert result.returncode == 0, result.stderr


def test_audit_check_says_whether_the_chain_holds(tmp_path):
    from pace_desktop.store.store import Store

    store = tmp_path / "a.store"
    assert run("init", "--store", str(store), "--adviser", "Ailsa Demo").returncode == 0
    assert run("demo-data", "--store", str(store), "--events", "1", "--clients", "5").returncode == 0
    result = run("audit-check", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("The audit log checks out:") and "entries" in result.stdout
    with Store.open(store, PASSPHRASE) as opened, opened.transaction() as conn:
        conn.execute("UPDATE audit SET detail = 'edited' WHERE seq = 2")  # someone with the key, in SQL
    result = run("audit-check", "--store", str(store))
    assert result.returncode == 3
    (line,) = result.stderr.strip().splitlines()
    assert "does not check out: Audit entry 2 was changed after it was written." in line
    assert "data protection lead" in line and "Traceback" not in result.stderr
