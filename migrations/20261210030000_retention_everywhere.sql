-- Every record type holding personal data has a retention period (DOMAIN.md "Records, privacy and
-- audit"): when a record's personal data was removed under it. A record anonymised is never
-- picked again, so the daily job is idempotent.
alter table gift_offer add column anonymised_at timestamptz;
alter table declaration add column anonymised_at timestamptz;
alter table related_party_return add column anonymised_at timestamptz;
alter table enforcement_case add column anonymised_at timestamptz;
alter table conduct_complaint add column anonymised_at timestamptz;
alter table visit_record add column anonymised_at timestamptz;
