import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addDays, type Task, taskCounts, urgencyOf } from '../../../platform/web/tasks.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { can } from '../policy.ts';

// What waits for the monitoring officer (complaints to assess, decisions to make, sanctions whose
// compliance is due) and for an investigator (their investigations to report), in one statement.
// $1 council, $2 person.
const statement = `select
  (select count(*)::int from conduct_complaint where council_id = $1 and state = 'received') as to_assess,
  (select count(*)::int from conduct_complaint where council_id = $1 and state in ('assessed', 'reported')) as to_decide,
  (select count(*)::int from conduct_sanction where council_id = $1 and compliance = 'due') as sanctions_due,
  (select min(comply_by)::text from conduct_sanction where council_id = $1 and compliance = 'due') as first_comply_by,
  (select count(*)::int from conduct_complaint
    where council_id = $1 and state = 'investigation' and investigator_id = $2) as to_report`;

type Row = {
  to_assess: number;
  to_decide: number;
  sanctions_due: number;
  first_comply_by: string | null;
  to_report: number;
};

export function conductTasks({ db, clock }: Pick<ModuleDeps, 'db' | 'clock'>) {
  return async (principal: Principal): Promise<Task[]> => {
    const row = await taskCounts<Row>(db, statement, [principal.councilId, principal.personId]);
    const today = londonDate(clock.now());
    const investigating: Task[] = row.to_report
      ? [
          {
            module: 'conduct',
            title: 'Councillor conduct investigations to report',
            count: row.to_report,
            due: null,
            href: '/conduct',
            urgency: 'later',
          },
        ]
      : [];
    const works = can(principal, 'work', { councilId: principal.councilId, investigatorId: null, state: '' });
    if (!works) return investigating;
    return [
      {
        module: 'conduct',
        title: 'Councillor conduct complaints to assess',
        count: row.to_assess,
        due: null,
        href: '/conduct',
        urgency: 'later',
      },
      {
        module: 'conduct',
        title: 'Councillor conduct decisions to make',
        count: row.to_decide,
        due: null,
        href: '/conduct',
        urgency: 'later',
      },
      {
        module: 'conduct',
        title: 'Councillor conduct sanctions: compliance due',
        count: row.sanctions_due,
        due: row.first_comply_by,
        href: '/conduct',
        urgency: urgencyOf(row.first_comply_by, today, addDays(today, 14)),
      },
    ];
  };
}
