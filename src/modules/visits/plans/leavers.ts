import { sql } from 'kysely';
import { countsByPerson, type HeldWork } from '../../organisation/service.ts';

// Day plans, today's and later, for which a leaver is the responsible officer who holds the diary
// sheet and takes the calls [004], moved to another: never to the officer going out that day.
export const responsibleForVisits: HeldWork = {
  kind: 'visit-plans',
  module: 'Field visits',
  title: 'Day plans, today and later, they are responsible officer for',
  href: '/visits/console',
  roles: ['responsible-officer', 'line-manager'],
  async held(q, councilId, personIds, today) {
    if (personIds.length === 0) return new Map();
    const { rows } = await sql<{ person: string; count: number }>`
      select responsible_officer_id as person, count(*)::int as count from visit_plan
      where council_id = ${councilId} and plan_date >= ${today}::date
        and responsible_officer_id = any(${[...personIds]}::uuid[])
      group by responsible_officer_id`.execute(q);
    return countsByPerson(rows);
  },
  async move(trx, councilId, from, to, today) {
    const moved = await trx
      .updateTable('visit_plan')
      .set({ responsible_officer_id: to.id })
      .where('council_id', '=', councilId)
      .where('responsible_officer_id', '=', from)
      .where('plan_date', '>=', today)
      .where('officer_id', '<>', to.id)
      .returning('id')
      .execute();
    return moved.map((row) => row.id);
  },
};
