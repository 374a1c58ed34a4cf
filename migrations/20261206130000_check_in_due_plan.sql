-- The check-ins owed of a plan, in order: what the console reads of each officer out (the next one
-- owed, the last received, the one on arriving home) without reading the rest of the day.
create index check_in_due_plan on check_in_due (council_id, plan_id, due_at);
