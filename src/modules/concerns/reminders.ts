import { londonDate } from '../../platform/calendar/daylight.ts';
import type { EmailMessage } from '../../platform/notify/mailer.ts';
import { addDays } from '../../platform/web/tasks.ts';
import { acknowledgeBy, feedbackBy, reminderDue } from './casework/rules.ts';
import type { ConcernsDeps } from './deps.ts';
import { claimEmail, detrimentReports, openConcerns, remindersOf } from './repository.ts';

// The emails about concerns, sent by a scheduled job rather than when the reporter acts, so that
// no email's time tells when a reporter wrote: a new concern to its investigator, reminders of the
// acknowledgement and feedback clocks (DOMAIN.md §6), and reports of detriment to HR and the
// monitoring officer. Each is claimed (concern_reminder) in the transaction that puts it in the
// outbox, so two processes send it once. No email says what a concern is about or who raised it.

type Email = {
  key: { councilId: string; concernId: string; kind: string };
  againFrom: string | null;
  messages: EmailMessage[];
};

async function sendClaimed(deps: ConcernsDeps, email: Email, today: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await claimEmail(trx, email.key, today, email.againFrom))) return false;
    await deps.outbox.enqueue(trx, email.key.councilId, ...email.messages);
    return true;
  });
}

const investigatorEmail = (to: string, reference: string, link: string, what: string): EmailMessage => ({
  to,
  subject: `Concern ${reference}: ${what}`,
  text: `${what}.\n\nOpen concern ${reference} to see it (you will be asked to sign in):\n${link}\n\nFor the reporter's protection this email does not say what the concern is about.`,
});

async function investigatorEmails(deps: ConcernsDeps, councilId: string, today: string): Promise<Email[]> {
  const [rows, sent, policy] = await Promise.all([
    openConcerns(deps.db, councilId),
    remindersOf(deps.db, councilId),
    deps.organisation.policy(councilId),
  ]);
  const lastSent = (concernId: string, kind: string) =>
    sent.find((row) => row.concern_id === concernId && row.kind === kind)?.sent_on ?? null;
  const againFrom = addDays(today, -policy.concernReminderDays);
  const emails: Email[] = [];
  for (const row of rows) {
    const person = await deps.organisation.person(councilId, row.person_id);
    if (!person?.active) continue;
    const link = `${deps.baseUrl}/concerns/${row.id}`;
    const email = (kind: string, what: string, again: string | null) => ({
      key: { councilId, concernId: row.id, kind: `${kind}:${row.person_id}` },
      againFrom: again,
      messages: [investigatorEmail(person.email, row.reference, link, what)],
    });
    if (lastSent(row.id, `assigned:${row.person_id}`) === null)
      emails.push(email('assigned', 'A concern has been assigned to you to look into', null));
    const ackBy = acknowledgeBy(row.received_on, policy);
    if (
      reminderDue(ackBy, row.acknowledged_on, lastSent(row.id, `acknowledge:${row.person_id}`), today, policy)
    )
      emails.push(email('acknowledge', `Acknowledge it by ${ackBy}`, againFrom));
    const feedBy = feedbackBy(row.received_on, policy);
    if (reminderDue(feedBy, row.feedback_on, lastSent(row.id, `feedback:${row.person_id}`), today, policy))
      emails.push(email('feedback', `Tell the reporter what is being done by ${feedBy}`, againFrom));
  }
  return emails;
}

async function detrimentEmails(deps: ConcernsDeps, councilId: string): Promise<Email[]> {
  const [reports, hr, officers] = await Promise.all([
    detrimentReports(deps.db, councilId),
    deps.organisation.peopleWithRole(councilId, 'hr'),
    deps.organisation.peopleWithRole(councilId, 'monitoring-officer'),
  ]);
  const to = [...new Map([...hr, ...officers].map((person) => [person.id, person])).values()];
  return reports.map((report) => ({
    key: { councilId, concernId: report.id, kind: `detriment:${report.seq}` },
    againFrom: null,
    messages: to.map((person) => ({
      to: person.email,
      subject: `Concern ${report.reference}: the reporter says they have been treated unfairly`,
      text: `The person who raised concern ${report.reference} says they have suffered detriment for raising it. The Public Interest Disclosure Act 1998 protects them.\n\nSee the reports of detriment:\n${deps.baseUrl}/concerns/detriment\n\nFor the reporter's protection this email does not say who they are or what the concern is about.`,
    })),
  }));
}

export async function sendConcernEmails(deps: ConcernsDeps, councilId: string): Promise<number> {
  const today = londonDate(deps.clock.now());
  const emails = [
    ...(await investigatorEmails(deps, councilId, today)),
    ...(await detrimentEmails(deps, councilId)),
  ];
  let sent = 0;
  for (const email of emails) if (email.messages.length && (await sendClaimed(deps, email, today))) sent += 1;
  return sent;
}
