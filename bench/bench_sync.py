"""Reported: bundles a second through the office relay, and the p95 of one laptop's sync, with 50
laptops syncing at once.

The relay runs as it does in service (``pace-desktop office serve``: uvicorn, TLS, one worker) on
127.0.0.1; 50 laptops, each with its own Ed25519 key on the office's signed device list, each send
two bundles of 256 KiB (random bytes: the relay never opens a bundle, so their content does not
matter to it) and then list their mail, as ``pace-desktop sync`` does, all at once from threads of
this process. A laptop's sync time is from its first request to its last answer.
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PASSPHRASE, ROOT, Result, Stats, arguments, report  # noqa: E402

LAPTOPS = 50
BUNDLES_EACH = 2
BUNDLE_BYTES = 256 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port: int, proc: subprocess.Popen) -> None:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    for _ in range(400):
        if proc.poll() is not None:
            raise RuntimeError("the relay exited")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as raw, context.wrap_socket(raw):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the relay did not start")


def main() -> None:
    args = arguments(__doc__ or "")
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from pace_desktop.office.central import init_office, open_central
    from pace_desktop.sync.mailbox import device_list_document
    from pace_desktop.sync.transport import RelayClient

    laptops = 10 if args.quick else LAPTOPS
    with tempfile.TemporaryDirectory(prefix="pace-bench-sync-") as tmp:
        folder = Path(tmp)
        made = init_office(folder / "central.store", staff="Bench Office", passphrase=PASSPHRASE,
                           out_dir=folder)
        env = dict(os.environ, PACE_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(ROOT))
        run = [sys.executable, "-m", "pace_desktop", "office"]
        pin = subprocess.run([*run, "relay-init", "--dir", str(folder / "relay"), "--office-key",
                              str(made.office_pub), "--hostname", "127.0.0.1"], env=env, check=True,
                             capture_output=True, text=True).stdout.strip()
        token = subprocess.run([*run, "relay-staff", "--dir", str(folder / "relay"), "--name", "Bench"],
                               env=env, check=True, capture_output=True, text=True).stdout.strip()
        keys = {f"LT{n:06d}": Ed25519PrivateKey.generate() for n in range(laptops)}
        listed = [(d, k.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw), False)
                  for d, k in keys.items()]
        with open_central(made.central, PASSPHRASE) as central:
            document = device_list_document(listed, office_id=central.device_id,
                                            signing_key=central.signing_key())
        port = free_port()
        relay = subprocess.Popen([*run, "serve", "--dir", str(folder / "relay"), "--port", str(port)],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_listening(port, relay)
            url = f"https://127.0.0.1:{port}"
            RelayClient(url, pin, token=token).request("PUT", "/v1/office/devices", document)
            bodies = {d: [os.urandom(BUNDLE_BYTES) for _ in range(BUNDLES_EACH)] for d in keys}
            times: dict[str, float] = {}
            failures: list[int] = []

            def laptop(device: str) -> None:
                client = RelayClient(url, pin, device_id=device, device_key=keys[device])
                start = time.perf_counter()
                for body in bodies[device]:
                    status = client.request("PUT", "/v1/bundles", body).status
                    if status not in (200, 201):
                        failures.append(status)
                client.request("GET", "/v1/mail")
                times[device] = time.perf_counter() - start

            threads = [threading.Thread(target=laptop, args=(d,)) for d in keys]
            start = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - start
        finally:
            relay.terminate()
            relay.wait()
    if failures:
        raise RuntimeError(f"{len(failures)} uploads failed: {sorted(set(failures))}")
    stats = Stats.of(list(times.values()))
    total = laptops * BUNDLES_EACH
    report([Result(
        name="Sync through the relay", budget="reported", baseline="-",
        measured=(f"{total / wall:,.0f} bundles/s ({total} bundles of {BUNDLE_BYTES // 1024} KiB from "
                  f"{laptops} laptops at once, {wall:.2f} s); one laptop's sync {stats.ms()}"),
        ratio="-", met=None,
        notes=["uvicorn, TLS and signed requests on 127.0.0.1; each laptop sends its bundles and lists "
               "its mail"],
    )])


if __name__ == "__main__":
    main()
