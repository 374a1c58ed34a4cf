-- Webhooks: endpoints a council's administrator registers, the events other council systems
-- react to, and one delivery of each event to each endpoint subscribed when it happened. An event
-- and its deliveries are written in the transaction of the change that causes them (a
-- transactional outbox, like outbound_email); every process sweeps the deliveries due, claiming
-- each by moving its next_attempt_at on under FOR UPDATE SKIP LOCKED, so one process posts it.
create table webhook_endpoint (
  council_id uuid not null references council,
  id uuid not null,
  url text not null,
  description text not null default '',
  events text[] not null,
  -- The signing secret (Standard Webhooks `whsec_…`), shown to the administrator once.
  secret text not null,
  enabled boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (council_id, id)
);

create table webhook_event (
  council_id uuid not null references council,
  id uuid not null,
  type text not null,
  occurred_at timestamptz not null,
  data jsonb not null,
  primary key (council_id, id)
);

create table webhook_delivery (
  council_id uuid not null references council,
  id uuid not null,
  endpoint_id uuid not null,
  event_id uuid not null,
  state text not null default 'pending' check (state in ('pending', 'retrying', 'delivered', 'failed')),
  attempts integer not null default 0,
  -- Attempts made before the current round of retries ("send again" starts a new round).
  round_from integer not null default 0,
  next_attempt_at timestamptz,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz,
  primary key (council_id, id),
  unique (council_id, endpoint_id, event_id),
  foreign key (council_id, endpoint_id) references webhook_endpoint (council_id, id) on delete cascade,
  foreign key (council_id, event_id) references webhook_event (council_id, id) on delete cascade
);

create index webhook_delivery_due on webhook_delivery (council_id, next_attempt_at)
  where state in ('pending', 'retrying');
create index webhook_delivery_newest on webhook_delivery (council_id, endpoint_id, created_at desc, id desc);

create table webhook_attempt (
  council_id uuid not null references council,
  delivery_id uuid not null,
  attempt integer not null,
  started_at timestamptz not null,
  duration_ms integer not null,
  status_code integer,
  error text,
  primary key (council_id, delivery_id, attempt),
  foreign key (council_id, delivery_id) references webhook_delivery (council_id, id) on delete cascade
);
