import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { actorOf } from '../../../platform/web/render.ts';
import { employmentTypes } from '../people/input.ts';
import type { OrganisationService } from '../service.ts';
import { maxStaffBytes } from './routes.ts';

// The staff file over JSON, in the OpenAPI document: preview the HR system's export (sent as
// text/csv), then apply the preview; an apply after the council's people changed is refused.

const valuesView = z.object({
  staffNumber: z.string(),
  name: z.string(),
  email: z.string(),
  jobTitle: z.string(),
  serviceId: z.uuid().nullable(),
  lineManagerId: z.uuid().nullable(),
  employmentType: z.enum(employmentTypes),
  startDate: z.string().nullable(),
  leavingDate: z.string().nullable(),
});
const line = z.number().int().describe('The line of the file the row starts on');

const previewView = z.object({
  importId: z.uuid(),
  rows: z.number().int(),
  unchanged: z.number().int(),
  alreadyLeft: z.number().int().describe('Rows of people not known here whose leaving date has passed'),
  added: z.array(z.object({ line, id: z.uuid(), values: valuesView })),
  changed: z.array(
    z.object({
      line,
      id: z.uuid(),
      values: valuesView,
      changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
    }),
  ),
  leavers: z.array(
    z.object({ line, id: z.uuid(), name: z.string(), staffNumber: z.string(), leavingDate: z.string() }),
  ),
  errors: z
    .array(z.object({ line, message: z.string() }))
    .describe('Nothing is applied while any row is here'),
});

const summaryView = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  leavers: z.number().int(),
  unchanged: z.number().int(),
});

export function staffImportApi(app: FastifyInstance, organisation: OrganisationService) {
  // Only the preview takes CSV, so the parser is registered for its scope alone; the file arrives
  // as the field csv, as a JSON client would send it.
  app.register((scope, _options, registered) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: maxStaffBytes },
      (_request, body, done) => done(null, { csv: body }),
    );
    previewRoute(scope, organisation);
    registered();
  });
  applyRoute(app, organisation);
}

function previewRoute(app: FastifyInstance, organisation: OrganisationService) {
  const { api, options } = apiRoutes(app, ['people']);
  api.post(
    '/api/v1/people/imports',
    options('people:import', {
      operationId: 'previewStaffImport',
      summary:
        'Preview the HR system’s staff file (text/csv): who is added, what changes, who becomes a leaver, and each bad row by line',
      description:
        'Send the file as the body with Content-Type text/csv, or as JSON { "csv": "…" }. Its first line names the columns: staff number, name, email, job title, contract type, and optionally service, line manager (staff number or email), start date and leaving date. Nothing changes until the preview is applied.',
      body: z.object({ csv: z.string().describe('The CSV file’s text') }),
      response: { 201: previewView, ...problems },
    }),
    async (request, reply) => {
      const { importId, plan } = await organisation.previewStaff(actorOf(request), request.body.csv);
      return reply.code(201).send({ importId, ...plan });
    },
  );
}

function applyRoute(app: FastifyInstance, organisation: OrganisationService) {
  const { api, options } = apiRoutes(app, ['people']);
  api.post(
    '/api/v1/people/imports/:id/apply',
    options('people:import', {
      operationId: 'applyStaffImport',
      summary: 'Apply a previewed staff file, all of it in one go',
      description:
        'Refused (400) when the file has bad rows, when it has been applied already, or when the council’s people have changed since the preview: preview the file again.',
      params: z.object({ id: z.uuid() }),
      response: { 200: summaryView, ...problems },
    }),
    async (request) => organisation.applyStaff(actorOf(request), request.params.id),
  );
}
