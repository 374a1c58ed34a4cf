import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import * as arrangements from '../arrangements/repository.ts';
import { instalmentErrors } from '../arrangements/rules.ts';
import * as cases from '../cases/repository.ts';
import { earliestTakingControl } from '../cases/rules.ts';
import { calendarOf, caseFor, type EnforcementDeps } from '../context.ts';
import type { CaseStatus } from '../tables.ts';
import * as repo from './repository.ts';
import { type OutcomeInput, outcomeErrors } from './rules.ts';

// A visit's outcome on an enforcement case, recorded by its agent with what follows from it in one
// transaction: the payment arrangement made, the case's new status, and, where the debtor was found
// vulnerable, recovery suspended on the account (visits' recovery holds, the one record of them)
// and every visit still to come on it dropped from its plan [004].

const closed: readonly CaseStatus[] = ['paid', 'returned'];

function nextStatus(kind: OutcomeInput['kind'], current: CaseStatus, outstanding: number): CaseStatus {
  if (kind === 'arrangement') return 'arrangement';
  if (kind === 'goods-controlled') return 'goods-controlled';
  if (kind === 'warrant-returned') return 'returned';
  if (kind === 'payment-taken' && outstanding <= 0) return 'paid';
  return current;
}

async function checked(deps: EnforcementDeps, principal: Principal, caseId: string, input: OutcomeInput) {
  const found = await caseFor(deps, principal, caseId, 'record-outcome');
  if (closed.includes(found.status))
    throw new InvalidInput([
      { key: 'kind', message: 'This case is closed: nothing more can be recorded on it' },
    ]);
  const today = londonDate(deps.clock.now());
  const [calendar, held, paid, arrangement] = await Promise.all([
    calendarOf(deps, principal.councilId),
    deps.visits.recoveryHeld(principal.councilId, found.accountRef),
    cases.paidOn(deps.db, principal.councilId, found.id),
    arrangements.latestArrangement(deps.db, principal.councilId, found.id),
  ]);
  const context = {
    today,
    earliestTakingControl: found.noticeOn ? earliestTakingControl(found.noticeOn, calendar) : null,
    held: held !== null,
  };
  const errors = outcomeErrors(input, context);
  const outstanding = found.balancePence - paid;
  if (input.kind === 'arrangement' && arrangement?.status === 'live')
    errors.push({ key: 'kind', message: 'A payment arrangement is already live on this case' });
  else if (input.kind === 'arrangement')
    errors.push(
      ...instalmentErrors(input.instalments, outstanding, today).map((message) => ({
        key: 'instalments',
        message,
      })),
    );
  if (input.kind === 'payment-taken' && (input.amountPence ?? 0) > outstanding)
    errors.push({ key: 'amount', message: 'The amount taken is more than the balance outstanding' });
  if (errors.length) throw new InvalidInput(errors);
  return { found, outstanding, today };
}

export async function recordOutcome(
  deps: EnforcementDeps,
  principal: Principal,
  caseId: string,
  input: OutcomeInput,
  requestId?: string,
): Promise<string> {
  const { found, outstanding, today } = await checked(deps, principal, caseId, input);
  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  const actor = actorFor(principal, requestId);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await caseFor(deps, principal, caseId, 'record-outcome', trx);
    // The balance outstanding the checks used still stands: no payment recorded meanwhile.
    const paidNow = await cases.paidOn(trx, principal.councilId, caseId);
    if (locked.status !== found.status || locked.balancePence - paidNow !== outstanding)
      throw new InvalidInput([
        { key: 'kind', message: 'The case changed while you were recording: check it and try again' },
      ]);
    const { instalments: _instalments, ...given } = input;
    const outcome: repo.Outcome = {
      id,
      caseId,
      ...given,
      amountPence: input.kind === 'payment-taken' ? input.amountPence : null,
      goods: input.kind === 'goods-controlled' ? input.goods : [],
      receiptNumber: input.kind === 'payment-taken' ? input.receiptNumber.trim() : '',
      reason: input.reason.trim(),
      vulnerability: input.vulnerability.trim(),
      notes: input.notes.trim(),
      recordedBy: principal.personId,
      recordedAt: now,
    };
    await repo.insertOutcome(trx, principal.councilId, outcome);
    if (input.kind === 'arrangement')
      await arrangements.insertArrangement(trx, principal.councilId, {
        id: uuidv7(now.getTime()),
        caseId,
        outcomeId: id,
        agreedOn: today,
        at: now,
        instalments: input.instalments,
      });
    const status = nextStatus(input.kind, found.status, outstanding - (outcome.amountPence ?? 0));
    await cases.updateCase(trx, principal.councilId, caseId, { status }, now);
    const suspended = outcome.vulnerability ? await suspend(deps, trx, found, outcome, actor) : null;
    await appendAudit(
      trx,
      actor,
      {
        action: 'enforcement-outcome.recorded',
        recordType: 'enforcement_case',
        recordId: caseId,
        before: { status: found.status },
        after: {
          outcome,
          status,
          recoveryHold: suspended?.holdId ?? null,
          droppedVisits: suspended?.dropped ?? [],
        },
      },
      now,
    );
  });
  return id;
}

// Vulnerability identified: recovery suspended on the account and its visits still to come dropped.
async function suspend(
  deps: EnforcementDeps,
  trx: Kysely<Database>,
  found: cases.EnforcementCase,
  outcome: repo.Outcome,
  actor: Actor,
) {
  const { councilId, accountRef } = found;
  const hold = await deps.visits.placeRecoveryHold(
    { councilId, accountRef, reason: outcome.vulnerability, heldBy: outcome.recordedBy },
    actor,
    trx,
  );
  const dropped = await deps.visits.dropFutureVisits(
    trx,
    {
      councilId,
      accountRef,
      reason: `Recovery action suspended: vulnerability identified on ${found.reference}`,
      by: outcome.recordedBy,
      at: outcome.recordedAt,
    },
    actor,
  );
  return { holdId: hold.id, dropped };
}
