import { z } from 'zod';
import { idParam } from '../../../platform/web/form-kit.ts';

// What people send to the risk register, from its forms and over the API: the same schemas. Each
// field is text ('' when left out); the use cases check it and say what is wrong (check.ts).

const text = (description: string) =>
  z.string({ message: 'Must be text' }).trim().default('').describe(description);

export const markerParams = z.object({ id: idParam });

const kind = text('violent, mental-health, hostel, care-in-community or other');
const address = text('The address with its postcode; optional if a person is named');
const personName = text('The person’s name; optional if an address is given');
const reason = text('Why: what happened, for those who need to know');
const whatToDo = text('The caution officers see before a visit, like “Do not visit alone”');
const reviewOn = text('YYYY-MM-DD; a year ahead if left out');

// Added, or changed, by someone who keeps the register.
export const markerInput = z.object({ kind, address, personName, reason, whatToDo, reviewOn });
export type MarkerInput = z.output<typeof markerInput>;

// Nominated from the field, for a team leader to review.
export const nominationInput = z.object({
  kind,
  address,
  personName,
  reason: text('What happened: the threat, or what you know'),
  whatToDo: text('What you suggest officers do (optional)'),
});
export type NominationInput = z.output<typeof nominationInput>;

export const reviewInput = z.object({
  decision: text('accept or reject'),
  kind,
  whatToDo,
  reviewOn,
  rejectReason: text('Why the nomination is rejected (when rejecting)'),
});
export type ReviewInput = z.output<typeof reviewInput>;

export const removalInput = z.object({ reason: text('Why the marker is removed') });

export const markerStatuses = ['active', 'proposed', 'rejected', 'removed'] as const;

export const listQuery = z.object({
  status: z.enum([...markerStatuses, 'all']).catch('active'),
  due: z.enum(['yes', '']).catch(''),
  q: z.string().trim().max(200).catch(''),
});
export type ListFilter = z.output<typeof listQuery>;
