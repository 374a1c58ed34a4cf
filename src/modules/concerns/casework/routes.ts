import type { FastifyInstance } from 'fastify';
import { Forbidden } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { render } from '../../../platform/web/render.ts';
import { outcomes } from '../categories.ts';
import type { ConcernsService } from '../service.ts';
import { acknowledgeForm, concernParams, documentParams, messageForm, outcomeForm } from './input.ts';

// The investigator's pages: their concerns, each concern's file with its forms, its documents, and
// the detriment flags HR and the monitoring officer see.

const principalOf = (shown: { request: ShownForm['request'] }) => {
  const principal = shown.request.principal;
  if (!principal) throw new Forbidden('Sign in first');
  return principal;
};

function filePage(concerns: ConcernsService) {
  return async (shown: ShownForm & { params: { id: string } }) => {
    const file = await concerns.casework.open(principalOf(shown), shown.params.id, shown.request.id);
    return formPage(shown, 'concerns/casework/views/concern.njk', {
      title: `Concern ${file.reference}`,
      concern: file,
      outcomeItems: outcomes.map((o) => ({
        value: o.code,
        text: o.label,
        checked: shown.values.outcome === o.code,
      })),
    });
  };
}

export function caseworkRoutes(app: FastifyInstance, concerns: ConcernsService) {
  app.get('/concerns', { config: { access: 'concerns:investigate' } }, async (request, reply) => {
    const principal = principalOf({ request });
    return render(request, reply, 'concerns/casework/views/list.njk', {
      title: 'Concerns assigned to you',
      concerns: await concerns.casework.assignedTo(principal),
      seesDetriment: principal.roles.has('hr') || principal.roles.has('monitoring-officer'),
    });
  });
  app.get('/concerns/detriment', { config: { access: 'concerns:detriment' } }, async (request, reply) =>
    render(request, reply, 'concerns/casework/views/detriment.njk', {
      title: 'Reports of unfair treatment of people who raised concerns',
      reports: await concerns.detrimentFlags(principalOf({ request })),
    }),
  );
  const page = filePage(concerns);
  app.get('/concerns/:id', { config: { access: 'concerns:investigate' } }, async (request, reply) =>
    page({
      request,
      reply,
      params: paramsOf(request, concernParams, 'No such concern'),
      values: {},
      errors: [],
    }),
  );
  formRoute(app, '/concerns/:id/acknowledge', {
    access: 'concerns:investigate',
    params: concernParams,
    notFound: 'No such concern',
    body: acknowledgeForm,
    page,
    submit: async ({ request, params, body }) => {
      await concerns.casework.acknowledge(principalOf({ request }), params.id, body.text, request.id);
      return `/concerns/${params.id}`;
    },
  });
  formRoute(app, '/concerns/:id/messages', {
    access: 'concerns:investigate',
    params: concernParams,
    notFound: 'No such concern',
    body: messageForm,
    page,
    submit: async ({ request, params, body }) => {
      await concerns.casework.message(principalOf({ request }), params.id, body, request.id);
      return `/concerns/${params.id}`;
    },
  });
  formRoute(app, '/concerns/:id/outcome', {
    access: 'concerns:investigate',
    params: concernParams,
    notFound: 'No such concern',
    body: outcomeForm,
    page,
    submit: async ({ request, params, body }) => {
      await concerns.casework.recordOutcome(principalOf({ request }), params.id, body, request.id);
      return `/concerns/${params.id}`;
    },
  });
  app.get(
    '/concerns/:id/documents/:documentId',
    { config: { access: 'concerns:investigate' } },
    async (request, reply) => {
      const { id, documentId } = paramsOf(request, documentParams, 'No such document');
      const file = await concerns.casework.document(principalOf({ request }), id, documentId, request.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
}
