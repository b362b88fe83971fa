"""A throw-away PostgreSQL cluster for the tests and the benchmarks: initdb and pg_ctl from Debian's
postgresql package (``tests/pg/conftest.py`` starts one per test run; ``bench/bench_pg_scale.py`` keeps
one seeded under ``bench/.cache`` and starts it again on a rerun).

PostgreSQL refuses to run as root, and these machines run as root, so the cluster's files belong to
the unprivileged user ``nobody`` and its programs run through ``runuser``. It listens on a private
Unix socket (trust, for the tests' own set-up) and on 127.0.0.1 with TLS only, using a certificate
made for the run, so verify-full can be tested for real.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pace_desktop.sync.tls import make_certificate

OWNER = "pace_owner"


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    base: Path
    port: int
    bin: Path

    @property
    def socket_dir(self) -> Path:
        return self.base / "sock"

    @property
    def ca(self) -> Path:
        return self.base / "server.crt"

    def url(self, db: str = "pace", user: str = OWNER) -> str:
        """The private socket, for the tests' own set-up (no TLS on a local socket)."""
        return f"postgresql://{user}@/{db}?host={self.socket_dir}&port={self.port}&sslmode=disable"

    def tls_url(self, db: str = "pace", user: str = OWNER, *, ca: bool = True) -> str:
        root = f"&sslrootcert={self.ca}" if ca else ""
        return f"postgresql://{user}@localhost:{self.port}/{db}?sslmode=verify-full{root}"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "nobody", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)

    def psql(self, sql: str, db: str = "pace") -> str:
        return self._run(
            "psql",
            "-X",
            "-q",
            "-At",
            "-h",
            str(self.socket_dir),
            "-p",
            str(self.port),
            "-U",
            OWNER,
            "-d",
            db,
            "-c",
            sql,
        ).stdout

    def create_database(self, name: str) -> None:
        self._run("createdb", "-h", str(self.socket_dir), "-p", str(self.port), "-U", OWNER, name)

    def _serve(self) -> None:
        """pg_ctl start, on this run's port."""
        base = self.base
        # fsync off: the tests kill clients, never the server, and a throw-away cluster need not
        # survive a power cut.
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={base / 'sock'} "
            f"-c ssl=on -c ssl_cert_file={base / 'server.crt'} -c ssl_key_file={base / 'server.key'} "
            "-c fsync=off -c log_min_messages=warning -c logging_collector=off"
        )
        self._run(
            "pg_ctl", "-D", str(base / "data"), "-l", str(base / "server.log"), "-o", options, "-w", "start"
        )

    def stop(self, *, keep: bool = False) -> None:
        """Stop the server; its files are removed unless ``keep`` (then stopped cleanly, to restart)."""
        try:
            mode = "fast" if keep else "immediate"
            self._run("pg_ctl", "-D", str(self.base / "data"), "-m", mode, "stop")
        except subprocess.CalledProcessError:
            pass
        if not keep:
            shutil.rmtree(self.base, ignore_errors=True)


def start(base: Path | None = None) -> Cluster:
    """A new cluster in a new temporary folder, or in ``base``: made there if it has none yet,
    started again if it has (its databases kept)."""
    binary = pg_bin()
    if binary is None:
        raise RuntimeError("PostgreSQL's initdb was not found: make test installs the postgresql package")
    base = base.resolve() if base is not None else None  # pg_ctl is given whole paths
    if base is not None and (base / "data" / "PG_VERSION").exists():
        cluster = Cluster(base, _free_port(), binary)
        cluster._serve()
        return cluster
    if base is None:
        base = Path(tempfile.mkdtemp(prefix="pace-pg-"))
    else:
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir(parents=True)
    os.chmod(base, 0o755)  # noqa: S103 - the server runs as nobody; initdb keeps data/ at 0700
    (base / "sock").mkdir()
    make_certificate(base / "server.crt", base / "server.key", ["localhost", "127.0.0.1"])
    if os.geteuid() == 0:
        shutil.chown(base, "nobody")
        for path in (base / "sock", base / "server.crt", base / "server.key"):
            shutil.chown(path, "nobody")
    cluster = Cluster(base, _free_port(), binary)
    cluster._run(
        "initdb",
        "-D",
        str(base / "data"),
        "-U",
        OWNER,
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8" if os.path.exists("/usr/lib/locale/C.utf8") else "--locale=C",
    )
    (base / "data" / "pg_hba.conf").write_text(
        "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhost all all 0.0.0.0/0 reject\n"
    )
    if os.geteuid() == 0:
        shutil.chown(base / "data" / "pg_hba.conf", "nobody")
    cluster._serve()
    cluster.create_database("pace")
    return cluster
