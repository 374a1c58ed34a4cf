import { z } from 'zod';
import { type FieldError, fieldErrorsOf } from '../../../platform/errors.ts';
import { isNatureOf, type OfferKind } from '../rules.ts';
import { answerErrors, dateErrors, offerFields, offerFromAnswers } from './input.ts';

// The question pages of "record an offer", one topic each, in order. Each keeps what was typed.
export const recordSteps = {
  kind: { title: 'Were you offered a gift or hospitality?', fields: ['kind'] },
  offeror: { title: 'Who made the offer?', fields: ['offerorPerson', 'offerorOrganisation', 'relationship'] },
  details: {
    title: 'What were you offered?',
    fields: [
      'nature',
      'description',
      'value',
      'offeredOn-day',
      'offeredOn-month',
      'offeredOn-year',
      'eventOn-day',
      'eventOn-month',
      'eventOn-year',
    ],
  },
  decision: { title: 'Did you accept or decline it?', fields: ['decision', 'reason', 'outcome'] },
} as const;
export type RecordStep = keyof typeof recordSteps;
export const stepOrder = Object.keys(recordSteps) as RecordStep[];

const stepSchemas = {
  kind: z.object({ kind: offerFields.kind }),
  offeror: z.object({
    offerorPerson: offerFields.offerorPerson,
    offerorOrganisation: offerFields.offerorOrganisation,
    relationship: offerFields.relationship,
  }),
  details: z.object({
    nature: offerFields.nature,
    description: offerFields.description,
    valuePence: offerFields.valuePence,
    offeredOn: offerFields.offeredOn,
    eventOn: offerFields.eventOn,
  }),
  decision: z.object({
    decision: offerFields.decision,
    reason: offerFields.reason,
    outcome: offerFields.outcome,
  }),
};

// The answers a step's form sent, as strings.
export function stepAnswers(step: RecordStep, body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    recordSteps[step].fields.map((field) => [
      field,
      typeof body[field] === 'string' ? (body[field] as string) : '',
    ]),
  );
}

// Checks one step's answers against the same rules the register applies when it is submitted.
export function stepErrors(step: RecordStep, answers: Record<string, string>, today: string): FieldError[] {
  const parsed = stepSchemas[step].safeParse(offerFromAnswers(answers));
  const errors = parsed.success ? [] : answerErrors(fieldErrorsOf(parsed.error.issues), answers);
  if (step === 'offeror' && !answers.offerorPerson?.trim() && !answers.offerorOrganisation?.trim()) {
    errors.unshift({
      key: 'offerorPerson',
      message: 'Enter who made the offer: a person, an organisation or both',
    });
  }
  if (step === 'details') {
    const kind = answers.kind as OfferKind;
    if (answers.nature && !isNatureOf(kind, answers.nature)) {
      errors.unshift({ key: 'nature', message: 'Select what was offered' });
    }
    const offeredOn = offerFromAnswers(answers).offeredOn;
    if (typeof offeredOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(offeredOn))
      errors.push(...dateErrors(offeredOn, today));
  }
  return errors.map((error) =>
    error.key === 'offeredOn' || error.key === 'eventOn' ? { ...error, key: `${error.key}-day` } : error,
  );
}

// The first step not yet answered correctly, or null when every step is.
export function firstUnfinishedStep(answers: Record<string, string>, today: string): RecordStep | null {
  return stepOrder.find((step) => stepErrors(step, answers, today).length > 0) ?? null;
}
