// The settings form: money in pounds and pence, times as HH:MM, yes/no radios, checkboxes.
import { z } from 'zod';
import { type Field, policyFields } from './catalogue.ts';
import { fieldError, lower, type PolicySettings } from './settings.ts';

type PolicyFormResult =
  | { ok: true; settings: PolicySettings }
  | { ok: false; errors: { key: string; message: string }[]; values: Record<string, string> };

// A field as typed, to show again: trimmed text, or the ticked checkboxes joined by commas.
function typedValue(field: Field, body: Record<string, unknown>): string {
  const posted = body[field.key];
  if (field.kind === 'choices') return ticked(posted).join(',');
  return typeof posted === 'string' ? posted.trim() : '';
}

// Checkboxes: none ticked sends nothing, which is a valid choice.
const ticked = (posted: unknown) =>
  [posted].flat().filter((item): item is string => typeof item === 'string');

export function typedValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(policyFields.map((field) => [field.key, typedValue(field, body)]));
}

// Reads the settings form: money in pounds and pence, times as HH:MM, yes/no radios.
export function parsePolicyForm(body: Record<string, unknown>): PolicyFormResult {
  const settings: Record<string, unknown> = {};
  const errors: { key: string; message: string }[] = [];
  for (const field of policyFields as readonly Field[]) {
    const value =
      field.kind === 'choices' ? ticked(body[field.key]) : fromFormValue(field, typedValue(field, body));
    const message = value === undefined ? missingMessage(field) : fieldError(field, value);
    if (message) errors.push({ key: field.key, message });
    else settings[field.key] = value;
  }
  return errors.length
    ? { ok: false, errors, values: typedValues(body) }
    : { ok: true, settings: settings as PolicySettings };
}

// The settings form for the form kit: the settings, or an issue for each field that does not fit.
export const policyForm = z.record(z.string(), z.unknown()).transform((body, context) => {
  const result = parsePolicyForm(body);
  if (result.ok) return result.settings;
  for (const { key, message } of result.errors) context.addIssue({ code: 'custom', path: [key], message });
  return z.NEVER;
});

export function toFormValue(field: Field, value: unknown): string {
  if (field.kind === 'money') return (Number(value) / 100).toFixed(2);
  if (field.kind === 'yes-no') return value ? 'yes' : 'no';
  if (field.kind === 'choices') return Array.isArray(value) ? value.join(',') : '';
  return String(value);
}

export function displayValue(field: Field, value: unknown): string {
  if (field.kind === 'money') return `£${(Number(value) / 100).toFixed(2)}`;
  if (field.kind === 'yes-no') return value ? 'Yes' : 'No';
  if (field.kind === 'email' || field.kind === 'url') return value ? String(value) : 'Not set';
  if (field.kind === 'choice')
    return field.options?.find((option) => option.value === value)?.text ?? String(value);
  if (field.kind === 'choices') {
    const chosen = field.options?.filter((option) => Array.isArray(value) && value.includes(option.value));
    return chosen?.length ? chosen.map((option) => option.text).join(', ') : 'None';
  }
  return field.unit ? `${String(value)} ${field.unit}` : String(value);
}

function fromFormValue(field: Field, raw: string): unknown {
  if (raw === '') return field.kind === 'email' || field.kind === 'url' ? '' : undefined;
  switch (field.kind) {
    case 'money': {
      const pounds = raw.replace(/^£/, '').replaceAll(',', '');
      return /^\d+(\.\d{1,2})?$/.test(pounds) ? Math.round(Number(pounds) * 100) : Number.NaN;
    }
    case 'number':
      return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    case 'decimal':
      return /^\d+(\.\d{1,2})?$/.test(raw) ? Number(raw) : Number.NaN;
    case 'yes-no':
      return raw === 'yes' ? true : raw === 'no' ? false : null;
    default:
      return raw;
  }
}

function missingMessage(field: Field): string {
  if (field.kind === 'yes-no' || field.kind === 'choice') return `Select ${lower(field.label)}`;
  return field.kind === 'text' ? `Enter the ${lower(field.label)}` : `Enter ${lower(field.label)}`;
}
