import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addDays, type Task, taskCounts, urgencyOf } from '../../../platform/web/tasks.ts';
import type { ModuleDeps } from '../../organisation/service.ts';

// The enforcement cases allocated to an agent that are waiting for a visit (open, or back for a
// visit after a missed arrangement), with the earliest appointment among them, in one statement.
const statement = `select count(*)::int as cases, min(appointment_on)::text as "firstAppointment"
  from enforcement_case
  where council_id = $1 and agent_id = $2 and status in ('open', 'back-for-visit')`;

export async function enforcementTasks(deps: ModuleDeps, principal: Principal): Promise<Task[]> {
  if (!can(principal.roles, 'enforcement:work')) return [];
  const today = londonDate(deps.clock.now());
  const row = await taskCounts<{ cases: number; firstAppointment: string | null }>(deps.db, statement, [
    principal.councilId,
    principal.personId,
  ]);
  return [
    {
      module: 'enforcement',
      title: 'Enforcement cases waiting for your visit',
      count: row.cases,
      due: row.firstAppointment,
      href: '/enforcement',
      urgency: urgencyOf(row.firstAppointment, today, addDays(today, 2)),
    },
  ];
}
