import { sql } from 'kysely';
import { countsByPerson, type HeldWork } from '../../organisation/service.ts';

// Declarations awaiting a leaver's review, moved to another reviewer: never to the declarant.
export const declarationReviews: HeldWork = {
  kind: 'declaration-reviews',
  module: 'Register of interests',
  title: 'Declarations awaiting their review',
  href: '/interests/reviews',
  roles: ['line-manager', 'head-of-service', 'director', 'chief-executive', 'hr', 'monitoring-officer'],
  async held(q, councilId, personIds) {
    if (personIds.length === 0) return new Map();
    const { rows } = await sql<{ person: string; count: number }>`
      select reviewer_id as person, count(*)::int as count from declaration
      where council_id = ${councilId} and review_state = 'awaiting-review' and reviewer_id = any(${[...personIds]}::uuid[])
      group by reviewer_id`.execute(q);
    return countsByPerson(rows);
  },
  async move(trx, councilId, from, to) {
    const moved = await trx
      .updateTable('declaration')
      .set({ reviewer_id: to.id })
      .where('council_id', '=', councilId)
      .where('review_state', '=', 'awaiting-review')
      .where('reviewer_id', '=', from)
      .where('person_id', '<>', to.id)
      .returning('id')
      .execute();
    return moved.map((row) => row.id);
  },
};
