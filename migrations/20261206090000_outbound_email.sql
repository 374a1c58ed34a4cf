-- The transactional outbox: every email is written here in the transaction of the change that
-- causes it, and a job on the durable queue (pg-boss, schema pgboss) sends it. Administrators see
-- each message's state. Links that let the recipient in (set-password) are listed in `secrets`
-- and are never shown; once a message is sent they are blanked from the stored body.
create table outbound_email (
  council_id uuid not null references council,
  id uuid not null,
  recipient text not null,
  subject text not null,
  body text not null,
  secrets text[] not null default '{}',
  state text not null default 'queued' check (state in ('queued', 'retrying', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz,
  primary key (council_id, id)
);

create index outbound_email_newest on outbound_email (council_id, created_at desc, id desc);

create table outbound_email_attachment (
  council_id uuid not null,
  email_id uuid not null,
  position integer not null,
  filename text not null,
  content_type text not null,
  size integer not null,
  -- Kept until the message is sent, then cleared: the log keeps the name and size.
  content bytea,
  primary key (council_id, email_id, position),
  foreign key (council_id, email_id) references outbound_email on delete cascade
);
