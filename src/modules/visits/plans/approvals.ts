import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { NotFound } from '../../../platform/errors.ts';
import { lockedPlan } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import * as repo from '../repository.ts';
import { noteChange } from './changes.ts';
import { changeablePlan, refuse } from './service.ts';

// What a line manager (team leader) gives before a visit may start: advice before an unaccompanied
// or flagged visit [000 unaccompanied visits], and authorisation, with its business reason, for
// out-of-hours work [000 out-of-hours: "Line Managers must judge whether or not there is a
// business need for such visits"].

type Approval = { kind: 'advice' | 'authorisation'; text: string };

export async function approveVisit(
  deps: VisitsDeps,
  principal: Principal,
  ids: { planId: string; visitId: string },
  approval: Approval,
  requestId?: string,
) {
  const { plan, now } = await changeablePlan(deps, principal, ids.planId, 'authorise');
  const set =
    approval.kind === 'advice'
      ? { advice: approval.text, advice_by: principal.personId, advice_at: now }
      : { authorisation_reason: approval.text, authorised_by: principal.personId, authorised_at: now };
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockedPlan(trx, plan.councilId, plan.id);
    const visit = await repo.visit(trx, plan.councilId, plan.id, ids.visitId, true);
    if (!visit) throw new NotFound('No such visit');
    if (visit.droppedAt) throw refuse('form', 'This visit was dropped from the plan');
    await trx
      .updateTable('planned_visit')
      .set(set)
      .where('council_id', '=', plan.councilId)
      .where('id', '=', visit.id)
      .execute();
    await noteChange(
      trx,
      locked,
      principal.personId,
      approval.kind === 'advice' ? 'advice' : 'authorised',
      visit.address,
      now,
    );
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: `visit.${approval.kind}`, recordType: 'planned-visit', recordId: visit.id, after: set },
      now,
    );
  });
}
