-- What happened at each visit, what it led to, and incidents reported by field officers
-- (DOMAIN.md §5 "Records of the visit"; policies 000 and 004).

-- The outcome of a visit: one per visit, kept as first recorded [000: a note made at the time of
-- why the officer was asked to leave].
create table visit_record (
  council_id uuid not null,
  visit_id uuid not null,
  plan_id uuid not null,
  outcome text not null check (outcome in ('contact-made', 'no-contact', 'asked-to-leave', 'entry-refused')),
  reason text not null default '' check (length(reason) <= 2000),
  notes text not null default '' check (length(notes) <= 5000),
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  primary key (council_id, visit_id),
  foreign key (council_id, visit_id) references planned_visit,
  foreign key (council_id, plan_id) references visit_plan,
  foreign key (council_id, recorded_by) references person,
  check (outcome <> 'asked-to-leave' or length(reason) > 0)
);
create index visit_record_plan on visit_record (council_id, plan_id);

-- What a visit's record was passed on as: a safeguarding concern or a vulnerability to the
-- safeguarding contact, a fraud suspicion to the payments / fraud team, a threat of violence or a
-- complaint to the officer's line manager [000, 004]. sent_to is the address emailed ('' when the
-- council has none); a complaint keeps the reference it was logged under.
create table visit_referral (
  council_id uuid not null,
  id uuid not null,
  visit_id uuid not null,
  kind text not null check (kind in ('child-safeguarding', 'adult-safeguarding', 'violence', 'complaint', 'fraud', 'vulnerability')),
  detail text not null check (length(detail) between 1 and 5000),
  sent_to text not null default '' check (length(sent_to) <= 320),
  complaint_reference text not null default '' check (length(complaint_reference) <= 40),
  made_by uuid not null,
  made_at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, visit_id, kind),
  foreign key (council_id, visit_id) references planned_visit,
  foreign key (council_id, made_by) references person
);

-- Recovery action suspended on an account where vulnerability was identified [004: recovery
-- action is suspended or withdrawn], until a line manager lifts it with a reason. One hold in force
-- per account.
create table account_recovery_hold (
  council_id uuid not null,
  id uuid not null,
  account_ref text not null check (length(account_ref) between 1 and 60),
  visit_id uuid not null,
  reason text not null check (length(reason) between 1 and 5000),
  held_from timestamptz not null,
  held_by uuid not null,
  lifted_at timestamptz,
  lifted_by uuid,
  lift_reason text not null default '' check (length(lift_reason) <= 2000),
  primary key (council_id, id),
  foreign key (council_id, visit_id) references planned_visit,
  foreign key (council_id, held_by) references person,
  foreign key (council_id, lifted_by) references person,
  check ((lifted_at is null) = (lifted_by is null)),
  check (lifted_at is null or length(lift_reason) > 0)
);
create unique index account_recovery_hold_in_force on account_recovery_hold (council_id, account_ref)
  where lifted_at is null;

-- An incident report: violence, a threat, an injury or damage [000: a report of the events leading
-- to a threat; 004: detailed incident reports]. Personal details are removed after the council's
-- retention period (anonymised_at).
create table visit_incident (
  council_id uuid not null,
  id uuid not null,
  reported_by uuid not null,
  visit_id uuid,
  kinds text[] not null check (cardinality(kinds) between 1 and 4 and kinds <@ array['violence', 'threat', 'injury', 'damage']::text[]),
  occurred_at timestamptz not null,
  location text not null check (length(location) <= 300),
  what_happened text not null check (length(what_happened) <= 10000),
  people_involved text not null default '' check (length(people_involved) <= 2000),
  witnesses text not null default '' check (length(witnesses) <= 2000),
  injuries text not null default '' check (length(injuries) <= 2000),
  police_reference text not null default '' check (length(police_reference) <= 60),
  reported_at timestamptz not null,
  anonymised_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, reported_by) references person,
  foreign key (council_id, visit_id) references planned_visit
);
create index visit_incident_reporter on visit_incident (council_id, reported_by, occurred_at);
create index visit_incident_occurred on visit_incident (council_id, occurred_at) where anonymised_at is null;
