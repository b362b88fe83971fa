"""The sync commands as a script or a scheduled task runs them: real processes, real relay."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import PASSPHRASE
from tests.exchange.conftest import register
from tests.sync.conftest import ROOT, free_port


def command_env(token: str | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PACE_PASSPHRASE": PASSPHRASE}
    if token:
        env["PACE_RELAY_TOKEN"] = token
    return env


def run(*args: str, token: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pace_desktop", *args],
        env=command_env(token),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def office_sync_command(relay, office_path) -> subprocess.CompletedProcess:
    """``office sync`` as the office's scheduled task runs it, with the staff token in the environment."""
    return run(
        "office",
        "sync",
        "--central",
        str(office_path),
        "--relay",
        relay.url,
        "--pin",
        relay.pin,
        token=relay.token,
    )


@pytest.fixture
def relay_init(tmp_path, office_template):
    """``relay_init(*more)``: ``office relay-init`` on the folder ``tmp_path/r`` for relay.example."""

    def init(*more: str) -> subprocess.CompletedProcess:
        return run(
            "office",
            "relay-init",
            "--dir",
            str(tmp_path / "r"),
            "--office-key",
            str(office_template.pub),
            "--hostname",
            "relay.example",
            *more,
        )

    return init


def test_laptop_and_office_sync_by_command(relay, enrolled, office_path, laptop, laptop_path):
    register(laptop, 2)
    laptop.close()
    enrolled.close()
    office = office_sync_command(relay, office_path)
    assert office.returncode == 0, office.stderr
    sent = run("sync", "--store", str(laptop_path), "--relay", relay.url, "--pin", relay.pin)
    assert (sent.returncode, sent.stdout) == (0, "1 bundle sent, 0 records confirmed by the office.\n")
    assert sent.stderr == ""  # progress is for a terminal only
    office = office_sync_command(relay, office_path)
    assert office.returncode == 0 and office.stdout.startswith("accepted"), office.stderr
    back = run("sync", "--store", str(laptop_path))  # the relay and pin were remembered
    assert back.returncode == 0 and back.stdout.startswith("0 bundles sent, ")
    assert "records confirmed by the office." in back.stdout


def test_offline_is_exit_4_with_one_line(relay, laptop, laptop_path):
    register(laptop, 1)
    laptop.close()
    result = run(
        "sync", "--store", str(laptop_path), "--relay", f"https://127.0.0.1:{free_port()}", "--pin", relay.pin
    )
    assert result.returncode == 4
    assert result.stderr.count("\n") == 1 and "stays queued" in result.stderr


def test_office_sync_without_a_token_is_a_usage_error(relay, office_path, office):
    office.close()
    result = run("office", "sync", "--central", str(office_path), "--relay", relay.url, "--pin", relay.pin)
    assert result.returncode == 2 and "access token" in result.stderr


def test_relay_init_prints_the_pin_and_refuses_a_second_time(relay_init):
    first = relay_init()
    assert first.returncode == 0 and len(first.stdout.strip()) == 64
    again = relay_init()
    assert again.returncode == 2 and "already a relay folder" in again.stderr


def test_the_relay_travels_in_office_pub_to_a_new_laptop(tmp_path, relay_init):
    made = relay_init("--port", "9443")
    pin = made.stdout.strip()
    pub = (tmp_path / "r" / "office.pub").read_text()
    assert f"PACE-RELAY-1 https://relay.example:9443 {pin}\n" in pub
    created = run(
        "init",
        "--store",
        str(tmp_path / "new.store"),
        "--adviser",
        "Ailsa Demo",
        "--office-key",
        str(tmp_path / "r" / "office.pub"),
    )
    assert created.returncode == 0, created.stderr
    from pace_desktop.store.store import Store
    from tests.conftest import PASSPHRASE

    with Store.open(tmp_path / "new.store", PASSPHRASE) as store:
        assert store.setting("sync_relay_url") == "https://relay.example:9443"
        assert store.setting("sync_relay_pin") == pin


def test_on_a_terminal_sync_shows_each_step_then_the_result(relay, enrolled, laptop, laptop_path):
    import pty

    from pace_desktop.sync.laptop import configure
    from pace_desktop.sync.office import office_sync

    register(laptop, 2)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    laptop.close()
    main, terminal = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "pace_desktop", "sync", "--store", str(laptop_path)],
        env=command_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=terminal,
    ) as proc:
        os.close(terminal)
        out = proc.stdout.read().decode() if proc.stdout else ""
        seen = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the process closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=120) == 0
    os.close(main)
    steps = [part.removesuffix("\x1b[K") for part in seen.decode().split("\r") if part.removesuffix("\x1b[K")]
    assert steps == ["Making the bundle…", "Sending bundle 1 of 1…", "Fetching receipts…"]
    assert out == "1 bundle sent, 0 records confirmed by the office.\n"
