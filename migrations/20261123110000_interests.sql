-- The register of interests (DOMAIN.md §1). A declaration keeps what was true when it was made
-- (the officer's name, job title and service); each change is a new version. The people and
-- organisations a declaration names are rows of their own, so that a conflict lookup finds them.

create table declaration_reference_counter (
  council_id uuid not null references council,
  year integer not null,
  last_number integer not null,
  primary key (council_id, year)
);

create table declaration (
  council_id uuid not null references council,
  id uuid not null,
  reference text not null,
  person_id uuid not null,
  person_name text not null,
  job_title text not null,
  service_id uuid,
  service_name text not null default '',
  senior boolean not null,
  kind text not null check (kind in (
    'financial-interest', 'business-interest', 'non-financial-interest', 'membership',
    'councillor-relationship', 'contractor-relationship', 'close-associate', 'secondary-employment',
    'position-of-influence', 'planning-application', 'legacy-or-prize', 'criminal-matter'
  )),
  summary text not null check (length(summary) between 1 and 300),
  answers jsonb not null,
  weekly_hours real check (weekly_hours between 0 and 168),
  started_on date,
  declared_at timestamptz not null,
  ended_on date,
  end_reason text not null default '' check (length(end_reason) <= 1000),
  reviewer_id uuid,
  review_state text not null check (review_state in ('awaiting-review', 'reviewed')),
  outcome text check (outcome in ('no-conflict', 'conflict-managed', 'referred')),
  management_action text not null default '' check (length(management_action) <= 2000),
  referred_to text check (referred_to in ('hr', 'monitoring-officer')),
  next_review_on date,
  reviewed_by uuid,
  reviewed_by_name text,
  reviewed_at timestamptz,
  version integer not null default 1,
  recorded_by uuid not null,
  updated_at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, reference),
  foreign key (council_id, person_id) references person,
  foreign key (council_id, service_id) references service,
  foreign key (council_id, reviewer_id) references person,
  foreign key (council_id, reviewed_by) references person,
  foreign key (council_id, recorded_by) references person,
  check ((outcome is null) = (review_state = 'awaiting-review')),
  check ((outcome = 'referred') = (referred_to is not null))
);
create index declaration_by_person on declaration (council_id, person_id, declared_at desc);
create index declaration_by_date on declaration (council_id, declared_at desc, id desc);
create index declaration_by_service on declaration (council_id, service_id, declared_at desc, id desc);
create index declaration_awaiting on declaration (council_id, reviewer_id) where review_state = 'awaiting-review';

create table declaration_version (
  council_id uuid not null,
  declaration_id uuid not null,
  version integer not null,
  entry jsonb not null,
  change_reason text not null default '',
  changed_by uuid,
  changed_by_name text not null,
  changed_at timestamptz not null,
  primary key (council_id, declaration_id, version),
  foreign key (council_id, declaration_id) references declaration
);

-- The conflict lookup's keys for a name key (lookup-matching.ts nameMatchKeys): each word; '^'
-- and its first letter, which an initial stands for; each word of four or more letters again with
-- each of its letters left out in turn; and '#' with the number of words, "and" aside. A word one
-- letter away from another (a letter added, dropped, changed, or two swapped: "Smiht", "Jon")
-- shares a key with it, so the lookup finds such names by equal keys rather than by trigram
-- similarity, whose common trigrams ("  j", "th ") made every search read thousands of rows.
create function name_match_keys(name_key text) returns text[]
language sql immutable strict parallel safe
return array(
  select distinct key
  from unnest(array_remove(string_to_array(name_key, ' '), 'and')) as word,
    lateral (
      select word
      union all
      select '^' || left(word, 1)
      union all
      select left(word, i - 1) || substr(word, i + 1) from generate_series(1, length(word)) as i
      where length(word) >= 4
    ) as keys (key)
  union
  select '#' || cardinality(array_remove(string_to_array(name_key, ' '), 'and'))
);

-- Whom a declaration names. name_key is the name as the lookup compares it (lower case, no
-- punctuation, no "Ltd"/"Limited"/"plc"), match_keys its keys for the conflict lookup;
-- company_number is upper case without spaces.
create table declaration_party (
  council_id uuid not null,
  declaration_id uuid not null,
  position smallint not null,
  kind text not null check (kind in ('person', 'organisation')),
  role text not null check (length(role) between 1 and 100),
  name text not null check (length(name) between 1 and 200),
  name_key text not null,
  address text not null default '' check (length(address) <= 500),
  company_number text not null default '' check (company_number ~ '^[A-Z0-9]{0,10}$'),
  person_id uuid,
  match_keys text[] not null generated always as (name_match_keys(name_key)) stored,
  primary key (council_id, declaration_id, position),
  foreign key (council_id, declaration_id) references declaration,
  foreign key (council_id, person_id) references person
);
create index declaration_party_company on declaration_party (council_id, company_number)
  where company_number <> '';
-- Written to directly (fastupdate off): the embedded database has no autovacuum to empty GIN's
-- pending list, which every search would otherwise read through.
create index declaration_party_match on declaration_party using gin (match_keys) with (fastupdate = off);

-- Answers kept between the question pages of a declaration not yet made.
create table declaration_draft (
  council_id uuid not null references council,
  id uuid not null,
  person_id uuid not null,
  answers jsonb not null,
  updated_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, person_id) references person
);

-- An annual declaration campaign (002 Honesty: at appraisal). Its members are fixed when it opens.
create table declaration_campaign (
  council_id uuid not null references council,
  id uuid not null,
  name text not null check (length(name) between 1 and 120),
  service_ids uuid[],
  due_on date not null,
  opened_by uuid not null,
  opened_by_name text not null,
  opened_at timestamptz not null,
  closed_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, opened_by) references person
);

create table campaign_member (
  council_id uuid not null,
  campaign_id uuid not null,
  person_id uuid not null,
  person_name text not null,
  job_title text not null default '',
  service_id uuid,
  service_name text not null default '',
  field_officer boolean not null,
  response text check (response in ('confirmed', 'updated', 'nil')),
  responded_at timestamptz,
  accounts_declaration_at timestamptz,
  last_reminded_at timestamptz,
  primary key (council_id, campaign_id, person_id),
  foreign key (council_id, campaign_id) references declaration_campaign,
  foreign key (council_id, person_id) references person,
  check ((response is null) = (responded_at is null)),
  check (not field_officer or response is null or accounts_declaration_at is not null)
);
create index campaign_member_by_service on campaign_member (council_id, campaign_id, service_id, responded_at);
create index campaign_member_by_person on campaign_member (council_id, person_id);
-- Who is outstanding in each service, by name: the dashboard's lists, without sorting every member.
create index campaign_member_outstanding on campaign_member (council_id, campaign_id, service_id, person_name, person_id)
  where responded_at is null;

-- The related party transactions annual return of a relevant officer (001 §48-51), for the
-- financial year starting 1 April of financial_year.
create table related_party_return (
  council_id uuid not null references council,
  id uuid not null,
  person_id uuid not null,
  person_name text not null,
  job_title text not null,
  financial_year integer not null,
  nil boolean not null,
  entries jsonb not null,
  transactions text not null default '' check (length(transactions) <= 4000),
  submitted_at timestamptz not null,
  primary key (council_id, id),
  unique (council_id, person_id, financial_year),
  foreign key (council_id, person_id) references person
);
