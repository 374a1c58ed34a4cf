import type { EmailMessage } from './mailer.ts';

// A plain-text email to one person: "Dear …," and then the paragraphs, a blank line between each.
// A paragraph given as false, null or '' is left out, so that optional ones can be written inline.
export function emailTo(
  to: { email: string; name: string },
  subject: string,
  paragraphs: readonly (string | false | null | undefined)[],
): EmailMessage {
  const kept = paragraphs.filter((paragraph): paragraph is string => Boolean(paragraph));
  return { to: to.email, subject, text: [`Dear ${to.name},`, ...kept].join('\n\n') };
}
