-- A complaint found at triage to repeat another from the same person (casework/duplicate-rules.ts)
-- is merged: closed as a duplicate of the one that goes on, which it names. Reports count the
-- complaint that goes on, not its duplicates; a duplicate's personal data goes with that
-- complaint's (retention.ts).
alter table complaint add column duplicate_of uuid;
alter table complaint add constraint complaint_duplicate_of_fkey
  foreign key (council_id, duplicate_of) references complaint;
alter table complaint drop constraint complaint_status_check;
alter table complaint add constraint complaint_status_check check (status in (
  'awaiting-triage', 'not-accepted', 'stage-1', 'stage-1-responded', 'stage-2', 'stage-2-responded', 'closed',
  'merged'
));
alter table complaint add constraint complaint_merged_names_survivor
  check ((status = 'merged') = (duplicate_of is not null) and duplicate_of is distinct from id);
-- The duplicates merged into a complaint, for its case page; and the few rows reports leave out.
create index complaint_merged_into on complaint (council_id, duplicate_of) where duplicate_of is not null;

-- Two complaints an officer has said are not duplicates of each other ("keep both"): the pair is
-- not flagged again, from either side. One row a pair, the lower id first.
create table complaint_duplicate_dismissal (
  council_id uuid not null,
  complaint_id uuid not null,
  other_id uuid not null,
  dismissed_by uuid not null,
  dismissed_at timestamptz not null,
  primary key (council_id, complaint_id, other_id),
  foreign key (council_id, complaint_id) references complaint,
  foreign key (council_id, other_id) references complaint,
  foreign key (council_id, dismissed_by) references person,
  check (complaint_id < other_id)
);
