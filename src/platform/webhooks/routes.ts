import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { InvalidInput, NotFound } from '../errors.ts';
import { formPage, formRoute, formText, idParam, paramsOf, type ShownForm } from '../web/form-kit.ts';
import { actorOf, render, signedIn } from '../web/render.ts';
import { webhooksApi } from './api.ts';
import { listDeliveries, sendAgain } from './deliveries.ts';
import {
  createEndpoint,
  findEndpoint,
  listEndpoints,
  rotateSecret,
  secretChanged,
  updateEndpoint,
} from './endpoints.ts';
import { endpointChangeForm, endpointForm } from './input.ts';
import { webhookEvents } from './rules.ts';

export type WebhookRouteDeps = { db: Kysely<Database>; clock: Clock; allowLoopbackHttp: boolean };

const access = 'webhooks:manage';
const endpointParams = z.object({ id: idParam });
const deliveryParams = z.object({ id: idParam, deliveryId: idParam });
export const deliveryStates = {
  pending: 'Waiting to send',
  retrying: 'Trying again',
  delivered: 'Delivered',
  failed: 'Failed',
};
const shared = { eventNames: webhookEvents, stateLabels: deliveryStates };

async function endpointOr404({ db }: WebhookRouteDeps, councilId: string, id: string) {
  const endpoint = await findEndpoint(db, councilId, id);
  if (!endpoint) throw new NotFound('No such webhook endpoint');
  return endpoint;
}

async function listPage(deps: WebhookRouteDeps, shown: ShownForm) {
  const created = shown.shownAgain?.created;
  return formPage({ ...shown, values: created ? {} : shown.values }, 'webhooks/views/endpoints.njk', {
    title: 'Webhooks',
    endpoints: await listEndpoints(deps.db, signedIn(shown.request).councilId),
    created,
    ...shared,
  });
}

async function endpointPage(deps: WebhookRouteDeps, shown: ShownForm & { params: { id: string } }) {
  const endpoint = await endpointOr404(deps, signedIn(shown.request).councilId, shown.params.id);
  const values = shown.errors.length
    ? shown.values
    : { ...endpoint, enabled: endpoint.enabled ? 'yes' : 'no' };
  return formPage({ ...shown, values }, 'webhooks/views/endpoint.njk', {
    title: `Webhook endpoint ${endpoint.url}`,
    endpoint,
    secret: shown.shownAgain?.secret,
    ...shared,
  });
}

// A system administrator's webhook endpoints for the council: registered with a signing secret shown
// once, changed, enabled or disabled, the secret rotated, and each one's delivery log.
export function webhookRoutes(app: FastifyInstance, deps: WebhookRouteDeps) {
  const { db, clock, allowLoopbackHttp } = deps;
  formRoute(app, '/admin/webhooks', {
    access,
    body: endpointForm(allowLoopbackHttp),
    initial: () => ({}),
    page: (shown) => listPage(deps, shown),
    submit: async ({ request, body }) => {
      const created = await createEndpoint(db, actorOf(request), body, clock.now());
      return { shownAgain: { created: { ...created, url: body.url } } };
    },
  });

  formRoute(app, '/admin/webhooks/:id', {
    access,
    params: endpointParams,
    notFound: 'No such webhook endpoint',
    body: endpointChangeForm(allowLoopbackHttp),
    initial: () => ({}),
    page: (shown) => endpointPage(deps, shown),
    submit: async ({ request, params, body }) => {
      if (!(await updateEndpoint(db, actorOf(request), params.id, body, clock.now())))
        throw new NotFound('No such webhook endpoint');
      return `/admin/webhooks/${params.id}`;
    },
  });

  formRoute(app, '/admin/webhooks/:id/secret', {
    access,
    params: endpointParams,
    notFound: 'No such webhook endpoint',
    body: z.object({ replacing: formText.transform(Number).pipe(z.number().int().min(0)).catch(-1) }),
    page: (shown) => endpointPage(deps, shown),
    submit: async ({ request, params, body }) => {
      const secret = await rotateSecret(db, actorOf(request), params.id, clock.now(), body.replacing);
      if (!secret) throw new NotFound('No such webhook endpoint');
      if (secret === 'changed') throw new InvalidInput([{ key: 'form', message: secretChanged }]);
      return { shownAgain: { secret } };
    },
  });

  deliveryLogRoutes(app, deps);
  webhooksApi(app, deps);
}

function deliveryLogRoutes(app: FastifyInstance, deps: WebhookRouteDeps) {
  app.get('/admin/webhooks/:id/deliveries', { config: { access } }, async (request, reply) => {
    const { id } = paramsOf(request, endpointParams, 'No such webhook endpoint');
    const { councilId } = signedIn(request);
    const endpoint = await endpointOr404(deps, councilId, id);
    return render(request, reply, 'webhooks/views/deliveries.njk', {
      title: `Deliveries to ${endpoint.url}`,
      endpoint,
      deliveries: await listDeliveries(deps.db, councilId, id, 100),
      ...shared,
    });
  });

  app.post(
    '/admin/webhooks/:id/deliveries/:deliveryId/send-again',
    { config: { access } },
    async (request, reply) => {
      const { id, deliveryId } = paramsOf(request, deliveryParams, 'No such delivery');
      // A delivery already sent again (or never failed) is left as it is; the log shows where it stands.
      await sendAgain(deps.db, actorOf(request), { endpointId: id, deliveryId }, deps.clock.now());
      return reply.redirect(`/admin/webhooks/${id}/deliveries`, 303);
    },
  );
}
