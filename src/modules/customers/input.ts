import { type FieldError, InvalidInput } from '../../platform/errors.ts';

// What staff type into the customer forms, checked; each problem names its field.

export type Problems = FieldError[];

// Each returns the text trimmed, as it is checked and kept.
export function required(problems: Problems, key: string, text: string, max: number, what: string): string {
  const value = text.trim();
  if (value === '') problems.push({ key, message: `Enter ${what}` });
  else if (value.length > max)
    problems.push({ key, message: `${capital(what)} must be ${max} characters or fewer` });
  return value;
}

export function optional(problems: Problems, key: string, text: string, max: number, what: string): string {
  const value = text.trim();
  if (value.length > max)
    problems.push({ key, message: `${capital(what)} must be ${max} characters or fewer` });
  return value;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function orThrow(problems: Problems) {
  if (problems.length) throw new InvalidInput(problems);
}
