import { z } from 'zod';
import { formText, idParam } from '../../../platform/web/form-kit.ts';
import { email, optional, optionalDate, required } from '../input.ts';

export const councilParams = z.object({ council: z.string() });

// The public form: who is complaining, about which councillor (or, as people sometimes do, all of
// them: the monitoring officer then finds it not valid), what happened and when.
export const complaintForm = z.object({
  // The form's own id, made when it was shown: sending it twice finds the first complaint.
  submission: formText,
  name: required('Enter your full name', 200),
  email,
  address: optional(500),
  isCouncillor: formText.refine((v) => v === 'yes' || v === 'no', 'Select whether you are a councillor'),
  councillor: formText.refine(
    (v) => v === 'all' || idParam.safeParse(v).success,
    'Select the councillor your complaint is about',
  ),
  whatHappened: required('Describe what the councillor did', 5000),
  happenedOn: optionalDate('The date it happened'),
});
export type ComplaintForm = z.output<typeof complaintForm>;
