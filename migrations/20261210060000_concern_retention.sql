-- A closed concern is kept for the council's period (concernRetentionYears), then crypto-shredded:
-- its wrapped data key is destroyed, so nothing sealed under it can be opened again, and the
-- ciphertexts and files are dropped. What is counted (category, route, dates, outcome, message
-- kinds) stays for the committee's figures. A concern anonymised is never picked again.
alter table concern add column anonymised_at timestamptz;
alter table concern alter column wrapped_key drop not null;
alter table concern add constraint concern_key_until_anonymised
  check ((wrapped_key is null) = (anonymised_at is not null));
