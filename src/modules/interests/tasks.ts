import { can } from '../../platform/auth/permissions.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { addDays, type Task, taskCounts, urgencyOf } from '../../platform/web/tasks.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import { financialYearOf, isRelevantOfficer } from './returns/rules.ts';

// A person's interests work, read in one statement: the declarations waiting for their review
// (001 §31), the annual declaration campaigns they have yet to answer, and whether they have made
// this financial year's related party transactions return (001 §48-51). $1 council, $2 person,
// $3 the financial year.
const statement = `select
  (select count(*)::int from declaration
    where council_id = $1 and review_state = 'awaiting-review' and reviewer_id = $2) as "toReview",
  (select count(*)::int from campaign_member m
    join declaration_campaign c on c.council_id = m.council_id and c.id = m.campaign_id
    where m.council_id = $1 and m.person_id = $2 and m.responded_at is null and c.closed_at is null) as asked,
  (select min(c.due_on)::text from campaign_member m
    join declaration_campaign c on c.council_id = m.council_id and c.id = m.campaign_id
    where m.council_id = $1 and m.person_id = $2 and m.responded_at is null and c.closed_at is null) as "askedBy",
  exists (select 1 from related_party_return
    where council_id = $1 and person_id = $2 and financial_year = $3) as returned`;

type Row = { toReview: number; asked: number; askedBy: string | null; returned: boolean };

export function interestTasks(deps: ModuleDeps) {
  return async (principal: Principal): Promise<Task[]> => {
    if (!can(principal.roles, 'interests:use')) return [];
    const { councilId } = principal;
    const today = londonDate(deps.clock.now());
    const year = financialYearOf(today);
    const [{ policy }, row] = await Promise.all([
      deps.organisation.policyAndCalendar(councilId, principal.councilRulesVersion),
      taskCounts<Row>(deps.db, statement, [councilId, principal.personId, year]),
    ]);
    const owesReturn = isRelevantOfficer(principal.roles, policy.relatedPartyRoles) && !row.returned;
    return [
      {
        module: 'interests',
        title: 'Declarations of interest to review',
        count: row.toReview,
        due: null,
        href: '/interests/reviews',
        urgency: 'later',
      },
      {
        module: 'interests',
        title: 'Your annual declaration of interests',
        count: row.asked,
        due: row.askedBy,
        href: '/interests',
        urgency: urgencyOf(row.askedBy, today, addDays(today, 14)),
      },
      {
        module: 'interests',
        title: 'Your related party transactions return',
        count: owesReturn ? 1 : 0,
        due: null,
        href: '/interests/related-party-return',
        urgency: 'later',
      },
    ];
  };
}
