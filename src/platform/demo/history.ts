import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import { activePeople, toPrincipal } from '../auth/principals.ts';
import { londonDate, londonInstant } from '../calendar/daylight.ts';
import type { Database } from '../db/schema.ts';
import type { Outbox } from '../notify/outbox.ts';

// A demo council's past, made through the modules' own use cases. Each module plans its steps,
// each at an instant of the past year; they run in time order with the clock set to each instant,
// so every record, deadline, reference and audit event is dated as if it had happened then. The
// same day gives the same past: choices come from a seeded generator, dates from today.

export type DemoStep = { at: Date; run: () => Promise<unknown> };

// The past is not emailed: nobody is told today about what happened months ago.
export const quietOutbox: Outbox = { enqueue: async () => {}, enqueueSms: async () => {} };

// Runs the steps in time order (in the order planned when two fall at the same instant), the
// clock at each step's instant.
export async function replay(steps: readonly DemoStep[], clock: { set(date: Date): void }) {
  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.at.getTime() - b.step.at.getTime() || a.index - b.index);
  for (const { step } of ordered) {
    clock.set(step.at);
    await step.run();
  }
}

export type Random = {
  // A number in [0, 1).
  next(): number;
  // A whole number from min to max, both included.
  between(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(probability: number): boolean;
};

// Repeatable randomness (mulberry32): the same seed gives the same choices on every run.
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    between,
    pick: <T>(list: readonly T[]) => {
      const item = list[between(0, list.length - 1)];
      if (item === undefined) throw new Error('Nothing to pick from');
      return item;
    },
    chance: (probability: number) => next() < probability,
  };
}

const dayMs = 86_400_000;

// Calendar days on from a date (back, when negative).
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

// The date itself if it is a weekday, else the Friday before: when office work happens.
export function weekdayOnOrBefore(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? addDays(date, -2) : weekday === 6 ? addDays(date, -1) : date;
}

// Today's date and instants in the past. An instant that would fall after now (later today) is
// moved to just before now, keeping the order of instants planned that way.
export function demoDays(now: Date) {
  const today = londonDate(now);
  const latest = now.getTime() - 60_000;
  return {
    now,
    today,
    daysAgo: (days: number) => addDays(today, -days),
    at(date: string, time: string): Date {
      const instant = londonInstant(date, time);
      if (instant.getTime() <= latest) return instant;
      const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
      return new Date(latest - (24 * 60 - minutes));
    },
  };
}
export type DemoDays = ReturnType<typeof demoDays>;

// The council's people as principals of what they did, by email or id, read in one query.
export async function demoPeople(db: Kysely<Database>, councilId: string) {
  const rows = await activePeople(db, councilId).execute();
  const principals = rows.map(
    (row): Principal => ({
      ...toPrincipal(councilId, row, 'session'),
      readOnly: false,
    }),
  );
  const find = (found: Principal | undefined, what: string) => {
    if (!found) throw new Error(`The demo council has no active person ${what}`);
    return found;
  };
  return {
    all: (): readonly Principal[] => principals,
    by: (email: string) =>
      find(
        principals.find((principal) => principal.email === email),
        email,
      ),
    withId: (id: string) =>
      find(
        principals.find((principal) => principal.personId === id),
        id,
      ),
  };
}
export type DemoPeople = Awaited<ReturnType<typeof demoPeople>>;

// What every module's demo plans its steps from: the council, today, and its people.
export type DemoPlan = { councilId: string; days: DemoDays; people: DemoPeople };
