import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formPage, formRoute, formText, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { accountForm, accountParams } from './input.ts';

const answeredQuery = z.object({ answered: formText.catch('') });

// The service and the officers asked for their account of a complaint (003 minutes §19): what
// they have been asked, and a page to answer showing only the facts they need.
export function accountRoutes(app: FastifyInstance, { casework }: ComplaintsRouteDeps) {
  app.get('/complaints/accounts', { config: { access: 'signed-in' } }, async (request, reply) => {
    const requests = await casework.accountRequestsOf(signedIn(request));
    const { answered } = queryOf(request, answeredQuery);
    return render(request, reply, 'complaints/casework/views/accounts.njk', {
      title: 'Complaints you have been asked about',
      requests,
      flash: answered ? 'Thank you. Your account has been sent to the complaints team.' : undefined,
    });
  });

  formRoute(app, '/complaints/accounts/:id', {
    access: 'signed-in',
    params: accountParams,
    notFound: 'No such request',
    body: accountForm,
    initial: () => ({}),
    submit: async ({ request, params, body }) => {
      await casework.answerAccount(signedIn(request), params.id, body.account, request.id);
      return '/complaints/accounts?answered=1';
    },
    page: async (shown) => {
      const { request: asked, complaint } = await casework.accountRequestFor(
        signedIn(shown.request),
        shown.params.id,
      );
      return formPage(shown, 'complaints/casework/views/account.njk', {
        title: `Your account of complaint ${complaint.reference}`,
        asked,
        complaint,
      });
    },
  });
}
