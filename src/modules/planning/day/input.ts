import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { timeField } from '../../../platform/web/form-fields.ts';
import { formChoices, formText, idParam } from '../../../platform/web/form-kit.ts';

// What the team leader gives to plan a day, to change it by hand, and to make it into the
// officers' plans; the page and the API take the same fields.

export const dayDates = ['planDate'] as const;

const whole = (what: string, min: number, max: number) =>
  formText.pipe(
    z
      .string()
      .regex(/^\d{1,3}$/, `Enter ${what} as a whole number`)
      .transform(Number)
      .refine(
        (value) => value >= min && value <= max,
        `${what[0]?.toUpperCase()}${what.slice(1)} must be between ${min} and ${max}`,
      ),
  );

// An officer who starts and finishes elsewhere (at home), or works other hours than the team's,
// has fields named for them: startAddress-<id>, startPostcode-<id>, from-<id>, until-<id>.
const ownField = /^(startAddress|startPostcode|from|until)-([0-9a-f-]{36})$/;
export type OfficerOwn = {
  officerId: string;
  startAddress: string;
  startPostcode: string;
  from: string;
  until: string;
};

function ownOf(raw: Record<string, unknown>): OfficerOwn[] {
  const byOfficer = new Map<string, OfficerOwn>();
  for (const [key, value] of Object.entries(raw)) {
    const match = ownField.exec(key);
    if (!match || typeof value !== 'string' || !value.trim()) continue;
    const officerId = match[2] as string;
    const own = byOfficer.get(officerId) ?? {
      officerId,
      startAddress: '',
      startPostcode: '',
      from: '',
      until: '',
    };
    own[match[1] as 'startAddress'] = value.trim().slice(0, 300);
    byOfficer.set(officerId, own);
  }
  return [...byOfficer.values()];
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

function ownProblems(own: OfficerOwn, add: (field: string, message: string) => void) {
  const field = (name: string) => `${name}-${own.officerId}`;
  if (Boolean(own.startAddress) !== Boolean(own.startPostcode))
    add(
      field(own.startAddress ? 'startPostcode' : 'startAddress'),
      'Enter both the address and the postcode where the officer starts, or neither',
    );
  for (const name of ['from', 'until'] as const)
    if (own[name] && !clock.test(own[name]))
      add(field(name), 'Enter the officer’s hours as 24-hour times, like 08:30');
}

const dayFields = [
  'planDate',
  'officerIds',
  'from',
  'until',
  'minutes',
  'officeAddress',
  'officePostcode',
  'responsibleOfficerId',
] as const;

const pick = <T extends Record<string, unknown>, K extends keyof T>(value: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;

export const dayForm = z
  .looseObject({
    planDate: formText.pipe(
      z
        .string()
        .min(1, 'Enter the day to plan')
        .refine(isIsoDate, 'The day to plan must be a real date, like 7 12 2026'),
    ),
    officerIds: formChoices.pipe(
      z
        .array(z.uuid('Choose the officers from the list'))
        .min(1, 'Choose at least one officer')
        .max(30, 'Choose 30 officers or fewer'),
    ),
    from: timeField('when the working day starts'),
    until: timeField('when the working day ends'),
    minutes: whole('the minutes at each visit', 5, 240),
    officeAddress: formText.pipe(
      z
        .string()
        .min(1, 'Enter the address officers start from and return to')
        .max(300, 'The address must be 300 characters or fewer'),
    ),
    officePostcode: formText.pipe(
      z.string().min(1, 'Enter the postcode of the office').max(10, 'Enter a real postcode'),
    ),
    responsibleOfficerId: formText.pipe(
      z.uuid('Choose the responsible officer who will hold the diary sheets'),
    ),
  })
  .superRefine((day, context) => {
    if (/^\d\d:\d\d$/.test(day.from) && /^\d\d:\d\d$/.test(day.until) && day.until <= day.from)
      context.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'The working day must end after it starts',
      });
    for (const own of ownOf(day))
      ownProblems(own, (field, message) => context.addIssue({ code: 'custom', path: [field], message }));
    if (day.officerIds.includes(day.responsibleOfficerId))
      context.addIssue({
        code: 'custom',
        path: ['responsibleOfficerId'],
        message: 'The responsible officer must be someone other than the officers going out',
      });
  })
  // Only the chosen officers' own starts and hours count.
  .transform((day) => ({
    ...pick(day, dayFields),
    own: ownOf(day).filter((own) => day.officerIds.includes(own.officerId)),
  }));
export type DayForm = z.output<typeof dayForm>;

export const proposalParams = z.object({ proposalId: idParam });

const version = formText.pipe(
  z
    .string()
    .regex(/^\d{1,9}$/, 'Look at the plan again and retry')
    .transform(Number),
);

// The page picks a visit as "officer|case" (or "unplanned|case"); the API names both.
const picked = (raw: unknown) => {
  if (typeof raw !== 'object' || raw === null || !('pick' in raw) || typeof raw.pick !== 'string') return raw;
  const [from = '', visit = ''] = raw.pick.split('|');
  return { ...raw, from, visit };
};

export const moveForm = z.preprocess(
  picked,
  z.object({
    version,
    visit: formText.pipe(z.string().min(1, 'Choose the visit to move').max(80, 'Choose the visit to move')),
    from: formText.pipe(z.string().max(40, 'Choose the visit to move')),
    to: formText.pipe(
      z.string().min(1, 'Choose where the visit goes').max(40, 'Choose where the visit goes'),
    ),
    position: whole('the stop number', 1, 500),
  }),
);
export type MoveForm = z.output<typeof moveForm>;

export const makeForm = z.object({
  version,
  advice: formText.pipe(z.string().max(2000, 'The advice must be 2000 characters or fewer')),
});
export type MakeForm = z.output<typeof makeForm>;
