import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import type { ReferralKind } from '../tables.ts';
import type { VisitFacts } from './repository.ts';
import { flags } from './rules.ts';

type Context = {
  visit: VisitFacts;
  officerName: string;
  detail: string;
  complaintReference: string;
  // The visit's record, for a recipient who may open it (the officer's line manager); null otherwise.
  recordUrl: string | null;
  held: string | null;
};

// A referral from a visit, to whoever the flag is passed to.
export function referralEmail(kind: ReferralKind, to: string, context: Context): EmailMessage {
  const { visit } = context;
  const flag = flags[kind];
  const lines = [
    `${context.officerName} recorded this at a visit on ${dayMonthYear(visit.planDate)}.`,
    `${flag.name}\n${context.detail}`,
    `Address: ${visit.address}`,
    visit.accountHolder && `Account holder: ${visit.accountHolder}`,
    visit.accountRef && `Account reference: ${visit.accountRef}`,
    context.complaintReference && `The complaint is logged as ${context.complaintReference}.`,
    context.held && `Recovery action on account ${context.held} is suspended until a line manager lifts it.`,
    context.recordUrl && `The visit's record: ${context.recordUrl}`,
  ].filter((line): line is string => Boolean(line));
  return { to, subject: `${flag.name}: field visit to ${visit.address}`, text: lines.join('\n\n') };
}

// Asked to leave: the reason, noted at the time, for the officer's line manager [000 general rules].
export function askedToLeaveEmail(
  to: string,
  context: { visit: VisitFacts; officerName: string; reason: string; recordUrl: string },
): EmailMessage {
  const { visit } = context;
  const lines = [
    `${context.officerName} was asked to leave at a visit on ${dayMonthYear(visit.planDate)}.`,
    `Address: ${visit.address}`,
    `Why: ${context.reason}`,
    `The visit's record: ${context.recordUrl}`,
  ];
  return { to, subject: `Asked to leave: field visit to ${visit.address}`, text: lines.join('\n\n') };
}
