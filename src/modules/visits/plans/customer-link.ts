import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { CustomersService } from '../../customers/service.ts';
import { lockedPlan } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import * as repo from '../repository.ts';
import { noteChange } from './changes.ts';
import { changeablePlan } from './service.ts';

// A visit's account holder linked to the council's record of them as a customer, so that the visit
// shows their restrictions and named contact before the officer goes (003 vexatious procedure §4.3,
// §6). The visit page offers the customers of that name; the officer or their manager picks one.

export type CustomerRecords = Pick<CustomersService, 'search' | 'liveCustomer'>;

export async function customerCandidates(customers: CustomerRecords, councilId: string, visit: repo.Visit) {
  if (visit.customerId || !visit.accountHolder || visit.droppedAt) return [];
  return (await customers.search(councilId, visit.accountHolder)).slice(0, 5);
}

export async function linkCustomer(
  deps: VisitsDeps,
  customers: CustomerRecords,
  principal: Principal,
  ids: { planId: string; visitId: string },
  customerId: string,
  requestId?: string,
) {
  const { plan, now } = await changeablePlan(deps, principal, ids.planId);
  const customer = await customers.liveCustomer(plan.councilId, customerId);
  if (!customer) throw new InvalidInput([{ key: 'customerId', message: 'Choose a customer from the list' }]);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockedPlan(trx, plan.councilId, plan.id);
    const visit = await repo.visit(trx, plan.councilId, plan.id, ids.visitId, true);
    if (!visit || visit.droppedAt) throw new NotFound('No such visit');
    await trx
      .updateTable('planned_visit')
      .set({ customer_id: customer.id })
      .where('council_id', '=', plan.councilId)
      .where('id', '=', visit.id)
      .execute();
    await noteChange(
      trx,
      locked,
      principal.personId,
      'visit-changed',
      `${visit.address}: linked to the customer record of ${customer.name}`,
      now,
    );
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'visit.customer',
        recordType: 'planned-visit',
        recordId: visit.id,
        after: { customerId: customer.id },
      },
      now,
    );
  });
}
