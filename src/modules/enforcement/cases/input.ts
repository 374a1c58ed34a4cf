import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { type FieldError, InvalidInput } from '../../../platform/errors.ts';
import { formText, idParam } from '../../../platform/web/form-kit.ts';
import { maxPence } from '../arrangements/rules.ts';
import type { CaseStatus } from '../tables.ts';
import type { NewCase } from './repository.ts';

export const caseParams = z.object({ id: idParam });
export const statuses = [
  'open',
  'arrangement',
  'back-for-visit',
  'goods-controlled',
  'paid',
  'returned',
] as const satisfies readonly CaseStatus[];
export const statusNames: Record<CaseStatus, string> = {
  open: 'Open',
  arrangement: 'Payment arrangement',
  'back-for-visit': 'Back for a visit (arrangement defaulted)',
  'goods-controlled': 'Goods taken into control',
  paid: 'Paid',
  returned: 'Warrant returned',
};

// A payment arrangement's state, after its name on the case page.
export const arrangementStatusNames = {
  live: 'being paid',
  defaulted: 'defaulted',
  completed: 'paid in full',
} as const;

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;
const postcode = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

// Pounds typed in a form ("1,234.50", "£20") as whole pence; NaN when it is not an amount.
export function pence(text: string): number {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  const [whole = '0', part = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

// What a new case must be, however it was sent (DOMAIN.md §5; 004).
export function checkNewCase(made: NewCase, today: string): NewCase {
  const errors: FieldError[] = [];
  const need = (ok: boolean, key: string, message: string) => {
    if (!ok) errors.push({ key, message });
  };
  need(
    made.accountRef.length > 0 && made.accountRef.length <= 60,
    'accountRef',
    'Enter the account reference (60 characters or fewer)',
  );
  need(made.debtorName.length > 0 && made.debtorName.length <= 200, 'debtorName', 'Enter the debtor’s name');
  need(made.address.length > 0 && made.address.length <= 300, 'address', 'Enter the address');
  need(postcode.test(made.postcode), 'postcode', 'Enter a real postcode, like SW1A 1AA');
  need(made.uprn === null || /^\d{1,12}$/.test(made.uprn), 'uprn', 'A UPRN is up to 12 digits');
  need(
    Number.isSafeInteger(made.balancePence) && made.balancePence > 0 && made.balancePence <= maxPence,
    'balance',
    'Enter the balance owed, in pounds and pence',
  );
  need(
    isIsoDate(made.liabilityOrderOn) && made.liabilityOrderOn <= today,
    'liabilityOrderOn',
    'Enter the date of the liability order, not in the future',
  );
  need(
    made.liabilityOrderCourt.length > 0 && made.liabilityOrderCourt.length <= 200,
    'liabilityOrderCourt',
    'Enter the magistrates’ court that made the order',
  );
  need(
    made.noticeOn === null || (isIsoDate(made.noticeOn) && made.noticeOn <= today),
    'noticeOn',
    'The notice date must be a real date, not in the future',
  );
  const hours = made.tradingHours;
  need(
    hours === null || (clockTime.test(hours.from) && clockTime.test(hours.until)),
    'tradingFrom',
    'Trading hours are two times like 09:00 and 17:30',
  );
  need(
    hours === null || made.premises === 'business',
    'tradingFrom',
    'Only business premises have trading hours',
  );
  const appointment = made.appointment;
  need(
    appointment === null ||
      (isIsoDate(appointment.on) &&
        clockTime.test(appointment.from) &&
        clockTime.test(appointment.until) &&
        appointment.from < appointment.until),
    'appointmentOn',
    'An appointment needs a date and a window like 10:00 to 12:00',
  );
  if (errors.length) throw new InvalidInput(errors);
  return { ...made, postcode: made.postcode.toUpperCase() };
}

const pair = <T>(a: string, b: string, make: () => T): T | null => (a || b ? make() : null);

// The new case form.
export const caseForm = z
  .object({
    accountRef: formText,
    kind: z.preprocess(
      (v) => v,
      z.enum(['council-tax', 'business-rates'], { message: 'Choose council tax or business rates' }),
    ),
    debtorName: formText,
    address: formText,
    postcode: formText,
    uprn: formText,
    premises: z.preprocess(
      (v) => v,
      z.enum(['domestic', 'business'], { message: 'Choose domestic or business premises' }),
    ),
    tradingFrom: formText,
    tradingUntil: formText,
    appointmentOn: formText,
    appointmentFrom: formText,
    appointmentUntil: formText,
    balance: formText,
    liabilityOrderOn: formText,
    liabilityOrderCourt: formText,
    noticeOn: formText,
    agentId: formText,
  })
  .transform(
    (body): NewCase => ({
      accountRef: body.accountRef,
      kind: body.kind,
      debtorName: body.debtorName,
      address: body.address,
      postcode: body.postcode,
      uprn: body.uprn || null,
      premises: body.premises,
      tradingHours: pair(body.tradingFrom, body.tradingUntil, () => ({
        from: body.tradingFrom,
        until: body.tradingUntil,
      })),
      appointment: pair(body.appointmentOn, body.appointmentFrom || body.appointmentUntil, () => ({
        on: body.appointmentOn,
        from: body.appointmentFrom,
        until: body.appointmentUntil,
      })),
      balancePence: pence(body.balance),
      liabilityOrderOn: body.liabilityOrderOn,
      liabilityOrderCourt: body.liabilityOrderCourt,
      noticeOn: body.noticeOn || null,
      agentId: body.agentId || null,
    }),
  );
export const caseFormDates = ['liabilityOrderOn', 'appointmentOn', 'noticeOn'] as const;

const hhmm = z.string().regex(clockTime, 'HH:MM');
const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD');

// The same over the API.
export const caseBody = z.object({
  accountRef: z.string().trim().min(1).max(60),
  kind: z.enum(['council-tax', 'business-rates']),
  debtorName: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(300),
  postcode: z.string().trim().min(1).max(10),
  uprn: z
    .string()
    .regex(/^\d{1,12}$/)
    .nullable()
    .default(null),
  premises: z.enum(['domestic', 'business']),
  tradingHours: z.object({ from: hhmm, until: hhmm }).nullable().default(null),
  appointment: z
    .object({ on: isoDate, from: hhmm, until: hhmm })
    .nullable()
    .default(null)
    .describe('A promised appointment'),
  balancePence: z.number().int().positive().max(maxPence),
  liabilityOrderOn: isoDate,
  liabilityOrderCourt: z.string().trim().min(1).max(200),
  noticeOn: isoDate
    .nullable()
    .default(null)
    .describe('The day the notice of enforcement was given, once it was'),
  agentId: z.uuid().nullable().default(null).describe('The agent to allocate it to: an active field officer'),
});

export const allocateForm = z.object({ agentId: z.uuid({ message: 'Choose an agent' }) });
export const allocateBody = allocateForm;
export const noticeForm = z.object({ noticeOn: isoDate.or(z.literal('not-a-date')).or(z.literal('')) });
export const noticeBody = z.object({
  noticeOn: isoDate.describe('The day the notice of enforcement was given'),
});

export const listQuery = z.object({
  status: z.enum(statuses).or(z.literal('')).catch('').default(''),
  agent: z.uuid().or(z.literal('')).catch('').default(''),
});
