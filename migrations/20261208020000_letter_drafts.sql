-- A letter an officer writes is checked before it goes: kept as a draft they can read as it will
-- be sent and change, sent by them, or, for the kinds the council chooses, sent for a second
-- person's approval and sent when approved. Letters no one signed in wrote (the complainant
-- online, scheduled work) are sent at once, as before. A sent letter is final.
--
-- state: draft → sent, or draft → awaiting-approval → sent (or back to draft, returned with a
-- reason). version counts the changes, so that a person sends or approves the letter they read.
-- written_by: who wrote it (null: no one signed in); edited_by: who last changed its words;
-- submitted_by: who sent it for approval; approved_by: who approved it; sent_by: who sent it, or
-- sent it for the approval that sent it. kept: the words a change to the letter must keep as
-- written, by placeholder (its dates, the Ombudsman's details: what the records and the Code say).
alter table letter
  add column state text not null default 'sent'
    check (state in ('draft', 'awaiting-approval', 'sent')),
  add column version integer not null default 1,
  add column written_by uuid,
  add column written_at timestamptz,
  add column edited_by uuid,
  add column edited_at timestamptz,
  add column submitted_by uuid,
  add column submitted_at timestamptz,
  add column approved_by uuid,
  add column returned_by uuid,
  add column return_reason text not null default '' check (length(return_reason) <= 2000),
  add column kept jsonb not null default '{}',
  add foreign key (council_id, written_by) references person,
  add foreign key (council_id, edited_by) references person,
  add foreign key (council_id, submitted_by) references person,
  add foreign key (council_id, approved_by) references person,
  add foreign key (council_id, returned_by) references person;

-- Every letter so far was written and sent at once, by whoever sent it.
update letter set written_by = sent_by, written_at = sent_at;
alter table letter alter column written_at set not null;
alter table letter alter column sent_at drop not null;
alter table letter add constraint letter_sent_when_sent check ((state = 'sent') = (sent_at is not null));
alter table letter add constraint letter_approved_only_when_sent check (approved_by is null or state = 'sent');
alter table letter alter column state drop default;

-- Letters are listed in the order they were written, sent or not.
drop index letter_by_complaint;
drop index letter_by_customer;
create index letter_by_complaint on letter (council_id, complaint_id, written_at);
create index letter_by_customer on letter (council_id, customer_id, written_at);
-- The few letters waiting: drafts for their writers, those awaiting approval for the approvers.
create index letter_waiting on letter (council_id, state, written_by) where state <> 'sent';

-- A sent letter is what the person received: it is never changed or removed. The one change
-- allowed is retention's anonymising, which blanks who it went to and sets its subject and body to
-- the same words of removal, changing nothing else.
create function letter_sent_is_final() returns trigger language plpgsql as $$
begin
  if old.state <> 'sent' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op = 'UPDATE'
    and new.recipient_name = '' and new.recipient_email = '' and new.recipient_address = ''
    and new.subject = new.body
    and (new.council_id, new.id, new.complaint_id, new.customer_id, new.kind, new.emailed, new.state,
         new.version, new.written_by, new.written_at, new.edited_by, new.edited_at, new.submitted_by,
         new.submitted_at, new.approved_by, new.returned_by, new.return_reason, new.sent_by, new.sent_at,
         new.kept)
      is not distinct from
        (old.council_id, old.id, old.complaint_id, old.customer_id, old.kind, old.emailed, old.state,
         old.version, old.written_by, old.written_at, old.edited_by, old.edited_at, old.submitted_by,
         old.submitted_at, old.approved_by, old.returned_by, old.return_reason, old.sent_by, old.sent_at,
         old.kept)
  then
    return new;
  end if;
  raise exception 'a sent letter cannot be changed or removed';
end
$$;
create trigger letter_sent_no_change before update or delete on letter
  for each row execute function letter_sent_is_final();
