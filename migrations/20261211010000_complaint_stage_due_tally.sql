-- A handler's open stages counted by the date each must meet next (its acknowledgement until it is
-- given, then its response as extended: the work queue's order, deadline-rules.ts nextDeadline),
-- kept by triggers on every change to complaint_stage, whoever makes it. A home page reads the
-- handler's dates, tens of rows, rather than their stages, thousands for a busy complaints manager.
create table complaint_stage_due_tally (
  council_id uuid not null,
  handler_id uuid not null,
  due date not null,
  open integer not null check (open >= 0),
  primary key (council_id, handler_id, due)
);

create function complaint_stage_next_due(acknowledged_on date, acknowledge_by date, extended_to date, respond_by date)
  returns date language sql immutable as $$
  select case when acknowledged_on is null then acknowledge_by else coalesce(extended_to, respond_by, acknowledge_by) end
$$;

-- Adds counted changes, one for each council, handler and date, in key order (so that two
-- changes lock the rows they share in the same order): more on a date by inserting or adding, fewer
-- by taking away (a count taken below nothing fails the check: the tally has gone wrong), then drops
-- the dates now owed nothing.
create function complaint_stage_tally_add(councils uuid[], handlers uuid[], dues date[], counts integer[])
  returns void language sql as $$
  insert into complaint_stage_due_tally as t (council_id, handler_id, due, open)
    select * from unnest(councils, handlers, dues, counts) as c (council_id, handler_id, due, n)
    where c.n > 0 order by 1, 2, 3
    on conflict (council_id, handler_id, due) do update set open = t.open + excluded.open;
  update complaint_stage_due_tally t set open = t.open + c.n
    from (select * from unnest(councils, handlers, dues, counts) as c (council_id, handler_id, due, n)
          where c.n < 0 order by 1, 2, 3) c
    where t.council_id = c.council_id and t.handler_id = c.handler_id and t.due = c.due;
  delete from complaint_stage_due_tally t
    using unnest(councils, handlers, dues) as c (council_id, handler_id, due)
    where t.council_id = c.council_id and t.handler_id = c.handler_id and t.due = c.due and t.open = 0;
$$;

-- What one statement on complaint_stage changed: +1 for each open, allocated stage it made or left,
-- -1 for each it took away, netted by council, handler and date.
create function complaint_stage_tally_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform complaint_stage_tally_add(array_agg(council_id), array_agg(handler_id), array_agg(due), array_agg(n))
    from (select council_id, handler_id,
            complaint_stage_next_due(acknowledged_on, acknowledge_by, extended_to, respond_by) as due, count(*)::int as n
          from new_stages where handler_id is not null and responded_on is null
          group by 1, 2, 3) d;
  elsif tg_op = 'DELETE' then
    perform complaint_stage_tally_add(array_agg(council_id), array_agg(handler_id), array_agg(due), array_agg(n))
    from (select council_id, handler_id,
            complaint_stage_next_due(acknowledged_on, acknowledge_by, extended_to, respond_by) as due, -count(*)::int as n
          from old_stages where handler_id is not null and responded_on is null
          group by 1, 2, 3) d;
  else
    perform complaint_stage_tally_add(array_agg(council_id), array_agg(handler_id), array_agg(due), array_agg(n))
    from (select council_id, handler_id, due, sum(n)::int as n
          from (select council_id, handler_id,
                  complaint_stage_next_due(acknowledged_on, acknowledge_by, extended_to, respond_by) as due, 1 as n
                from new_stages where handler_id is not null and responded_on is null
                union all
                select council_id, handler_id,
                  complaint_stage_next_due(acknowledged_on, acknowledge_by, extended_to, respond_by), -1
                from old_stages where handler_id is not null and responded_on is null) changed
          group by 1, 2, 3 having sum(n) <> 0) d;
  end if;
  return null;
end $$;

create trigger complaint_stage_tally_inserted after insert on complaint_stage
  referencing new table as new_stages for each statement execute function complaint_stage_tally_changed();
create trigger complaint_stage_tally_updated after update on complaint_stage
  referencing old table as old_stages new table as new_stages
  for each statement execute function complaint_stage_tally_changed();
create trigger complaint_stage_tally_deleted after delete on complaint_stage
  referencing old table as old_stages for each statement execute function complaint_stage_tally_changed();

insert into complaint_stage_due_tally (council_id, handler_id, due, open)
  select council_id, handler_id,
    complaint_stage_next_due(acknowledged_on, acknowledge_by, extended_to, respond_by), count(*)
  from complaint_stage where handler_id is not null and responded_on is null
  group by 1, 2, 3;
