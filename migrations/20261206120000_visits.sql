-- Field visits and lone-worker safety (DOMAIN.md §5; policies 000 and 004).

-- A field officer's day: the diary sheet left with the responsible officer before going out [000].
create table visit_plan (
  council_id uuid not null references council,
  id uuid not null,
  officer_id uuid not null,
  plan_date date not null,
  responsible_officer_id uuid not null,
  -- When the officer expects to be home and call in for the last time [000 out-of-hours].
  home_by timestamptz not null,
  shared_at timestamptz,
  created_by uuid not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, officer_id, plan_date),
  foreign key (council_id, officer_id) references person,
  foreign key (council_id, responsible_officer_id) references person,
  foreign key (council_id, created_by) references person
);

-- Each intended visit, in the order of the intended route.
create table planned_visit (
  council_id uuid not null,
  id uuid not null,
  plan_id uuid not null,
  position integer not null check (position >= 0),
  address text not null check (length(address) between 1 and 300),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  account_ref text not null default '' check (length(account_ref) <= 60),
  account_holder text not null default '' check (length(account_holder) <= 200),
  customer_id uuid,
  purpose text not null check (purpose in ('enquiry', 'taking-control')),
  premises text not null default 'domestic' check (premises in ('domestic', 'business')),
  trading_from text check (trading_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  trading_until text check (trading_until ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  court_order text not null default '' check (length(court_order) <= 200),
  notes text not null default '' check (length(notes) <= 2000),
  planned_start timestamptz not null,
  planned_finish timestamptz not null,
  second_officer_id uuid,
  advice text not null default '' check (length(advice) <= 2000),
  advice_by uuid,
  advice_at timestamptz,
  authorisation_reason text not null default '' check (length(authorisation_reason) <= 2000),
  authorised_by uuid,
  authorised_at timestamptz,
  dropped_at timestamptz,
  dropped_reason text not null default '' check (length(dropped_reason) <= 500),
  added_after_sharing boolean not null default false,
  created_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, plan_id) references visit_plan,
  foreign key (council_id, second_officer_id) references person,
  foreign key (council_id, advice_by) references person,
  foreign key (council_id, authorised_by) references person,
  check (planned_finish > planned_start)
);
create index planned_visit_plan on planned_visit (council_id, plan_id, position);

-- A check-in the officer owes: after each visit, and on arriving home (visit_id null). It is also
-- the durable timer of the escalation: next_alert_at is when the next level is raised unless the
-- check-in arrives or an alert is acknowledged first; a sweep in every process claims due rows
-- with FOR UPDATE SKIP LOCKED, so each level is raised once.
create table check_in_due (
  council_id uuid not null,
  id uuid not null,
  plan_id uuid not null,
  visit_id uuid,
  due_at timestamptz not null,
  received_at timestamptz,
  received_by uuid,
  channel text check (channel in ('app', 'phone')),
  -- 0: no alert yet; 1: responsible officer; 2: line manager; 3: emergency.
  level_raised smallint not null default 0 check (level_raised between 0 and 3),
  next_alert_at timestamptz,
  cancelled_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, plan_id) references visit_plan,
  foreign key (council_id, visit_id) references planned_visit,
  foreign key (council_id, received_by) references person,
  check ((received_at is null) = (channel is null))
);
create unique index check_in_due_visit on check_in_due (council_id, plan_id, visit_id) where visit_id is not null;
create unique index check_in_due_home on check_in_due (council_id, plan_id) where visit_id is null;
create index check_in_due_next_alert on check_in_due (council_id, next_alert_at) where next_alert_at is not null;

-- An alert at one level, for a missed check-in (cause: the check-in owed) or a "need help now"
-- alarm (cause: the alarm). One per cause and level, whichever process raises it.
create table visit_alert (
  council_id uuid not null,
  id uuid not null,
  plan_id uuid not null,
  cause_id uuid not null,
  kind text not null check (kind in ('missed-check-in', 'help-now')),
  level text not null check (level in ('responsible', 'manager', 'emergency')),
  raised_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  acknowledgement text not null default '' check (length(acknowledgement) <= 1000),
  -- The officer was heard from: they checked in.
  resolved_at timestamptz,
  primary key (council_id, id),
  unique (council_id, cause_id, level),
  foreign key (council_id, plan_id) references visit_plan,
  foreign key (council_id, acknowledged_by) references person,
  check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index visit_alert_plan on visit_alert (council_id, plan_id);

-- What changed in a plan once shared, for the responsible officer to see at once [000: a deviation
-- from the intended route is telephoned to the base office].
create table plan_change (
  council_id uuid not null,
  id uuid not null,
  plan_id uuid not null,
  kind text not null check (kind in ('shared', 'visit-added', 'visit-dropped', 'reordered', 'retimed', 'deviation', 'advice', 'authorised')),
  detail text not null default '' check (length(detail) <= 1000),
  changed_by uuid not null,
  changed_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, plan_id) references visit_plan,
  foreign key (council_id, changed_by) references person
);
create index plan_change_plan on plan_change (council_id, plan_id, changed_at);
