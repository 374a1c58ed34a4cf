-- A recovery hold may be placed from an enforcement case's outcome as well as from a visit's
-- record [004: recovery action suspended or withdrawn where vulnerability is identified]: the hold
-- then names no planned visit, and the agent's line manager lifts it.
alter table account_recovery_hold alter column visit_id drop not null;
