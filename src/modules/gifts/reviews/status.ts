import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addWorkingDays } from '../../../platform/calendar/working-days.ts';
import type { ModuleDeps, Person } from '../../organisation/service.ts';
import { previousReviewPeriod, type ReviewPeriod, reviewPeriodOf } from '../rules.ts';
import * as repo from './repository.ts';

// Where each register stands with its quarterly reviews (001 §73).

type Register = { key: string; name: string; reviewers: Person[] };
type ReviewStatus = 'signed-off' | 'overdue' | 'due';
export type ReviewCell = {
  register: Register;
  period: ReviewPeriod;
  entries: number;
  status: ReviewStatus;
  due: string;
  signed: repo.SignedReview | null;
};

const periodsShown = 4;

// Every register that is reviewed: each service's, each director's and the chief executive's
// heads of service or directors', the chief executive's own, and any other with entries.
async function registers(
  { organisation }: ModuleDeps,
  councilId: string,
  withEntries: readonly string[],
): Promise<Register[]> {
  const [services, heads, directors, chiefs, monitoringOfficers] = await Promise.all([
    organisation.services(councilId),
    organisation.peopleWithRole(councilId, 'head-of-service'),
    organisation.peopleWithRole(councilId, 'director'),
    organisation.peopleWithRole(councilId, 'chief-executive'),
    organisation.peopleWithRole(councilId, 'monitoring-officer'),
  ]);
  const list: Register[] = services.map((service) => ({
    key: `service:${service.id}`,
    name: service.name,
    reviewers: heads.filter((head) => head.serviceId === service.id),
  }));
  for (const person of [...directors, ...chiefs]) {
    list.push({
      key: `senior:${person.id}`,
      name: `Senior officers reporting to ${person.name}`,
      reviewers: [person],
    });
  }
  list.push({ key: 'monitoring-officer', name: 'Chief executive', reviewers: monitoringOfficers });
  for (const key of withEntries) {
    if (list.some((register) => register.key === key) || !key.startsWith('senior:')) continue;
    const manager = await organisation.person(councilId, key.slice('senior:'.length));
    list.push({
      key,
      name: `Reporting to ${manager?.name ?? 'a former manager'}`,
      reviewers: manager?.active ? [manager] : [],
    });
  }
  return list;
}

// The registers a person reviews, with the period under way and when its review falls due: what
// to tell someone who reviews a register but has no ended period to sign off yet.
export async function upcomingReviews(
  deps: ModuleDeps,
  councilId: string,
  reviews: (registerKey: string) => boolean,
) {
  const policy = await deps.organisation.policy(councilId);
  const period = reviewPeriodOf(londonDate(deps.clock.now()), policy.giftReviewMonths);
  const [all, calendar] = await Promise.all([
    registers(deps, councilId, []),
    deps.organisation.calendar(councilId),
  ]);
  const due = addWorkingDays(calendar, period.end, policy.giftReviewDueWorkingDays);
  return all
    .filter((register) => reviews(register.key))
    .map((register) => ({ name: register.name, period, due }));
}

// The last few periods that have ended, latest first.
export function endedPeriods(today: string, months: number): ReviewPeriod[] {
  const periods: ReviewPeriod[] = [];
  let period = previousReviewPeriod(reviewPeriodOf(today, months), months);
  for (let i = 0; i < periodsShown; i++) {
    periods.push(period);
    period = previousReviewPeriod(period, months);
  }
  return periods;
}

const rank = { overdue: 0, due: 1, 'signed-off': 2 } as const;

// Each register's status for each of the last few ended periods, overdue first.
export async function reviewStatuses(deps: ModuleDeps, councilId: string): Promise<ReviewCell[]> {
  const { db, clock, organisation } = deps;
  const policy = await organisation.policy(councilId);
  const months = policy.giftReviewMonths;
  const today = londonDate(clock.now());
  const periods = endedPeriods(today, months);
  const from = periods.at(-1)?.start ?? today;
  const [counts, signed, calendar, createdAt] = await Promise.all([
    repo.registerCounts(db, councilId, from, months),
    repo.signedReviews(db, councilId, from),
    organisation.calendar(councilId),
    organisation.councilCreatedAt(councilId),
  ]);
  const started = londonDate(createdAt);
  const all = await registers(deps, councilId, [...new Set(counts.map((count) => count.registerKey))]);
  const cells: ReviewCell[] = [];
  for (const register of all) {
    for (const p of periods) {
      const review = signed.find((s) => s.registerKey === register.key && s.periodStart === p.start) ?? null;
      const entries =
        counts.find((c) => c.registerKey === register.key && c.periodStart === p.start)?.entries ?? 0;
      // A period that ended before the council used Probity is reviewed only if it has entries.
      if (p.end < started && entries === 0 && !review) continue;
      const due = addWorkingDays(calendar, p.end, policy.giftReviewDueWorkingDays);
      const status = review ? 'signed-off' : today > due ? 'overdue' : 'due';
      cells.push({ register, period: p, entries, status, due, signed: review });
    }
  }
  return cells.sort((a, b) => rank[a.status] - rank[b.status] || a.due.localeCompare(b.due));
}
