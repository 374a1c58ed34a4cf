import { z } from 'zod';
import { draftLetterView } from '../letters/service.ts';
import { contactChannels, restrictionKinds, reviewDecisions } from './rules.ts';

// What the customers API answers and takes, as zod schemas: they shape the JSON, validate the
// input and describe both in the OpenAPI document. Calendar days are YYYY-MM-DD, instants ISO 8601.

const keysOf = <T extends object>(table: T) => Object.keys(table) as [Extract<keyof T, string>];
const calendarDay = z.iso.date();
const categoryEnum = z.enum(['none', 'warned', 'pre-vexatious', 'vexatious']);
const restrictionKindEnum = z.enum(keysOf(restrictionKinds));

export const customerView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  category: categoryEnum,
  singlePointOfContactId: z.uuid().nullable(),
  singlePointOfContactName: z.string().nullable(),
  categoryReviewOn: calendarDay.nullable(),
});

export const customerFoundView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  category: categoryEnum,
});

export const warningView = z
  .object({
    category: categoryEnum,
    categoryText: z.string(),
    singlePointOfContact: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    restrictions: z.array(
      z.object({
        id: z.uuid(),
        kind: restrictionKindEnum,
        text: z.string().describe('What it means to whoever takes the contact'),
        scopeText: z.string(),
        detail: z.string(),
        reviewOn: calendarDay,
      }),
    ),
  })
  .nullable()
  .describe('What staff are shown before they take a contact; null when there is nothing to warn of');

export const contactView = z.object({
  id: z.uuid(),
  occurredAt: z.date(),
  channel: z.enum(keysOf(contactChannels)),
  minutes: z.number().int(),
  summary: z.string(),
  outcome: z.string(),
  correspondence: z.string(),
  complaintReference: z.string().nullable(),
  loggedByName: z.string(),
  loggedAt: z.date(),
});

export const restrictionView = z.object({
  id: z.uuid(),
  kind: restrictionKindEnum,
  scopeServiceId: z.uuid().nullable().describe('Null: the whole council'),
  scopeServiceName: z.string(),
  detail: z.string(),
  reason: z.string(),
  namedOfficerId: z.uuid().nullable(),
  namedOfficerName: z.string().nullable(),
  startsOn: calendarDay,
  reviewOn: calendarDay,
  endsOn: calendarDay.nullable().describe('Its own end date: the day from which it no longer applies'),
  endedOn: calendarDay.nullable().describe('The day a review ended it'),
  endReason: z.string(),
  active: z.boolean().describe('In force or still to start: neither ended at a review nor past its end date'),
});

const categorisationView = z.object({
  id: z.uuid(),
  category: categoryEnum,
  behaviour: z.string(),
  evidence: z.string(),
  equalityCheck: z.string(),
  singlePointOfContactName: z.string().nullable(),
  reviewOn: calendarDay.nullable(),
  letterId: z.uuid().nullable(),
  decidedByName: z.string(),
  decidedAt: z.date(),
});

const reviewView = z.object({
  id: z.uuid(),
  requestedOn: calendarDay.nullable(),
  request: z.string(),
  decision: z.enum(keysOf(reviewDecisions)).nullable(),
  notes: z.string(),
  letterId: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
});

export const recordView = z.object({
  customer: customerView,
  wholeRecord: z
    .boolean()
    .describe(
      'Whether you see the whole record; otherwise the warning and the contacts you logged yourself (003 vexatious procedure)',
    ),
  warning: warningView,
  contacts: z.array(contactView),
  categorisations: z.array(categorisationView),
  restrictions: z.array(restrictionView),
  reviews: z.array(reviewView),
  letters: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      state: z.string(),
      writtenAt: z.date(),
      sentAt: z.date().nullable(),
    }),
  ),
});

export const decidedView = z.object({ record: recordView, letter: draftLetterView });

export const idParams = z.object({ id: z.string().describe('The customer’s id (a UUID)') });
export const restrictionParams = idParams.extend({
  restrictionId: z.string().describe('The restriction’s id'),
});

const typed = (max: number, description: string) => z.string().max(max).describe(description);
const optionalTyped = (max: number, description: string) => typed(max, description).optional();

export const detailsBody = z.object({
  name: typed(300, 'The customer’s name'),
  email: optionalTyped(400, 'Their email address'),
  phone: optionalTyped(100, 'Their phone number'),
  address: optionalTyped(600, 'Their postal address'),
});

export const contactBody = z.object({
  date: typed(20, 'The day of the contact, YYYY-MM-DD'),
  time: typed(20, 'The time of the contact, like 14:30'),
  channel: typed(40, `How they made contact: ${Object.keys(contactChannels).join(', ')}`),
  minutes: z.number().int().min(0).describe('Officer time taken, in minutes (0 to 1440)'),
  summary: typed(6000, 'What the contact was about'),
  outcome: optionalTyped(3000, 'What was done or said'),
  correspondence: optionalTyped(600, 'A correspondence reference'),
  complaintReference: optionalTyped(40, 'A complaint of theirs it was about, like CMP-2026-0042'),
});

export const categorisationBody = z.object({
  behaviour: typed(11000, 'The behaviour, as the letter puts it to them'),
  evidence: typed(11000, 'The evidence: contacts, dates, officer time'),
  equalityCheck: typed(6000, 'The Equality Act check: needs known, adjustments offered'),
  singlePointOfContactId: optionalTyped(
    100,
    'Pre-vexatious and vexatious: the single point of contact (a person’s id)',
  ),
  restrictions: z
    .array(restrictionKindEnum)
    .max(10)
    .optional()
    .describe('Vexatious only: restrictions put in place with it'),
  namedOfficerId: optionalTyped(100, 'With named-officer-only: the officer (a person’s id)'),
  restrictionDetail: optionalTyped(1100, 'With limited-correspondence: what they may still send'),
});

export const restrictionBody = z.object({
  kind: typed(40, `One of ${Object.keys(restrictionKinds).join(', ')}`),
  scopeServiceId: optionalTyped(100, 'A service’s id; leave out for the whole council'),
  reason: typed(6000, 'Why the restriction is needed'),
  detail: optionalTyped(1100, 'What staff should know or do'),
  namedOfficerId: optionalTyped(100, 'With named-officer-only: the officer (a person’s id)'),
  startsOn: typed(20, 'The day it starts, YYYY-MM-DD'),
  reviewOn: optionalTyped(
    20,
    'The day it is reviewed by, YYYY-MM-DD; by default the policy’s months after the start',
  ),
  endsOn: optionalTyped(
    20,
    'Its own end date, YYYY-MM-DD: the day from which it no longer applies, after the review date; leave out for one that lasts until a review lifts it',
  ),
});

export const endRestrictionBody = z.object({ endReason: typed(3000, 'Why the restriction is ending') });

export const reviewRequestBody = z.object({
  requestedOn: typed(20, 'The day they asked, YYYY-MM-DD'),
  request: typed(6000, 'What they asked'),
});

export const reviewBody = z.object({
  decision: typed(20, `One of ${Object.keys(reviewDecisions).join(', ')}`),
  category: optionalTyped(40, 'With change: the lower category they now have'),
  endRestrictionIds: z
    .array(z.string().max(100))
    .max(50)
    .optional()
    .describe('With change: the restrictions to end'),
  notes: typed(6000, 'The review’s reasons, for the record and the letter'),
});
