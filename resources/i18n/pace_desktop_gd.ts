<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="gd_GB">
<context>
    <name>AddAdviserDialog</name>
    <message>
        <source>Add an adviser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new adviser chooses their own passphrase and types it here. Then type yours to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add adviser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adviser&apos;s &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one you unlocked with, to confirm it is you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the adviser&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>PACE Intake</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendeeImportDialog</name>
    <message>
        <source>Staff lists (*.xlsx *.xlsm *.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import attendee list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-register the people on the employer&apos;s list of affected staff. Choose the Excel workbook (.xlsx) or CSV file the employer sent. Nothing is saved until you confirm, and you can correct or skip any row first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the file&apos;s path, or choose Browse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;heet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worksheet that holds the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists as employers send them are fine: a title above the headings, merged cells, dates typed in any usual way or stored as dates, blank rows, and whole names in one column. Password-protected workbooks and the old .xls format need saving as .xlsx first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the staff list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the rows of the staff list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check which field each column fills. Columns set to &quot;Don&apos;t import&quot; are left out. A column holding whole names is split into first and last names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Headings are on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row with the column headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the first {0} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field for the column {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{heading}
→ {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{heading}
(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every row of the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows that need attention are listed with their row number in the spreadsheet. Correct a cell by selecting it and pressing F2 (or double-clicking), or tick Skip to leave the row out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows that need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip every row with a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving every row at once…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They appear in the event&apos;s list. Take each person&apos;s consent and checklist when you meet them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} added, {1} skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0} of 4 · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next: match the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next: check the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %Ln person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) are ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need correcting or skipping before you add them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Check the rows marked in yellow, then add them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %Ln row(s) are ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong reading or saving the list: nothing was saved. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoSync</name>
    <message>
        <source>Sending to the office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the office did not finish: everything stays queued for the next try.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your current passphrase, then the new one twice. Other advisers&apos; passphrases do not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not your current passphrase: try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>Strength of evidence: {0} of 3 stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council area where the person &amp;lives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts as the event&apos;s area; change it if the person lives elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk of long-term unemployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For triage only: the band never decides whether someone gets help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adviser&apos;s judgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Band to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a band and type a reason to save an override.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band set to {0} by {1} on {2}: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked out from the date of birth, on the Details tab (not given yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age {0} at the event, worked out from the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} risk (adviser override)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What counted&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer has raised the risk so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every question is answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area unemployment figures from {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceGroup</name>
    <message>
        <source>{answer}, {question}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientRecordDialog</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted at the kiosk — check and confirm. Go through each tab with the person, correct anything wrong, then confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE ID {0}   ·   {1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record could not be read: lock and unlock, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a consent: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the risk checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a referral: {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added from the employer&apos;s list of affected staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the client record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct the details marked in red on the Details tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirm the date of birth on the Details tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record the person&apos;s yes to the first question on the Consent tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To save: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record could not be saved: nothing was changed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the date of birth with the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the person&apos;s answer to the first question on the Consent tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That could not be saved: nothing was changed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the client first, then add referrals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person&apos;s yes to sharing with {0} is not saved yet: save the record first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not referred: the person has not agreed to share their details with {0}. Ask them, and record their answer on the Consent tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band set to {0}: {1} (saved with the record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have changed this record. Save the changes before leaving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientsModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NI number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered at the kiosk: check the details with the person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <source>Read the privacy notice with the person, then ask each question. Record their answer; nothing is chosen for them. They can change their mind at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy notice version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read the privacy notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask this question first: without a yes, SDS cannot keep the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person said no, so SDS cannot keep a record for them. Give today&apos;s advice without registering them, and close without saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy notice, version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>Enter a real date, like 03/11/1975 (day/month/year).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number of years, like 4 or 12.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mr, Mrs, Ms, Mx, Dr or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;eferred name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the person likes to be called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day, month, year: for example 12 3 1968, 12/03/1968 or 12031968</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gender (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;isability (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health information: record it only with the person&apos;s explicit agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Postcode (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example G51 4XY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example 07700 900123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mail (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;National Insurance number (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like QQ 12 34 56 C; leave blank if the person does not have it to hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job and redundancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job title (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employment stat&amp;us (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of ser&amp;vice in years (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example 12.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noti&amp;ce date (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day/month/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpected leaving date (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redundancy pa&amp;y (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the person&apos;s redundancy pay stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wants money advice (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice on money, debt or what to do with redundancy pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE c&amp;riteria (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the person qualifies for PACE support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have checked this date of birth with the person and it is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualifies for PACE support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles are accepted only from laptops enrolled here. To enrol a laptop, the adviser sends its device key: the one line, starting PACE-DEVICE-1, that &apos;pace-desktop device-key&apos; shows on that laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol a laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE-DEVICE-1 LT… or the path of a file holding it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the key came from the adviser you expect (for example by reading the fingerprint back to them by phone) before enrolling it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled laptops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retire laptop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire a laptop that is lost, stolen or handed back: its bundles are refused from then on. Enrolling its key again undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled by its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted on its first bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: retired {0} by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled laptops ({0}, {1} retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled laptops ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The laptops could not be read: lock and unlock, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the device key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the laptop&apos;s device key, or choose its file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop {0} was enrolled (key fingerprint {1}): its bundles will now be accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop {0} was already enrolled with this key: nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The laptop was not enrolled: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire laptop {0}? Bundles it signs will be refused from now on, including any not yet imported. Type your passphrase to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop {0} was retired: its bundles are refused from now on. To undo it, enrol its key again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftOffer</name>
    <message>
        <source>&amp;Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln form(s) you had open when PACE Intake locked were kept. Reopen them to carry on.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NI number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no longer held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{employer}, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records from different laptops that may be the same person: the same National Insurance number, or the same name and date of birth. PACE Intake never merges them. Compare each pair; if it is one person, put the records right where they are kept, then mark the pair as reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the selected pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as re&amp;viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is one person and the records were put right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln open for review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The list could not be read or changed: lock and unlock, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where and when the event is. Fields marked optional can be left blank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a council area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site &amp;address (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site &amp;postcode (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example G51 2AB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Council area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example Manufacturing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day/month/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type of event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;HR1 reference (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference on the employer&apos;s HR1 form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number of people affected (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The employer&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept with the employer and used again for its next events. All optional: fill in what the employer&apos;s HR1 form and HR contact tell you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ites (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One site a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;R1 date (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First proposed dismissal (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last proposed dismissal (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed red&amp;undancies (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emplo&amp;yees at the site (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reas&amp;on for the redundancies (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR contact&apos;s na&amp;me (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR contact&apos;s phone num&amp;ber (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR contact&apos;s e-mail (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored employer: changes to its details apply to all its events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new employer: its details are kept for its next events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the employer&apos;s name, or pick one already stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the council area from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event could not be saved: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have changed this event. Leave without saving?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventScreen</name>
    <message>
        <source>All &amp;events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all events (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import attendee list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit e&amp;vent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, PACE ID, NI number or postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients at this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} people affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR1 ref. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clients could not be read: lock and unlock, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}  ·  {1} high risk  ·  {2} not exported  ·  {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needs review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No clients yet. Register one with New client, or import the attendee list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients whose risk band is High</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support and referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No office key is set on this laptop, so nothing can be exported: add the office.pub file from the office in Settings, then export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes one encrypted file holding every record that is new or changed since the last export, for people who agreed to PACE support. Only the office can open it — not even this laptop. Send the file to the office as you usually do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking what there is to send…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your organisation&apos;s IT policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also send &amp;again what the office has not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this when an earlier export was lost or refused: the office keeps only one copy of each record, so sending twice is harmless.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{people} (%Ln record(s)) written to {file}
in the folder {folder}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>•  %Ln person(s): {reason}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Next: send this file to the office. When the office sends back a receipt, apply it with Apply office file… so that sent records can be removed from this laptop after the retention period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop has not exported anything yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) changed since the last export.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last export: number {sequence}, {written}, %Ln record(s) — confirmed by the office on {confirmed}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last export: number {sequence}, {written}, %Ln record(s) — no receipt from the office yet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an existing folder, e.g. a USB stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export did not finish: nothing was marked as sent. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held back by consent (they stay on this laptop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every record on this laptop has already been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their records are sent once PACE support consent is recorded for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to PACE Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up this laptop in three short steps. Everything you record is kept encrypted on this laptop until you export it to the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will type this passphrase each time you unlock. A few ordinary words together are easy to remember and hard to guess, for example &apos;kettle harbour violet seven&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 12 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this laptop a name the office will recognise on the bundles it sends, such as &apos;Glasgow laptop 3&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Laptop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office gives each laptop a file called office.pub. Exports are encrypted to it, so only the office can read them. If you do not have it yet, leave this blank and add it later in Settings: you can register people without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No office key yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your organisation&apos;s IT policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Office key file (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office key file (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the office key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office key (*.pub);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be created: check the disk, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message>
        <source>1 Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 Very good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the client first, then record follow-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the person is now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day/month/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome s&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome &amp;note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback from the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating {0} of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>PACE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who agreed to be contacted after PACE, due a follow-up 3, 6 or 12 months after leaving. Nobody who said no, or withdrew, is listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People due a follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a person in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dat&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the person said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;cord outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work: nothing was saved. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <source>{outcome} ({date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{name} ({pace_id}), left {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded {outcome} on {date} for {pace_id}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Import history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every bundle anyone tried to import into this central store, with what happened and why. Refused bundles imported nothing; ask the adviser for a fresh copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;receipt again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the receipt for the selected bundle again, e.g. when the first copy was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import history could not be read: lock and unlock, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} {gap}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln attempt(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select an attempt to read its full reason here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported by {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From laptop {laptop}, its export number {number}. Imported by {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE receipts (*.pacereceipt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt was kept for that bundle: import it again to make one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was saved as {0}. Send it to the adviser whose laptop sent the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything recorded about this person&apos;s record, oldest first. The log cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport for the office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one encrypted bundle of new and changed records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply office file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply a receipt or notice from the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No upcoming events. Create one with New event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No past events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events could not be read: lock and unlock, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImpactPage</name>
    <message>
        <source>PACE impact summary, produced {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share back in work, by months after leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months after leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sustained work (of those known)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>PACE bundles (*.pacebundle);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles are the encrypted files advisers export from their laptops. Each one is checked — size, encryption, the laptop&apos;s signature, every record — and applied whole or not at all. Importing the same bundle twice is harmless.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported yet in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open receipts folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None chosen yet. Choose files or a folder, or drop them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a f&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust new laptops on their first bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each receipt goes back to the laptop that sent the bundle, to confirm what the office holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Beside each bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this fol&amp;der:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder of bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when you know every bundle here came from your own advisers: a laptop never seen before is enrolled on its first bundle. Otherwise enrol it on the Devices tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing folder for the receipts, or write them beside each bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No .pacebundle files were found there: check the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped before it finished: bundles already done are kept; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln receipt(s) were written in {folder}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln receipt(s) were written beside the bundles.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Send each one back to the adviser whose laptop sent the bundle: its file name names the laptop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln accepted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already had</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln possible duplicate(s) listed for review.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bundle(s): {verdicts}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This bundle comes from a laptop this office has not enrolled ({0}): enrol its device key on the Devices tab, or import again with &apos;Trust new laptops&apos; ticked. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop {0} was enrolled on this first bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be written: save it again from Import history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> </source>
        <comment>between the sentences about one import</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the verdict counts</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>The office identity is the secret key that opens every bundle sent to this office. Keep the backup offline — an encrypted USB stick in a safe — never on a shared drive or in email: anyone holding it can read bundles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office key and staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptops encrypt bundles to this office&apos;s public key and check receipts with it. It travels to them in a file called office.pub, which is safe to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This office&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for office.pub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it &amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write office.pub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the office identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the office identity as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age identity (*.txt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up identity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With this file, the standard age tool opens a bundle even if the central store is lost: age -d -i FILE bundle.pacebundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These people can unlock the central store, each with their own passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd staff member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change my passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover a &amp;laptop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a laptop&apos;s store with this office&apos;s identity and set a new adviser&apos;s passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {0}. Give it to each laptop: Settings, Office key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new file to save the identity in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That file already exists: choose a new file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That folder does not exist: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the office&apos;s secret identity to {0}? Type your passphrase to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {0}, readable by you only. Move it offline now, and delete any other copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an office staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member&apos;s &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff member was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KindCounts</name>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln consent answer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln checklist(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln support and referral record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outcome(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln feedback</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln erasure(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PACE Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: every person here is fictional, and this store is deleted when you close the app. If it locks, the passphrase is {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advisers, office key and time limits (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People due a follow-up contact, and their outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}  ·  {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after {0} minutes without use. Anything you were typing was kept and will be offered when you unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard kept forms?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was typed in the kept forms will be lost. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo store could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a store of fictional people…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPassphrase</name>
    <message>
        <source>The two passphrases are different: type the same one twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeHome</name>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eference data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People&apos;s rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicates ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeSetupScreen</name>
    <message>
        <source>Set up the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This creates the central store, where the bundles that advisers send are imported. It is encrypted; each member of office staff opens it with their own passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 12 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for office.pub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write office.pub &amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>office.pub holds the office&apos;s public keys: every laptop needs a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create central store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That folder already holds an office.pub: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central store could not be created: check the disk, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeUnlockScreen</name>
    <message>
        <source>Type your office passphrase to open the central database {0}, with the office&apos;s keys from:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your office passphrase to open the central store:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <source>PACE Intake — Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}  ·  office {1}  ·  central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}  ·  office {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central store was created and office.pub was written to {0}. Give office.pub to every laptop, enrol each laptop on the Devices tab, and back up the office identity (Office key tab) to keep offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after {0} minutes without use.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>Partner returns (*.xlsx *.age *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a partner the people who agreed to share with it — only the identifiers it matches on, encrypted to its key — then take its return back. Every refused row is explained; nothing is sent for anyone without that partner&apos;s consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-&amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;greement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ret&amp;urns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Matches on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age1… — the public key the partner sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aggregate matching only (keyed hashes; the partner returns counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner&apos;s own codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code mappings (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: CSV with kind, their_code, our_code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own &amp;codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: UK GDPR Article 6(1)(a), the person&apos;s consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sco&amp;pe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What may be shared, with whom, for what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year-month-day, for example 2026-04-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sav&amp;e agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyed &amp;hashes instead of identifiers (aggregate matching)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show matching &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an aggregate request: the key the partner&apos;s analyst needs, to give by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the partner&apos;s report as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write its reciprocity &amp;report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it gets back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner&apos;s return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every row &amp;only (save nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows not used, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns taken back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyed hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s set-up was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s data-sharing agreement was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has no public key yet, so a request cannot be encrypted to it: add the key {0} sent on the Set-up tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching key for {0} (give it to the partner&apos;s analyst by another route than the file, e.g. read it out by phone): {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {0}&apos;s reciprocity report to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file the partner sent back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseEdit</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>People&apos;s rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone whose data is held here may see all of it, have it corrected, withdraw a consent or have it erased. Find the person by their PACE ID; every action is recorded in the audit log, with who and when.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One &amp;person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptops and re&amp;tention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held about this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw the selected consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show them everything held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the copy as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write &amp;copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An .xlsx in plain words, and a .json beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected value (blank clears it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the erasure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why, never who: e.g. the person asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices for laptops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawals and erasures made here must reach the laptops that hold the person. Write the notice files and send each to its laptop, where the adviser applies it with Apply office file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your organisation&apos;s IT policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: for laptop {laptop}, {withdrawals} and {erasures}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>De-identify or erase the %Ln person(s) listed? This cannot be undone. Type your passphrase to confirm.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Send each file to its laptop; the adviser applies it with Apply office file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write &amp;notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiable data is kept for a number of years after the person&apos;s last contact. Then people who agreed to anonymised statistics are de-identified; everyone else is erased. Nothing happens until you apply the list shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep identifiable data for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show who is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply retention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the person&apos;s PACE ID, e.g. PACE-7K3Q-9MXD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase {0} for good? Everything about them is deleted; only the PACE ID, the date and the reason are kept. Type your passphrase to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing folder for the notices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No withdrawals or erasures made at the office need to reach a laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln withdrawal(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln erasure(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Identifiable data is now kept for {0} years after last contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has changed yet: check the list, then apply it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReauthDialog</name>
    <message>
        <source>That is not your passphrase: type the one you unlocked with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase could not be checked: try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Apply a file from the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply a receipt or notice from the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File from the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was removed yet: confirmed records stay on this laptop for %Ln day(s), then are removed automatically.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from this laptop, confirmed more than %Ln day(s) ago: {people} and their {records}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from this laptop, confirmed more than %Ln day(s) ago: {people}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from this laptop, confirmed more than %Ln day(s) ago: {records}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The office sends a receipt back for each export it imports. Applying it marks those records as safely held by the office; they are removed from this laptop %Ln day(s) later, so that a lost laptop holds as little as possible. Notices from the office (consents withdrawn and people erased there) are applied here too.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the kinds of record removed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files from the office (*.pacereceipt *.pacenotice *.pacereference);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the receipt or notice the office sent back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file was found there: check the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Receipt for export {sequence} applied: {confirmed} of %Ln record(s) newly confirmed by the office.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be applied: nothing was changed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoverLaptopDialog</name>
    <message>
        <source>Recover a laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens a laptop&apos;s store with this office&apos;s identity, for a laptop whose advisers have left or forgotten their passphrase. Choose its store file (the .keys file must be beside it), then the new adviser types the passphrase they will use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recover laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The laptop&apos;s store file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACE store (*.store);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop&apos;s &amp;store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New adviser&apos;s &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the advisers it had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is re-keyed, so their keys will no longer open that laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one you unlocked the central store with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the laptop&apos;s store file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new adviser&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner table and the area unemployment figures every laptop uses. Import a new file here; the office uses it at once, and the next office sync sends it to every laptop as a signed update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scotland&apos;s rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOMIS claimant count file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import area fi&amp;gures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner table file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import partner &amp;table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;NOMIS file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Partner file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOMIS file: claimant count by sex and age, local authorities in Scotland and Scotland itself, claimants as a proportion of residents aged 16-64, downloaded as CSV; the latest month is used. Partner file: a CSV with the columns code, name and services (services separated by &apos;;&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As shipped with the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{version} ({areas} council areas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source of the figures: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference data could not be read: lock and unlock, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the NOMIS file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the partner file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area figures for {as_of} were imported: reference data {version}. The next office sync sends them to every laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner table was imported: reference data {version}. The next office sync sends it to every laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be imported: nothing was changed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayPanel</name>
    <message>
        <source>From the office relay (network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate &amp;pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 64-character code office relay-init printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your access &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own token from office relay-staff; kept in the central store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fetch and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange relay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles sent over the network wait at the office relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching from the relay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching from the relay did not finish: bundles not yet imported stay at the relay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>This report holds people&apos;s personal data: save it only on the office&apos;s secure drive, never on a laptop, USB stick or in email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts per event, with no names, but small numbers are not hidden: keep it within SDS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts under 5 are hidden so that no one can be picked out: this report may be shared with partners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No names, contact details or full postcodes, but still about individual people: use it for research and evaluation of PACE only, as the data-sharing agreement allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check who may see this report before you share it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reciprocity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (.xlsx) from the central store, written from one consistent reading of it. Every report written is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder on the office&apos;s secure drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That folder does not exist: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written: nothing was saved. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendToOffice</name>
    <message>
        <source>Send to &amp;office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send everything new to the office over the network, and bring back the office&apos;s receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop can send to the office over the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the office did not finish: everything stays queued. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The audit log could not be checked: lock and unlock to try again, and tell your data protection lead if this stays.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Keep confirmed records for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after no use for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk: reset after no use for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk: warning countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Advisers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Office key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These advisers can unlock this laptop, each with their own passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advisers who can unlock this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd adviser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change my passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove adviser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports are encrypted to the office&apos;s key, so only the office can read them. The same key lets the office recover this laptop&apos;s records if no adviser can unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office.pub file from the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office &amp;key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your organisation&apos;s IT policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Confirmed records are removed from this laptop after the retention period, so that a lost laptop holds as little as possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to the office &amp;automatically while unlocked and online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just after each unlock, then every 15 minutes, send everything new to the office relay and bring back its receipts. Offline, it says so and tries again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save time limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles are encrypted to the office key {0}…{1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts are checked against office {0} (key {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key file has no receipt key: ask the office for the full office.pub before applying receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No office key yet: you can register people, but you cannot export until you add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot remove yourself: ask another adviser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adviser was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0}? Their key will no longer open this laptop: the store is re-keyed under a new key, which takes a moment. Type your passphrase to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the office key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office key (*.pub);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the office.pub file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this office key for exports and recovery? Type your passphrase to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office key was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the new time limits? Type your passphrase to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time limits were saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Use at least 12 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easy to guess: add more words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add another word or two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A good passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A strong passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: at least 12 characters; a few words together is best.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: {0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupportTab</name>
    <message>
        <source>Help the person would find useful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer or record help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;vice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day/month/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minutes spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the client first, then add referrals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals and help given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the selected row: s&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New status for the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes for the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>Making the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching receipts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending bundle {number} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying office file {number} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln bundle(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln office notice(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{bundles} sent, {records} confirmed by the office, {notices} applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bundles} sent, {records} confirmed by the office.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>PACE Intake is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase to open the store on this laptop:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passphrases. You can try again in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be opened: try again, or ask the office for help.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PassphraseForm</name>
    <message>
        <source>New &amp;passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>office</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} — choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace {file}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace {file} and {other}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is there already. Yes writes the new one in its place; No keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file or folder could not be used: check it exists and that you may write there, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given, then withdrawn on {0} by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on {0} by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined on {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
