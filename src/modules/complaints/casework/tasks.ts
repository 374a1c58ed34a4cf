import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addWorkingDays } from '../../../platform/calendar/working-days.ts';
import { type Task, taskCounts, urgencyOf } from '../../../platform/web/tasks.ts';
import type { CaseworkDeps } from './context.ts';

// A person's complaints work, read in one statement: the stages they handle that are overdue,
// due today or at risk (within the reminder period, complaintReminderWorkingDays) by the date each
// is next due, as the work queue orders them (an acknowledgement until it is given, then the
// response), counted from the handler's tally of open stages by date up to the last day at risk
// (complaint_stage_due_tally, kept by triggers); the accounts asked of them not yet given; and the
// remedies they own not yet done (index remedy_owner_outstanding), with the first due, the only one
// whose complaint is read for its reference. $1 council, $2 person, $3 today, $4 the last day that
// counts as at risk.
const statement = `with mine as (
    select due, open from complaint_stage_due_tally
    where council_id = $1 and handler_id = $2 and due <= $4::date),
  stages as (select
      coalesce(sum(open) filter (where due < $3::date), 0)::int as overdue,
      (min(due) filter (where due < $3::date))::text as "overdueFrom",
      coalesce(sum(open) filter (where due = $3::date), 0)::int as today,
      coalesce(sum(open) filter (where due > $3::date and due <= $4::date), 0)::int as "atRisk",
      (min(due) filter (where due > $3::date and due <= $4::date))::text as "atRiskFrom"
    from mine),
  accounts as (select due_on from complaint_account_request
    where council_id = $1 and person_id = $2 and answered_at is null),
  remedies as (select due_on, complaint_id from complaint_remedy
    where council_id = $1 and owner_id = $2 and done_on is null)
  select stages.*,
    (select count(*)::int from accounts) as accounts,
    (select min(due_on)::text from accounts) as "accountsBy",
    (select count(*)::int from remedies) as remedies,
    (select json_build_object('due', r.due_on, 'reference', c.reference) from remedies r
      join complaint c on c.council_id = $1 and c.id = r.complaint_id
      where r.due_on = (select min(due_on) from remedies)
      order by c.reference limit 1) as "firstRemedy"
  from stages`;

type Row = {
  overdue: number;
  overdueFrom: string | null;
  today: number;
  atRisk: number;
  atRiskFrom: string | null;
  accounts: number;
  accountsBy: string | null;
  remedies: number;
  firstRemedy: { due: string; reference: string } | null;
};

export async function complaintTasks(deps: CaseworkDeps, principal: Principal): Promise<Task[]> {
  const { councilId } = principal;
  const { policy, calendar } = await deps.organisation.policyAndCalendar(
    councilId,
    principal.councilRulesVersion,
  );
  const today = londonDate(deps.clock.now());
  const atRiskBy = addWorkingDays(calendar, today, policy.complaintReminderWorkingDays);
  const row = await taskCounts<Row>(deps.db, statement, [councilId, principal.personId, today, atRiskBy]);
  const task = (title: string, count: number, due: string | null, href: string): Task => ({
    module: 'complaints',
    title,
    count,
    due,
    href,
    urgency: urgencyOf(due, today, atRiskBy),
  });
  const remedy = row.firstRemedy;
  return [
    task('Complaints overdue', row.overdue, row.overdueFrom, '/complaints'),
    task('Complaints due today', row.today, row.today ? today : null, '/complaints'),
    task('Complaints at risk of missing their deadline', row.atRisk, row.atRiskFrom, '/complaints'),
    task('Accounts asked of you for complaints', row.accounts, row.accountsBy, '/complaints/accounts'),
    task(
      'Complaint remedies you own',
      row.remedies,
      remedy?.due ?? null,
      remedy ? `/complaints/${remedy.reference}` : '/complaints',
    ),
  ];
}
