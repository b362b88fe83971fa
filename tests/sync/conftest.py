"""A real relay for the sync tests: `pace-desktop office serve` (uvicorn, TLS) on 127.0.0.1, started
and stopped by the tests, with laptop and office stores from the exchange fixtures."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from pace_desktop.exchange.officekey import read_office_key_file
from pace_desktop.sync.mailbox import Mailbox, RelayConfig
from pace_desktop.sync.tls import make_certificate
from pace_desktop.sync.transport import RelayClient
from tests.exchange.conftest import (  # noqa: F401 - fixtures, shared by name
    enrolled,
    laptop,
    laptop2,
    laptop2_template,
    laptop_path,
    laptop_template,
    office,
    office_path,
    office_template,
    register,
)

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RelayServer:
    folder: Path
    port: int
    pin: str
    token: str
    storage: str | None = None  # a postgresql:// address, or None for the folder
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pace_desktop",
                "office",
                "serve",
                "--dir",
                str(self.folder),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                *(["--storage", self.storage] if self.storage else []),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the relay exited: {self.proc.stderr.read().decode()[-500:]}")
            try:
                context = ssl.create_default_context()
                context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
                with (
                    socket.create_connection(("127.0.0.1", self.port), timeout=1) as raw,
                    context.wrap_socket(raw),
                ):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the relay did not start listening")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def office_client(self, **kw) -> RelayClient:
        return RelayClient(self.url, self.pin, token=self.token, **kw)

    def laptop_client(self, store) -> RelayClient:
        return RelayClient(self.url, self.pin, device_id=store.device_id, device_key=store.signing_key())

    def mailbox(self) -> Mailbox:
        return Mailbox(self.folder, self.storage)


def make_relay_folder(folder: Path, office_pub: Path, **config) -> tuple[str, str]:
    key = read_office_key_file(office_pub)
    Mailbox.create(folder, RelayConfig(key.office_id, key.verify_key, **config))
    pin = make_certificate(folder / "tls.crt", folder / "tls.key", ["127.0.0.1"])
    return pin, Mailbox(folder).add_staff("Morven Office")


def started_relay(folder: Path, office_pub: Path, storage: str | None = None, **config) -> RelayServer:
    """A relay folder made and its server started (``config``: RelayConfig's quotas and cap)."""
    pin, token = make_relay_folder(folder, office_pub, **config)
    server = RelayServer(folder, free_port(), pin, token, storage)
    server.start()
    return server


@pytest.fixture
def relay_storage() -> str | None:
    """Where the relay keeps waiting files: None, its folder. A module overrides this fixture to run
    its relay tests on the central PostgreSQL instead (``test_relay_postgres.py``)."""
    return None


@pytest.fixture
def relay(tmp_path, office_template, relay_storage):
    server = started_relay(tmp_path / "relay", office_template.pub, relay_storage)
    yield server
    server.stop()
