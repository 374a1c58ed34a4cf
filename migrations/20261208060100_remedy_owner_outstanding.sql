-- The remedies a person owns that are not done, soonest due first: their home page counts them
-- and links the first (casework/tasks.ts), a short range of this index rather than a filter over
-- every outstanding remedy in the council.
create index remedy_owner_outstanding on complaint_remedy (council_id, owner_id, due_on) where done_on is null;
