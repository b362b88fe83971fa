"""Network sync commands: ``sync`` on a laptop; ``office relay-init|relay-staff|serve|sync``.

``office sync`` imports into the central store file or, with ``--central postgresql://…
--keyring FILE``, into the central database (docs/central-database.md); ``relay-init``,
``relay-staff`` and ``serve`` work on the relay's own folder and never open the central store.

Exit status 4 means the relay could not be reached: nothing was lost, try again later (a scheduled
task can simply run again).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pace_desktop.cli.central import add_central_arguments, open_central_store
from pace_desktop.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="send unsent bundles to the office relay and apply what came back")
    p.add_argument("--store", type=Path, required=True)
    p.add_argument(
        "--relay", metavar="URL", help="the relay's address, e.g. https://relay.example:8443 (remembered)"
    )
    p.add_argument("--pin", help="the relay certificate's SHA-256 the office gave you (remembered)")
    p.set_defaults(handler=cmd_sync)


def register_office(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("relay-init", help="set up a relay folder and its TLS certificate; prints the pin")
    p.add_argument("--dir", type=Path, required=True)
    p.add_argument("--office-key", type=Path, required=True, help="the office.pub file")
    p.add_argument(
        "--hostname",
        action="append",
        required=True,
        help="a name or address laptops use to reach the relay (repeat for more)",
    )
    p.add_argument("--port", type=int, default=8443, help="the port serve will listen on (default 8443)")
    p.set_defaults(handler=cmd_relay_init)

    p = sub.add_parser("relay-staff", help="give a member of office staff their own relay access token")
    p.add_argument("--dir", type=Path, required=True)
    p.add_argument("--name", required=True)
    p.set_defaults(handler=cmd_relay_staff)

    p = sub.add_parser("serve", help="run the relay (HTTPS) until stopped")
    p.add_argument("--dir", type=Path, required=True)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument(
        "--storage",
        metavar="URL",
        help="keep waiting bundles in the central PostgreSQL (postgresql://…) instead of the folder",
    )
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser("sync", help="import every bundle waiting at the relay and post receipts back")
    add_central_arguments(p)
    p.add_argument("--relay", metavar="URL", required=True)
    p.add_argument("--pin", required=True, help="the relay certificate's SHA-256 (from relay-init)")
    p.add_argument(
        "--token-file",
        type=Path,
        help="your relay access token (default: the PACE_RELAY_TOKEN environment variable)",
    )
    p.set_defaults(handler=cmd_office_sync)


def cmd_sync(args: argparse.Namespace) -> int:
    from pace_desktop.cli.laptop import open_store
    from pace_desktop.sync.laptop import configure, sync

    if (args.relay is None) != (args.pin is None):
        raise UsageError("Give --relay and --pin together (both come from the office).")
    with open_store(args.store) as store:
        if args.relay:
            configure(store, args.relay, args.pin)
        try:
            result = sync(store, progress=_progress_line() if sys.stderr.isatty() else None)
        finally:
            _clear_progress_line()
        print(result.summary())
    return 0


def _progress_line():
    """Each step on one line of the terminal, written over in place ("Sending bundle 2 of 3…"). Only
    on a terminal: a script or scheduled task sees the result line alone, or the one offline line."""

    def show(step: object) -> None:
        sys.stderr.write(f"\r{step}\x1b[K")
        sys.stderr.flush()

    return show


def _clear_progress_line() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def cmd_relay_init(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from pace_desktop.exchange.officekey import read_office_key_file
    from pace_desktop.store.atomic import write_atomic
    from pace_desktop.sync.mailbox import Mailbox, RelayConfig
    from pace_desktop.sync.tls import make_certificate

    key = read_office_key_file(args.office_key)
    if key.verify_key is None or key.office_id is None:
        raise UsageError("That office.pub has no PACE-OFFICE-1 line: write it again with office init.")
    Mailbox.create(args.dir, RelayConfig(key.office_id, key.verify_key))
    pin = make_certificate(args.dir / "tls.crt", args.dir / "tls.key", args.hostname)
    # office.pub for laptops, now naming the relay: init --office-key or Settings picks it up.
    url = f"https://{args.hostname[0]}:{args.port}"
    write_atomic(
        args.dir / "office.pub", replace(key, relay_url=url, relay_pin=pin).text().encode(), mode=0o644
    )
    print(pin)
    return 0


def cmd_relay_staff(args: argparse.Namespace) -> int:
    from pace_desktop.sync.mailbox import Mailbox

    print(Mailbox(args.dir).add_staff(args.name))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from pace_desktop.sync.relay import serve

    serve(
        args.dir,
        host=args.host,
        port=args.port,
        certfile=args.dir / "tls.crt",
        keyfile=args.dir / "tls.key",
        storage=args.storage,
    )
    return 0


def cmd_office_sync(args: argparse.Namespace) -> int:
    from pace_desktop.sync.office import office_sync
    from pace_desktop.sync.transport import RelayClient

    token = (
        args.token_file.read_text(encoding="utf-8").strip()
        if args.token_file
        else os.environ.get("PACE_RELAY_TOKEN", "")
    )
    if not token:
        raise UsageError("Give your relay access token: --token-file FILE or PACE_RELAY_TOKEN.")
    client = RelayClient(args.relay, args.pin, token=token)
    # The central store file, or the central database with the file as its keyring (--keyring).
    with open_central_store(args.central, args.keyring) as central:
        result = office_sync(central, client)
    for outcome in result.results:
        print(outcome.line())
    print(result.summary())
    return 3 if any(r.verdict == "refused" for r in result.results) else 0
