-- The work queue orders and counts a handler's open stages by the deadline each must meet next:
-- its acknowledgement until it is acknowledged, then its response as extended (deadline-rules.ts
-- nextDeadline). The index is on that expression, so that the queue stays a short range scan.
drop index complaint_stage_open;
create index complaint_stage_open on complaint_stage (
  council_id,
  handler_id,
  (case when acknowledged_on is null then acknowledge_by else coalesce(extended_to, respond_by, acknowledge_by) end)
) include (extended_to, respond_by, acknowledge_by, acknowledged_on) where responded_on is null;
