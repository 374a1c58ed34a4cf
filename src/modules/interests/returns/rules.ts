// The related party transactions annual return (001 §48-51): who completes it, for which
// financial year, which declarations belong on it, and what a valid return is. Pure.
import type { FieldError } from '../../../platform/errors.ts';

// A council's financial year runs from 1 April to 31 March and is known by the year it starts.
export function financialYearOf(londonDay: string): number {
  const year = Number(londonDay.slice(0, 4));
  return Number(londonDay.slice(5, 7)) >= 4 ? year : year - 1;
}

export function financialYearLabel(year: number): string {
  return `April ${year} to March ${year + 1}`;
}

export function financialYearStart(year: number): string {
  return `${year}-04-01`;
}

// "Relevant officers" (001 §49) are whoever holds one of the roles the council chose.
export function isRelevantOfficer(held: Iterable<string>, relatedPartyRoles: readonly string[]): boolean {
  return [...held].some((role) => relatedPartyRoles.includes(role));
}

// The kinds that can name a related party, for the database to narrow by before the answers decide.
export const relatedPartyKinds = [
  'position-of-influence',
  'business-interest',
  'financial-interest',
  'membership',
] as const;

// A declaration belongs on the return when it names a body that provides services to the council
// or receives its grants (001 §49), and the officer, their partner or relative (001 §50) has
// influence in it:
// - every position of influence: that is what the kind is for;
// - a business interest in a business that has a contract with the council (one that only may
//   seek work has no transactions yet);
// - a financial interest that is a directorship, a partnership or an interest in a contract, which
//   the declaration must say touches council business (a shareholding alone is not influence);
// - membership of a body that receives grant aid from the council (influence held in a personal
//   capacity in a grant-funded organisation, 001 §49).
export function isRelatedPartyInterest(kind: string, answers: Readonly<Record<string, unknown>>): boolean {
  switch (kind) {
    case 'position-of-influence':
      return true;
    case 'business-interest':
      return answers.councilWork === 'contracts';
    case 'financial-interest':
      return ['directorship', 'partnership', 'contract'].includes(String(answers.interestType));
    case 'membership':
      return answers.organisationType === 'grant-aided';
    default:
      return false;
  }
}

export const maxTransactionsLength = 4000;

export type ReturnInput = { nil: boolean; transactions: string };

// A nil return says there is nothing to declare, so it cannot be made beside declared interests
// or transactions; a return that is not nil must have something on it.
export function returnErrors(input: ReturnInput, interests: number): FieldError[] {
  const errors: FieldError[] = [];
  if (input.transactions.length > maxTransactionsLength) {
    errors.push({
      key: 'transactions',
      message: `Transactions must be ${maxTransactionsLength} characters or fewer`,
    });
  }
  if (input.nil && interests > 0) {
    errors.push({
      key: 'interests',
      message:
        'You cannot make a nil return because you have declared related party interests: submit your return instead',
    });
  } else if (input.nil && input.transactions !== '') {
    errors.push({
      key: 'transactions',
      message: 'You cannot make a nil return and describe transactions: submit your return instead',
    });
  } else if (!input.nil && interests === 0 && input.transactions === '') {
    errors.push({
      key: 'transactions',
      message:
        'Describe the transactions, declare an interest first, or say you have no related party interests to declare',
    });
  }
  return errors;
}

// The financial year the collated return is asked for: this one unless another is given, and
// none still to come.
export function parseFinancialYear(raw: unknown, current: number): { year: number } | { error: FieldError } {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === undefined || text === '') return { year: current };
  if (typeof text !== 'string' || !/^\d{4}$/.test(text))
    return { error: { key: 'year', message: 'Financial year must be the year it starts, like 2026' } };
  const year = Number(text);
  if (year < 2000) return { error: { key: 'year', message: 'Financial year must be 2000 or later' } };
  if (year > current)
    return { error: { key: 'year', message: `Financial year must be ${current} or earlier` } };
  return { year };
}
