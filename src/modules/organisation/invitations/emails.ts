import { dateTimeText } from '../../../platform/calendar/date-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';

export function invitationEmail(details: {
  to: string;
  name: string;
  councilName: string;
  link: string;
  expiresAt: Date;
}): EmailMessage {
  return {
    to: details.to,
    subject: `Set your password for Probity at ${details.councilName}`,
    text: [
      `Dear ${details.name},`,
      '',
      `${details.councilName} has given you an account on Probity, where you record declarations of interest, gifts and hospitality, complaints and field visits.`,
      '',
      'Set your password using this link:',
      details.link,
      '',
      `The link works once and expires on ${dateTimeText(details.expiresAt)}. If it has expired, ask your system administrator for a new one.`,
      '',
      'If you were not expecting this email, you can ignore it.',
    ].join('\n'),
    secrets: [details.link],
  };
}
