-- Corporate complaints (DOMAIN.md §3) and unreasonable-behaviour management (§4).
-- A customer is anyone the council deals with who complains or whose contact is logged; their
-- complaints, contacts, categorisation and restrictions hang off that one record. Personal data
-- is anonymised in place when the retention period has passed (retention.ts); the statistics
-- (service, channel, category, dates, outcomes, remedies) stay.

create table customer (
  council_id uuid not null references council,
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  email text not null default '' check (length(email) <= 320),
  phone text not null default '' check (length(phone) <= 40),
  address text not null default '' check (length(address) <= 500),
  name_key text not null,
  -- 003 vexatious procedure §4.2-4.5: warned, then pre-vexatious, then vexatious.
  category text not null default 'none' check (category in ('none', 'warned', 'pre-vexatious', 'vexatious')),
  single_point_of_contact_id uuid,
  category_review_on date,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  anonymised_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, single_point_of_contact_id) references person
);
create index customer_by_name on customer (council_id, name_key);
create index customer_by_email on customer (council_id, lower(email)) where email <> '';
create index customer_under_review on customer (council_id, category_review_on) where category <> 'none';

create table complaint_reference_counter (
  council_id uuid not null references council,
  year integer not null,
  last_number integer not null,
  primary key (council_id, year)
);

create table complaint (
  council_id uuid not null references council,
  id uuid not null,
  reference text not null,
  customer_id uuid not null,
  -- Someone complaining for the customer, with their written authority (003 §4.1).
  representative_name text not null default '' check (length(representative_name) <= 200),
  representative_relationship text not null default '' check (length(representative_relationship) <= 200),
  contact_email text not null default '' check (length(contact_email) <= 320),
  contact_phone text not null default '' check (length(contact_phone) <= 40),
  contact_address text not null default '' check (length(contact_address) <= 500),
  contact_preference text not null default 'email' check (contact_preference in ('email', 'phone', 'post')),
  service_id uuid,
  service_name text not null default '',
  what_happened text not null check (length(what_happened) between 1 and 10000),
  happened_on date,
  wanted_outcome text not null default '' check (length(wanted_outcome) <= 5000),
  adjustments text not null default '' check (length(adjustments) <= 2000),
  channel text not null check (channel in ('online', 'phone', 'email', 'letter', 'in-person')),
  received_at timestamptz not null,
  received_on date not null,
  logged_by uuid,
  regime text not null check (regime in ('complaint-handling-code', 'single-stage')),
  housing boolean not null default false,
  status text not null check (status in (
    'awaiting-triage', 'not-accepted', 'stage-1', 'stage-1-responded', 'stage-2', 'stage-2-responded', 'closed'
  )),
  stage smallint not null default 1 check (stage in (1, 2)),
  triage_decision text check (triage_decision in (
    'complaint', 'service-request', 'appeal', 'feedback', 'out-of-scope', 'statutory-route'
  )),
  triage_reason text not null default '' check (length(triage_reason) <= 5000),
  statutory_route text,
  category text,
  late_accepted boolean not null default false,
  triaged_by uuid,
  triaged_at timestamptz,
  resolved_on date,
  closed_at timestamptz,
  anonymised_at timestamptz,
  updated_at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, reference),
  foreign key (council_id, customer_id) references customer,
  foreign key (council_id, service_id) references service,
  foreign key (council_id, logged_by) references person,
  foreign key (council_id, triaged_by) references person
);
create index complaint_by_date on complaint (council_id, received_at desc, id desc);
create index complaint_by_customer on complaint (council_id, customer_id, received_at desc);
create index complaint_by_service on complaint (council_id, service_id, received_at desc);
create index complaint_awaiting_triage on complaint (council_id, received_at) where status = 'awaiting-triage';
create index complaint_for_retention on complaint (council_id, resolved_on) where anonymised_at is null;

-- One row a stage. Every deadline is kept with the words saying how it was worked out
-- (deadline-rules.ts), including which calendar computed it.
create table complaint_stage (
  council_id uuid not null,
  complaint_id uuid not null,
  stage smallint not null check (stage in (1, 2)),
  started_on date not null,
  handler_id uuid,
  handler_name text,
  allocated_at timestamptz,
  acknowledge_by date not null,
  acknowledged_on date,
  respond_by date,
  deadline_basis text not null,
  extended_to date,
  extension_reason text not null default '' check (length(extension_reason) <= 2000),
  extended_at timestamptz,
  escalation_reason text not null default '' check (length(escalation_reason) <= 5000),
  responded_on date,
  outcome text check (outcome in ('upheld', 'partially-upheld', 'not-upheld')),
  findings text not null default '' check (length(findings) <= 20000),
  primary key (council_id, complaint_id, stage),
  foreign key (council_id, complaint_id) references complaint,
  foreign key (council_id, handler_id) references person,
  check ((outcome is null) = (responded_on is null))
);
-- The work queue lists a handler's open stages by the date they are due and counts them by how
-- soon (overdue, due today, at risk, later). The columns the due date is worked out from are
-- included so that the counts are an index-only scan, not a visit to every row (issue 5 bench,
-- 500,000 complaints: 15 ms -> 1.7 ms for a handler with 4,333 open stages).
create index complaint_stage_open on complaint_stage (
  council_id, handler_id, coalesce(extended_to, respond_by, acknowledge_by)
) include (extended_to, respond_by, acknowledge_by) where responded_on is null;

-- The service complained about and the officers named are asked for their account (003 minutes §19).
create table complaint_account_request (
  council_id uuid not null,
  id uuid not null,
  complaint_id uuid not null,
  stage smallint not null,
  person_id uuid not null,
  person_name text not null,
  asked_as text not null check (asked_as in ('service', 'named-officer')),
  question text not null check (length(question) between 1 and 5000),
  due_on date not null,
  requested_by uuid not null,
  requested_at timestamptz not null,
  account text check (length(account) <= 20000),
  answered_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, complaint_id) references complaint,
  foreign key (council_id, person_id) references person,
  foreign key (council_id, requested_by) references person
);
create index account_request_by_complaint on complaint_account_request (council_id, complaint_id);
create index account_request_by_person on complaint_account_request (council_id, person_id, answered_at);

create table complaint_remedy (
  council_id uuid not null,
  id uuid not null,
  complaint_id uuid not null,
  stage smallint not null,
  kind text not null check (kind in (
    'apology', 'explanation', 'action', 'reconsidered-decision', 'amended-records', 'financial-redress', 'policy-change'
  )),
  description text not null check (length(description) between 1 and 2000),
  amount_pence integer check (amount_pence >= 0),
  owner_id uuid not null,
  due_on date not null,
  done_on date,
  done_by uuid,
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, complaint_id) references complaint,
  foreign key (council_id, owner_id) references person,
  foreign key (council_id, done_by) references person,
  foreign key (council_id, recorded_by) references person
);
create index remedy_by_complaint on complaint_remedy (council_id, complaint_id);
create index remedy_outstanding on complaint_remedy (council_id, due_on) where done_on is null;

create table service_improvement (
  council_id uuid not null,
  id uuid not null,
  complaint_id uuid not null,
  service_id uuid,
  service_name text not null,
  description text not null check (length(description) between 1 and 2000),
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, complaint_id) references complaint,
  foreign key (council_id, service_id) references service,
  foreign key (council_id, recorded_by) references person
);
create index improvement_by_complaint on service_improvement (council_id, complaint_id);

-- Written authority for a representative (003 §4.1), and other files sent with a complaint.
create table complaint_document (
  council_id uuid not null,
  id uuid not null,
  complaint_id uuid not null,
  purpose text not null check (purpose in ('authority', 'evidence', 'correspondence')),
  file_name text not null check (length(file_name) between 1 and 255),
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  content bytea,
  uploaded_by uuid,
  uploaded_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, complaint_id) references complaint,
  foreign key (council_id, uploaded_by) references person
);
create index document_by_complaint on complaint_document (council_id, complaint_id);

-- Letter templates a council has changed; the others come from the code (letter-templates.ts).
create table letter_template (
  council_id uuid not null references council,
  kind text not null,
  subject text not null check (length(subject) between 1 and 200),
  body text not null check (length(body) between 1 and 20000),
  updated_by uuid not null,
  updated_at timestamptz not null,
  primary key (council_id, kind),
  foreign key (council_id, updated_by) references person
);

-- Every letter sent, as sent: to a complainant about a complaint, or to a customer about their
-- behaviour. Shown again and printed as PDF from these rows.
create table letter (
  council_id uuid not null,
  id uuid not null,
  complaint_id uuid,
  customer_id uuid not null,
  kind text not null,
  recipient_name text not null,
  recipient_email text not null default '',
  recipient_address text not null default '',
  subject text not null,
  body text not null,
  emailed boolean not null,
  sent_by uuid,
  sent_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, complaint_id) references complaint,
  foreign key (council_id, customer_id) references customer,
  foreign key (council_id, sent_by) references person
);
create index letter_by_complaint on letter (council_id, complaint_id, sent_at);
create index letter_by_customer on letter (council_id, customer_id, sent_at);

create table ombudsman_case (
  council_id uuid not null,
  id uuid not null,
  complaint_id uuid not null,
  ombudsman text not null check (ombudsman in ('lgsco', 'housing')),
  their_reference text not null default '' check (length(their_reference) <= 100),
  received_on date not null,
  enquiry text not null default '' check (length(enquiry) <= 5000),
  respond_by date,
  responded_on date,
  decision text check (decision in (
    'not-investigated', 'no-fault', 'fault-no-injustice', 'fault-injustice'
  )),
  decided_on date,
  remedy text not null default '' check (length(remedy) <= 5000),
  remedy_due_on date,
  remedy_done_on date,
  closed_on date,
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, complaint_id) references complaint,
  foreign key (council_id, recorded_by) references person
);
create index ombudsman_by_complaint on ombudsman_case (council_id, complaint_id);
create index ombudsman_open on ombudsman_case (council_id) where closed_on is null;

-- A reminder already sent for one deadline, so each is sent once whichever process runs the job.
create table complaint_reminder (
  council_id uuid not null,
  complaint_id uuid not null,
  stage smallint not null,
  deadline text not null,
  due_on date not null,
  sent_at timestamptz not null,
  primary key (council_id, complaint_id, stage, deadline, due_on),
  foreign key (council_id, complaint_id) references complaint
);

-- A public complaint between its question pages; found by the id in the person's signed cookie.
create table complaint_draft (
  council_id uuid not null references council,
  id uuid not null,
  answers jsonb not null default '{}',
  updated_at timestamptz not null,
  primary key (council_id, id)
);

-- The contact timeline (003 vexatious procedure §4.3): date, time, officer time, outcome, and the
-- correspondence it refers to.
create table customer_contact (
  council_id uuid not null,
  id uuid not null,
  customer_id uuid not null,
  occurred_at timestamptz not null,
  channel text not null check (channel in ('phone', 'email', 'letter', 'in-person', 'meeting', 'online')),
  minutes integer not null check (minutes between 0 and 1440),
  summary text not null check (length(summary) between 1 and 5000),
  outcome text not null default '' check (length(outcome) <= 2000),
  correspondence text not null default '' check (length(correspondence) <= 500),
  complaint_id uuid,
  logged_by uuid not null,
  logged_by_name text not null,
  logged_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, customer_id) references customer,
  foreign key (council_id, complaint_id) references complaint,
  foreign key (council_id, logged_by) references person
);
create index contact_by_customer on customer_contact (council_id, customer_id, occurred_at desc);

-- Each decision about a customer's category, with its evidence and the Equality Act check.
create table customer_categorisation (
  council_id uuid not null,
  id uuid not null,
  customer_id uuid not null,
  category text not null check (category in ('none', 'warned', 'pre-vexatious', 'vexatious')),
  behaviour text not null default '' check (length(behaviour) <= 10000),
  evidence text not null default '' check (length(evidence) <= 10000),
  equality_check text not null default '' check (length(equality_check) <= 5000),
  single_point_of_contact_id uuid,
  review_on date,
  letter_id uuid,
  decided_by uuid not null,
  decided_by_name text not null,
  decided_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, customer_id) references customer,
  foreign key (council_id, single_point_of_contact_id) references person,
  foreign key (council_id, letter_id) references letter,
  foreign key (council_id, decided_by) references person
);
create index categorisation_by_customer on customer_categorisation (council_id, customer_id, decided_at desc);

create table contact_restriction (
  council_id uuid not null,
  id uuid not null,
  customer_id uuid not null,
  kind text not null check (kind in (
    'no-phone', 'end-calls', 'no-meetings', 'named-officer-only', 'written-only', 'limited-correspondence'
  )),
  scope_service_id uuid,
  scope_service_name text not null default '',
  detail text not null default '' check (length(detail) <= 1000),
  reason text not null check (length(reason) between 1 and 5000),
  named_officer_id uuid,
  starts_on date not null,
  review_on date not null,
  ended_on date,
  end_reason text not null default '' check (length(end_reason) <= 2000),
  imposed_by uuid not null,
  imposed_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, customer_id) references customer,
  foreign key (council_id, scope_service_id) references service,
  foreign key (council_id, named_officer_id) references person,
  foreign key (council_id, imposed_by) references person
);
create index restriction_by_customer on contact_restriction (council_id, customer_id) where ended_on is null;
create index restriction_review_due on contact_restriction (council_id, review_on) where ended_on is null;

-- A review of a customer's category and restrictions: scheduled, or asked for by the customer.
create table behaviour_review (
  council_id uuid not null,
  id uuid not null,
  customer_id uuid not null,
  requested_on date,
  request text not null default '' check (length(request) <= 5000),
  decision text check (decision in ('keep', 'change', 'lift')),
  notes text not null default '' check (length(notes) <= 5000),
  letter_id uuid,
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  decided_by uuid,
  decided_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, customer_id) references customer,
  foreign key (council_id, letter_id) references letter,
  foreign key (council_id, recorded_by) references person,
  foreign key (council_id, decided_by) references person
);
create index review_by_customer on behaviour_review (council_id, customer_id, recorded_at desc);
