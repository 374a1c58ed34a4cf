-- A person who has forgotten their password asks for a reset link: a one-time token like an
-- invitation's, for another purpose. Recent links per person are counted to limit how often one
-- address can be sent them.
alter table one_time_token drop constraint one_time_token_purpose_check;
alter table one_time_token add constraint one_time_token_purpose_check
  check (purpose in ('set-password', 'reset-password'));
create index one_time_token_person on one_time_token (council_id, person_id, purpose, created_at);
