import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { VisitsDeps } from '../context.ts';
import * as repo from '../repository.ts';
import type { AlertContext, Contact } from './messages.ts';

// Who is told and what they need to know when an officer's check-in is missed or they ask for
// help: read before the alert's transaction (on the embedded database a read outside a
// transaction waits for it to end).

type PlanDay = { plan: repo.Plan; visits: repo.Visit[]; owed: repo.Owed[]; managerId: string | null };

// The visit the officer is at or on the way to: the first in the route not checked in; once all
// are, the last. The next is the one after it.
function whereabouts(day: PlanDay) {
  const live = day.visits.filter((visit) => !visit.droppedAt);
  const received = new Set(day.owed.filter((owed) => owed.receivedAt).map((owed) => owed.visitId));
  const at = live.findIndex((visit) => !received.has(visit.id));
  const current = at === -1 ? live.at(-1) : live[at];
  const next = at === -1 ? undefined : live[at + 1];
  const place = (visit: repo.Visit | undefined) =>
    visit ? { address: visit.address, at: visit.plannedStart } : null;
  return {
    lastKnown: place(current),
    next: place(next),
    addresses: [current, next].filter((visit) => visit !== undefined),
  };
}

async function planDays(
  deps: VisitsDeps,
  q: Kysely<Database>,
  councilId: string,
  planIds: readonly string[],
) {
  const plans = (await Promise.all(planIds.map((id) => repo.plan(q, councilId, id)))).filter(
    (plan) => plan !== null,
  );
  const [visits, owed, chains] = await Promise.all([
    repo.visitsOf(q, councilId, planIds),
    repo.owedIn(q, councilId, planIds),
    Promise.all(plans.map((plan) => deps.organisation.managerChain(councilId, plan.officerId))),
  ]);
  return plans.map(
    (plan, index): PlanDay => ({
      plan,
      visits: visits.filter((visit) => visit.planId === plan.id),
      owed: owed.filter((one) => one.planId === plan.id),
      managerId: chains[index]?.[0] ?? null,
    }),
  );
}

export type AlertContexts = ReadonlyMap<string, AlertContext & { owed: repo.Owed[]; visits: repo.Visit[] }>;

export async function alertContexts(
  deps: VisitsDeps,
  councilId: string,
  planIds: readonly string[],
): Promise<AlertContexts> {
  const days = await planDays(deps, deps.db, councilId, planIds);
  const ids = days.flatMap((day) => [
    day.plan.officerId,
    day.plan.responsibleOfficerId,
    day.managerId ?? day.plan.officerId,
  ]);
  const people = await deps.organisation.peopleByIds(councilId, ids);
  const contact = (id: string): Contact => people.get(id) ?? { id, name: 'Unknown person', email: '' };
  const contexts = await Promise.all(
    days.map(async (day) => {
      const { lastKnown, next, addresses } = whereabouts(day);
      const cautions = await Promise.all(
        addresses.map((visit) =>
          deps.checks.cautionsAt(councilId, { address: visit.address, personName: visit.accountHolder }),
        ),
      );
      const context = {
        planId: day.plan.id,
        officer: contact(day.plan.officerId),
        responsible: contact(day.plan.responsibleOfficerId),
        manager: day.managerId ? contact(day.managerId) : null,
        missed: null,
        lastKnown,
        next,
        markers: [...new Set(cautions.flat().map((caution) => caution.kindName))],
        owed: day.owed,
        visits: day.visits,
      };
      return [day.plan.id, context] as const;
    }),
  );
  return new Map(contexts);
}

// What the missed check-in was: after which visit, or home.
export function missedOf(owed: repo.Owed, visits: readonly repo.Visit[]) {
  const visit = visits.find((one) => one.id === owed.visitId);
  return { what: visit ? `after the visit to ${visit.address}` : 'on arriving home', dueAt: owed.dueAt };
}
