"""Self-check steps for the office round: office set-up, export, import, summary report, receipt."""

from __future__ import annotations

from typing import Any

from pace_desktop.exchange.export import export_bundle
from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
from pace_desktop.exchange.receipt import apply_receipt
from pace_desktop.office.central import init_office, open_central
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundles


def office_init(ctx: Any) -> None:
    """Create a central store and give its office.pub to the laptop store."""
    made = init_office(
        ctx.workdir / "central.store",
        staff="Self Check Office",
        passphrase=ctx.passphrase,
        out_dir=ctx.workdir,
    )
    install_office_key(ctx.values["store"], read_office_key_file(made.office_pub), check_policy=False)
    ctx.values["central"] = made.central


def export(ctx: Any) -> None:
    (ctx.workdir / "outbox").mkdir()
    result = export_bundle(ctx.values["store"], ctx.workdir / "outbox")
    if result.path is None or result.counts.get("client") != 1:
        raise RuntimeError("the export did not carry the registered client")
    ctx.values["bundle"] = result.path


def office_import(ctx: Any) -> None:
    with open_central(ctx.values["central"], ctx.passphrase) as central:
        enrol_device(central, ctx.values["store"].device_key().text())
        results = import_bundles(central, [ctx.values["bundle"]])
        if [r.verdict for r in results] != ["accepted"] or results[0].receipt_path is None:
            raise RuntimeError("the office did not accept the bundle")
        if central.clients.get(ctx.values["client"].id) is None:
            raise RuntimeError("the client did not arrive in the central store")
    ctx.values["receipt"] = results[0].receipt_path


def report(ctx: Any) -> None:
    """Write the office summary workbook (openpyxl, charts) and check it is a real, non-empty file."""
    from pace_desktop.reports.report import write_report

    out = ctx.workdir / "summary.xlsx"
    with open_central(ctx.values["central"], ctx.passphrase) as central:
        write_report(central, "summary", out)
    if not out.exists() or out.read_bytes()[:2] != b"PK":
        raise RuntimeError("the summary workbook was not written")


def receipt(ctx: Any) -> None:
    result = apply_receipt(ctx.values["store"], ctx.values["receipt"])
    if result.confirmed < 1:
        raise RuntimeError("the receipt confirmed nothing")
