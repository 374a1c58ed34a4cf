-- Casework's team queue: stages accepted (acknowledged) but not yet allocated. A stage not
-- accepted is never acknowledged, so refusals, however many, stay out of this index.
create index complaint_stage_unallocated on complaint_stage (council_id, started_on)
  where responded_on is null and handler_id is null and acknowledged_on is not null;
