-- Enforcement of council tax and business rates liability orders by the council's enforcement
-- agents (DOMAIN.md §5; policy 004; Taking Control of Goods Regulations 2013).

create table enforcement_reference_counter (
  council_id uuid not null references council,
  year integer not null,
  last_number integer not null,
  primary key (council_id, year)
);

-- An account with a liability order or warrant, allocated to an agent. One case per account.
create table enforcement_case (
  council_id uuid not null references council,
  id uuid not null,
  reference text not null check (length(reference) between 1 and 30),
  account_ref text not null check (length(account_ref) between 1 and 60),
  kind text not null check (kind in ('council-tax', 'business-rates')),
  debtor_name text not null check (length(debtor_name) between 1 and 200),
  address text not null check (length(address) between 1 and 300),
  postcode text not null check (length(postcode) between 1 and 10),
  uprn text check (uprn ~ '^[0-9]{1,12}$'),
  premises text not null check (premises in ('domestic', 'business')),
  trading_from text check (trading_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  trading_until text check (trading_until ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  appointment_on date,
  appointment_from text check (appointment_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  appointment_until text check (appointment_until ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  balance_pence integer not null check (balance_pence > 0),
  liability_order_on date not null,
  liability_order_court text not null check (length(liability_order_court) between 1 and 200),
  notice_on date,
  agent_id uuid,
  status text not null check (status in ('open', 'arrangement', 'back-for-visit', 'goods-controlled', 'paid', 'returned')),
  created_by uuid not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, reference),
  unique (council_id, account_ref),
  foreign key (council_id, agent_id) references person,
  foreign key (council_id, created_by) references person,
  check ((trading_from is null) = (trading_until is null)),
  check ((appointment_on is null) = (appointment_from is null) and (appointment_on is null) = (appointment_until is null))
);
create index enforcement_case_agent on enforcement_case (council_id, agent_id, status);

-- What happened at a visit on a case, recorded by its agent. Who was present is kept for
-- regulation 10 (no taking control where only children or vulnerable people are present).
create table enforcement_outcome (
  council_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('payment-taken', 'arrangement', 'goods-controlled', 'warrant-returned', 'no-contact')),
  visited_on date not null,
  present text[] not null default '{}' check (present <@ array['debtor', 'other-adult', 'child', 'vulnerable-person']::text[]),
  amount_pence integer check (amount_pence > 0),
  receipt_number text not null default '' check (length(receipt_number) <= 40),
  reason text not null default '' check (length(reason) <= 2000),
  goods jsonb not null default '[]',
  vulnerability text not null default '' check (length(vulnerability) <= 5000),
  notes text not null default '' check (length(notes) <= 5000),
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, case_id) references enforcement_case,
  foreign key (council_id, recorded_by) references person
);
create index enforcement_outcome_case on enforcement_outcome (council_id, case_id);

-- A payment arrangement agreed at a visit, monitored for default [004].
create table payment_arrangement (
  council_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  outcome_id uuid not null,
  status text not null check (status in ('live', 'defaulted', 'completed')),
  agreed_on date not null,
  defaulted_at timestamptz,
  created_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, case_id) references enforcement_case,
  foreign key (council_id, outcome_id) references enforcement_outcome
);
create unique index payment_arrangement_live on payment_arrangement (council_id, case_id) where status = 'live';

create table arrangement_instalment (
  council_id uuid not null,
  arrangement_id uuid not null,
  seq integer not null check (seq >= 0),
  due_on date not null,
  amount_pence integer not null check (amount_pence > 0),
  missed_at timestamptz,
  primary key (council_id, arrangement_id, seq),
  foreign key (council_id, arrangement_id) references payment_arrangement
);

-- A file of payments from the revenues system, recorded with its hash and counts.
create table payment_import (
  council_id uuid not null,
  id uuid not null,
  file_hash text not null check (length(file_hash) = 64),
  file_name text not null default '' check (length(file_name) <= 200),
  row_count integer not null check (row_count >= 0),
  applied_count integer not null check (applied_count >= 0),
  imported_by uuid not null,
  imported_at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, file_hash),
  foreign key (council_id, imported_by) references person
);

-- A payment received on an enforcement account; its reference is the revenues system's, unique.
create table enforcement_payment (
  council_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  reference text not null check (length(reference) between 1 and 60),
  paid_on date not null,
  amount_pence integer not null check (amount_pence > 0),
  import_id uuid,
  received_at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, reference),
  foreign key (council_id, case_id) references enforcement_case,
  foreign key (council_id, import_id) references payment_import
);
create index enforcement_payment_case on enforcement_payment (council_id, case_id, paid_on);
