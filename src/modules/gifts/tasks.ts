import { can } from '../../platform/auth/permissions.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { addWorkingDays } from '../../platform/calendar/working-days.ts';
import { perCouncilCache } from '../../platform/short-cache.ts';
import { addDays, type Task, taskCounts, urgencyOf } from '../../platform/web/tasks.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import { endedPeriods } from './reviews/status.ts';

// A person's gifts work: the offers waiting for their approval (001 §67) and the quarterly
// reviews of the registers they sign off that have not been signed (001 §73), read in one
// statement. $1 council, $2 person, $3 the registers they review, $4 the first period's start,
// $5 the review period in months.
const statement = `select
  (select count(*)::int from gift_offer
    where council_id = $1 and state = 'awaiting-approval' and approver_id = $2) as approvals,
  (select coalesce(json_agg(r), '[]') from (select register_key as key, period_start as start
    from gift_review where council_id = $1 and register_key = any($3::text[]) and period_start >= $4::date) r) as signed,
  (select coalesce(json_agg(e), '[]') from (select register_key as key,
      make_date(extract(year from offered_on)::int,
        ((extract(month from offered_on)::int - 1) / $5::int) * $5::int + 1, 1) as start, count(*)::int as entries
    from gift_offer where council_id = $1 and register_key = any($3::text[]) and offered_on >= $4::date
    group by 1, 2) e) as entries`;

type Row = {
  approvals: number;
  signed: { key: string; start: string }[];
  entries: { key: string; start: string; entries: number }[];
};

// A director's and the chief executive's register of senior officers is theirs whether or not it
// has entries; a former manager's only while it has some (as on the reviews dashboard).
function reviewedRegisters(principal: Principal) {
  const { roles, personId } = principal;
  const always: string[] = [];
  if (roles.has('monitoring-officer')) always.push('monitoring-officer');
  if (roles.has('director') || roles.has('chief-executive')) always.push(`senior:${personId}`);
  if (roles.has('head-of-service') && principal.serviceId) always.push(`service:${principal.serviceId}`);
  const withEntries = always.includes(`senior:${personId}`) ? [] : [`senior:${personId}`];
  return { always, withEntries };
}

export function giftTasks(deps: ModuleDeps) {
  const startedOn = perCouncilCache(
    async (councilId) => londonDate(await deps.organisation.councilCreatedAt(councilId)),
    60 * 60 * 1000,
  );
  return async (principal: Principal): Promise<Task[]> => {
    if (!can(principal.roles, 'gifts:use')) return [];
    const { councilId } = principal;
    const registers = reviewedRegisters(principal);
    const [{ policy, calendar }, started] = await Promise.all([
      deps.organisation.policyAndCalendar(councilId, principal.councilRulesVersion),
      startedOn(councilId),
    ]);
    const today = londonDate(deps.clock.now());
    const periods = endedPeriods(today, policy.giftReviewMonths);
    const from = periods.at(-1)?.start ?? today;
    const keys = [...registers.always, ...registers.withEntries];
    const row = await taskCounts<Row>(deps.db, statement, [
      councilId,
      principal.personId,
      keys,
      from,
      policy.giftReviewMonths,
    ]);
    const entriesOf = (key: string, start: string) =>
      row.entries.find((e) => e.key === key && e.start === start)?.entries ?? 0;
    const shown = keys.filter(
      (key) => registers.always.includes(key) || row.entries.some((e) => e.key === key),
    );
    const dues: string[] = [];
    for (const key of shown)
      for (const period of periods) {
        if (row.signed.some((s) => s.key === key && s.start === period.start)) continue;
        // A period that ended before the council used Probity is reviewed only if it has entries.
        if (period.end < started && entriesOf(key, period.start) === 0) continue;
        dues.push(addWorkingDays(calendar, period.end, policy.giftReviewDueWorkingDays));
      }
    const due = dues.sort()[0] ?? null;
    return [
      {
        module: 'gifts',
        title: 'Gifts and hospitality to approve',
        count: row.approvals,
        due: null,
        href: '/gifts/approvals',
        urgency: 'later',
      },
      {
        module: 'gifts',
        title: 'Gifts and hospitality reviews to sign off',
        count: dues.length,
        due,
        href: '/gifts/reviews',
        urgency: urgencyOf(due, today, addDays(today, 14)),
      },
    ];
  };
}
