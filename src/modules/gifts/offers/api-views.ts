import { z } from 'zod';
import { natures, offerKinds, relationships } from '../rules.ts';

// An entry as the JSON API shows it. Money is integer pence, calendar days YYYY-MM-DD,
// instants ISO 8601.

const natureIds = [...Object.keys(natures.gift), ...Object.keys(natures.hospitality)] as [
  string,
  ...string[],
];
const relationshipIds = Object.keys(relationships) as [keyof typeof relationships];
const offerStates = ['accepted', 'declined', 'awaiting-approval'] as const;
export const calendarDay = z.iso.date();

const reasonView = z.object({ text: z.string(), source: z.string().describe('The policy paragraph') });

export const verdictView = z.object({
  outcome: z.enum(['must-decline', 'needs-approval', 'record', 'no-entry-needed']),
  mustDecline: z.array(reasonView),
  approval: reasonView.extend({ by: z.enum(['head-of-service', 'line-manager']) }).nullable(),
  recordingRequired: z.boolean(),
  notes: z.array(z.string()).describe('Repeat offers from the same offeror in the last 12 months'),
});

// An entry as a version keeps it: what a reviewer signs for.
export const entryView = z.object({
  id: z.uuid(),
  reference: z.string().describe('The reference people quote, like GH-2026-0042'),
  recipientId: z.uuid(),
  recipientName: z.string(),
  jobTitle: z.string(),
  serviceId: z.uuid().nullable(),
  serviceName: z.string(),
  registerKey: z
    .string()
    .describe('The register it is reviewed in: service:<id>, senior:<id> or monitoring-officer'),
  kind: z.enum(offerKinds),
  nature: z.enum(natureIds),
  description: z.string(),
  offerorPerson: z.string(),
  offerorOrganisation: z.string(),
  relationship: z.enum(relationshipIds),
  valuePence: z.number().int(),
  offeredOn: calendarDay,
  eventOn: calendarDay
    .nullish()
    .describe('The date of the hospitality event; asked for when it needs approval, which comes first'),
  state: z.enum(offerStates),
  reason: z.string(),
  outcome: z.string().describe('What happened to it'),
  approverId: z.uuid().nullable(),
  approvalDecision: z.enum(['approved', 'refused']).nullable(),
  approvalComment: z.string(),
  approvalDecidedByName: z.string().nullable(),
  version: z.number().int(),
});

export const offerView = entryView.extend({
  verdict: verdictView,
  approvalDecidedAt: z.date().nullable(),
  recordedAt: z.date(),
  updatedAt: z.date(),
});

export const queryView = z.object({
  id: z.uuid(),
  offerId: z.uuid(),
  askedBy: z.uuid(),
  askedByName: z.string(),
  question: z.string(),
  askedAt: z.date(),
  answer: z.string().nullable(),
  answeredAt: z.date().nullable(),
});

export const offerDetailView = z.object({
  offer: offerView,
  versions: z.array(
    z.object({
      version: z.number().int(),
      entry: entryView,
      reason: z.string().describe('Why this version was made'),
      byName: z.string(),
      at: z.date(),
    }),
  ),
  queries: z.array(queryView),
});
