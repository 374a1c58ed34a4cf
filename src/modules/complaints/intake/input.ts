// The facts of a complaint as typed into the public form's pages or the staff form, and the checks
// each needs. Answers are kept as typed (strings), right or wrong, so that nothing is lost.
import { z } from 'zod';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { startOfLondonDay } from '../../../platform/calendar/daylight.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { formText } from '../../../platform/web/form-kit.ts';
import { dateInput, text } from '../../../platform/web/forms.ts';
import { contactProblem } from './rules.ts';

export type Answers = Record<string, string>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 ()-]{6,40}$/;

// Typed text, trimmed (every form, multipart too, is refused with a NUL before it gets here).
function typed(body: Readonly<Record<string, unknown>>, name: string): string {
  return text(body[name]).trim();
}

// How much each typed field may hold, and what it is called in a message; every other field is a
// choice or a part of a date, and holds at most `choiceLimit` characters.
const typedFields: Readonly<Record<string, { max: number; what: string }>> = {
  theirName: { max: 200, what: 'Their name' },
  relationship: { max: 200, what: 'How you know them' },
  name: { max: 200, what: 'Your name' },
  email: { max: 320, what: 'Email address' },
  phone: { max: 40, what: 'Phone number' },
  address: { max: 500, what: 'Address' },
  whatHappened: { max: 10000, what: 'What happened' },
  wantedOutcome: { max: 5000, what: 'What you would like to happen' },
  adjustments: { max: 2000, what: 'Adjustments' },
};
const choiceLimit = 100;

function lengthError(answers: Answers, key: string): FieldError[] {
  const value = answers[key] ?? '';
  const field = typedFields[key];
  const max = field?.max ?? choiceLimit;
  if (value.length <= max) return [];
  return [
    {
      key,
      message: `${field?.what ?? 'The answer'} must be ${max.toLocaleString('en-GB')} characters or fewer`,
    },
  ];
}

// The fields of these answers that hold more than they may.
export function overLimit(answers: Answers): FieldError[] {
  return Object.keys(answers).flatMap((key) => lengthError(answers, key));
}

function required(answers: Answers, key: string, message: string): FieldError[] {
  return answers[key] ? lengthError(answers, key) : [{ key, message }];
}

const optional = lengthError;

export type Step = {
  key: string;
  title: string;
  fields: readonly string[];
  read(body: Readonly<Record<string, unknown>>): Answers;
  check(answers: Answers, context: { today: string; serviceIds: ReadonlySet<string> }): FieldError[];
};

const readFields =
  (fields: readonly string[]) =>
  (body: Readonly<Record<string, unknown>>): Answers =>
    Object.fromEntries(fields.map((field) => [field, typed(body, field)]));

const forWhomStep: Step = {
  key: 'who',
  title: 'Who is the complaint for?',
  fields: ['forWhom', 'theirName', 'relationship'],
  read(body) {
    const answers = readFields(this.fields)(body);
    return answers.forWhom === 'someone-else'
      ? answers
      : { forWhom: answers.forWhom ?? '', theirName: '', relationship: '' };
  },
  check(answers) {
    if (answers.forWhom !== 'self' && answers.forWhom !== 'someone-else') {
      return [{ key: 'forWhom', message: 'Select who the complaint is for' }];
    }
    if (answers.forWhom === 'self') return [];
    return [
      ...required(answers, 'theirName', 'Enter the name of the person you are complaining for'),
      ...required(
        answers,
        'relationship',
        'Enter how you know them, for example their son or their advocate',
      ),
    ];
  },
};

export const contactStep: Step = {
  key: 'contact',
  title: 'Your contact details',
  fields: ['name', 'email', 'phone', 'address', 'preference'],
  read: readFields(['name', 'email', 'phone', 'address', 'preference']),
  check(answers) {
    const errors = [
      ...required(answers, 'name', 'Enter your full name'),
      ...optional(answers, 'email'),
      ...optional(answers, 'phone'),
      ...optional(answers, 'address'),
    ];
    const email = answers.email ?? '';
    const phone = answers.phone ?? '';
    if (email && email.length <= 320 && !emailPattern.test(email)) {
      errors.push({
        key: 'email',
        message: 'Enter an email address in the correct format, like name@example.com',
      });
    }
    if (phone && phone.length <= 40 && !phonePattern.test(phone)) {
      errors.push({ key: 'phone', message: 'Enter a phone number, like 01632 960 001 or 07700 900 982' });
    }
    const contact = contactProblem({
      email,
      phone,
      address: answers.address ?? '',
      preference: answers.preference ?? '',
    });
    if (contact && !errors.some((error) => error.key === contact.key)) errors.push(contact);
    return errors;
  },
};

const serviceStep: Step = {
  key: 'service',
  title: 'Which service is your complaint about?',
  fields: ['serviceId'],
  read: readFields(['serviceId']),
  check(answers, { serviceIds }) {
    const id = answers.serviceId ?? '';
    return id === 'unknown' || serviceIds.has(id)
      ? []
      : [{ key: 'serviceId', message: 'Select the service, or ‘I do not know’' }];
  },
};

export const whatHappenedStep: Step = {
  key: 'what-happened',
  title: 'What happened?',
  fields: ['whatHappened', 'happenedOn-day', 'happenedOn-month', 'happenedOn-year'],
  read(body) {
    const { typed: parts, date } = dateInput(body, 'happenedOn');
    return { whatHappened: typed(body, 'whatHappened'), ...parts, happenedOn: date };
  },
  check(answers, { today }) {
    const errors = required(answers, 'whatHappened', 'Tell us what happened');
    const date = answers.happenedOn ?? '';
    if (date === '')
      errors.push({
        key: 'happenedOn',
        message: 'Enter when it happened. If you are not sure, give your best guess',
      });
    else if (date === 'not-a-date')
      errors.push({ key: 'happenedOn', message: 'When it happened must be a real date' });
    else if (date > today)
      errors.push({ key: 'happenedOn', message: 'When it happened must be today or in the past' });
    return errors;
  },
};

const outcomeStep: Step = {
  key: 'outcome',
  title: 'What would you like to happen?',
  fields: ['wantedOutcome'],
  read: readFields(['wantedOutcome']),
  check: (answers) => required(answers, 'wantedOutcome', 'Tell us what you would like to happen'),
};

const adjustmentsStep: Step = {
  key: 'adjustments',
  title: 'Do you need us to make any adjustments?',
  fields: ['needsAdjustments', 'adjustments'],
  read(body) {
    const needsAdjustments = typed(body, 'needsAdjustments');
    return { needsAdjustments, adjustments: needsAdjustments === 'yes' ? typed(body, 'adjustments') : '' };
  },
  check(answers) {
    if (answers.needsAdjustments !== 'yes' && answers.needsAdjustments !== 'no') {
      return [{ key: 'needsAdjustments', message: 'Select yes if you need us to make any adjustments' }];
    }
    if (answers.needsAdjustments === 'no') return [];
    return required(answers, 'adjustments', 'Tell us what adjustments you need');
  },
};

// What a complaint's form asks, in order: a page each on the public form, where the written
// authority page (uploads) comes after "who" for someone complaining for another person; all on
// one page when staff log a complaint.
export const complaintSteps = [
  forWhomStep,
  contactStep,
  serviceStep,
  whatHappenedStep,
  outcomeStep,
  adjustmentsStep,
] as const;

export type ComplaintFacts = {
  forWhom: 'self' | 'someone-else';
  theirName: string;
  relationship: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  preference: 'email' | 'phone' | 'post';
  serviceId: string | null;
  whatHappened: string;
  happenedOn: string;
  wantedOutcome: string;
  adjustments: string;
};

// Every step's checks over the whole set of answers: the first step with a problem, or the facts.
export function completeFacts(
  answers: Answers,
  context: { today: string; serviceIds: ReadonlySet<string> },
): { facts: ComplaintFacts; firstIncomplete: null } | { facts: null; firstIncomplete: Step } {
  for (const step of complaintSteps) {
    if (step.check(answers, context).length) return { facts: null, firstIncomplete: step };
  }
  const value = (key: string) => answers[key] ?? '';
  return {
    firstIncomplete: null,
    facts: {
      forWhom: value('forWhom') as ComplaintFacts['forWhom'],
      theirName: value('theirName'),
      relationship: value('relationship'),
      name: value('name'),
      email: value('email'),
      phone: value('phone'),
      address: value('address'),
      preference: value('preference') as ComplaintFacts['preference'],
      serviceId: value('serviceId') === 'unknown' ? null : value('serviceId'),
      whatHappened: value('whatHappened'),
      happenedOn: value('happenedOn'),
      wantedOutcome: value('wantedOutcome'),
      adjustments: value('adjustments'),
    },
  };
}

// The staff form: the received date and time (may be in the past) and the channel, checked here;
// the facts by the same steps as the public form.
export const channels = {
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  'in-person': 'In person',
} as const;
export type StaffChannel = keyof typeof channels;

function readReceived(body: Readonly<Record<string, unknown>>): Answers {
  const { typed: parts, date } = dateInput(body, 'receivedOn');
  return {
    channel: typed(body, 'channel'),
    ...parts,
    receivedOn: date,
    receivedTime: typed(body, 'receivedTime'),
  };
}

// 24-hour or 12-hour clock, as people type it: 14:30, 2:30pm, 9am.
export function parseTime(value: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(value.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const half = match[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (match[2] === undefined) return null;
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function checkReceived(answers: Answers, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!((answers.channel ?? '') in channels))
    errors.push({ key: 'channel', message: 'Select how the complaint was received' });
  const date = answers.receivedOn ?? '';
  if (date === '') errors.push({ key: 'receivedOn', message: 'Enter the date the complaint was received' });
  else if (date === 'not-a-date')
    errors.push({ key: 'receivedOn', message: 'The date received must be a real date' });
  else if (date > today)
    errors.push({ key: 'receivedOn', message: 'The date received must be today or in the past' });
  if (!parseTime(answers.receivedTime ?? '')) {
    errors.push({ key: 'receivedTime', message: 'Enter the time it was received, like 14:30 or 2:30pm' });
  }
  return errors;
}

// A London date and time (HH:MM) as an instant.
function londonInstant(date: string, time: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return new Date(startOfLondonDay(date).getTime() + (hours * 60 + minutes) * 60_000);
}

export const documentParams = z.object({ reference: z.string(), id: z.string() });
// The log page: the customer chosen, or a new one, or what to find them by.
export const logQuery = z.object({
  customer: z.string().catch(''),
  new: z.string().catch(''),
  q: formText.catch(''),
});

const idOrNull = (value: unknown) => (isUuid(text(value)) ? text(value) : null);

// The staff form as posted: the customer chosen, the form's own id (so that sending it twice logs
// one complaint), and how it was received and every step's answers, as typed.
export const loggedForm = z.record(z.string(), z.unknown()).transform((body) => {
  const answers: Answers = readReceived(body);
  for (const step of complaintSteps) Object.assign(answers, step.read(body));
  return { customerId: idOrNull(body.customer), submission: idOrNull(body.submission), answers };
});

// What is wrong with the staff form's answers, and when the complaint was received.
export function checkLogged(
  answers: Answers,
  context: { today: string; serviceIds: ReadonlySet<string> },
  now: Date,
): { errors: FieldError[]; receivedAt: Date } {
  const errors = [
    ...checkReceived(answers, context.today),
    ...complaintSteps.flatMap((step) => step.check(answers, context)),
  ];
  // Only worked out once the date and time are known to be good (checkReceived).
  const receivedAt = errors.length
    ? now
    : londonInstant(answers.receivedOn ?? context.today, parseTime(answers.receivedTime ?? '') ?? '00:00');
  if (!errors.length && receivedAt > now) {
    errors.push({ key: 'receivedTime', message: 'The time received must be in the past' });
  }
  return { errors, receivedAt };
}
