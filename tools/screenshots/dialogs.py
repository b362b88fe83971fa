"""Screenshots of the client record and the attendee import for the documentation.

``render_screenshots(session, event, out_dir)`` is called by ``tools.screenshots`` with an
unlocked throwaway demo store. It opens the dialogs offscreen on fictional people, adds a referral and
an attendee list of its own (fictional too), writes one PNG per view and returns their paths.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pace_desktop.records.models import Client, Event, Intervention, InterventionStatus
from pace_desktop.ui.dialogs.attendee_import import AttendeeImportDialog
from pace_desktop.ui.dialogs.client_record import ClientRecordDialog
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.fit import fit_to_screen

SIZE = (1180, 740)  # fits a 1366x768 laptop screen with its task bar


def _settle(session: Session) -> None:
    for _ in range(5):
        session.worker.wait()
        QCoreApplication.processEvents()
        if not session.worker.busy:
            break
    for _ in range(3):
        QCoreApplication.processEvents()


def _save(widget: QWidget, session: Session, out_dir: Path, name: str) -> Path:
    _settle(session)
    path = out_dir / f"{name}.png"
    from tools.screenshots import grab_to

    grab_to(widget, path)
    return path


def _pick_client(session: Session, event: Event) -> Client | None:
    """A person at the event with a high band and a sharing consent, to show the most."""
    store = session.store
    best: tuple[int, Client] | None = None
    for client in store.clients.for_parent(event.id):
        checklists = store.checklists.for_parent(client.id)
        band = checklists[-1].effective_band if checklists else None
        shares = any(
            c.active and c.purpose.startswith("share_") for c in store.consents.for_parent(client.id)
        )
        rank = {"high": 3, "medium": 2, "low": 1}.get(band or "", 0) * 2 + int(shares)
        if best is None or rank > best[0]:
            best = (rank, client)
    return best[1] if best else None


def _client_record(session: Session, event: Event, out_dir: Path) -> list[Path]:
    client = _pick_client(session, event)
    if client is None:
        return []
    store = session.store
    if not store.interventions.for_parent(client.id):
        store.interventions.add(
            Intervention(
                client_id=client.id,
                service="employability_advice",
                partner="SDS",
                date=event.event_date,
                status=InterventionStatus.attended,
                minutes=30,
                note="CV review and job search plan",
            )
        )
    dialog = ClientRecordDialog(session, event, client)
    fit_to_screen(dialog, *SIZE)
    dialog.show()
    shots = [_save(dialog, session, out_dir, "client-details")]
    dialog.tabs.setCurrentWidget(dialog.consent)
    shots.append(_save(dialog, session, out_dir, "client-consent"))
    dialog.tabs.setCurrentWidget(dialog.checklist)
    shots.append(_save(dialog, session, out_dir, "client-checklist"))
    dialog.tabs.setCurrentWidget(dialog.support)
    support = dialog.support
    support.partner.setCurrentIndex(support.partner.findData("ACAS"))
    support.referral_requested.emit(
        {
            "partner": "ACAS",
            "service": support.service.currentData(),
            "date": date.today(),
            "status": "referred",
            "minutes": 0,
            "note": "",
        }
    )
    shots.append(_save(dialog, session, out_dir, "client-support-refused"))
    dialog.tabs.setCurrentWidget(dialog.history)
    shots.append(_save(dialog, session, out_dir, "client-history"))
    dialog.done(0)

    new = ClientRecordDialog(session, event)
    fit_to_screen(new, *SIZE)
    new.show()
    details = new.details
    for name, text in (
        ("first_name", "Catrìona"),
        ("last_name", "MacAoidh"),
        ("date_of_birth", "14/3/1971"),
        ("postcode", "PA15 1A"),
        ("phone", "07700 900123"),
        ("ni_number", "QQ 12 34 56 E"),
    ):
        details.editors[name].setText(text)
        details.touched.add(name)
    details.changed.emit()
    new.save()  # refused: the error summary at the top lists each problem
    shots.append(_save(new, session, out_dir, "client-new-errors"))
    new.done(0)
    return shots


def _staff_list(path: Path) -> Path:
    """An employer's list as they arrive: a merged title, headings on row 4, dates three ways."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "At risk"
    ws["A1"] = "Lomond Print Works: staff at risk of redundancy"
    ws.merge_cells("A1:F1")
    ws["A2"] = "Prepared by HR, confidential"
    rows = [
        ("Employee name", "D.O.B.", "Post code", "NI No.", "Job title", "Staff no"),
        ("MacLeod, Ewan", "03/11/1975", "G82 1AA", "AB 12 34 56 C", "Press operator", 1101),
        ("Kirsty Robertson", datetime(1980, 5, 2), "G82 2BB", None, "Finisher", 1102),
        ("Zofia Wójcik", 27336, "G83 9QQ", None, "Press operator", 1103),
        ("Seonag Caimbeul", "31/02/1990", "G82 3DD", None, "Administrator", 1104),
        ("Imran Siddiqui", "12 March 1969", "G82", None, "Driver", 1105),
        ("Duncan Murray", "1961-07-20", "G84 7EE", "CE 12 34 56 A", "Supervisor", 1106),
    ]
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def _attendee_import(session: Session, event: Event, out_dir: Path) -> list[Path]:
    with tempfile.TemporaryDirectory(prefix="pace-list-") as tmp:
        path = _staff_list(Path(tmp) / "lomond-staff.xlsx")
        dialog = AttendeeImportDialog(session, event)
        fit_to_screen(dialog, *SIZE)
        dialog.show()
        dialog.path.setText(str(path))
        dialog.choose_file(str(path))
        shots = [_save(dialog, session, out_dir, "attendee-import-file")]
        dialog.next()
        _settle(session)
        shots.append(_save(dialog, session, out_dir, "attendee-import-columns"))
        dialog.next()
        _settle(session)
        shots.append(_save(dialog, session, out_dir, "attendee-import-check"))
        dialog.done(0)
    return shots


def render_screenshots(session: Session, event: Any, out_dir: Path) -> list[Path]:
    """Write the client record and attendee import screenshots to ``out_dir``; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = _client_record(session, event, out_dir)
    shots += _attendee_import(session, event, out_dir)
    return shots
