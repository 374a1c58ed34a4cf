import type { z } from 'zod';

// Errors a use case raises for the web layer to turn into a page or a problem+json answer.
export type FieldError = { key: string; message: string };

export class InvalidInput extends Error {
  readonly errors: readonly FieldError[];
  constructor(errors: readonly FieldError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.errors = errors;
  }
}

export class NotFound extends Error {}
export class Forbidden extends Error {}
// The service will not do this now (a daily ceiling is reached); the message says what to do instead.
export class Unavailable extends Error {}
// Another request changed the record at the same moment; the message says what now stands.
export class Conflict extends Error {}

// A zod error as GOV.UK field errors, keyed by the first part of each issue's path.
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form');
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ key, message: issue.message });
  }
  return errors;
}

// Input parsed by its schema, or refused with each field's first problem.
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}
