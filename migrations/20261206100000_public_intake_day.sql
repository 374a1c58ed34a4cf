-- What the public started and uploaded on the complaint form each London day, counted against the
-- council's daily ceilings (policy publicComplaintsPerDay, publicUploadMegabytesPerDay).
create table public_intake_day (
  council_id uuid not null references council,
  day date not null,
  drafts integer not null default 0,
  upload_bytes bigint not null default 0,
  primary key (council_id, day)
);
