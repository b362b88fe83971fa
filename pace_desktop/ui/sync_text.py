"""What a network sync says on the screens, in the reader's language: each step as it starts and the
result. The core's ``SyncStep`` and ``SyncResult`` (``sync/laptop.py``) carry the numbers; their
English text is the command line's. Counts use Qt's plural forms, so "1 bundle" and "3 bundles" (and
Polish's and Gaelic's several forms) come from the catalogue, not from an English '(s)'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pace_desktop.ui import i18n

if TYPE_CHECKING:
    from pace_desktop.sync.laptop import SyncResult, SyncStep


class SyncText(QObject):
    """The translation context (``SyncText``) of a sync's words; holds nothing."""

    def step(self, step: SyncStep) -> str:
        if step.kind == "making":
            return self.tr("Making the bundle…")
        if step.kind == "fetching":
            return self.tr("Fetching receipts…")
        if step.kind == "sending":
            text = self.tr("Sending bundle {number} of {total}…")
        else:
            text = self.tr("Applying office file {number} of {total}…")
        return text.format(number=i18n.number(step.number), total=i18n.number(step.total))

    def result(self, result: SyncResult) -> str:
        bundles = self.tr("%Ln bundle(s)", "", result.sent)
        records = self.tr("%Ln record(s)", "", result.confirmed)
        if result.notices:
            notices = self.tr("%Ln office notice(s)", "", result.notices)
            text = self.tr("{bundles} sent, {records} confirmed by the office, {notices} applied.")
            return text.format(bundles=bundles, records=records, notices=notices)
        text = self.tr("{bundles} sent, {records} confirmed by the office.")
        return text.format(bundles=bundles, records=records)


def step_text(step: SyncStep) -> str:
    """ "Sending bundle 2 of 3…", translated."""
    return SyncText().step(step)


def result_text(result: SyncResult) -> str:
    """ "3 bundles sent, 412 records confirmed by the office.", translated."""
    return SyncText().result(result)
