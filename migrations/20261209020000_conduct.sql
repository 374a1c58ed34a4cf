-- Councillor conduct complaints (DOMAIN.md §7; 003 Standards Committee minutes 18 and 21): the
-- councillors and independent persons the monitoring officer keeps, the complaints the public and
-- councillors make about a councillor, the monitoring officer's assessment, the independent
-- person's view, the decision, any investigation and hearing, sanctions and their compliance,
-- and the letters sent to the complainant.

create table councillor (
  council_id uuid not null references council,
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  ward text not null check (length(ward) between 1 and 200),
  party text not null default '' check (length(party) <= 200),
  email text not null check (length(email) between 3 and 320),
  active boolean not null default true,
  created_at timestamptz not null,
  primary key (council_id, id)
);

create table independent_person (
  council_id uuid not null references council,
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  email text not null check (length(email) between 3 and 320),
  active boolean not null default true,
  created_at timestamptz not null,
  primary key (council_id, id)
);

create table conduct_reference_counter (
  council_id uuid not null references council,
  year integer not null,
  last_number integer not null,
  primary key (council_id, year)
);

create table conduct_complaint (
  council_id uuid not null references council,
  id uuid not null,
  reference text not null,
  received_on date not null,
  received_at timestamptz not null,
  complainant_name text not null check (length(complainant_name) between 1 and 200),
  complainant_email text not null check (length(complainant_email) between 3 and 320),
  complainant_address text not null default '' check (length(complainant_address) <= 500),
  complainant_is_councillor boolean not null,
  councillor_id uuid,
  against_all boolean not null,
  what_happened text not null check (length(what_happened) between 1 and 5000),
  happened_on date,
  state text not null check (state in ('received', 'not-valid', 'assessed', 'decided', 'investigation',
    'reported', 'hearing', 'sanctions', 'closed')),
  version integer not null default 1,
  valid boolean,
  not_valid_grounds text[] not null default '{}',
  assessment_reasons text not null default '',
  theme text not null default '',
  assessed_by uuid,
  assessed_at timestamptz,
  independent_person_id uuid,
  independent_person_view text not null default '',
  view_recorded_at timestamptz,
  decision text check (decision in ('no-further-action', 'informal-resolution', 'investigation')),
  decision_reasons text not null default '',
  decided_at timestamptz,
  investigator_id uuid,
  investigation_finding text check (investigation_finding in ('breach', 'no-breach')),
  investigation_report text not null default '',
  reported_at timestamptz,
  hearing_on date,
  hearing_members text not null default '',
  hearing_independent_person_id uuid,
  hearing_outcome text check (hearing_outcome in ('breach', 'no-breach')),
  hearing_reasons text not null default '',
  closed_at timestamptz,
  primary key (council_id, id),
  unique (council_id, reference),
  foreign key (council_id, councillor_id) references councillor (council_id, id),
  foreign key (council_id, independent_person_id) references independent_person (council_id, id),
  foreign key (council_id, hearing_independent_person_id) references independent_person (council_id, id),
  foreign key (council_id, investigator_id) references person (council_id, id),
  check (against_all or councillor_id is not null)
);

create index conduct_complaint_received on conduct_complaint (council_id, received_on);
create index conduct_complaint_open on conduct_complaint (council_id, state) where state <> 'closed' and state <> 'not-valid';

create table conduct_sanction (
  council_id uuid not null references council,
  complaint_id uuid not null,
  id uuid not null,
  kind text not null,
  detail text not null default '' check (length(detail) <= 1000),
  comply_by date not null,
  compliance text not null default 'due' check (compliance in ('due', 'complied', 'not-complied')),
  compliance_note text not null default '' check (length(compliance_note) <= 1000),
  compliance_recorded_at timestamptz,
  primary key (council_id, complaint_id, id),
  foreign key (council_id, complaint_id) references conduct_complaint (council_id, id)
);

-- The letters and emails sent about a complaint, kept as sent.
create table conduct_letter (
  council_id uuid not null references council,
  complaint_id uuid not null,
  id uuid not null,
  kind text not null,
  recipient_name text not null,
  recipient_email text not null,
  subject text not null,
  body text not null,
  sent_at timestamptz not null,
  primary key (council_id, complaint_id, id),
  foreign key (council_id, complaint_id) references conduct_complaint (council_id, id)
);
