-- The risk register: caution before contact, the potentially violent persons (PVP) list and the
-- addresses that need an accompanied visit or a team leader's advice (DOMAIN.md §5; 000 "check
-- all records ... prior to any interview or visit", 004 "identifying any caution before contact").

-- A marker on an address, a named person or both. Nominations from the field wait as 'proposed'
-- until someone who keeps the register accepts or rejects them; only 'active' markers are
-- shown before a visit. The keys are what the matching rules compare (risk-register/rules.ts).
create table risk_marker (
  council_id uuid not null references council,
  id uuid not null,
  kind text not null check (kind in ('violent', 'mental-health', 'hostel', 'care-in-community', 'other')),
  status text not null check (status in ('active', 'proposed', 'rejected', 'removed')),
  address text not null default '' check (length(address) <= 300),
  postcode_key text not null default '' check (length(postcode_key) <= 8),
  person_name text not null default '' check (length(person_name) <= 200),
  surname_key text not null default '' check (length(surname_key) <= 200),
  reason text not null check (length(reason) between 1 and 5000),
  what_to_do text not null default '' check (length(what_to_do) <= 1000),
  review_on date not null,
  nominated_by uuid not null,
  nominated_at timestamptz not null,
  -- The visit a nomination came from, when it came from one.
  visit_id uuid,
  -- Why it was rejected or removed.
  end_reason text not null default '' check (length(end_reason) <= 2000),
  ended_at timestamptz,
  anonymised_at timestamptz,
  updated_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, nominated_by) references person,
  foreign key (council_id, visit_id) references planned_visit,
  check (status <> 'active' or what_to_do <> ''),
  check ((status in ('rejected', 'removed')) = (ended_at is not null)),
  check (anonymised_at is not null or address <> '' or person_name <> '')
);
create index risk_marker_postcode on risk_marker (council_id, postcode_key) where status = 'active';
create index risk_marker_surname on risk_marker (council_id, surname_key) where status = 'active';
create index risk_marker_status on risk_marker (council_id, status, review_on);

-- What happened to a marker, in order: its history on the marker's page.
create table risk_marker_event (
  council_id uuid not null,
  id uuid not null,
  marker_id uuid not null,
  -- Its place in the marker's history; changes to a marker hold its row locked, so no two share one.
  seq integer not null check (seq > 0),
  action text not null check (action in ('added', 'nominated', 'accepted', 'rejected', 'edited', 'removed', 'anonymised')),
  -- What changed, or why (a rejection's or removal's reason).
  note text not null default '' check (length(note) <= 2000),
  by_id uuid,
  at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, marker_id, seq),
  foreign key (council_id, marker_id) references risk_marker,
  foreign key (council_id, by_id) references person
);
