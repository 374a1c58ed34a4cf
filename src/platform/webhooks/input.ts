import { z } from 'zod';
import { formChoices, formText } from '../web/form-kit.ts';
import { urlProblem, webhookEventTypes } from './rules.ts';

const eventsMessage = 'Select the events to send';

// An endpoint's address: https, or http to this machine where loopback is allowed (not production).
const urlField = (allowLoopbackHttp: boolean) =>
  z
    .string()
    .trim()
    .min(1, 'Enter the address to send events to')
    .max(2000, 'The address must be 2,000 characters or fewer')
    .superRefine((url, context) => {
      const problem = urlProblem(url, allowLoopbackHttp);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });

const descriptionField = z.string().trim().max(200, 'The description must be 200 characters or fewer');
const eventsField = z.array(z.enum(webhookEventTypes, { message: eventsMessage })).min(1, eventsMessage);

// An endpoint as the API takes it.
export function endpointInput(allowLoopbackHttp: boolean) {
  return z.object({
    url: urlField(allowLoopbackHttp),
    description: descriptionField.default(''),
    events: eventsField,
  });
}

export function endpointChange(allowLoopbackHttp: boolean) {
  return endpointInput(allowLoopbackHttp).extend({
    enabled: z.boolean({ message: 'Say whether to send events' }),
  });
}

// The same, as the registration form posts it.
export function endpointForm(allowLoopbackHttp: boolean) {
  return z.object({
    url: formText.pipe(urlField(allowLoopbackHttp)),
    description: formText.pipe(descriptionField),
    events: formChoices.pipe(eventsField),
  });
}

// The change form adds whether events are sent.
export function endpointChangeForm(allowLoopbackHttp: boolean) {
  return endpointForm(allowLoopbackHttp).extend({
    enabled: formText.pipe(
      z.enum(['yes', 'no'], { message: 'Say whether to send events' }).transform((value) => value === 'yes'),
    ),
  });
}
