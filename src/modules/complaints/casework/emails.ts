import { weekdayDayMonthYear } from '../../../platform/calendar/date-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';

type To = { email: string; name: string };

// 003 minutes §19: the service and the officers named are asked for their account.
export function accountRequestEmail(
  to: To,
  request: { reference: string; serviceName: string; question: string; dueOn: string },
  link: string,
): EmailMessage {
  return {
    to: to.email,
    subject: `Your account is needed for complaint ${request.reference} by ${weekdayDayMonthYear(request.dueOn)}`,
    text: [
      `Dear ${to.name},`,
      '',
      `The complaints team is investigating complaint ${request.reference}${request.serviceName ? ` about ${request.serviceName}` : ''} and needs your account of what happened.`,
      '',
      `Their question: ${request.question}`,
      '',
      `Please answer by ${weekdayDayMonthYear(request.dueOn)}: ${link}`,
    ].join('\n'),
  };
}

export function allocationEmail(
  to: To,
  complaint: { reference: string; stage: number; due: string; deadline: 'acknowledge-by' | 'respond-by' },
  link: string,
): EmailMessage {
  const what = complaint.deadline === 'acknowledge-by' ? 'acknowledgement' : 'response';
  return {
    to: to.email,
    subject: `Complaint ${complaint.reference} (stage ${complaint.stage}) is allocated to you`,
    text: [
      `Dear ${to.name},`,
      '',
      `Complaint ${complaint.reference} (stage ${complaint.stage}) has been allocated to you. The ${what} is due by ${weekdayDayMonthYear(complaint.due)}.`,
      '',
      `Open the case: ${link}`,
    ].join('\n'),
  };
}

const deadlineNames = { 'acknowledge-by': 'acknowledgement', 'respond-by': 'response' } as const;

export function reminderEmail(
  to: To,
  reminder: {
    reference: string;
    stage: number;
    deadline: keyof typeof deadlineNames;
    dueOn: string;
    overdue: boolean;
  },
  link: string,
): EmailMessage {
  const what = `The stage ${reminder.stage} ${deadlineNames[reminder.deadline]} for complaint ${reminder.reference}`;
  return {
    to: to.email,
    subject: `${reminder.overdue ? 'Overdue' : 'Due soon'}: complaint ${reminder.reference} ${deadlineNames[reminder.deadline]} ${reminder.overdue ? 'was due' : 'is due'} ${weekdayDayMonthYear(reminder.dueOn)}`,
    text: [
      `Dear ${to.name},`,
      '',
      `${what} ${reminder.overdue ? 'was due' : 'is due'} by ${weekdayDayMonthYear(reminder.dueOn)}.`,
      '',
      `Open the case: ${link}`,
    ].join('\n'),
  };
}
