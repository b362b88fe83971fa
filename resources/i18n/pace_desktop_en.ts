<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_GB">
<context>
    <name>DraftOffer</name>
    <message numerus="yes">
        <source>%n form(s) you had open when PACE Intake locked were kept. Reopen them to carry on.</source>
        <translation>
            <numerusform>A form you had open when PACE Intake locked was kept. Reopen it to carry on.</numerusform>
            <numerusform>%n forms you had open when PACE Intake locked were kept. Reopen them to carry on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message numerus="yes">
        <source>%n open for review</source>
        <translation>
            <numerusform>%n open for review</numerusform>
            <numerusform>%n open for review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n record(s) changed since the last export.</source>
        <translation>
            <numerusform>%n record changed since the last export.</numerusform>
            <numerusform>%n records changed since the last export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last export: number {sequence}, {written}, %n record(s) — confirmed by the office on {confirmed}.</source>
        <translation>
            <numerusform>Last export: number {sequence}, {written}, %n record — confirmed by the office on {confirmed}.</numerusform>
            <numerusform>Last export: number {sequence}, {written}, %n records — confirmed by the office on {confirmed}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last export: number {sequence}, {written}, %n record(s) — no receipt from the office yet.</source>
        <translation>
            <numerusform>Last export: number {sequence}, {written}, %n record — no receipt from the office yet.</numerusform>
            <numerusform>Last export: number {sequence}, {written}, %n records — no receipt from the office yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{people} (%n record(s)) written to {file}
in the folder {folder}</source>
        <translation>
            <numerusform>{people} (%n record) written to {file}
in the folder {folder}</numerusform>
            <numerusform>{people} (%n records) written to {file}
in the folder {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>•  %n person(s): {reason}</source>
        <translation>
            <numerusform>•  %n person: {reason}</numerusform>
            <numerusform>•  %n people: {reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n due</numerusform>
            <numerusform>%n due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message numerus="yes">
        <source>{shown} of %n attempt(s) shown</source>
        <translation>
            <numerusform>{shown} of %n attempt shown</numerusform>
            <numerusform>{shown} of %n attempts shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message numerus="yes">
        <source>%n receipt(s) were written in {folder}.</source>
        <translation>
            <numerusform>%n receipt was written in {folder}.</numerusform>
            <numerusform>%n receipts were written in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) were written beside the bundles.</source>
        <translation>
            <numerusform>%n receipt was written beside the bundles.</numerusform>
            <numerusform>%n receipts were written beside the bundles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message numerus="yes">
        <source>%n accepted</source>
        <translation>
            <numerusform>%n accepted</numerusform>
            <numerusform>%n accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already had</source>
        <translation>
            <numerusform>%n already had</numerusform>
            <numerusform>%n already had</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s) listed for review.</source>
        <translation>
            <numerusform>%n possible duplicate listed for review.</numerusform>
            <numerusform>%n possible duplicates listed for review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s): {verdicts}.</source>
        <translation>
            <numerusform>%n bundle: {verdicts}.</numerusform>
            <numerusform>%n bundles: {verdicts}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KindCounts</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent answer(s)</source>
        <translation>
            <numerusform>%n consent answer</numerusform>
            <numerusform>%n consent answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checklist(s)</source>
        <translation>
            <numerusform>%n checklist</numerusform>
            <numerusform>%n checklists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n support and referral record(s)</source>
        <translation>
            <numerusform>%n support and referral record</numerusform>
            <numerusform>%n support and referral records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outcome(s)</source>
        <translation>
            <numerusform>%n outcome</numerusform>
            <numerusform>%n outcomes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feedback</source>
        <translation>
            <numerusform>%n feedback</numerusform>
            <numerusform>%n feedback</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n erasure(s)</source>
        <translation>
            <numerusform>%n erasure</numerusform>
            <numerusform>%n erasures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message numerus="yes">
        <source>%n withdrawal(s)</source>
        <translation>
            <numerusform>%n withdrawal</numerusform>
            <numerusform>%n withdrawals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n erasure(s)</source>
        <translation>
            <numerusform>%n erasure</numerusform>
            <numerusform>%n erasures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>De-identify or erase the %n person(s) listed? This cannot be undone. Type your passphrase to confirm.</source>
        <translation>
            <numerusform>De-identify or erase the %n person listed? This cannot be undone. Type your passphrase to confirm.</numerusform>
            <numerusform>De-identify or erase the %n people listed? This cannot be undone. Type your passphrase to confirm.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message numerus="yes">
        <source>Nothing was removed yet: confirmed records stay on this laptop for %n day(s), then are removed automatically.</source>
        <translation>
            <numerusform>Nothing was removed yet: confirmed records stay on this laptop for %n day, then are removed automatically.</numerusform>
            <numerusform>Nothing was removed yet: confirmed records stay on this laptop for %n days, then are removed automatically.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from this laptop, confirmed more than %n day(s) ago: {people} and their {records}.</source>
        <translation>
            <numerusform>Removed from this laptop, confirmed more than %n day ago: {people} and their {records}.</numerusform>
            <numerusform>Removed from this laptop, confirmed more than %n days ago: {people} and their {records}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from this laptop, confirmed more than %n day(s) ago: {people}.</source>
        <translation>
            <numerusform>Removed from this laptop, confirmed more than %n day ago: {people}.</numerusform>
            <numerusform>Removed from this laptop, confirmed more than %n days ago: {people}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from this laptop, confirmed more than %n day(s) ago: {records}.</source>
        <translation>
            <numerusform>Removed from this laptop, confirmed more than %n day ago: {records}.</numerusform>
            <numerusform>Removed from this laptop, confirmed more than %n days ago: {records}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The office sends a receipt back for each export it imports. Applying it marks those records as safely held by the office; they are removed from this laptop %n day(s) later, so that a lost laptop holds as little as possible. Notices from the office (consents withdrawn and people erased there) are applied here too.</source>
        <translation>
            <numerusform>The office sends a receipt back for each export it imports. Applying it marks those records as safely held by the office; they are removed from this laptop %n day later, so that a lost laptop holds as little as possible. Notices from the office (consents withdrawn and people erased there) are applied here too.</numerusform>
            <numerusform>The office sends a receipt back for each export it imports. Applying it marks those records as safely held by the office; they are removed from this laptop %n days later, so that a lost laptop holds as little as possible. Notices from the office (consents withdrawn and people erased there) are applied here too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receipt for export {sequence} applied: {confirmed} of %n record(s) newly confirmed by the office.</source>
        <translation>
            <numerusform>Receipt for export {sequence} applied: {confirmed} of %n record newly confirmed by the office.</numerusform>
            <numerusform>Receipt for export {sequence} applied: {confirmed} of %n records newly confirmed by the office.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation>
            <numerusform> minute</numerusform>
            <numerusform> minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> second(s)</source>
        <translation>
            <numerusform> second</numerusform>
            <numerusform> seconds</numerusform>
        </translation>
    </message>
</context>
</TS>
