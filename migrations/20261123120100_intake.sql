-- A file uploaded on the public complaint form (a representative's written authority, 003 §4.1)
-- waits with the draft until the complaint is made, then moves to complaint_document.
create table complaint_draft_document (
  council_id uuid not null,
  draft_id uuid not null,
  purpose text not null check (purpose in ('authority', 'evidence')),
  file_name text not null check (length(file_name) between 1 and 255),
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  content bytea not null,
  uploaded_at timestamptz not null,
  primary key (council_id, draft_id, purpose),
  foreign key (council_id, draft_id) references complaint_draft on delete cascade
);
create index complaint_draft_by_age on complaint_draft (updated_at);
