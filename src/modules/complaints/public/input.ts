// What the public complaint pages and the progress pages take from the address and the forms.
import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';
import type { Step } from '../intake/input.ts';
import { complaintTopics } from '../intake/rules.ts';

// A hidden field or query parameter that is set to one value or not at all.
const isSetTo = (value: string) =>
  z
    .unknown()
    .optional()
    .transform((given) => given === value);

export const councilParams = z.object({ council: z.string() });
export const elsewhereParams = z.object({ council: z.string(), topic: z.string() });
export const letterParams = z.object({ council: z.string(), id: z.string() });
export const fromQuery = z.object({ from: z.unknown().optional() });

const isTopic = (topic: string) => complaintTopics.some((item) => item.value === topic);
export const aboutForm = z.object({
  topic: z.string().catch('').refine(isTopic, 'Select what your complaint is about'),
});

// A page's answers as the step reads them, right or wrong, and whether it goes back to the check page.
export const stepForm = (step: Step) =>
  z
    .record(z.string(), z.unknown())
    .transform((body) => ({ answers: step.read(body), returnTo: body.returnTo === 'check' }));

export const authorityForm = z.object({ returnTo: isSetTo('check') });
// The evidence page's buttons: "Add file" stays on the page to add another; Continue moves on.
export const evidenceForm = z.object({ returnTo: isSetTo('check'), add: isSetTo('yes') });
export const removeEvidenceForm = z.object({ returnTo: isSetTo('check'), file: formText });

// The reference and email address as typed, each cut to the longest there is.
const clipped = (max: number) => formText.transform((value) => value.slice(0, max));
export const lookupTyped = z.object({ reference: clipped(40), email: clipped(320) });
export const lookupForm = lookupTyped.pipe(
  z.object({
    reference: z.string().min(1, 'Enter your complaint reference, like CMP-2026-0113'),
    email: z.string().min(1, 'Enter the email address you gave when you complained'),
  }),
);

export const escalateForm = z.object({
  reason: formText.pipe(z.string().max(5000, 'Your reason must be 5000 characters or fewer')),
});
export const complaintQuery = z.object({ escalated: isSetTo('1') });
