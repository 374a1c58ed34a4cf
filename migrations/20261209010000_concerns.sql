-- Raising concerns (whistleblowing, DOMAIN.md §6). What a reporter wrote, the people they named,
-- who they are when they gave their name, every message and every file are sealed with the
-- concern's own data key (AES-256-GCM); the data key is stored only wrapped by the council's
-- key-encryption key, which the database does not hold. A dump shows categories, dates and
-- outcomes, never what was said. Times on the anonymous channel are kept to the minute.
create table concern (
  council_id uuid not null references council,
  id uuid not null,
  reference text not null,
  category text not null,
  route text not null check (route in ('audit', 'hr', 'monitoring-officer')),
  anonymous boolean not null,
  identity_protected boolean not null,
  receipt_id text not null,
  receipt_hash text not null,
  key_version integer not null,
  wrapped_key bytea not null,
  sealed bytea not null,
  received_at timestamptz not null check (date_trunc('minute', received_at) = received_at),
  received_on date not null,
  acknowledged_on date,
  feedback_on date,
  outcome text,
  reporter_told boolean,
  closed_on date,
  primary key (council_id, id),
  unique (council_id, reference),
  unique (council_id, receipt_id)
);

create table concern_investigator (
  council_id uuid not null,
  concern_id uuid not null,
  person_id uuid not null,
  primary key (council_id, concern_id, person_id),
  foreign key (council_id, concern_id) references concern,
  foreign key (council_id, person_id) references person
);
create index concern_investigator_person on concern_investigator (council_id, person_id);

-- Messages both ways, and the reporter's reports of detriment (kind 'detriment').
create table concern_message (
  council_id uuid not null,
  concern_id uuid not null,
  seq integer not null,
  from_reporter boolean not null,
  author_id uuid,
  kind text not null check (kind in ('message', 'question', 'feedback', 'acknowledgement', 'detriment')),
  sealed bytea not null,
  sent_at timestamptz not null check (date_trunc('minute', sent_at) = sent_at),
  primary key (council_id, concern_id, seq),
  foreign key (council_id, concern_id) references concern,
  foreign key (council_id, author_id) references person
);

create table concern_document (
  council_id uuid not null,
  concern_id uuid not null,
  id uuid not null,
  content_type text not null,
  byte_size integer not null,
  from_reporter boolean not null,
  sealed_name bytea not null,
  sealed_content bytea not null,
  added_on date not null,
  primary key (council_id, concern_id, id),
  foreign key (council_id, concern_id) references concern
);

-- Each email about a concern is claimed here before it goes, so two processes send it once:
-- 'assigned', 'acknowledge', 'feedback' (moved on when a reminder is sent again), 'detriment-<seq>'.
create table concern_reminder (
  council_id uuid not null,
  concern_id uuid not null,
  kind text not null,
  sent_on date not null,
  primary key (council_id, concern_id, kind),
  foreign key (council_id, concern_id) references concern
);

create table concern_reference_counter (
  council_id uuid not null references council,
  year integer not null,
  last integer not null,
  primary key (council_id, year)
);
