import { dateTimeText } from '../../../platform/calendar/date-text.ts';
import { emailTo } from '../../../platform/notify/email-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import type { Incident } from './repository.ts';
import { kindNames } from './rules.ts';

// An incident report is sent to the officer's line manager [000: passed to the line manager] and
// to health and safety when the council has an address for it. The email says what, when and
// where; the report itself is read in Probity, where each reading is audited.
export function incidentEmails(
  incident: Incident,
  context: {
    reporterName: string;
    url: string;
    lineManager: { email: string; name: string } | null;
    healthAndSafety: string;
  },
): EmailMessage[] {
  const what = incident.kinds.map((kind) => kindNames[kind].toLowerCase()).join(', ');
  const subject = `Incident report from ${context.reporterName}: ${what}`;
  const paragraphs = [
    `${context.reporterName} has reported an incident (${what}) on ${dateTimeText(incident.occurredAt)}, at ${incident.location}.`,
    incident.policeReference && `Police reference: ${incident.policeReference}`,
    `Read the report: ${context.url}`,
  ];
  const emails: EmailMessage[] = [];
  if (context.lineManager) emails.push(emailTo(context.lineManager, subject, paragraphs));
  if (context.healthAndSafety)
    emails.push(emailTo({ email: context.healthAndSafety, name: 'Health and safety' }, subject, paragraphs));
  return emails;
}
