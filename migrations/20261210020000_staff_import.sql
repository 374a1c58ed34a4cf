-- People as the council's HR system knows them: the staff number that identifies them there (unique
-- within a council when present), and when they started and leave.
alter table person add column staff_number text;
alter table person add column start_date date;
alter table person add column leaving_date date;
create unique index person_staff_number on person (council_id, staff_number) where staff_number is not null;

-- A staff file as uploaded and previewed, kept so that what is applied is exactly what was
-- previewed: its people digest is the council's people as they were at the preview, and applying it
-- is refused once they have changed.
create table staff_import (
  council_id uuid not null references council,
  id uuid not null,
  csv text not null,
  file_hash text not null,
  people_digest text not null,
  previewed_by uuid not null,
  previewed_at timestamptz not null,
  applied_by uuid,
  applied_at timestamptz,
  summary jsonb,
  primary key (council_id, id),
  foreign key (council_id, previewed_by) references person,
  foreign key (council_id, applied_by) references person
);
