"""Screenshots of the office mode and the laptop's export and receipt dialogs, for the documentation.

``render_screenshots(out_dir)`` builds a throwaway world in a temporary folder — a central store,
two laptops of fictional people, their bundles — drives the real windows offscreen, writes one PNG
per screen (``office-NN-<name>.png``) and returns their paths. Nothing leaves the temporary folder.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

SIZE = (1366, 768)
STAFF = "Morven Douglas"
PASSPHRASE = "lantern thistle copper nine"  # noqa: S105 - a throwaway store of fictional people
SHARED_NI = "JT654321B"


def _settle(session: Any = None) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(6):
        if session is not None:
            session.worker.wait()
        QCoreApplication.processEvents()
    for _ in range(3):
        app.processEvents()


def _save(widget: QWidget, out_dir: Path, name: str, session: Any = None) -> Path:
    _settle(session)
    path = out_dir / f"{name}.png"
    from tools.screenshots import grab_to

    grab_to(widget, path)
    return path


def _laptop(
    folder: Path,
    pub: Path,
    name: str,
    clients: int,
    seed: int,
    extra: list[tuple[str, str, str | None, bool | None]],
) -> Path:
    """A laptop store with demo people, plus ``extra`` (first, last, NI, PACE consent) people."""
    from pace_desktop.demo import make_client, make_event
    from pace_desktop.demo import seed as seed_demo
    from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
    from pace_desktop.records.models import CaptureMethod
    from pace_desktop.records.pace_id import new_pace_id
    from pace_desktop.registration import build_checklist, build_consents
    from pace_desktop.store.store import Store

    folder.mkdir(parents=True)
    path = folder / "laptop.store"
    with Store.create(path, adviser="Ailsa MacRae", passphrase=PASSPHRASE, device_name=name) as store:
        install_office_key(store, read_office_key_file(pub))
        seed_demo(store, events=2, clients=clients, rng_seed=seed)
        rng = random.Random(seed)  # noqa: S311 - fictional people
        event = store.events.add(make_event(rng, date.today() - timedelta(days=3)))
        for first, last, ni, support in extra:
            client = make_client(rng, event, new_pace_id()).model_copy(
                update={
                    "first_name": first,
                    "last_name": last,
                    "ni_number": ni,
                    "date_of_birth": date(1972, 4, 9),
                }
            )
            choices = {} if support is None else {"pace_support": support}
            consents = build_consents(choices, how=CaptureMethod.with_adviser, by=store.actor)
            store.register(client, consents, build_checklist({}, client=client, event=event))
    return path


def _world(root: Path) -> dict[str, Any]:
    from pace_desktop.exchange.export import export_bundle
    from pace_desktop.office.central import init_office
    from pace_desktop.store.store import Store

    (root / "office").mkdir()
    made = init_office(
        root / "office" / "central.store", staff=STAFF, passphrase=PASSPHRASE, out_dir=root / "office"
    )
    one = _laptop(
        root / "one",
        made.office_pub,
        "Glasgow laptop 3",
        46,
        11,
        [
            ("Catrìona", "MacAskill", SHARED_NI, True),
            ("Tomasz", "Kowalczyk", None, False),
            ("Iain", "Fraser", None, None),
        ],
    )
    two = _laptop(
        root / "two",
        made.office_pub,
        "Inverclyde laptop 1",
        28,
        12,
        [("Catriona", "Macaskill", SHARED_NI, True)],
    )
    fresh = root / "fresh"
    fresh.mkdir()
    for suffix in ("", ".keys", ".unlock", "-wal", "-shm"):
        source = Path(str(one) + suffix)
        if source.exists():
            shutil.copy2(source, str(fresh / "laptop.store") + suffix)
    outbox = root / "outbox"
    outbox.mkdir()
    bundles, keys = [], []
    for laptop in (one, two):
        with Store.open(laptop, PASSPHRASE) as store:
            keys.append(store.device_key().text())
            result = export_bundle(store, outbox)
            assert result.path is not None
            bundles.append(result.path)
    return {
        "central": made.central,
        "pub": made.office_pub,
        "one": one,
        "fresh": fresh / "laptop.store",
        "bundles": bundles,
        "keys": keys,
    }


def _office_shots(root: Path, world: dict[str, Any], out_dir: Path) -> list[Path]:
    from pace_desktop.ui.office.session import CentralSession
    from pace_desktop.ui.office.window import OfficeWindow

    shots: list[Path] = []
    setup_session = CentralSession(root / "new" / "central.store")
    window = OfficeWindow(session=setup_session)
    from pace_desktop.ui.widgets.fit import fit_to_screen

    fit_to_screen(window, *SIZE)
    window.show()
    setup = window.setup
    setup.name.setText(STAFF)
    setup.passphrase.setText(PASSPHRASE)
    setup.confirm.setText(PASSPHRASE)
    setup.folder.set_path(Path.home() / "Documents")  # shown only: the store is not created here
    setup.name.setFocus()
    shots.append(_save(window, out_dir, "office-01-set-up"))
    window.close()

    session = CentralSession(world["central"])
    window = OfficeWindow(session=session)
    from pace_desktop.ui.widgets.fit import fit_to_screen

    fit_to_screen(window, *SIZE)
    window.show()
    shots.append(_save(window, out_dir, "office-02-unlock"))
    session.unlock(PASSPHRASE)
    _settle(session)
    home = window.home
    assert home is not None

    devices = home.devices
    home.tabs.setCurrentWidget(devices)
    devices.key.setText(world["keys"][0])
    devices.enrol()
    _settle(session)
    devices.key.setText(world["keys"][1])
    shots.append(_save(window, out_dir, "office-03-devices", session))
    devices.key.clear()

    inbox = root / "inbox"
    inbox.mkdir()
    good = Path(shutil.copy2(world["bundles"][0], inbox))
    again = Path(shutil.copy2(good, inbox / good.name.replace(".pacebundle", " (1).pacebundle")))
    unknown = Path(shutil.copy2(world["bundles"][1], inbox))
    damaged = inbox / "PACE-from-email-attachment.pacebundle"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    page = home.import_page
    home.tabs.setCurrentWidget(page)
    page.add_paths([good, again, unknown, damaged])
    shots.append(_save(window, out_dir, "office-04-import-chosen", session))
    page.start_import()
    _settle(session)
    shots.append(_save(window, out_dir, "office-05-import-results", session))
    page.add_paths([unknown])
    page.trust.setChecked(True)
    shots.append(_save(window, out_dir, "office-06-import-trust-new-laptops", session))
    page.start_import()
    _settle(session)

    home.tabs.setCurrentWidget(home.history)
    _settle(session)
    home.history.view.selectRow(2)
    shots.append(_save(window, out_dir, "office-07-import-history", session))

    home.tabs.setCurrentWidget(home.duplicates)
    _settle(session)
    home.duplicates.view.selectRow(0)
    _settle(session)
    shots.append(_save(window, out_dir, "office-08-duplicates", session))

    reports = home.reports
    home.tabs.setCurrentWidget(reports)
    reports.kind.setCurrentIndex(reports.kind.findData("summary"))
    reports.out.set_path(root / "office" / f"pace-summary-{date.today():%Y-%m-%d}.xlsx")
    reports.write()
    _settle(session)
    shots.append(_save(window, out_dir, "office-09-reports", session))

    shots += _rights_shots(root, window, session, out_dir)

    home.tabs.setCurrentWidget(home.key)
    home.key.pub_folder.set_path(root / "office")
    home.key.backup_file.set_path(root / "office" / "office-identity.txt")
    shots.append(_save(window, out_dir, "office-12-office-key", session))

    session.lock()
    _settle(session)
    window.close()
    return shots


def _rights_shots(root: Path, window: Any, session: Any, out_dir: Path) -> list[Path]:
    """The Partners and People's rights tabs, when this copy of the app has them."""
    import pyrage

    from pace_desktop.store import demo_data

    home = window.home
    pages = {type(p).__name__: p for p in home.pages}
    shots: list[Path] = []
    partners = pages.get("PartnersPage")
    if partners is not None:
        home.tabs.setCurrentWidget(partners)
        _settle(session)
        codes = [p.code for p in partners.partners]
        partners.view.selectRow(codes.index("DWP") if "DWP" in codes else 0)
        _settle(session)
        partners.recipient.setText(str(pyrage.x25519.Identity.generate().to_public()))
        partners.save_setup()
        _settle(session)
        # No request is written without a data-sharing agreement in force (issue 20).
        partners.tabs.setCurrentIndex(1)
        today = date.today()
        partners.reference.setText("DSA-2026-014")
        partners.legal_basis.setText("UK GDPR Article 6(1)(a): the person's consent")
        partners.scope.setText("PACE clients who agreed to sharing with DWP: NI number; outcomes returned")
        partners.start.setText((today - timedelta(days=200)).isoformat())
        partners.review.setText((today + timedelta(days=530)).isoformat())
        partners.save_agreement()
        _settle(session)
        partners.tabs.setCurrentIndex(2)
        partners.request_folder.set_path(root / "office")
        partners.write_request()
        _settle(session)
        shots.append(_save(window, out_dir, "office-10-partners-request", session))
    rights = pages.get("PrivacyPage")
    if rights is not None:
        home.tabs.setCurrentWidget(rights)
        pace_id = demo_data.first_pace_id_with_ni(session.store.db, SHARED_NI)
        pace_id = pace_id or demo_data.any_pace_id(session.store.db)
        rights.find_edit.setText(pace_id)
        rights.find()
        _settle(session)
        rights.consents_view.selectRow(0)
        shots.append(_save(window, out_dir, "office-11-peoples-rights", session))
    return shots


def _laptop_shots(root: Path, world: dict[str, Any], out_dir: Path) -> list[Path]:
    from pace_desktop.office.central import open_central
    from pace_desktop.office.importer import import_bundle
    from pace_desktop.store.store import Store
    from pace_desktop.ui.dialogs.export_dialog import ExportDialog
    from pace_desktop.ui.dialogs.receipt_dialog import ReceiptDialog
    from pace_desktop.ui.session import Session

    shots: list[Path] = []
    session = Session(world["fresh"])
    session.unlock(PASSPHRASE)
    usb = root / "USB stick"
    usb.mkdir()
    dialog = ExportDialog(session)
    dialog.folder.set_path(usb)
    dialog.show()
    _settle(session)
    dialog.adjustSize()
    shots.append(_save(dialog, out_dir, "office-13-export", session))
    dialog.start()
    _settle(session)
    dialog.adjustSize()
    shots.append(_save(dialog, out_dir, "office-14-export-summary", session))
    dialog.done(0)
    session.lock()

    bare = root / "bare"
    bare.mkdir()
    Store.create(
        bare / "laptop.store", adviser="Ailsa MacRae", passphrase=PASSPHRASE, device_name="New laptop"
    ).close()
    session = Session(bare / "laptop.store")
    session.unlock(PASSPHRASE)
    dialog = ExportDialog(session)
    dialog.folder.set_path(usb)
    dialog.show()
    _settle(session)
    dialog.adjustSize()
    shots.append(_save(dialog, out_dir, "office-15-export-no-office-key", session))
    dialog.done(0)
    session.lock()

    receipts = root / "receipts"
    receipts.mkdir()
    with open_central(world["central"], PASSPHRASE) as central:
        receipt = import_bundle(central, world["bundles"][0], receipts_dir=receipts).receipt_path
    session = Session(world["one"])
    session.unlock(PASSPHRASE)
    dialog = ReceiptDialog(session)
    dialog.resize(900, 560)
    dialog.show()
    _settle(session)
    dialog.file.set_path(receipt)
    dialog.apply()
    _settle(session)
    shots.append(_save(dialog, out_dir, "office-16-receipt-applied", session))
    dialog.done(0)
    session.lock()
    return shots


def render_screenshots(out_dir: Path) -> list[Path]:
    """Render the office screens and the export and receipt dialogs; returns the PNG paths."""
    from pace_desktop.ui.app import application

    application()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pace-office-shots-") as tmp:
        root = Path(tmp)
        world = _world(root)
        return _office_shots(root, world, out_dir) + _laptop_shots(root, world, out_dir)


if __name__ == "__main__":
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for shot in render_screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        sys.stdout.write(f"{shot}\n")
