import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { lockedPlan } from '../access.ts';
import * as repo from '../repository.ts';
import { dropInPlan } from './visits.ts';

// Every visit still to come on an account dropped from its plan, with the reason (recovery action
// suspended on the account [004]): visits on a later day, and today's not yet started nor
// recorded. Runs in the caller's transaction; each drop is listed on its plan and audited.
export async function dropFutureVisits(
  trx: Kysely<Database>,
  drop: { councilId: string; accountRef: string; reason: string; by: string; at: Date },
  actor: Actor,
): Promise<string[]> {
  const { councilId, accountRef, at } = drop;
  const today = londonDate(at);
  const found = await trx
    .selectFrom('planned_visit as v')
    .innerJoin('visit_plan as p', (join) =>
      join.onRef('p.council_id', '=', 'v.council_id').onRef('p.id', '=', 'v.plan_id'),
    )
    .leftJoin('visit_record as r', (join) =>
      join.onRef('r.council_id', '=', 'v.council_id').onRef('r.visit_id', '=', 'v.id'),
    )
    .select(['v.id', 'v.plan_id', 'v.address'])
    .where('v.council_id', '=', councilId)
    .where('v.account_ref', '=', accountRef)
    .where('v.dropped_at', 'is', null)
    .where('r.visit_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('p.plan_date', '>', today),
        eb.and([eb('p.plan_date', '=', today), eb('v.planned_start', '>', at)]),
      ]),
    )
    .orderBy('v.plan_id')
    .execute();
  for (const visit of found) {
    const plan = await lockedPlan(trx, councilId, visit.plan_id);
    const current = await repo.visit(trx, councilId, plan.id, visit.id, true);
    if (!current || current.droppedAt) continue;
    await dropInPlan(trx, plan, current, { reason: drop.reason, by: drop.by, at });
    await appendAudit(
      trx,
      actor,
      {
        action: 'visit.drop',
        recordType: 'planned-visit',
        recordId: visit.id,
        after: { reason: drop.reason },
      },
      at,
    );
  }
  return found.map((visit) => visit.id);
}
