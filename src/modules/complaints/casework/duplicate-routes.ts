import type { FastifyInstance } from 'fastify';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { formPage, formRoute } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { caseModel } from './case-model.ts';
import { duplicateForm, duplicateParams } from './input.ts';

// A possible duplicate flagged at triage: both complaints side by side, and the officer's decision,
// to merge the one being triaged into the other or to keep both.
export function duplicateRoutes(app: FastifyInstance, { casework, clock }: ComplaintsRouteDeps) {
  formRoute(app, '/complaints/:reference/duplicates/:other', {
    access: 'complaints:handle',
    params: duplicateParams,
    notFound: 'No such possible duplicate',
    body: duplicateForm,
    initial: () => ({}),
    page: async ({ params, ...shown }) => {
      const principal = signedIn(shown.request);
      const pair = await casework.duplicatePair(principal, params.reference, params.other, shown.request.id);
      const view = await casework.view(principal, params.reference, shown.request.id);
      return formPage(shown, 'complaints/casework/views/duplicate.njk', {
        title: `Is ${params.reference} a duplicate of ${params.other}?`,
        heading: `Is this a duplicate of ${params.other}?`,
        formPath: `duplicates/${params.other}`,
        ...caseModel(view, londonDate(clock.now())),
        other: pair.other,
        similarPercent: pair.similarPercent,
      });
    },
    submit: async ({ request, params, body }) => {
      const principal = signedIn(request);
      if (body.decision === 'merge') {
        await casework.mergeDuplicate(principal, params.reference, params.other, request.id);
        return `/complaints/${params.other}?done=merged`;
      }
      await casework.keepBoth(principal, params.reference, params.other, request.id);
      return `/complaints/${params.reference}?done=kept-both`;
    },
  });
}
