import { isIsoDate } from '../../../platform/calendar/working-days.ts';

// Payment arrangements agreed at a visit and monitored for default (DOMAIN.md §5; 004: "negotiating
// payment arrangements with debtors and actively monitoring those arrangements, taking timely
// proactive action if in default"). An instalment is missed when what was paid by the end of its
// grace period (policy: arrangementGraceDays, 7 days) does not cover it and every one before it.

export type Frequency = 'weekly' | 'monthly';
export type Instalment = { dueOn: string; amountPence: number };
export type Payment = { paidOn: string; amountPence: number };

const dayMs = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => toDate(toTime(date) + days * dayMs);

// The same day of a later month, or that month's last day when it is shorter (31 January → 28 February).
function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return toDate(target.getTime());
}

// The instalments offered by default: the balance in `count` equal weekly or monthly instalments
// from the first date, whole pence, the last carrying the remainder.
export function arrangementDefaults(input: {
  balancePence: number;
  firstOn: string;
  count: number;
  frequency: Frequency;
}): Instalment[] {
  const { balancePence, firstOn, count, frequency } = input;
  if (!Number.isInteger(balancePence) || balancePence <= 0)
    throw new RangeError('The balance must be positive');
  if (!Number.isInteger(count) || count < 1) throw new RangeError('At least one instalment');
  const instalments = Math.min(count, balancePence);
  const each = Math.floor(balancePence / instalments);
  return Array.from({ length: instalments }, (_, index) => ({
    dueOn: frequency === 'weekly' ? addDays(firstOn, 7 * index) : addMonths(firstOn, index),
    amountPence: index === instalments - 1 ? balancePence - each * (instalments - 1) : each,
  }));
}

const byDue = <T extends Instalment>(instalments: readonly T[]) =>
  [...instalments].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));

// Payments allocated to the instalments in date order: how much of each is paid.
export function allocatePayments<T extends Instalment>(
  instalments: readonly T[],
  payments: readonly Payment[],
): (T & { paidPence: number })[] {
  let left = payments.reduce((sum, payment) => sum + payment.amountPence, 0);
  return byDue(instalments).map((instalment) => {
    const paidPence = Math.min(left, instalment.amountPence);
    left -= paidPence;
    return { ...instalment, paidPence };
  });
}

// The instalments missed by `today`: those whose grace period has ended (today is after the due
// date plus graceDays) without the payments made by then covering it and every earlier one.
export function missedInstalments<T extends Instalment>(
  instalments: readonly T[],
  payments: readonly Payment[],
  today: string,
  graceDays: number,
): T[] {
  let owed = 0;
  const missed: T[] = [];
  for (const instalment of byDue(instalments)) {
    owed += instalment.amountPence;
    const lastDay = addDays(instalment.dueOn, graceDays);
    if (today <= lastDay) continue;
    const paid = payments
      .filter((payment) => payment.paidOn <= lastDay)
      .reduce((sum, payment) => sum + payment.amountPence, 0);
    if (paid < owed) missed.push(instalment);
  }
  return missed;
}

// Five years of weekly instalments.
export const maxInstalments = 260;

// What is wrong with instalments typed in: each needs a date and a whole number of pence, and
// together they make up the balance.
export function instalmentErrors(instalments: readonly Instalment[], balancePence: number, today: string) {
  if (instalments.length === 0) return ['Enter at least one instalment'];
  if (instalments.length > maxInstalments)
    return [`An arrangement has at most ${maxInstalments} instalments`];
  const errors: string[] = [];
  if (instalments.some((i) => !Number.isInteger(i.amountPence) || i.amountPence <= 0))
    errors.push('Each instalment must be a positive amount');
  if (instalments.some((i) => !isIsoDate(i.dueOn)))
    errors.push('Each instalment needs its date, written like 2026-12-31');
  else if (instalments.some((i) => i.dueOn < today)) errors.push('No instalment can be due before today');
  const total = instalments.reduce((sum, i) => sum + i.amountPence, 0);
  if (errors.length === 0 && total !== balancePence)
    errors.push(
      `The instalments must add up to the balance of ${pounds(balancePence)}, not ${pounds(total)}`,
    );
  return errors;
}

// Amounts are held in integer columns: no amount is more than this many pence (£21,474,836.47).
export const maxPence = 2_147_483_647;

export const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
