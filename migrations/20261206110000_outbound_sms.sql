-- Text messages (safety alerts) go through the same transactional outbox as email: each is written
-- here in the transaction of the change that causes it, and a job on the durable queue sends it
-- through GOV.UK Notify. `notify_id` is the id Notify gave the message once it took it.
create table outbound_sms (
  council_id uuid not null references council,
  id uuid not null,
  recipient text not null,
  body text not null,
  state text not null default 'queued' check (state in ('queued', 'retrying', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz,
  notify_id text,
  primary key (council_id, id)
);

create index outbound_sms_newest on outbound_sms (council_id, created_at desc, id desc);
