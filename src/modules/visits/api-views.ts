import { z } from 'zod';
import { alertLevels } from './escalation/rules.ts';

// A day plan and what hangs off it as the JSON API shows them (plans, check-ins, the console):
// camelCase, times as ISO instants; the zod schemas shape the answers and describe them in the
// OpenAPI document.

const alertKinds = ['missed-check-in', 'help-now'] as const;
const changeKinds = [
  'shared',
  'visit-added',
  'visit-dropped',
  'visit-changed',
  'reordered',
  'retimed',
  'deviation',
  'advice',
  'authorised',
] as const;

export const planView = z.object({
  id: z.uuid(),
  officerId: z.uuid(),
  planDate: z.string().describe('YYYY-MM-DD'),
  responsibleOfficerId: z.uuid().describe('Who holds the diary sheet and takes the calls'),
  homeBy: z.date().describe('When the officer expects to be home: the last check-in'),
  sharedAt: z.date().nullable().describe('null until shared; check-ins start once it is'),
  createdBy: z.uuid(),
  updatedAt: z.date(),
});

export const visitView = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  position: z.number().int().describe('Its place in the route, from 0'),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  accountRef: z.string(),
  accountHolder: z.string(),
  customerId: z.uuid().nullable(),
  purpose: z.enum(['enquiry', 'taking-control']),
  premises: z.enum(['domestic', 'business']),
  tradingFrom: z.string().nullable().describe('HH:MM'),
  tradingUntil: z.string().nullable().describe('HH:MM'),
  courtOrder: z.string(),
  notes: z.string(),
  plannedStart: z.date(),
  plannedFinish: z.date(),
  secondOfficerId: z.uuid().nullable(),
  advice: z.string().describe('The team leader’s advice before the visit'),
  adviceBy: z.uuid().nullable(),
  adviceAt: z.date().nullable(),
  authorisationReason: z.string().describe('The business reason for out-of-hours work'),
  authorisedBy: z.uuid().nullable(),
  authorisedAt: z.date().nullable(),
  droppedAt: z.date().nullable(),
  droppedReason: z.string(),
  addedAfterSharing: z.boolean(),
});

export const owedView = z.object({
  id: z.uuid().describe('The owedId to check in with'),
  visitId: z.uuid().nullable().describe('null for the check-in on arriving home'),
  dueAt: z.date(),
  receivedAt: z.date().nullable(),
  receivedBy: z.uuid().nullable(),
  channel: z.enum(['app', 'phone']).nullable(),
  cancelled: z.boolean().describe('Its visit was dropped: no check-in is owed'),
});

export const alertView = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  causeId: z.uuid().describe('The check-in missed, or the call for help'),
  kind: z.enum(alertKinds),
  level: z.enum(alertLevels),
  raisedAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedBy: z.uuid().nullable(),
  acknowledgement: z.string(),
  resolvedAt: z.date().nullable().describe('When the officer was heard from'),
});

export const changeView = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  kind: z.enum(changeKinds),
  detail: z.string(),
  changedAt: z.date(),
});

export const namesView = z
  .record(z.string(), z.string())
  .describe('The name of each person the answer mentions, by their id');

export const namesOf = (names: ReadonlyMap<string, string>) => Object.fromEntries(names);
