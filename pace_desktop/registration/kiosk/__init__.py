"""The kiosk's self-registration flow without Qt: its pages, what each asks, the checks, and the saving.

A member of the public answers one question per page (GOV.UK form patterns). The kiosk window shows
the pages defined in ``pages``, hands each page's answers to ``flow.KioskFlow.advance`` (which checks
them with ``checks``) and at the end runs ``saving.submit`` on the worker thread, which writes one new
client, flagged for an adviser's review, in one transaction, and reads nothing back. ``mode`` audits
starting and leaving kiosk mode and slows guessing at the adviser's passphrase.

Every string a person sees is English source text, marked with ``translation.mark`` (or read from the
data files), that the window translates in the ``kiosk`` context; messages built here take a ``tr``
function for the same reason.
"""
