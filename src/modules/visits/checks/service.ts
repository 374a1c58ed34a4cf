import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { PolicySettings } from '../../organisation/service.ts';
import type { VisitChecks } from '../context.ts';
import type { Plan, Visit } from '../repository.ts';
import { type ConflictLink, type MarkerKind, type Readiness, visitReadiness } from './rules.ts';

// The checks before every visit, with what they read from the registers: the risk register's
// cautions at the address or for the account holder, the officer's own declarations of relatives
// and friends (interests), recovery action suspended on the account (a vulnerability found on an
// earlier visit), and a customer's restrictions (customers), shown to the officer before they go.

export type Caution = { markerId: string; kind: MarkerKind; kindName: string; whatToDo: string };
export type Restriction = { summary: string; namedContact: string | null };

export type CheckSources = {
  policy(councilId: string): Promise<PolicySettings>;
  cautionsAt(councilId: string, party: { address: string; personName: string }): Promise<Caution[]>;
  personalLinks(
    councilId: string,
    officerId: string,
    party: { name: string; address: string; accountRef: string },
  ): Promise<ConflictLink[]>;
  recoveryHeld(councilId: string, accountRef: string): Promise<{ reason: string } | null>;
  // The first day goods may be taken into control on an enforcement account after its notice of
  // enforcement (TCG Regs 2013 reg 6); null when the account is not an enforcement case.
  takingControlFrom(councilId: string, accountRef: string): Promise<string | null>;
  restrictionOf(councilId: string, customerId: string): Promise<Restriction | null>;
};

export type VisitCheck = Readiness & {
  cautions: Caution[];
  restriction: Restriction | null;
  held: { reason: string } | null;
};

// What takingControlFrom answers for an enforcement account whose notice is not yet given.
export const noNoticeYet = '9999-12-31';

// TCG Regs 2013 reg 6: no visit to take control before the notice's 7 clear days have passed.
async function noticeBlocker(sources: CheckSources, plan: Plan, visit: Visit) {
  if (visit.purpose !== 'taking-control' || !visit.accountRef) return [];
  const from = await sources.takingControlFrom(plan.councilId, visit.accountRef);
  if (from === null || londonDate(visit.plannedStart) >= from) return [];
  const reason =
    from === noNoticeYet
      ? 'No notice of enforcement has been given on this account: goods cannot be taken into control until 7 clear days after it (Taking Control of Goods Regulations 2013 reg 6)'
      : `The notice of enforcement’s 7 clear days have not passed: goods may be taken into control on this account from ${dayMonthYear(from)}, not before (Taking Control of Goods Regulations 2013 reg 6)`;
  return [{ check: 'hours' as const, rule: 'notice-of-enforcement', reason }];
}

const heldReason =
  'Recovery action on this account is suspended because the customer was found to be vulnerable: do not take control of goods [004]';

async function checkOne(
  sources: CheckSources,
  settings: PolicySettings,
  plan: Plan,
  visit: Visit,
): Promise<VisitCheck> {
  const party = { address: visit.address, personName: visit.accountHolder };
  const [cautions, links, held, restriction, notice] = await Promise.all([
    sources.cautionsAt(plan.councilId, party),
    sources.personalLinks(plan.councilId, plan.officerId, {
      name: visit.accountHolder,
      address: visit.address,
      accountRef: visit.accountRef,
    }),
    visit.accountRef && visit.purpose === 'taking-control'
      ? sources.recoveryHeld(plan.councilId, visit.accountRef)
      : null,
    visit.customerId ? sources.restrictionOf(plan.councilId, visit.customerId) : null,
    noticeBlocker(sources, plan, visit),
  ]);
  const readiness = visitReadiness({
    timing: {
      start: visit.plannedStart,
      finish: visit.plannedFinish,
      place:
        visit.latitude !== null && visit.longitude !== null
          ? { latitude: visit.latitude, longitude: visit.longitude }
          : null,
      purpose: visit.purpose,
      premises: visit.premises,
      tradingHours:
        visit.tradingFrom && visit.tradingUntil
          ? { from: visit.tradingFrom, until: visit.tradingUntil }
          : null,
      begunAt: null,
      courtOrder: visit.courtOrder || null,
      // A visit on a plan is notified: the plan is shared with the responsible officer before it starts.
      notified: true,
    },
    settings,
    authorisedById: visit.authorisedBy,
    markers: cautions,
    secondOfficerId: visit.secondOfficerId,
    advice: visit.advice || null,
    links,
  });
  const blockers = [
    ...readiness.blockers,
    ...notice,
    ...(held ? [{ check: 'hours' as const, rule: 'recovery-held', reason: heldReason }] : []),
  ];
  return { ...readiness, ready: blockers.length === 0, blockers, cautions, restriction, held };
}

export function visitChecks(sources: CheckSources) {
  async function checksOf(plan: Plan, visits: readonly Visit[]): Promise<Map<string, VisitCheck>> {
    const settings = await sources.policy(plan.councilId);
    const live = visits.filter((visit) => !visit.droppedAt);
    const checked = await Promise.all(live.map((visit) => checkOne(sources, settings, plan, visit)));
    return new Map(live.map((visit, index) => [visit.id, checked[index] as VisitCheck]));
  }
  return {
    checksOf,
    cautionsAt: sources.cautionsAt,
    async blockersOf(plan, visits) {
      const checks = await checksOf(plan, visits);
      return new Map([...checks].map(([id, check]) => [id, check.blockers.map((blocker) => blocker.reason)]));
    },
  } satisfies VisitChecks & { checksOf: typeof checksOf };
}
