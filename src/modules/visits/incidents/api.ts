import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { incidentBody, incidentParams } from './input.ts';
import { incidentKinds } from './rules.ts';
import type { Incidents } from './service.ts';

// Incident reports over JSON, in the OpenAPI document. Reading one is audited, as on its page.

const incidentView = z.object({
  id: z.uuid(),
  reportedBy: z.uuid(),
  reportedByName: z.string(),
  visitId: z.uuid().nullable(),
  kinds: z.array(z.enum(incidentKinds)),
  occurredAt: z.date(),
  location: z.string(),
  whatHappened: z.string(),
  peopleInvolved: z.string(),
  witnesses: z.string(),
  injuries: z.string(),
  policeReference: z.string(),
  reportedAt: z.date(),
  anonymisedAt: z
    .date()
    .nullable()
    .describe('When its personal details were removed under the retention policy'),
});

const summaryView = incidentView.pick({
  id: true,
  reportedBy: true,
  reportedByName: true,
  visitId: true,
  kinds: true,
  occurredAt: true,
  reportedAt: true,
  anonymisedAt: true,
});

export function incidentsApi(app: FastifyInstance, incidents: Incidents) {
  const { api, options } = apiRoutes(app, ['visits']);

  api.get(
    '/api/v1/visits/incidents',
    options('signed-in', {
      operationId: 'listIncidentReports',
      summary: 'The incident reports you may read: your own, your reports’, or (HR) all',
      response: { 200: z.object({ items: z.array(summaryView) }) },
    }),
    async (request) => ({ items: await incidents.incidents(signedIn(request)) }),
  );

  api.post(
    '/api/v1/visits/incidents',
    options('visits:plan', {
      operationId: 'reportIncident',
      summary: 'Report an incident: violence, a threat, an injury or damage',
      body: incidentBody,
      response: { 201: incidentView, ...problems },
    }),
    async (request, reply) => {
      const principal = signedIn(request);
      const { id } = await incidents.report(principal, request.body, request.id);
      return reply.code(201).send(await incidents.incident(principal, id, request.id));
    },
  );

  api.get(
    '/api/v1/visits/incidents/:id',
    options('signed-in', {
      operationId: 'getIncidentReport',
      summary: 'An incident report, for its reporter, their line-management chain and HR',
      params: z.object({ id: z.string() }),
      response: { 200: incidentView, ...problems },
    }),
    async (request) => {
      const { id } = paramsOf(request, incidentParams, 'No such incident');
      return incidents.incident(signedIn(request), id, request.id);
    },
  );
}
