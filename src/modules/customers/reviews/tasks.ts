import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addDays, type Task, taskCounts, urgencyOf } from '../../../platform/web/tasks.ts';
import type { ModuleDeps } from '../../organisation/service.ts';

// Reviews of customers' categories and contact restrictions falling due within four weeks, and
// customers' requests for a review not yet answered (003 VC §4.6), for those who decide them
// (complaints managers), in one statement. $1 council, $2 the last day counted as due, $3 today: a
// restriction past its own end date is no longer reviewed.
const statement = `with candidates as (
    select id from customer where council_id = $1 and category <> 'none' and category_review_on is not null
    union select customer_id from contact_restriction where council_id = $1 and ended_on is null
      and (ends_on is null or ends_on > $3::date)
    union select customer_id from behaviour_review where council_id = $1 and decision is null),
  reviewed as (
    select least(c.category_review_on, (select min(r.review_on) from contact_restriction r
        where r.council_id = c.council_id and r.customer_id = c.id and r.ended_on is null
          and (r.ends_on is null or r.ends_on > $3::date))) as review_on,
      exists (select 1 from behaviour_review b
        where b.council_id = c.council_id and b.customer_id = c.id and b.decision is null) as requested
    from candidates k join customer c on c.council_id = $1 and c.id = k.id
    where c.anonymised_at is null)
  select count(*)::int as due, min(review_on)::text as "dueFrom" from reviewed
  where requested or review_on <= $2::date`;

const dueWithinDays = 28;

export async function customerReviewTasks(deps: ModuleDeps, principal: Principal): Promise<Task[]> {
  if (!can(principal.roles, 'complaints:manage')) return [];
  const today = londonDate(deps.clock.now());
  const by = addDays(today, dueWithinDays);
  const row = await taskCounts<{ due: number; dueFrom: string | null }>(deps.db, statement, [
    principal.councilId,
    by,
    today,
  ]);
  return [
    {
      module: 'customers',
      title: 'Customer restriction reviews due',
      count: row.due,
      due: row.dueFrom,
      href: '/customers/reviews',
      urgency: urgencyOf(row.dueFrom, today, addDays(today, 7)),
    },
  ];
}
