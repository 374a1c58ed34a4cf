-- Residents send evidence (photos, documents) with a complaint on the public form: several files a
-- draft, each with its own id, so that one can be removed before the complaint is sent. A draft
-- still holds at most one written authority.
alter table complaint_draft_document add column id uuid not null default gen_random_uuid();
alter table complaint_draft_document alter column id drop default;
alter table complaint_draft_document drop constraint complaint_draft_document_pkey;
alter table complaint_draft_document add primary key (council_id, draft_id, id);
create unique index complaint_draft_authority on complaint_draft_document (council_id, draft_id)
  where purpose = 'authority';
