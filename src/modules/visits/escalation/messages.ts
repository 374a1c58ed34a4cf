import { timeText } from '../../../platform/calendar/date-text.ts';
import { emailTo } from '../../../platform/notify/email-text.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import type { AlertKind, AlertLevel } from '../tables.ts';

// What each alert says, and to whom: the responsible officer first, then the line manager, then
// both with the emergency step [DOMAIN.md §5]. Pure: the service gathers who and where.

export type Contact = { id: string; name: string; email: string; mobile?: string };
export type Place = { address: string; at: Date };

export type AlertContext = {
  planId: string;
  officer: Contact;
  responsible: Contact;
  // The officer's line manager; the responsible officer stands in when there is none.
  manager: Contact | null;
  // The check-in missed: after a visit (its address) or home.
  missed: { what: string; dueAt: Date } | null;
  lastKnown: Place | null;
  next: Place | null;
  // Risk markers at the last known and the next address, by kind.
  markers: readonly string[];
};

export type Text = { to: string; text: string };

export function recipients(level: AlertLevel, context: AlertContext): Contact[] {
  const manager = context.manager ?? context.responsible;
  const chosen =
    level === 'responsible'
      ? [context.responsible]
      : level === 'manager'
        ? [manager]
        : [context.responsible, manager];
  return chosen.filter((person, index) => chosen.findIndex((other) => other.id === person.id) === index);
}

const placeText = (place: Place | null, none: string) =>
  place ? `${place.address} (${timeText(place.at)})` : none;

// The emergency step, on the screen and in the message: what the police need to hear.
export function emergencyInstruction(context: AlertContext): string[] {
  const phone = context.officer.mobile || 'no mobile number recorded';
  return [
    `Call ${context.officer.name} now on ${phone}. If you cannot reach them, call the police on 999 and give them:`,
    `Last known visit: ${placeText(context.lastKnown, 'none recorded today')}.`,
    `Risk markers: ${context.markers.length ? context.markers.join(', ') : 'none recorded'}.`,
    `Next planned visit: ${placeText(context.next, 'none: they were due home')}.`,
    `Their phone number: ${phone}.`,
  ];
}

function subjectOf(kind: AlertKind, level: AlertLevel, context: AlertContext): string {
  if (kind === 'help-now') return `NEED HELP NOW: ${context.officer.name} has raised the alarm`;
  const missed = context.missed ? ` due at ${timeText(context.missed.dueAt)}` : '';
  if (level === 'emergency') return `EMERGENCY: ${context.officer.name} has still not checked in${missed}`;
  return `Late check-in: ${context.officer.name} has not checked in${missed}`;
}

function paragraphs(kind: AlertKind, level: AlertLevel, context: AlertContext, link: string): string[] {
  const missed = context.missed
    ? `The check-in ${context.missed.what}, due at ${timeText(context.missed.dueAt)}, has not been received.`
    : '';
  const first =
    kind === 'help-now'
      ? `${context.officer.name} pressed "Need help now".`
      : level === 'responsible'
        ? `${missed} Call ${context.officer.name} to check they are safe.`
        : missed;
  const urgent = kind === 'help-now' || level === 'emergency';
  return [
    first,
    ...(urgent
      ? emergencyInstruction(context)
      : [`Last known visit: ${placeText(context.lastKnown, 'none recorded today')}.`]),
    `Acknowledge this alert so that it is not escalated further: ${link}`,
  ];
}

export function alertMessages(kind: AlertKind, level: AlertLevel, context: AlertContext, link: string) {
  const subject = subjectOf(kind, level, context);
  const body = paragraphs(kind, level, context, link);
  const to = recipients(level, context);
  const emails: EmailMessage[] = to.map((person) => emailTo(person, subject, body));
  const texts: Text[] = to.flatMap((person) =>
    person.mobile
      ? [
          {
            to: person.mobile,
            text: `${subject}. ${kind === 'help-now' || level === 'emergency' ? emergencyInstruction(context)[0] : 'Call them now.'} ${link}`,
          },
        ]
      : [],
  );
  return { emails, texts };
}

// Once the officer is heard from, everyone alerted is told to stand down.
export function standDownMessages(levels: readonly AlertLevel[], context: AlertContext, at: Date) {
  const alerted = levels.flatMap((level) => recipients(level, context));
  const to = alerted.filter(
    (person, index) => alerted.findIndex((other) => other.id === person.id) === index,
  );
  const subject = `${context.officer.name} has checked in`;
  const said = `${context.officer.name} checked in at ${timeText(at)}. No further action is needed for the alert you were sent.`;
  return {
    emails: to.map((person) => emailTo(person, subject, [said])),
    texts: to.flatMap((person): Text[] => (person.mobile ? [{ to: person.mobile, text: said }] : [])),
  };
}
