import { z } from 'zod';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { dateInput } from '../../../platform/web/forms.ts';
import { companyNumberKey, isCompanyNumber } from '../names.ts';
import {
  type Answers,
  asks,
  type DeclarationKind,
  outcomes,
  type Question,
  questionsFor,
  referralTargets,
} from './rules.ts';

// One reading of a declaration's answers for the question pages and the API: every answer a
// string, dates as YYYY-MM-DD, hours as a decimal number of hours. Questions not asked are dropped.
export function checkAnswers(
  kind: DeclarationKind,
  raw: Readonly<Record<string, unknown>>,
  today: string,
): { answers: Answers; errors: FieldError[] } {
  const given: Answers = {};
  for (const question of questionsFor(kind)) {
    const value = raw[question.key];
    given[question.key] =
      typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  }
  const answers: Answers = {};
  const errors: FieldError[] = [];
  for (const question of questionsFor(kind)) {
    if (!asks(question, given)) continue;
    const value = given[question.key] ?? '';
    const message = answerError(question, value, today);
    if (message) errors.push({ key: question.key, message });
    else if (value !== '')
      answers[question.key] = question.type === 'company-number' ? companyNumberKey(value) : value;
  }
  return { answers, errors };
}

// A GOV.UK date input's three boxes, as the API's YYYY-MM-DD; a partly filled date is kept as
// typed so that its error says so.
export function formAnswers(
  kind: DeclarationKind,
  body: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  for (const question of questionsFor(kind)) {
    if (question.type !== 'date') {
      values[question.key] = field(question.key);
      continue;
    }
    const { typed, date } = dateInput(body, question.key);
    Object.assign(values, typed);
    values[question.key] = date;
  }
  return values;
}

function answerError(question: Question, value: string, today: string): string | null {
  const label = question.label
    .replace(/\s*\(if known\)|\s*\(if any\)|\s*\(if it has one\)/, '')
    .replace(/\?$/, '');
  if (value === '') {
    if (question.optional) return null;
    switch (question.type) {
      case 'choice':
      case 'yes-no':
        return `Select an answer to “${label}”`;
      case 'date':
        return `Enter a date for “${label}”`;
      default:
        return `Enter an answer to “${label}”`;
    }
  }
  switch (question.type) {
    case 'text':
    case 'textarea':
      return question.max && value.length > question.max
        ? `“${label}” must be ${question.max} characters or fewer`
        : null;
    case 'choice':
      return question.options?.some((option) => option.value === value)
        ? null
        : `Select an answer to “${label}”`;
    case 'yes-no':
      return value === 'yes' || value === 'no' ? null : `Select yes or no for “${label}”`;
    case 'hours': {
      if (!/^\d{1,3}(\.\d)?$/.test(value)) return `“${label}” must be a number of hours, like 16 or 7.5`;
      return Number(value) > 168 ? `“${label}” must be 168 hours or fewer` : null;
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isIsoDate(value)) return `“${label}” must be a real date`;
      if (value > today) return `“${label}” must be today or in the past`;
      return value < '1900-01-01' ? `“${label}” must be after 1900` : null;
    case 'company-number':
      return isCompanyNumber(value) ? null : 'Company number must be 8 characters, like 01234567 or SC123456';
  }
}

// When an interest ended, and why: after it started, not after today.
export function endErrors(
  declaration: { declaredAt: Date; startedOn: string | null },
  endedOn: string,
  reason: string,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!endedOn) errors.push({ key: 'endedOn', message: 'Enter the date the interest ended' });
  else if (!isIsoDate(endedOn)) errors.push({ key: 'endedOn', message: 'Date it ended must be a real date' });
  else if (endedOn > today)
    errors.push({ key: 'endedOn', message: 'Date it ended must be today or in the past' });
  else if (
    endedOn < londonDate(declaration.declaredAt) &&
    (!declaration.startedOn || endedOn < declaration.startedOn)
  )
    errors.push({ key: 'endedOn', message: 'Date it ended must be after it started' });
  if (!reason) errors.push({ key: 'endReason', message: 'Say why the interest ended' });
  else if (reason.length > 1000)
    errors.push({ key: 'endReason', message: 'Reason must be 1000 characters or fewer' });
  return errors;
}

export type Review = { outcome: string; managementAction: string; referredTo: string; nextReviewOn: string };

// A reviewer's management action (001 §43): a managed conflict says how, and when it is next reviewed.
export function reviewErrors(review: Review, today: string): FieldError[] {
  const { outcome, managementAction: action, referredTo, nextReviewOn } = review;
  const errors: FieldError[] = [];
  if (!Object.hasOwn(outcomes, outcome))
    errors.push({ key: 'outcome', message: 'Select the outcome of your review' });
  if (outcome === 'conflict-managed') {
    if (!action)
      errors.push({
        key: 'managementAction',
        message: 'Say how the conflict is managed, for example removed from decisions about the contract',
      });
    if (!nextReviewOn)
      errors.push({ key: 'nextReviewOn', message: 'Enter the date to review the arrangement' });
    else if (!isIsoDate(nextReviewOn))
      errors.push({ key: 'nextReviewOn', message: 'Review date must be a real date' });
    else if (nextReviewOn <= today)
      errors.push({ key: 'nextReviewOn', message: 'Review date must be in the future' });
  }
  if (outcome === 'referred' && !Object.hasOwn(referralTargets, referredTo))
    errors.push({ key: 'referredTo', message: 'Select whom you are referring it to' });
  if (action.length > 2000)
    errors.push({ key: 'managementAction', message: 'Management action must be 2000 characters or fewer' });
  return errors;
}

// Saying an interest has ended: the same fields on the page (its date from three boxes) and in the API.
export const endBody = z.object({
  endedOn: z.string().describe('The day the interest ended, YYYY-MM-DD').optional(),
  endReason: z.string().describe('Why it ended').optional(),
});
