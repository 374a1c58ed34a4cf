-- The gifts and hospitality register (DOMAIN.md §2). An offer keeps what was true when it was
-- recorded (the officer's name, job title and service), as the register's prescribed format asks
-- (001 §72); each change is a new version, so a signed-off review keeps the entries it saw.

create table gift_reference_counter (
  council_id uuid not null references council,
  year integer not null,
  last_number integer not null,
  primary key (council_id, year)
);

create table gift_offer (
  council_id uuid not null references council,
  id uuid not null,
  reference text not null,
  recipient_id uuid not null,
  recipient_name text not null,
  job_title text not null,
  service_id uuid,
  service_name text not null default '',
  senior boolean not null,
  register_key text not null,
  kind text not null check (kind in ('gift', 'hospitality')),
  nature text not null,
  description text not null check (length(description) between 1 and 500),
  offeror_person text not null default '' check (length(offeror_person) <= 200),
  offeror_organisation text not null default '' check (length(offeror_organisation) <= 200),
  offeror_key text not null check (offeror_key <> ''),
  relationship text not null,
  value_pence integer not null check (value_pence between 0 and 10000000),
  offered_on date not null,
  state text not null check (state in ('accepted', 'declined', 'awaiting-approval')),
  reason text not null default '' check (length(reason) <= 1000),
  outcome text not null default '' check (length(outcome) <= 500),
  verdict jsonb not null,
  approver_id uuid,
  approval_decision text check (approval_decision in ('approved', 'refused')),
  approval_comment text not null default '',
  approval_decided_by_name text,
  approval_decided_at timestamptz,
  version integer not null default 1,
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, reference),
  foreign key (council_id, recipient_id) references person,
  foreign key (council_id, service_id) references service,
  foreign key (council_id, approver_id) references person,
  foreign key (council_id, recorded_by) references person
);
create index gift_offer_by_date on gift_offer (council_id, offered_on desc, id desc);
create index gift_offer_by_service on gift_offer (council_id, service_id, offered_on desc, id desc);
create index gift_offer_by_recipient on gift_offer (council_id, recipient_id, offered_on desc, id desc);
create index gift_offer_by_offeror on gift_offer (council_id, offeror_key, offered_on);
create index gift_offer_by_register on gift_offer (council_id, register_key, offered_on);
create index gift_offer_awaiting on gift_offer (council_id, approver_id) where state = 'awaiting-approval';
create index gift_offer_search on gift_offer using gin (
  (offeror_organisation || ' ' || offeror_person || ' ' || description || ' ' || recipient_name) gin_trgm_ops
);

create table gift_offer_version (
  council_id uuid not null,
  offer_id uuid not null,
  version integer not null,
  entry jsonb not null,
  change_reason text not null default '',
  changed_by uuid,
  changed_by_name text not null,
  changed_at timestamptz not null,
  primary key (council_id, offer_id, version),
  foreign key (council_id, offer_id) references gift_offer
);

-- A register's review for one period, once signed off (001 §73: evidenced by signature and date).
create table gift_review (
  council_id uuid not null references council,
  register_key text not null,
  period_start date not null,
  period_end date not null,
  signed_by uuid not null,
  signed_by_name text not null,
  signed_at timestamptz not null,
  comment text not null default '' check (length(comment) <= 2000),
  primary key (council_id, register_key, period_start),
  foreign key (council_id, signed_by) references person
);

-- The version of each entry a review saw when it was signed off.
create table gift_review_entry (
  council_id uuid not null,
  register_key text not null,
  period_start date not null,
  offer_id uuid not null,
  version integer not null,
  primary key (council_id, register_key, period_start, offer_id),
  foreign key (council_id, register_key, period_start) references gift_review,
  foreign key (council_id, offer_id, version) references gift_offer_version
);

-- Reminders about an overdue review, at most one a week for each register and period.
create table gift_review_reminder (
  council_id uuid not null references council,
  register_key text not null,
  period_start date not null,
  last_sent_at timestamptz not null,
  primary key (council_id, register_key, period_start)
);

-- A reviewer's question about an entry, and its author's answer.
create table gift_query (
  council_id uuid not null,
  id uuid not null,
  offer_id uuid not null,
  asked_by uuid not null,
  asked_by_name text not null,
  question text not null check (length(question) between 1 and 2000),
  asked_at timestamptz not null,
  answer text check (length(answer) <= 2000),
  answered_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, offer_id) references gift_offer,
  foreign key (council_id, asked_by) references person
);
create index gift_query_by_offer on gift_query (council_id, offer_id);

-- An offer being recorded, between the question pages; removed when it is submitted.
create table gift_draft (
  council_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  answers jsonb not null default '{}',
  updated_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, person_id) references person
);
