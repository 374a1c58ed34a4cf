// The settings themselves: their type, the defaults, and what a stored value must be to count.
import { z } from 'zod';
import { type Field, policyFields } from './catalogue.ts';

type Fields = (typeof policyFields)[number];
export type PolicySettings = {
  [F in Fields as F['key']]: F['default'] extends number
    ? number
    : F['default'] extends boolean
      ? boolean
      : F['default'] extends readonly string[]
        ? readonly string[]
        : string;
};

// The defaults, as a council starts with them.
export function defaultPolicy(): PolicySettings {
  return readPolicy({});
}

// Stored settings over the defaults; a stored value that no longer fits its field is ignored.
export function readPolicy(stored: unknown): PolicySettings {
  return Object.fromEntries(
    (policyFields as readonly Field[]).map((field) => [field.key, storedOrDefault(field, stored)]),
  ) as unknown as PolicySettings;
}

// One setting, read as readPolicy reads it: for a request that needs only that one.
export function readPolicySetting<K extends keyof PolicySettings>(
  stored: unknown,
  key: K,
): PolicySettings[K] {
  return storedOrDefault(fieldsByKey.get(key) as Field, stored) as PolicySettings[K];
}

const fieldsByKey = new Map((policyFields as readonly Field[]).map((field) => [field.key, field]));

function storedOrDefault(field: Field, stored: unknown): unknown {
  const value =
    stored && typeof stored === 'object' ? (stored as Record<string, unknown>)[field.key] : undefined;
  return value !== undefined && fieldError(field, value) === null ? value : field.default;
}

export function fieldError(field: Field, value: unknown): string | null {
  const name = field.label;
  switch (field.kind) {
    case 'money':
    case 'number': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return field.kind === 'money'
          ? `${name} must be an amount in pounds, like 50 or 20.00`
          : `${name} must be a whole number`;
      }
      const shown = (n: number) => (field.kind === 'money' ? `£${(n / 100).toFixed(2)}` : `${n}`);
      if (field.min !== undefined && value < field.min) return `${name} must be ${shown(field.min)} or more`;
      if (field.max !== undefined && value > field.max) return `${name} must be ${shown(field.max)} or less`;
      return null;
    }
    case 'decimal': {
      if (typeof value !== 'number' || !Number.isFinite(value) || !hundredths(value))
        return `${name} must be a number with up to two decimal places, like 1.3`;
      if (field.min !== undefined && value < field.min) return `${name} must be ${field.min} or more`;
      if (field.max !== undefined && value > field.max) return `${name} must be ${field.max} or less`;
      return null;
    }
    case 'time':
      return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
        ? null
        : `${name} must be a 24-hour time, like 18:00`;
    // A name as people read it: one line, not empty.
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') return `Enter the ${lower(name)}`;
      if (value.length > 150) return `${name} must be 150 characters or fewer`;
      return /\p{Cc}/u.test(value) ? `${name} must be one line of text` : null;
    // Empty means nobody holds the post.
    case 'email':
      return typeof value === 'string' && (value === '' || z.email().safeParse(value).success)
        ? null
        : `${name} must be an email address, like name@council.gov.uk`;
    // Empty means the council has no such page. Pages link only to secure web addresses.
    case 'url':
      return typeof value === 'string' && (value === '' || /^https:\/\/[^\s"<>]+$/.test(value))
        ? null
        : `${name} must be a web address starting with https://`;
    case 'yes-no':
      return typeof value === 'boolean' ? null : `Select ${lower(name)}`;
    case 'choice':
      return field.options?.some((option) => option.value === value) ? null : `Select ${lower(name)}`;
    case 'choices':
      return Array.isArray(value) &&
        value.every((item) => field.options?.some((option) => option.value === item)) &&
        new Set(value).size === value.length
        ? null
        : `Select ${lower(name)} from the list`;
  }
}

// Whole hundredths, allowing for binary fractions (1.3 × 100 is 130.00000000000003).
const hundredths = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

export function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
