import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { type Task, taskCounts } from '../../../platform/web/tasks.ts';
import type { ModuleDeps } from '../../organisation/service.ts';

// A person's field work today, in one statement: their plan for the day with its visits not
// dropped, and the safety alerts waiting for them to acknowledge: every open alert for a
// responsible officer, otherwise those on the days they hold the list for (000 out-of-hours).
// $1 council, $2 person, $3 today, $4 whether they watch every officer.
const statement = `select
  (select json_build_object('id', p.id, 'visits', (select count(*)::int from planned_visit v
      where v.council_id = p.council_id and v.plan_id = p.id and v.dropped_at is null))
    from visit_plan p where p.council_id = $1 and p.officer_id = $2 and p.plan_date = $3::date
    limit 1) as today,
  (select count(*)::int from visit_alert a
    join visit_plan p on p.council_id = a.council_id and p.id = a.plan_id
    where a.council_id = $1 and a.acknowledged_at is null and a.resolved_at is null
      and ($4::boolean or p.responsible_officer_id = $2)) as alerts,
  (select a.id from visit_alert a
    join visit_plan p on p.council_id = a.council_id and p.id = a.plan_id
    where a.council_id = $1 and a.acknowledged_at is null and a.resolved_at is null
      and ($4::boolean or p.responsible_officer_id = $2)
    order by a.raised_at limit 1) as "firstAlert"`;

type Row = { today: { id: string; visits: number } | null; alerts: number; firstAlert: string | null };

export async function visitTasks(deps: ModuleDeps, principal: Principal): Promise<Task[]> {
  if (!can(principal.roles, 'visits:plan') && !can(principal.roles, 'visits:watch')) return [];
  const today = londonDate(deps.clock.now());
  const watchesAll = principal.roles.has('responsible-officer');
  const row = await taskCounts<Row>(deps.db, statement, [
    principal.councilId,
    principal.personId,
    today,
    watchesAll,
  ]);
  return [
    {
      module: 'visits',
      title: 'Safety alerts to acknowledge',
      count: row.alerts,
      due: row.alerts ? today : null,
      href: row.alerts === 1 && row.firstAlert ? `/visits/alerts/${row.firstAlert}` : '/visits/console',
      urgency: 'now',
    },
    {
      module: 'visits',
      title: 'Your visits today',
      count: row.today?.visits ?? 0,
      due: today,
      href: row.today ? `/visits/plans/${row.today.id}` : '/visits',
      urgency: 'today',
    },
  ];
}
