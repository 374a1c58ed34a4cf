import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidInput } from '../../../platform/errors.ts';
import { formErrors, text } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';

// The service and the officers asked for their account of a complaint (003 minutes §19): what
// they have been asked, and a page to answer showing only the facts they need.
export function accountRoutes(app: FastifyInstance, { casework }: ComplaintsRouteDeps) {
  app.get('/complaints/accounts', { config: { access: 'signed-in' } }, async (request, reply) => {
    const requests = await casework.accountRequestsOf(signedIn(request));
    const answered = text((request.query as Record<string, unknown>).answered);
    return render(request, reply, 'complaints/casework/views/accounts.njk', {
      title: 'Complaints you have been asked about',
      requests,
      flash: answered ? 'Thank you. Your account has been sent to the complaints team.' : undefined,
    });
  });

  async function page(request: FastifyRequest, values: Record<string, unknown> = {}, error?: InvalidInput) {
    const { id } = request.params as { id: string };
    const { request: asked, complaint } = await casework.accountRequestFor(signedIn(request), id);
    return {
      title: `Your account of complaint ${complaint.reference}`,
      asked,
      complaint,
      values,
      ...formErrors(error?.errors ?? []),
    };
  }

  app.get('/complaints/accounts/:id', { config: { access: 'signed-in' } }, async (request, reply) =>
    render(request, reply, 'complaints/casework/views/account.njk', await page(request)),
  );

  app.post('/complaints/accounts/:id', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const account = text((request.body as Record<string, unknown> | undefined)?.account).trim();
    try {
      await casework.answerAccount(signedIn(request), id, account, request.id);
      return reply.redirect('/complaints/accounts?answered=1', 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      reply.code(400);
      return render(
        request,
        reply,
        'complaints/casework/views/account.njk',
        await page(request, { account }, error),
      );
    }
  });
}
