import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import {
  listQuery,
  markerInput,
  markerParams,
  markerStatuses,
  nominationInput,
  reviewInput,
} from './input.ts';
import type { RiskRegisterRouteDeps } from './routes.ts';
import { riskKinds } from './rules.ts';

// The risk register over JSON, in the OpenAPI document: those who keep it list, read, add and
// review markers; officers in the field nominate.

const kinds = Object.keys(riskKinds) as [keyof typeof riskKinds, ...(keyof typeof riskKinds)[]];

const markerView = z.object({
  id: z.uuid(),
  kind: z.enum(kinds),
  kindName: z.string(),
  status: z.enum(markerStatuses),
  address: z.string(),
  personName: z.string(),
  reason: z.string(),
  whatToDo: z.string().describe('The caution officers see before a visit'),
  reviewOn: z.string().describe('YYYY-MM-DD'),
  nominatedBy: z.uuid(),
  nominatedByName: z.string(),
  nominatedAt: z.date(),
  visitId: z.uuid().nullable(),
  endReason: z.string().describe('Why it was rejected or removed'),
  endedAt: z.date().nullable(),
  anonymisedAt: z.date().nullable(),
});

const historyView = z.object({
  action: z.enum(['added', 'nominated', 'accepted', 'rejected', 'edited', 'removed', 'anonymised']),
  note: z.string(),
  byName: z.string(),
  at: z.date(),
});

const changedView = z.object({ id: z.uuid(), status: z.enum(markerStatuses) });
const idParams = z.object({ id: z.string().describe('The marker’s id (a UUID)') });
const notFound = 'No such marker';

export function riskRegisterApi(app: FastifyInstance, { riskRegister }: RiskRegisterRouteDeps) {
  const { api, options } = apiRoutes(app, ['visits']);

  api.get(
    '/api/v1/visits/risk-markers',
    options('visits:risk', {
      operationId: 'listRiskMarkers',
      summary:
        'The risk register’s markers: active by default; by status, due for review, or matching a search',
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(markerView) }), ...problems },
    }),
    async (request) => ({ items: await riskRegister.list(signedIn(request).councilId, request.query) }),
  );

  api.post(
    '/api/v1/visits/risk-markers',
    options('visits:risk', {
      operationId: 'addRiskMarker',
      summary: 'Add a marker: active at once, shown to officers before they visit',
      body: markerInput,
      response: { 201: changedView, ...problems },
    }),
    async (request, reply) => {
      const id = await riskRegister.add(signedIn(request), request.body, request.id);
      return reply.code(201).send({ id, status: 'active' as const });
    },
  );

  api.post(
    '/api/v1/visits/risk-markers/nominations',
    options('visits:plan', {
      operationId: 'nominateRiskMarker',
      summary: 'Nominate an address or a person from the field, for a team leader to review (000)',
      body: nominationInput,
      response: { 201: changedView, ...problems },
    }),
    async (request, reply) => {
      const id = await riskRegister.nominate(signedIn(request), request.body, request.id);
      return reply.code(201).send({ id, status: 'proposed' as const });
    },
  );

  api.get(
    '/api/v1/visits/risk-markers/:id',
    options('visits:risk', {
      operationId: 'getRiskMarker',
      summary: 'One marker with its history; the look is recorded in the audit trail',
      params: idParams,
      response: { 200: z.object({ marker: markerView, history: z.array(historyView) }), ...problems },
    }),
    async (request) => {
      const { id } = paramsOf(request, markerParams, notFound);
      const { marker, history } = await riskRegister.marker(signedIn(request), id, request.id);
      return {
        marker,
        history: history.map(({ action, note, byName, at }) => ({ action, note, byName, at })),
      };
    },
  );

  api.post(
    '/api/v1/visits/risk-markers/:id/review',
    options('visits:risk', {
      operationId: 'reviewRiskMarker',
      summary: 'Accept a nomination (with what officers must do) or reject it (with why); not your own',
      params: idParams,
      body: reviewInput,
      response: { 200: changedView, ...problems },
    }),
    async (request) => {
      const { id } = paramsOf(request, markerParams, notFound);
      await riskRegister.review(signedIn(request), id, request.body, request.id);
      return { id, status: request.body.decision === 'accept' ? ('active' as const) : ('rejected' as const) };
    },
  );
}
