import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { incidentKinds, kindNames } from './rules.ts';

// Visit-safety incidents for a committee pack: how many happened in the period (London dates), by
// kind, how many were serious (violence or injury, [000] the events health and safety follow up)
// and how many the police were told of. Counts only: nothing about who or where.
export type IncidentsCommitteeSummary = {
  incidents: number;
  serious: number;
  policeInvolved: number;
  byKind: { code: string; label: string; count: number }[];
};

const londonDay = sql`(occurred_at at time zone 'Europe/London')::date`;

export async function committeeSummary(
  db: Kysely<Database>,
  councilId: string,
  period: { from: string; to: string },
): Promise<IncidentsCommitteeSummary> {
  const within = sql<boolean>`${londonDay} between ${period.from}::date and ${period.to}::date`;
  const [totals, kinds] = await Promise.all([
    db
      .selectFrom('visit_incident')
      .select([
        sql<number>`count(*)::int`.as('incidents'),
        sql<number>`(count(*) filter (where kinds && array['violence', 'injury']::text[]))::int`.as(
          'serious',
        ),
        sql<number>`(count(*) filter (where police_reference <> ''))::int`.as('police'),
      ])
      .where('council_id', '=', councilId)
      .where(within)
      .executeTakeFirstOrThrow(),
    sql<{ kind: string; count: number }>`
      select k.kind, count(*)::int as count from visit_incident, unnest(kinds) as k(kind)
      where council_id = ${councilId} and ${within} group by k.kind`.execute(db),
  ]);
  return {
    incidents: Number(totals.incidents),
    serious: Number(totals.serious),
    policeInvolved: Number(totals.police),
    byKind: incidentKinds.map((code) => ({
      code,
      label: kindNames[code],
      count: Number(kinds.rows.find((row) => row.kind === code)?.count ?? 0),
    })),
  };
}
