<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_GB">
<context>
    <name>AttendeeImportDialog</name>
    <message numerus="yes">
        <source>&amp;Add %Ln person(s)</source>
        <translation>
            <numerusform>&amp;Add %Ln person</numerusform>
            <numerusform>&amp;Add %Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) are ready.</source>
        <translation>
            <numerusform>%Ln row is ready.</numerusform>
            <numerusform>%Ln rows are ready.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need correcting or skipping before you add them.</source>
        <translation>
            <numerusform>%Ln needs correcting or skipping before you add it.</numerusform>
            <numerusform>%Ln need correcting or skipping before you add them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln row(s) are ready.</source>
        <translation>
            <numerusform>The row is ready.</numerusform>
            <numerusform>All %Ln rows are ready.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftOffer</name>
    <message numerus="yes">
        <source>%Ln form(s) you had open when PACE Intake locked were kept. Reopen them to carry on.</source>
        <translation>
            <numerusform>A form you had open when PACE Intake locked was kept. Reopen it to carry on.</numerusform>
            <numerusform>%Ln forms you had open when PACE Intake locked were kept. Reopen them to carry on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message numerus="yes">
        <source>%Ln open for review</source>
        <translation>
            <numerusform>%Ln open for review</numerusform>
            <numerusform>%Ln open for review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventScreen</name>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needs review</source>
        <translation>
            <numerusform>%n needs review</numerusform>
            <numerusform>%n needs review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%Ln record(s) changed since the last export.</source>
        <translation>
            <numerusform>%Ln record changed since the last export.</numerusform>
            <numerusform>%Ln records changed since the last export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last export: number {sequence}, {written}, %Ln record(s) — confirmed by the office on {confirmed}.</source>
        <translation>
            <numerusform>Last export: number {sequence}, {written}, %Ln record — confirmed by the office on {confirmed}.</numerusform>
            <numerusform>Last export: number {sequence}, {written}, %Ln records — confirmed by the office on {confirmed}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last export: number {sequence}, {written}, %Ln record(s) — no receipt from the office yet.</source>
        <translation>
            <numerusform>Last export: number {sequence}, {written}, %Ln record — no receipt from the office yet.</numerusform>
            <numerusform>Last export: number {sequence}, {written}, %Ln records — no receipt from the office yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{people} (%Ln record(s)) written to {file}
in the folder {folder}</source>
        <translation>
            <numerusform>{people} (%Ln record) written to {file}
in the folder {folder}</numerusform>
            <numerusform>{people} (%Ln records) written to {file}
in the folder {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>•  %Ln person(s): {reason}</source>
        <translation>
            <numerusform>•  %Ln person: {reason}</numerusform>
            <numerusform>•  %Ln people: {reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln month</numerusform>
            <numerusform>%Ln months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due</source>
        <translation>
            <numerusform>%Ln due</numerusform>
            <numerusform>%Ln due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message numerus="yes">
        <source>{shown} of %Ln attempt(s) shown</source>
        <translation>
            <numerusform>{shown} of %Ln attempt shown</numerusform>
            <numerusform>{shown} of %Ln attempts shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message numerus="yes">
        <source>%Ln receipt(s) were written in {folder}.</source>
        <translation>
            <numerusform>%Ln receipt was written in {folder}.</numerusform>
            <numerusform>%Ln receipts were written in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln receipt(s) were written beside the bundles.</source>
        <translation>
            <numerusform>%Ln receipt was written beside the bundles.</numerusform>
            <numerusform>%Ln receipts were written beside the bundles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message numerus="yes">
        <source>%Ln accepted</source>
        <translation>
            <numerusform>%Ln accepted</numerusform>
            <numerusform>%Ln accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already had</source>
        <translation>
            <numerusform>%Ln already had</numerusform>
            <numerusform>%Ln already had</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln possible duplicate(s) listed for review.</source>
        <translation>
            <numerusform>%Ln possible duplicate listed for review.</numerusform>
            <numerusform>%Ln possible duplicates listed for review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bundle(s): {verdicts}.</source>
        <translation>
            <numerusform>%Ln bundle: {verdicts}.</numerusform>
            <numerusform>%Ln bundles: {verdicts}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KindCounts</name>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln consent answer(s)</source>
        <translation>
            <numerusform>%Ln consent answer</numerusform>
            <numerusform>%Ln consent answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln checklist(s)</source>
        <translation>
            <numerusform>%Ln checklist</numerusform>
            <numerusform>%Ln checklists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln support and referral record(s)</source>
        <translation>
            <numerusform>%Ln support and referral record</numerusform>
            <numerusform>%Ln support and referral records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outcome(s)</source>
        <translation>
            <numerusform>%Ln outcome</numerusform>
            <numerusform>%Ln outcomes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln feedback</source>
        <translation>
            <numerusform>%Ln feedback</numerusform>
            <numerusform>%Ln feedback</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln erasure(s)</source>
        <translation>
            <numerusform>%Ln erasure</numerusform>
            <numerusform>%Ln erasures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message numerus="yes">
        <source>%Ln withdrawal(s)</source>
        <translation>
            <numerusform>%Ln withdrawal</numerusform>
            <numerusform>%Ln withdrawals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln erasure(s)</source>
        <translation>
            <numerusform>%Ln erasure</numerusform>
            <numerusform>%Ln erasures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>De-identify or erase the %Ln person(s) listed? This cannot be undone. Type your passphrase to confirm.</source>
        <translation>
            <numerusform>De-identify or erase the %Ln person listed? This cannot be undone. Type your passphrase to confirm.</numerusform>
            <numerusform>De-identify or erase the %Ln people listed? This cannot be undone. Type your passphrase to confirm.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message numerus="yes">
        <source>Nothing was removed yet: confirmed records stay on this laptop for %Ln day(s), then are removed automatically.</source>
        <translation>
            <numerusform>Nothing was removed yet: confirmed records stay on this laptop for %Ln day, then are removed automatically.</numerusform>
            <numerusform>Nothing was removed yet: confirmed records stay on this laptop for %Ln days, then are removed automatically.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from this laptop, confirmed more than %Ln day(s) ago: {people} and their {records}.</source>
        <translation>
            <numerusform>Removed from this laptop, confirmed more than %Ln day ago: {people} and their {records}.</numerusform>
            <numerusform>Removed from this laptop, confirmed more than %Ln days ago: {people} and their {records}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from this laptop, confirmed more than %Ln day(s) ago: {people}.</source>
        <translation>
            <numerusform>Removed from this laptop, confirmed more than %Ln day ago: {people}.</numerusform>
            <numerusform>Removed from this laptop, confirmed more than %Ln days ago: {people}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from this laptop, confirmed more than %Ln day(s) ago: {records}.</source>
        <translation>
            <numerusform>Removed from this laptop, confirmed more than %Ln day ago: {records}.</numerusform>
            <numerusform>Removed from this laptop, confirmed more than %Ln days ago: {records}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The office sends a receipt back for each export it imports. Applying it marks those records as safely held by the office; they are removed from this laptop %Ln day(s) later, so that a lost laptop holds as little as possible. Notices from the office (consents withdrawn and people erased there) are applied here too.</source>
        <translation>
            <numerusform>The office sends a receipt back for each export it imports. Applying it marks those records as safely held by the office; they are removed from this laptop %Ln day later, so that a lost laptop holds as little as possible. Notices from the office (consents withdrawn and people erased there) are applied here too.</numerusform>
            <numerusform>The office sends a receipt back for each export it imports. Applying it marks those records as safely held by the office; they are removed from this laptop %Ln days later, so that a lost laptop holds as little as possible. Notices from the office (consents withdrawn and people erased there) are applied here too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receipt for export {sequence} applied: {confirmed} of %Ln record(s) newly confirmed by the office.</source>
        <translation>
            <numerusform>Receipt for export {sequence} applied: {confirmed} of %Ln record newly confirmed by the office.</numerusform>
            <numerusform>Receipt for export {sequence} applied: {confirmed} of %Ln records newly confirmed by the office.</numerusform>
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
<context>
    <name>SyncText</name>
    <message numerus="yes">
        <source>%Ln bundle(s)</source>
        <translation>
            <numerusform>%Ln bundle</numerusform>
            <numerusform>%Ln bundles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln office notice(s)</source>
        <translation>
            <numerusform>%Ln office notice</numerusform>
            <numerusform>%Ln office notices</numerusform>
        </translation>
    </message>
</context>
</TS>
