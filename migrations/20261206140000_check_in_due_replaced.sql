-- A visit re-timed after its check-in was alerted owes a new check-in, with alerts of its own: the
-- old one is cancelled and kept with its alerts, so only check-ins still owed are one per visit.
drop index check_in_due_visit;
create unique index check_in_due_visit on check_in_due (council_id, plan_id, visit_id)
  where visit_id is not null and cancelled_at is null;

-- A visit's address or details changed on a shared plan is a change the responsible officer sees.
alter table plan_change drop constraint plan_change_kind_check;
alter table plan_change add constraint plan_change_kind_check check (kind in (
  'shared', 'visit-added', 'visit-dropped', 'visit-changed', 'reordered', 'retimed', 'deviation', 'advice', 'authorised'
));
