-- A council's own copy of GOV.UK's bank holiday list (bank-holidays.json), uploaded by an
-- administrator when the list shipped with Probity is running out. Each division's events, as
-- {"england-and-wales": {"events": [{"date": "2029-01-01", "title": "New Year’s Day"}, …]}, …},
-- and the whole years they cover. Deadlines are worked out on whichever list, shipped or uploaded, runs later.
create table bank_holiday_list (
  council_id uuid primary key references council,
  holidays jsonb not null,
  covers_from date not null,
  covers_to date not null check (covers_to >= covers_from),
  uploaded_by uuid not null,
  uploaded_at timestamptz not null,
  foreign key (council_id, uploaded_by) references person (council_id, id)
);

-- The list is one of the council's working rules: changing it moves their version.
create trigger bank_holiday_list_rules_version after insert or update or delete on bank_holiday_list
  for each row execute function council_rules_changed();
