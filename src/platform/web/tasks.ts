import { CompiledQuery, type Kysely } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/schema.ts';

// What is waiting for a person, as each module tells the home page and the daily digest: one
// line a kind of work, with how many there are, the earliest date one is due and where to do it.

// How soon it needs doing: `now` is a safety alert; `soon` is within the module's warning period
// (a complaint at risk, a review due this month); `later` has a date further off or none.
export type Urgency = 'now' | 'overdue' | 'today' | 'soon' | 'later';

export type Task = {
  module: string;
  title: string;
  count: number;
  // The earliest calendar date (YYYY-MM-DD) one of them is due, or null when none has a date.
  due: string | null;
  href: string;
  urgency: Urgency;
};

// A module's contribution: one query for the person's tasks in that module.
export type TaskSource = (principal: Principal) => Promise<Task[]>;

const rank: Record<Urgency, number> = { now: 0, overdue: 1, today: 2, soon: 3, later: 4 };

export const urgencyNames: Record<Urgency, string> = {
  now: 'Now',
  overdue: 'Overdue',
  today: 'Due today',
  soon: 'Due soon',
  later: 'Waiting',
};

// Where a date stands: before today is overdue, today is today, on or before `soonBy` is soon.
export function urgencyOf(due: string | null, today: string, soonBy: string): Urgency {
  if (due === null) return 'later';
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return due <= soonBy ? 'soon' : 'later';
}

// Most urgent first; within an urgency the earliest due, then those with no date, then by title.
export function byUrgency(tasks: readonly Task[]): Task[] {
  return [...tasks]
    .filter((task) => task.count > 0)
    .sort(
      (a, b) =>
        rank[a.urgency] - rank[b.urgency] ||
        (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') ||
        a.title.localeCompare(b.title),
    );
}

// Every module's tasks for a person; a module that fails leaves the others shown. A page asks them
// all at once; the daily email, in no hurry, asks one after another (inTurn), so that it holds one
// database connection at a time and leaves the rest to the pages people are waiting for.
export async function tasksOf(
  sources: readonly TaskSource[],
  principal: Principal,
  onError: (error: unknown) => void,
  inTurn = false,
): Promise<Task[]> {
  const answers: PromiseSettledResult<Task[]>[] = [];
  if (inTurn) for (const source of sources) answers.push(...(await Promise.allSettled([source(principal)])));
  else answers.push(...(await Promise.allSettled(sources.map((source) => source(principal)))));
  const tasks: Task[] = [];
  for (const answer of answers) {
    if (answer.status === 'fulfilled') tasks.push(...answer.value);
    else onError(answer.reason);
  }
  return byUrgency(tasks);
}

// A date this many days after a calendar date (YYYY-MM-DD).
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

// A module's tasks statement: a select of counts and dates, so always one row.
export async function taskCounts<Row>(
  db: Kysely<Database>,
  statement: string,
  parameters: readonly unknown[],
): Promise<Row> {
  const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(statement, [...parameters]));
  const row = rows[0];
  if (!row) throw new Error('A tasks statement returned no row');
  return row;
}
