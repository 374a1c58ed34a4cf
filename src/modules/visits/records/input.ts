import { z } from 'zod';
import { formChoices, formText, idParam } from '../../../platform/web/form-kit.ts';
import { flags, type RecordInput, referralKinds } from './rules.ts';

export const visitParams = z.object({ planId: idParam, visitId: idParam });
export const holdParams = z.object({ id: idParam });

const submission = (value: string) => (z.uuid().safeParse(value).success ? value : null);

// The page's form: the outcome, and each flag ticked with its detail in the field under it.
export const recordForm = z
  .object({
    outcome: formText,
    reason: formText,
    notes: formText,
    flags: formChoices,
    complainantName: formText,
    submission: formText,
    ...Object.fromEntries(referralKinds.map((kind) => [flags[kind].field, formText])),
  })
  .transform(
    (body): RecordInput => ({
      outcome: body.outcome,
      reason: body.reason,
      notes: body.notes,
      referrals: referralKinds
        .filter((kind) => body.flags.includes(kind))
        .map((kind) => ({
          kind,
          detail: String((body as Record<string, unknown>)[flags[kind].field] ?? ''),
        })),
      complainantName: body.complainantName,
      submission: submission(body.submission),
    }),
  );

// The same record over the API.
export const recordBody = z
  .object({
    outcome: z
      .string()
      .describe('contact-made, no-contact, asked-to-leave (reason required) or entry-refused'),
    reason: z.string().default(''),
    notes: z.string().default(''),
    referrals: z
      .array(z.object({ kind: z.enum(referralKinds), detail: z.string() }))
      .default([])
      .describe(
        'What the visit is passed on as: a safeguarding concern, threat, complaint, fraud, vulnerability',
      ),
    complainantName: z.string().default('').describe('Who complained, when a referral is a complaint'),
    submission: z.uuid().optional().describe('Your id for this request: sending it again logs one complaint'),
  })
  .transform((body): RecordInput => ({ ...body, submission: body.submission ?? null }));

export const liftForm = z.object({ reason: formText });
export const liftBody = z.object({ reason: z.string() });
