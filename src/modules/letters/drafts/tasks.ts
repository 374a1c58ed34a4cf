import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { type Task, taskCounts, urgencyOf } from '../../../platform/web/tasks.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { mayApproveLetters } from '../policy.ts';

// The letters waiting for a person, read in one statement: the drafts they wrote, not yet sent,
// and, for the complaints team, the letters sent for approval that they had no hand in. A letter
// is due the day it was written (or sent for approval): the decision it tells of is already made.
// $1 council, $2 person, $3 whether they approve letters.
const statement = `with drafts as (select written_at from letter
    where council_id = $1 and state = 'draft' and written_by = $2),
  approvals as (select submitted_at from letter
    where council_id = $1 and state = 'awaiting-approval' and $3::boolean
      and written_by is distinct from $2 and edited_by is distinct from $2
      and submitted_by is distinct from $2)
  select
    (select count(*)::int from drafts) as drafts,
    (select min((written_at at time zone 'Europe/London')::date)::text from drafts) as "draftsFrom",
    (select count(*)::int from approvals) as approvals,
    (select min((submitted_at at time zone 'Europe/London')::date)::text from approvals) as "approvalsFrom"`;

type Row = { drafts: number; draftsFrom: string | null; approvals: number; approvalsFrom: string | null };

export async function letterTasks({ db, clock }: Pick<ModuleDeps, 'db' | 'clock'>, principal: Principal) {
  const today = londonDate(clock.now());
  const row = await taskCounts<Row>(db, statement, [
    principal.councilId,
    principal.personId,
    mayApproveLetters(principal),
  ]);
  const task = (title: string, count: number, due: string | null): Task => ({
    module: 'letters',
    title,
    count,
    due,
    href: '/letters',
    urgency: urgencyOf(due, today, today),
  });
  return [
    task('Letters you wrote to check and send', row.drafts, row.draftsFrom),
    task('Letters waiting for your approval', row.approvals, row.approvalsFrom),
  ];
}
