import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addWorkingDays } from '../../../platform/calendar/working-days.ts';
import { addDays, type Task, taskCounts, urgencyOf } from '../../../platform/web/tasks.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { can } from '../policy.ts';

// What waits for the monitoring officer (complaints to assess, decisions to make, sanctions whose
// compliance is due) and for an investigator (their investigations to report), in one statement.
// $1 council, $2 person.
const statement = `select
  (select count(*)::int from conduct_complaint where council_id = $1 and state = 'received') as to_assess,
  (select min(received_on)::text from conduct_complaint where council_id = $1 and state = 'received') as first_to_assess,
  (select count(*)::int from conduct_complaint where council_id = $1 and state in ('assessed', 'reported')) as to_decide,
  (select min(received_on)::text from conduct_complaint where council_id = $1 and state = 'assessed') as first_to_decide,
  (select count(*)::int from conduct_sanction where council_id = $1 and compliance = 'due') as sanctions_due,
  (select min(comply_by)::text from conduct_sanction where council_id = $1 and compliance = 'due') as first_comply_by,
  (select count(*)::int from conduct_complaint
    where council_id = $1 and state = 'investigation' and investigator_id = $2) as to_report`;

type Row = {
  to_assess: number;
  first_to_assess: string | null;
  to_decide: number;
  first_to_decide: string | null;
  sanctions_due: number;
  first_comply_by: string | null;
  to_report: number;
};

const task = (title: string, count: number, due: string | null, today: string): Task => ({
  module: 'conduct',
  title,
  count,
  due,
  href: '/conduct',
  urgency: urgencyOf(due, today, addDays(today, 7)),
});

export function conductTasks({ db, clock, organisation }: Pick<ModuleDeps, 'db' | 'clock' | 'organisation'>) {
  return async (principal: Principal): Promise<Task[]> => {
    const row = await taskCounts<Row>(db, statement, [principal.councilId, principal.personId]);
    const today = londonDate(clock.now());
    const investigating = row.to_report
      ? [task('Councillor conduct investigations to report', row.to_report, null, today)]
      : [];
    const works = can(principal, 'work', { councilId: principal.councilId, investigatorId: null, state: '' });
    if (!works) return investigating;
    // The due dates count the council's working days from the earliest complaint received.
    const { policy, calendar } = await organisation.policyAndCalendar(
      principal.councilId,
      principal.councilRulesVersion,
    );
    const dueAfter = (received: string | null, days: number) =>
      received ? addWorkingDays(calendar, received, days) : null;
    return [
      task(
        'Councillor conduct complaints to assess',
        row.to_assess,
        dueAfter(row.first_to_assess, policy.conductAssessmentWorkingDays),
        today,
      ),
      task(
        'Councillor conduct decisions to make',
        row.to_decide,
        dueAfter(row.first_to_decide, policy.conductDecisionWorkingDays),
        today,
      ),
      task('Councillor conduct sanctions: compliance due', row.sanctions_due, row.first_comply_by, today),
    ];
  };
}
