-- Route planning (DOMAIN.md §5 Planning; 004 "plan daily workload to ensure the most efficient
-- route"): a team's day as the planner proposed it and the team leader adjusted it, until it is
-- made into the officers' day plans.
create table route_proposal (
  council_id uuid not null references council,
  id uuid not null,
  plan_date date not null,
  responsible_officer_id uuid not null,
  -- The day as planned: officers with their hours, start and end; visits with their place,
  -- duration, the minutes they may start in, and what the checks found.
  day jsonb not null,
  routes jsonb not null,
  unplanned jsonb not null,
  -- Bumped by every change, so that two changes made from the same page cannot both apply.
  version integer not null default 1 check (version >= 1),
  -- Each officer's day plan once made, by officer id.
  made jsonb not null default '{}',
  making_since timestamptz,
  made_at timestamptz,
  created_by uuid not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, responsible_officer_id) references person,
  foreign key (council_id, created_by) references person
);

create index route_proposal_by_day on route_proposal (council_id, plan_date);
