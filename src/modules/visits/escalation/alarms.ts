import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { lockedPlan, outOn, ownPlan, planFor } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import * as repo from '../repository.ts';
import { alertContexts } from './context.ts';
import { alertMessages } from './messages.ts';
import { alertLevels } from './rules.ts';
import { raiseAlert, sendAll } from './service.ts';

// "Need help now" [DOMAIN.md §5]: every level at once, each alert to be acknowledged by a named
// person. A second press while the first alarm is still open raises nothing new: the people told
// are already acting on it.

export async function needHelpNow(
  deps: VisitsDeps,
  principal: Principal,
  planId: string,
  requestId?: string,
) {
  const plan = await ownPlan(deps, principal, planId);
  const now = deps.clock.now();
  // Help is raised on the plan the officer is out on; on no other day does it say where they are.
  if (!outOn(plan, now))
    throw new InvalidInput([
      {
        key: 'form',
        message: 'Ask for help from the plan you are out on, or call 999 if you are in danger now',
      },
    ]);
  const context = (await alertContexts(deps, plan.councilId, [plan.id])).get(plan.id);
  if (!context) throw new NotFound('No such plan');
  const causeId = uuidv7(now.getTime());
  return deps.db.transaction().execute(async (trx) => {
    await lockedPlan(trx, plan.councilId, plan.id);
    const open = (await repo.alertsIn(trx, plan.councilId, [plan.id])).find(
      (alert) => alert.kind === 'help-now' && !alert.acknowledgedAt && !alert.resolvedAt,
    );
    if (open) return { causeId: open.causeId, already: true };
    const ids: string[] = [];
    for (const level of alertLevels) {
      const id = await raiseAlert(
        trx,
        plan.councilId,
        { planId: plan.id, causeId, kind: 'help-now', level },
        now,
      );
      if (id) ids.push(id);
    }
    // One message to each person, with the emergency step: everyone is told at once.
    await sendAll(
      deps,
      trx,
      plan.councilId,
      alertMessages('help-now', 'emergency', context, `${deps.baseUrl}/visits/alerts/${ids[0]}`),
    );
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'visit.need-help-now', recordType: 'visit-plan', recordId: plan.id, after: { causeId } },
      now,
    );
    return { causeId, already: false };
  });
}

// A named person acknowledges an alert: the next level of a missed check-in is not raised.
export async function acknowledge(
  deps: VisitsDeps,
  principal: Principal,
  alertId: string,
  note: string,
  requestId?: string,
) {
  const found = await repo.alert(deps.db, principal.councilId, alertId);
  if (!found) throw new NotFound('No such alert');
  const { plan } = await planFor(deps, principal, found.planId, 'take-call');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // The check-in's timer first, as the sweep locks it: an acknowledgement and a sweep then never
    // cross, and the sweep that follows sees the acknowledgement.
    if (found.kind === 'missed-check-in')
      await trx
        .selectFrom('check_in_due')
        .select('id')
        .where('council_id', '=', plan.councilId)
        .where('id', '=', found.causeId)
        .forUpdate()
        .execute();
    const alert = await repo.alert(trx, plan.councilId, alertId, true);
    if (!alert || alert.acknowledgedAt) return;
    await trx
      .updateTable('visit_alert')
      .set({ acknowledged_at: now, acknowledged_by: principal.personId, acknowledgement: note })
      .where('council_id', '=', plan.councilId)
      .where('id', '=', alert.id)
      .execute();
    if (alert.kind === 'missed-check-in')
      await trx
        .updateTable('check_in_due')
        .set({ next_alert_at: null })
        .where('council_id', '=', plan.councilId)
        .where('id', '=', alert.causeId)
        .execute();
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'visit-alert.acknowledge', recordType: 'visit-alert', recordId: alert.id, after: { note } },
      now,
    );
  });
}
