import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';

// One schema each for the pages and the API: a day as YYYY-MM-DD.

export const campaignInput = z
  .object({
    name: z
      .string({ message: 'Enter a name for the campaign' })
      .trim()
      .min(1, 'Enter a name for the campaign')
      .max(120, 'Name must be 120 characters or fewer'),
    dueOn: z
      .string({ message: 'Enter the date declarations are due' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Due date must be a real date', abort: true })
      .refine(isIsoDate, 'Due date must be a real date')
      .describe('The day responses are due, YYYY-MM-DD'),
    scope: z
      .enum(['everyone', 'services'], { message: 'Select who must make the declaration' })
      .describe('Everyone in the council, or the people in the services chosen'),
    serviceIds: z
      .array(z.string(), { message: 'Select services from the list' })
      .max(500, 'Select services from the list')
      .default([])
      .describe('The services’ ids, when scope is services'),
  })
  .refine((campaign) => campaign.scope === 'everyone' || campaign.serviceIds.length > 0, {
    path: ['serviceIds'],
    message: 'Select at least one service',
    // Checked alongside the other fields' errors, whenever the input is an object (no issue
    // with the whole of it) and who and which services are readable.
    when: (payload) =>
      payload.issues.every((issue) => {
        const field = issue.path?.[0];
        return field !== undefined && field !== 'scope' && field !== 'serviceIds';
      }),
  });

export const responseInput = z.object({
  choice: z
    .enum(['complete', 'nil'], {
      message: 'Select whether your declarations are complete or you have nothing to declare',
    })
    .describe('complete: my declarations are complete and up to date; nil: I have nothing to declare'),
  accountsDeclaration: z
    .boolean({ message: 'accountsDeclaration must be true or false' })
    .default(false)
    .describe('A field officer signs that they will not deal with the accounts of anyone known to them'),
});
export type CampaignInput = z.output<typeof campaignInput>;
