import type { FieldError } from '../errors.ts';

// GOV.UK error summary items and per-field error messages from a list of field errors.
export function formErrors(errors: readonly FieldError[]) {
  return {
    errorList: errors.map((error) => ({ text: error.message, href: `#${error.key}` })),
    fieldErrors: Object.fromEntries(errors.map((error) => [error.key, { text: error.message }])),
  };
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
