-- Platform tables. Every table carries council_id and every key starts with it, so the schema
-- can be distributed on council_id (docs/architecture.md).
create extension if not exists pg_trgm;

create table council (
  council_id uuid primary key,
  name text not null check (length(name) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9-]{1,60}$'),
  division text not null check (division in ('england-and-wales', 'scotland', 'northern-ireland')),
  created_at timestamptz not null default now()
);

create table council_policy (
  council_id uuid primary key references council,
  settings jsonb not null default '{}',
  updated_at timestamptz not null default now()
);

create table directorate (
  council_id uuid not null references council,
  id uuid not null,
  name text not null,
  primary key (council_id, id),
  unique (council_id, name)
);

create table service (
  council_id uuid not null,
  id uuid not null,
  directorate_id uuid not null,
  name text not null,
  primary key (council_id, id),
  unique (council_id, name),
  foreign key (council_id, directorate_id) references directorate
);

create table person (
  council_id uuid not null references council,
  id uuid not null,
  email text not null,
  name text not null,
  job_title text not null,
  service_id uuid,
  line_manager_id uuid,
  employment_type text not null check (employment_type in ('employee', 'contractor', 'agency', 'volunteer')),
  politically_restricted boolean not null default false,
  active boolean not null default true,
  password_hash text,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  deactivated_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, service_id) references service,
  foreign key (council_id, line_manager_id) references person,
  check (line_manager_id is null or line_manager_id <> id)
);
-- A person signs in with an email address that identifies them across every council served.
create unique index person_email on person (lower(email));
create index person_line_manager on person (council_id, line_manager_id);
create index person_name_trgm on person using gin (name gin_trgm_ops);

create table person_role (
  council_id uuid not null,
  person_id uuid not null,
  role text not null,
  primary key (council_id, person_id, role),
  foreign key (council_id, person_id) references person
);

create table session (
  council_id uuid not null,
  id text not null,
  person_id uuid not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, person_id) references person
);
create index session_person on session (council_id, person_id);

create table api_token (
  council_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  name text not null,
  token_hash text not null,
  scope text not null check (scope in ('read', 'read-write')),
  created_at timestamptz not null,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (council_id, id),
  unique (council_id, token_hash),
  foreign key (council_id, person_id) references person
);

create table one_time_token (
  council_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  purpose text not null check (purpose in ('set-password')),
  token_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (council_id, id),
  unique (council_id, token_hash),
  foreign key (council_id, person_id) references person
);

create table calendar_override (
  council_id uuid not null references council,
  day date not null,
  kind text not null check (kind in ('holiday', 'working-day')),
  title text not null,
  primary key (council_id, day)
);

-- The audit trail: append-only, each event's hash chains to the previous event of its council.
create table audit_head (
  council_id uuid primary key references council,
  seq bigint not null,
  hash text not null
);

create table audit_event (
  council_id uuid not null references council,
  seq bigint not null,
  id uuid not null,
  occurred_at timestamptz not null,
  actor_id uuid,
  actor_label text not null,
  action text not null,
  record_type text not null,
  record_id text,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text not null,
  hash text not null,
  primary key (council_id, seq)
);
create index audit_event_record on audit_event (council_id, record_type, seq desc);
create index audit_event_actor on audit_event (council_id, actor_id, seq desc);
create index audit_event_time on audit_event (council_id, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only';
end
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_is_append_only();
