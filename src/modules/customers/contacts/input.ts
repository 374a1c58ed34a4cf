import { z } from 'zod';
import { londonTime } from '../../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { formText } from '../../../platform/web/form-kit.ts';
import { optional, orThrow, type Problems, required } from '../input.ts';
import { type ContactChannel, contactChannels, isContactChannel } from '../rules.ts';
import type { ContactInput } from './repository.ts';

// What staff type about a customer and their contacts, checked; each problem names its field.

export const detailsForm = z.object({ name: formText, email: formText, phone: formText, address: formText });

export const contactForm = z.object({
  date: formText,
  time: formText,
  channel: formText,
  minutes: formText,
  summary: formText,
  outcome: formText,
  correspondence: formText,
  complaintReference: formText,
});

export type DetailsForm = z.output<typeof detailsForm>;

export function checkDetails(form: DetailsForm): DetailsForm {
  const problems: Problems = [];
  const details = {
    name: required(problems, 'name', form.name, 200, 'the customer’s name'),
    email: optional(problems, 'email', form.email, 320, 'the email address'),
    phone: optional(problems, 'phone', form.phone, 40, 'the phone number'),
    address: optional(problems, 'address', form.address, 500, 'the address'),
  };
  if (details.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(details.email)) {
    problems.push({
      key: 'email',
      message: 'Enter an email address in the correct format, like name@example.com',
    });
  }
  orThrow(problems);
  return details;
}

// "14:05", "9.30", "2pm", "9:30am" as hours and minutes, or null.
export function parseTime(text: string): { hours: number; minutes: number } | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const half = match[3]?.toLowerCase();
  if (match[2] === undefined && !half) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return { hours, minutes };
}

// The instant of a London wall-clock date and time.
export function londonInstant(date: string, time: { hours: number; minutes: number }): Date {
  const asUtc = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    time.hours,
    time.minutes,
  );
  const [hours = 0, minutes = 0] = londonTime(new Date(asUtc)).split(':').map(Number);
  const offsetMinutes = (((hours * 60 + minutes - (time.hours * 60 + time.minutes)) % 1440) + 1440) % 1440;
  return new Date(asUtc - (offsetMinutes > 720 ? offsetMinutes - 1440 : offsetMinutes) * 60_000);
}

// The date as forms.dateInput gives it: YYYY-MM-DD, '' or 'not-a-date'.
export type ContactForm = z.output<typeof contactForm>;

// The contact as stored, but for the customer and complaint the service adds (by reference).
type CheckedContact = Omit<ContactInput, 'customerId' | 'complaintId'> & {
  complaintReference: string;
};

export function checkContact(form: ContactForm, now: Date): CheckedContact {
  const problems: Problems = [];
  if (form.date === '') problems.push({ key: 'date', message: 'Enter the date of the contact' });
  else if (!isIsoDate(form.date))
    problems.push({ key: 'date', message: 'The date of the contact must be a real date' });
  const time = parseTime(form.time);
  if (form.time.trim() === '')
    problems.push({ key: 'time', message: 'Enter the time of the contact, like 14:30' });
  else if (!time)
    problems.push({ key: 'time', message: 'Enter the time as hours and minutes, like 14:30 or 2:30pm' });
  const occurredAt = isIsoDate(form.date) && time ? londonInstant(form.date, time) : now;
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) {
    problems.push({ key: 'date', message: 'The contact must not be in the future' });
  }
  if (!isContactChannel(form.channel)) {
    problems.push({
      key: 'channel',
      message: `Select how they made contact: ${Object.values(contactChannels).join(', ').toLowerCase()}`,
    });
  }
  const minutesText = form.minutes.trim();
  const minutes = Number(minutesText);
  if (minutesText === '')
    problems.push({ key: 'minutes', message: 'Enter the officer time taken in minutes' });
  else if (!/^\d+$/.test(minutesText) || minutes > 1440) {
    problems.push({
      key: 'minutes',
      message: 'Officer time must be a whole number of minutes from 0 to 1440',
    });
  }
  const contact = {
    occurredAt,
    channel: form.channel as ContactChannel,
    minutes,
    summary: required(problems, 'summary', form.summary, 5000, 'a summary of the contact'),
    outcome: optional(problems, 'outcome', form.outcome, 2000, 'the outcome'),
    correspondence: optional(
      problems,
      'correspondence',
      form.correspondence,
      500,
      'the correspondence reference',
    ),
    complaintReference: form.complaintReference.trim(),
  };
  orThrow(problems);
  return contact;
}
