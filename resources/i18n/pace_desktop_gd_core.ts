<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="gd" sourcelanguage="en_GB">
  <context>
    <name>core</name>
    <message>
      <source>Address (several columns are joined)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adviser</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>At risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attended</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attendee list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>By the person at the kiosk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Completed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date of birth</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Disputed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drop-in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Employment status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Expected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Expected leaving date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>First name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Full name (split into first and last)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gender</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Group session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>High</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In training</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In work</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Job title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kiosk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Length of service (years)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Low</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Medium</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>National Insurance number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not entitled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not known</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not known yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notice date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Offered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Office</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One-to-one</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Other</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PACE support consent declined</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PACE support consent withdrawn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partner return</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Postcode</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Prefer not to say</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Preferred name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Redundant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Referred</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Self-employed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Under notice</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unemployed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>With an adviser</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>aggregate counts for partners, small numbers hidden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>date of birth</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>de-identify (kept for statistics without identifiers)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>disability</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>employment status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>erase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>every record, one sheet per kind of record (for the CRM)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>expected leaving date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>first name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>first name, last name, date of birth and postcode</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>for each partner, outcomes of the people it was sent, small numbers hidden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gender</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>job title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>last name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>length of service years</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>needs review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ni number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>no PACE support consent recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>notice date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>pace criteria</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>pace flag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>per event: attendance, risk bands, services wanted, referrals, charts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>per-person rows for research and evaluation: no names or contact details, keyed hash for the PACE ID, age bands, postcode districts (no counts: see summary)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>postcode</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>preferred name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>redundancy pay status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>services wanted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the client is no longer on this laptop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>wants money advice</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>what happened after PACE: time to work (Kaplan-Meier) by band, age, sector, area, event type and help received, sustained work, time on PACE, feedback, checklist validation, charts</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
