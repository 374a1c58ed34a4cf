// Recovery holds: recovery action on an account suspended where vulnerability was identified at a
// visit [004: recovery action suspended or withdrawn], until a line manager lifts it with a reason.
import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { visitFor } from './access.ts';
import * as repo from './repository.ts';

export type { RecoveryHold } from './repository.ts';

// The hold in force on an account, or null: for the visit checks, which refuse a taking-control
// visit to a held account. Inside a transaction, pass it.
export function recoveryHeld(
  db: Kysely<Database>,
  councilId: string,
  accountRef: string,
  executor?: Kysely<Database>,
) {
  return repo.holdInForce(executor ?? db, councilId, accountRef);
}

// Suspends recovery on an account from outside a visit's record (an enforcement case's outcome,
// where the agent found the debtor vulnerable), in the caller's transaction when given one; the
// hold in force either way. The agent's line manager lifts it.
export async function placeHold(
  deps: ModuleDeps,
  hold: { councilId: string; accountRef: string; reason: string; heldBy: string },
  actor: Actor,
  trx?: Kysely<Database>,
): Promise<repo.RecoveryHold> {
  const place = async (q: Kysely<Database>) => {
    const now = deps.clock.now();
    const placed = await repo.placeHold(q, hold.councilId, {
      id: uuidv7(now.getTime()),
      accountRef: hold.accountRef,
      visitId: null,
      reason: hold.reason.trim().slice(0, 5000),
      heldFrom: now,
      heldBy: hold.heldBy,
      liftedAt: null,
      liftedBy: null,
      liftReason: '',
    });
    const event = {
      action: 'recovery-hold.placed',
      recordType: 'account_recovery_hold',
      recordId: placed.id,
    };
    await appendAudit(
      q,
      actor,
      { ...event, after: { accountRef: hold.accountRef, reason: placed.reason } },
      now,
    );
    return placed;
  };
  return trx ? place(trx) : deps.db.transaction().execute(place);
}

// A hold placed without a visit, for the person who placed it and their line-management chain.
async function heldWithoutVisit(deps: ModuleDeps, principal: Principal, hold: repo.RecoveryHold) {
  const managerChain = await deps.organisation.managerChain(principal.councilId, hold.heldBy);
  if (principal.personId !== hold.heldBy && !managerChain.includes(principal.personId))
    throw new NotFound('No such recovery hold');
  return { hold, visit: null, canLift: managerChain.includes(principal.personId) && hold.liftedAt === null };
}

// A hold, for the officer whose visit placed it and their line-management chain; whether this
// person may lift it (a line manager of the officer).
export async function holdFor(deps: ModuleDeps, principal: Principal, id: string) {
  const hold = await repo.hold(deps.db, principal.councilId, id);
  if (hold && hold.visitId === null) return heldWithoutVisit(deps, principal, hold);
  const planId = hold?.visitId ? await repo.planOfVisit(deps.db, principal.councilId, hold.visitId) : null;
  if (!hold?.visitId || !planId) throw new NotFound('No such recovery hold');
  try {
    const { visit, managerChain } = await visitFor(deps, principal, { planId, visitId: hold.visitId });
    return { hold, visit, canLift: managerChain.includes(principal.personId) && hold.liftedAt === null };
  } catch (error) {
    if (error instanceof NotFound) throw new NotFound('No such recovery hold');
    throw error;
  }
}

export async function liftHold(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  reason: string,
  requestId: string,
): Promise<void> {
  const { hold, canLift } = await holdFor(deps, principal, id);
  if (hold.liftedAt)
    throw new InvalidInput([{ key: 'reason', message: 'This hold has already been lifted' }]);
  if (!canLift) throw new NotFound('No such recovery hold');
  const why = reason.trim();
  if (!why) throw new InvalidInput([{ key: 'reason', message: 'Enter why recovery action may start again' }]);
  if (why.length > 2000)
    throw new InvalidInput([{ key: 'reason', message: 'The reason must be 2000 characters or fewer' }]);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const current = await repo.hold(trx, principal.councilId, id, true);
    if (current?.liftedAt)
      throw new InvalidInput([{ key: 'reason', message: 'This hold has already been lifted' }]);
    await repo.liftHold(trx, principal.councilId, id, { by: principal.personId, at: now, reason: why });
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'recovery-hold.lifted',
        recordType: 'account_recovery_hold',
        recordId: id,
        before: { accountRef: hold.accountRef, heldFrom: hold.heldFrom.toISOString() },
        after: { reason: why },
      },
      now,
    );
  });
}
