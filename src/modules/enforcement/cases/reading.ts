import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { personNamesById } from '../../organisation/service.ts';
import * as arrangements from '../arrangements/repository.ts';
import { allocatePayments, arrangementDefaults, pounds } from '../arrangements/rules.ts';
import { calendarOf, caseFor, type EnforcementDeps, viewerOf } from '../context.ts';
import * as outcomes from '../outcomes/repository.ts';
import * as payments from '../payments/repository.ts';
import { can } from '../policy.ts';
import * as repo from './repository.ts';
import { earliestTakingControl } from './rules.ts';

// A case as its page shows it: the details, the notice and the earliest day to take control, the
// agent, the outcomes, the arrangement with its instalments and payments, and whether recovery is
// suspended on the account (visits' recovery holds).
export async function casePage(deps: EnforcementDeps, principal: Principal, id: string) {
  const found = await caseFor(deps, principal, id, 'see');
  const { councilId } = principal;
  const [viewer, calendar, held, history, arrangement, received, paid] = await Promise.all([
    viewerOf(deps, principal),
    calendarOf(deps, councilId),
    deps.visits.recoveryHeld(councilId, found.accountRef),
    outcomes.outcomesOf(deps.db, councilId, id),
    arrangements.latestArrangement(deps.db, councilId, id),
    payments.paymentsOf(deps.db, councilId, id),
    repo.paidOn(deps.db, councilId, id),
  ]);
  const people = await personNamesById(deps.db, councilId, [
    found.agentId,
    ...history.map((outcome) => outcome.recordedBy),
  ]);
  const since = arrangement
    ? await arrangements.paymentsSince(deps.db, councilId, id, arrangement.agreedOn)
    : [];
  return {
    case: found,
    agentName: found.agentId ? (people.get(found.agentId) ?? '') : null,
    earliestTakingControl: found.noticeOn ? earliestTakingControl(found.noticeOn, calendar) : null,
    held,
    outcomes: history.map((outcome) => ({
      ...outcome,
      recordedByName: people.get(outcome.recordedBy) ?? '',
    })),
    arrangement: arrangement
      ? { ...arrangement, instalments: allocatePayments(arrangement.instalments, since) }
      : null,
    payments: received,
    outstandingPence: Math.max(0, found.balancePence - paid),
    may: {
      manage: can(viewer, 'manage', found),
      recordOutcome: can(viewer, 'record-outcome', found) && !['paid', 'returned'].includes(found.status),
    },
  };
}

export type CasePage = Awaited<ReturnType<typeof casePage>>;

// The instalments offered by default on the outcome form: the balance outstanding in 4 weekly
// instalments from a week today.
export async function defaultsFor(deps: EnforcementDeps, principal: Principal, id: string) {
  const today = londonDate(deps.clock.now());
  const found = await caseFor(deps, principal, id, 'record-outcome');
  const outstanding = found.balancePence - (await repo.paidOn(deps.db, principal.councilId, id));
  if (outstanding <= 0) return [];
  const first = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  return arrangementDefaults({ balancePence: outstanding, firstOn: first, count: 4, frequency: 'weekly' });
}

export { pounds };
