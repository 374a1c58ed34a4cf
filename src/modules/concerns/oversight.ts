import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import type { Database } from '../../platform/db/schema.ts';
import { addDays, type Task, taskCounts, urgencyOf } from '../../platform/web/tasks.ts';
import { personNamesById } from '../organisation/service.ts';
import { acknowledgeBy, type Clocks, feedbackBy } from './casework/rules.ts';
import { categories, outcomes } from './categories.ts';
import type { ConcernsDeps } from './deps.ts';
import { seesDetrimentFlags } from './policy.ts';
import { detrimentReports } from './repository.ts';

// What concerns ask of people: the investigator's home page tasks, the detriment flags HR and the
// monitoring officer see, and the counts the committee report reads. None says what a concern is
// about or who raised it.

// $1 council, $2 person, $3 acknowledge days, $4 feedback months.
const tasksStatement = `select
  (select count(*)::int from concern c join concern_investigator i on i.council_id = c.council_id and i.concern_id = c.id
    where c.council_id = $1 and i.person_id = $2 and c.closed_on is null and c.acknowledged_on is null) as to_acknowledge,
  (select min(c.received_on + $3::int)::text from concern c join concern_investigator i on i.council_id = c.council_id and i.concern_id = c.id
    where c.council_id = $1 and i.person_id = $2 and c.closed_on is null and c.acknowledged_on is null) as acknowledge_due,
  (select count(*)::int from concern c join concern_investigator i on i.council_id = c.council_id and i.concern_id = c.id
    where c.council_id = $1 and i.person_id = $2 and c.closed_on is null and c.feedback_on is null) as to_feed_back,
  (select min(c.received_on + make_interval(months => $4::int))::date::text from concern c join concern_investigator i on i.council_id = c.council_id and i.concern_id = c.id
    where c.council_id = $1 and i.person_id = $2 and c.closed_on is null and c.feedback_on is null) as feedback_due`;

type TaskRow = {
  to_acknowledge: number;
  acknowledge_due: string | null;
  to_feed_back: number;
  feedback_due: string | null;
};

export function concernTasks(deps: ConcernsDeps) {
  return async (principal: Principal): Promise<Task[]> => {
    if (!['audit', 'hr', 'monitoring-officer'].some((role) => principal.roles.has(role as 'audit')))
      return [];
    const { policy } = await deps.organisation.policyAndCalendar(
      principal.councilId,
      principal.councilRulesVersion,
    );
    const row = await taskCounts<TaskRow>(deps.db, tasksStatement, [
      principal.councilId,
      principal.personId,
      policy.concernAcknowledgeDays,
      policy.concernFeedbackMonths,
    ]);
    const today = londonDate(deps.clock.now());
    const soon = addDays(today, policy.concernReminderDays);
    return [
      {
        module: 'concerns',
        title: 'Concerns to acknowledge',
        count: row.to_acknowledge,
        due: row.acknowledge_due,
        href: '/concerns',
        urgency: urgencyOf(row.acknowledge_due, today, soon),
      },
      {
        module: 'concerns',
        title: 'Concerns waiting for feedback to the reporter',
        count: row.to_feed_back,
        due: row.feedback_due,
        href: '/concerns',
        urgency: urgencyOf(row.feedback_due, today, soon),
      },
    ];
  };
}

export async function detrimentFlags(deps: ConcernsDeps, principal: Principal) {
  if (!seesDetrimentFlags(principal)) return [];
  const rows = await detrimentReports(deps.db, principal.councilId);
  const names = await personNamesById(deps.db, principal.councilId, [
    ...new Set(rows.flatMap((r) => r.investigator_ids ?? [])),
  ]);
  return rows.map((row) => ({
    reference: row.reference,
    reportedOn: londonDate(row.sent_at),
    investigators: (row.investigator_ids ?? []).map((id) => names.get(id) ?? 'Unknown'),
  }));
}

type Period = { from: string; to: string };
type Count = { code: string; label: string; count: number };
export type CommitteeSummary = {
  received: number;
  byCategory: Count[];
  byOutcome: Count[];
  acknowledgedInTime: number;
  feedbackInTime: number;
  open: number;
};

// Counts of the concerns received in a period (by the date received, both ends included), for the
// committee report (002 Monitoring and Reporting: summary reporting on the outcome of investigations).
export async function committeeSummary(
  db: Kysely<Database>,
  councilId: string,
  period: Period,
  clocks: Clocks,
): Promise<CommitteeSummary> {
  const rows = await db
    .selectFrom('concern')
    .select(['category', 'outcome', 'received_on', 'acknowledged_on', 'feedback_on', 'closed_on'])
    .where('council_id', '=', councilId)
    .where('received_on', '>=', period.from)
    .where('received_on', '<=', period.to)
    .execute();
  const countBy = (
    list: readonly { code: string; label: string }[],
    of: (row: (typeof rows)[number]) => string | null,
  ) => list.map(({ code, label }) => ({ code, label, count: rows.filter((row) => of(row) === code).length }));
  return {
    received: rows.length,
    byCategory: countBy(categories, (row) => row.category),
    byOutcome: countBy(outcomes, (row) => row.outcome),
    acknowledgedInTime: rows.filter(
      (r) => r.acknowledged_on && r.acknowledged_on <= acknowledgeBy(r.received_on, clocks),
    ).length,
    feedbackInTime: rows.filter((r) => r.feedback_on && r.feedback_on <= feedbackBy(r.received_on, clocks))
      .length,
    open: rows.filter((row) => row.closed_on === null).length,
  };
}

// Every data key of the council not wrapped with the current key-encryption key, wrapped again
// with it (rotation: docs/operations.md). Answers how many were.
export async function rewrapKeys(
  deps: Pick<ConcernsDeps, 'db' | 'clock' | 'sealer'>,
  councilId: string,
): Promise<number> {
  const current = deps.sealer.currentVersion();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('concern')
      .select(['id', 'key_version', 'wrapped_key'])
      .where('council_id', '=', councilId)
      .where('key_version', '<>', current)
      .where('wrapped_key', 'is not', null)
      .$narrowType<{ wrapped_key: Buffer }>()
      .forUpdate()
      .execute();
    for (const row of rows) {
      const wrapped = deps.sealer.rewrap(councilId, { version: row.key_version, wrapped: row.wrapped_key });
      await trx
        .updateTable('concern')
        .set({ key_version: wrapped.version, wrapped_key: wrapped.wrapped })
        .where('council_id', '=', councilId)
        .where('id', '=', row.id)
        .execute();
    }
    if (rows.length)
      await appendAudit(
        trx,
        { councilId, personId: null, label: 'Probity' },
        {
          action: 'concern.keys-rewrapped',
          recordType: 'concern',
          after: { count: rows.length, version: current },
        },
        deps.clock.now(),
      );
    return rows.length;
  });
}
