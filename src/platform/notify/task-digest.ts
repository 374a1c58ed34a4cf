import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import { dayMonthYear } from '../calendar/date-text.ts';
import { londonDate, londonTime } from '../calendar/daylight.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { type Task, urgencyNames } from '../web/tasks.ts';
import type { EmailMessage } from './mailer.ts';
import type { Outbox } from './outbox.ts';

// Each morning, an email to each person who wants one of what is waiting for them (their home
// page's tasks): only on a day when something is, and at most one a day, whichever process
// sends it and however often the job runs.

// The digest goes from this London time on; an hourly job sends it within the hour.
export const digestFrom = '07:00';

export type DigestSources = {
  // The people who want the email and have not been sent today's.
  recipients(councilId: string, day: string): Promise<Principal[]>;
  // Takes today's email for a person inside the transaction that puts it in the outbox.
  claim(trx: Kysely<Database>, councilId: string, personId: string, day: string): Promise<boolean>;
  tasksFor(principal: Principal): Promise<Task[]>;
};

type DigestDeps = { db: Kysely<Database>; clock: Clock; outbox: Outbox; baseUrl: string };

const line = (task: Task, baseUrl: string) => {
  const due = task.due
    ? `, ${task.urgency === 'overdue' ? 'overdue since' : 'due'} ${dayMonthYear(task.due)}`
    : '';
  return `- ${task.title}: ${task.count}${due} (${urgencyNames[task.urgency]})\n  ${baseUrl}${task.href}`;
};

export function digestEmail(person: Principal, tasks: readonly Task[], baseUrl: string): EmailMessage {
  const count = tasks.reduce((sum, task) => sum + task.count, 0);
  return {
    to: person.email,
    subject: `Your work today: ${count} ${count === 1 ? 'thing' : 'things'} waiting`,
    text: [
      `Dear ${person.name},`,
      '',
      'This is what is waiting for you in Probity, most urgent first:',
      '',
      ...tasks.map((task) => line(task, baseUrl)),
      '',
      `To stop these emails, change your setting on your account page: ${baseUrl}/account`,
    ].join('\n'),
  };
}

// Sends today's digests for one council; returns how many were put in the outbox.
export async function sendTaskDigests(deps: DigestDeps, sources: DigestSources, councilId: string) {
  const now = deps.clock.now();
  if (londonTime(now) < digestFrom) return 0;
  const day = londonDate(now);
  let sent = 0;
  for (const person of await sources.recipients(councilId, day)) {
    const tasks = await sources.tasksFor(person);
    if (tasks.length === 0) continue;
    await deps.db.transaction().execute(async (trx) => {
      if (!(await sources.claim(trx, councilId, person.personId, day))) return;
      await deps.outbox.enqueue(trx, councilId, digestEmail(person, tasks, deps.baseUrl));
      sent += 1;
    });
  }
  return sent;
}
