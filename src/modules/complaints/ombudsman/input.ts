import { z } from 'zod';
import { formText, idParam } from '../../../platform/web/form-kit.ts';
import { type Step, steps } from './rules.ts';

// What the Ombudsman forms post; the rules check the values. Dates are GOV.UK date inputs.

export const complaintParams = z.object({ reference: z.string() });
export const caseParams = complaintParams.extend({ id: idParam });
export const stepParams = caseParams.extend({ step: z.enum(Object.keys(steps) as [Step, ...Step[]]) });

export const enquiryDates = ['receivedOn', 'respondBy'];
export const enquiryForm = z.object({
  ombudsman: formText,
  theirReference: formText,
  receivedOn: formText,
  enquiry: formText,
  respondBy: formText,
});

export const stepDates = ['respondedOn', 'decidedOn', 'remedyDueOn', 'remedyDoneOn', 'closedOn'];
export const stepForm = z.object({
  respondedOn: formText,
  decision: formText,
  decidedOn: formText,
  remedy: formText,
  remedyDueOn: formText,
  remedyDoneOn: formText,
  closedOn: formText,
});
