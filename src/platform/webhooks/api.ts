import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Conflict, NotFound } from '../errors.ts';
import { apiRoutes } from '../web/api-route.ts';
import { idParam } from '../web/form-kit.ts';
import { actorOf, signedIn } from '../web/render.ts';
import { listDeliveries } from './deliveries.ts';
import {
  createEndpoint,
  findEndpoint,
  listEndpoints,
  rotateSecret,
  secretChanged,
  updateEndpoint,
} from './endpoints.ts';
import { endpointChange, endpointInput } from './input.ts';
import type { WebhookRouteDeps } from './routes.ts';
import { webhookEventTypes } from './rules.ts';

const access = 'webhooks:manage';
const params = z.object({ id: idParam });

const endpointView = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  enabled: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const deliveryView = z.object({
  id: z.uuid(),
  eventId: z.uuid().describe('The webhook-id header: the same on every attempt'),
  type: z.string(),
  occurredAt: z.date(),
  state: z.enum(['pending', 'retrying', 'delivered', 'failed']),
  nextAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      startedAt: z.date(),
      durationMs: z.number().int(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

const secretView = z.object({ id: z.uuid(), secret: z.string().describe('Shown only in this answer') });

// The council's webhook endpoints over JSON: the same use cases as the pages.
export function webhooksApi(app: FastifyInstance, deps: WebhookRouteDeps) {
  const { db, clock, allowLoopbackHttp } = deps;
  const { api, options } = apiRoutes(app, ['webhooks']);
  api.get(
    '/api/v1/webhooks',
    options(access, {
      operationId: 'listWebhookEndpoints',
      summary: 'The council’s webhook endpoints',
      response: { 200: z.object({ items: z.array(endpointView) }) },
    }),
    async (request) => ({ items: await listEndpoints(db, signedIn(request).councilId) }),
  );

  api.post(
    '/api/v1/webhooks',
    options(access, {
      operationId: 'createWebhookEndpoint',
      summary: 'Register a webhook endpoint; its signing secret is shown only in this response',
      body: endpointInput(allowLoopbackHttp),
      response: { 201: secretView },
    }),
    async (request, reply) =>
      reply.code(201).send(await createEndpoint(db, actorOf(request), request.body, clock.now())),
  );

  api.put(
    '/api/v1/webhooks/:id',
    options(access, {
      operationId: 'changeWebhookEndpoint',
      summary: 'Change a webhook endpoint’s address, events, or whether it is enabled',
      params,
      body: endpointChange(allowLoopbackHttp),
      response: { 200: endpointView },
    }),
    async (request) => {
      const changed = await updateEndpoint(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        clock.now(),
      );
      if (!changed) throw new NotFound('No such webhook endpoint');
      return changed;
    },
  );

  api.post(
    '/api/v1/webhooks/:id/secret',
    options(access, {
      operationId: 'rotateWebhookSecret',
      summary: 'Replace a webhook endpoint’s signing secret; the new one is shown only in this response',
      params,
      response: { 200: secretView },
    }),
    async (request) => {
      const actor = actorOf(request);
      const endpoint = await findEndpoint(db, actor.councilId, request.params.id);
      if (!endpoint) throw new NotFound('No such webhook endpoint');
      // Of two requests at once one replaces the secret; the other would be given one out of use.
      const secret = await rotateSecret(db, actor, endpoint.id, clock.now(), endpoint.secretVersion);
      if (!secret) throw new NotFound('No such webhook endpoint');
      if (secret === 'changed') throw new Conflict(secretChanged);
      return { id: request.params.id, secret };
    },
  );

  api.get(
    '/api/v1/webhooks/:id/deliveries',
    options(access, {
      operationId: 'listWebhookDeliveries',
      summary: 'A webhook endpoint’s newest 100 deliveries, each with its attempts',
      params,
      response: { 200: z.object({ items: z.array(deliveryView) }) },
    }),
    async (request) => {
      const { councilId } = signedIn(request);
      if (!(await findEndpoint(db, councilId, request.params.id)))
        throw new NotFound('No such webhook endpoint');
      return { items: await listDeliveries(db, councilId, request.params.id, 100) };
    },
  );
}
