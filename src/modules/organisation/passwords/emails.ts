import { dateTimeText } from '../../../platform/calendar/date-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';

type Recipient = { to: string; name: string; councilName: string };

export function resetEmail(details: Recipient & { link: string; expiresAt: Date }): EmailMessage {
  return {
    to: details.to,
    subject: `Reset your Probity password at ${details.councilName}`,
    text: [
      `Dear ${details.name},`,
      '',
      'Someone asked to reset the password of your Probity account. To choose a new password, use this link:',
      details.link,
      '',
      `The link works once and expires on ${dateTimeText(details.expiresAt)}. If it has expired, ask for another on the sign-in page.`,
      '',
      'If you did not ask for this, you can ignore this email: your password has not changed.',
    ].join('\n'),
    secrets: [details.link],
  };
}

export function passwordChangedEmail(details: Recipient & { at: Date; signInUrl: string }): EmailMessage {
  return {
    to: details.to,
    subject: `Your Probity password at ${details.councilName} has changed`,
    text: [
      `Dear ${details.name},`,
      '',
      `The password of your Probity account was changed on ${dateTimeText(details.at)}. Anyone signed in to your account elsewhere has been signed out.`,
      '',
      'If you did not change it, reset your password now from the sign-in page and tell your system administrator:',
      details.signInUrl,
    ].join('\n'),
  };
}
