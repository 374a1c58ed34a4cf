import { z } from 'zod';
import { draftLetterView } from '../../letters/service.ts';
import { complaintStatuses } from '../status-rules.ts';
import { complaintCategories, statutoryRoutes, triageDecisions } from '../triage-rules.ts';
import { outcomes, remedyKinds } from './rules.ts';

// What the complaints API answers and takes, as zod schemas: they shape the JSON, validate the
// input and describe both in the OpenAPI document. Calendar days are YYYY-MM-DD, instants ISO 8601.

const keysOf = <T extends object>(table: T) => Object.keys(table) as [Extract<keyof T, string>];
const calendarDay = z.iso.date();

export const statusEnum = z.enum(complaintStatuses);
const regimeEnum = z.enum(['complaint-handling-code', 'single-stage']);
const outcomeEnum = z.enum(keysOf(outcomes));

export const complaintListedView = z.object({
  reference: z.string().describe('The reference people quote, like CMP-2026-0042'),
  customerId: z.uuid(),
  customerName: z.string(),
  serviceName: z.string(),
  status: statusEnum,
  regime: regimeEnum,
  stage: z.number().int(),
  due: calendarDay.nullable().describe('The next date the current stage must meet'),
  deadline: z.enum(['acknowledge-by', 'respond-by']).nullable(),
  handlerName: z.string().nullable(),
  receivedOn: calendarDay,
});

export const stageView = z.object({
  stage: z.number().int(),
  startedOn: calendarDay,
  handlerId: z.uuid().nullable(),
  handlerName: z.string().nullable(),
  acknowledgeBy: calendarDay,
  acknowledgedOn: calendarDay.nullable(),
  respondBy: calendarDay.nullable(),
  deadlineBasis: z.string().describe('How the deadlines were worked out, a line each'),
  extendedTo: calendarDay.nullable(),
  extensionReason: z.string(),
  escalationReason: z.string(),
  respondedOn: calendarDay.nullable(),
  outcome: outcomeEnum.nullable(),
  findings: z.string(),
});

const remedyView = z.object({
  id: z.uuid(),
  stage: z.number().int(),
  kind: z.string(),
  description: z.string(),
  amountPence: z.number().int().nullable(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  dueOn: calendarDay,
  doneOn: calendarDay.nullable(),
});

const accountView = z.object({
  id: z.uuid(),
  stage: z.number().int(),
  personName: z.string(),
  question: z.string(),
  dueOn: calendarDay,
  account: z.string().nullable(),
});

export const complaintView = z.object({
  id: z.uuid(),
  reference: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  representativeName: z.string(),
  serviceId: z.uuid().nullable(),
  serviceName: z.string(),
  whatHappened: z.string(),
  happenedOn: calendarDay.nullable(),
  wantedOutcome: z.string(),
  adjustments: z.string(),
  channel: z.string(),
  receivedOn: calendarDay,
  regime: regimeEnum,
  housing: z.boolean(),
  status: statusEnum,
  stage: z.number().int(),
  triageDecision: z.string().nullable(),
  triageReason: z.string(),
  category: z.string().nullable(),
  resolvedOn: calendarDay.nullable(),
});

export const caseView = z.object({
  complaint: complaintView,
  due: calendarDay.nullable().describe('When the current stage must next be acknowledged or answered'),
  stages: z.array(stageView),
  accounts: z.array(accountView).describe('Accounts asked of officers, and their answers'),
  remedies: z.array(remedyView),
  improvements: z.array(z.object({ id: z.uuid(), serviceName: z.string(), description: z.string() })),
  maxExtensionDays: z.number().int().describe('The most working days the current stage may be extended by'),
  actions: z
    .object({
      triage: z.boolean(),
      allocate: z.boolean(),
      reallocate: z.boolean(),
      ask: z.boolean(),
      extend: z.boolean(),
      respond: z.boolean(),
      remedy: z.boolean(),
      escalate: z.boolean(),
      close: z.boolean(),
    })
    .describe('What may be done to the complaint now, as its page offers'),
});

export const changedView = z.object({ case: caseView, letter: draftLetterView.nullable() });

export const referenceParams = z.object({
  reference: z.string().describe('The complaint’s reference, like CMP-2026-0042'),
});

const text = (max: number, description: string) => z.string().max(max).describe(description);

export const triageBody = z.object({
  decision: z.enum(keysOf(triageDecisions), { message: 'Select what it is' }),
  category: z
    .string()
    .max(100)
    .optional()
    .describe(`When accepted: one of ${Object.keys(complaintCategories).join(', ')}`),
  housing: z.boolean().optional().describe('When accepted: whether it is about a housing matter'),
  statutoryRoute: z
    .string()
    .max(100)
    .optional()
    .describe(`With statutory-route: one of ${Object.keys(statutoryRoutes).join(', ')}`),
  reason: text(
    5000,
    'The reason, for the letter; required for some decisions and for a late complaint',
  ).optional(),
  lateAccepted: z.boolean().optional().describe('Accepting a late complaint at your discretion'),
});

export const allocateBody = z.object({
  handlerId: z.string().max(100).describe('A complaints officer’s id'),
});
export const extendBody = z.object({
  days: z.number().int().min(0).max(999).describe('Working days to extend the current stage by'),
  reason: text(2000, 'The good reason for the extension (the Code)'),
});
export const respondBody = z.object({
  outcome: z
    .string()
    .max(100)
    .describe(`One of ${Object.keys(outcomes).join(', ')}`),
  findings: text(20000, 'What the investigation found'),
});
export const escalateBody = z.object({
  reason: text(5000, 'Why the complainant is not satisfied, if they said').optional(),
});
export const remedyBody = z.object({
  kind: z
    .string()
    .max(100)
    .describe(`One of ${Object.keys(remedyKinds).join(', ')}`),
  description: text(2000, 'What will be done'),
  amount: z.string().max(20).optional().describe('With financial-redress: pounds, like 120 or 120.50'),
  ownerId: z.string().max(100).describe('Who will do it (a person’s id)'),
  dueOn: z.string().max(20).describe('When it is due, YYYY-MM-DD'),
});
export const improvementBody = z.object({ improvement: text(5000, 'What the service changes') });
export const remedyParams = referenceParams.extend({ remedyId: z.string().describe('The remedy’s id') });
