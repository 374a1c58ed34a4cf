import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors.ts';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { addressesQuery, lookupQuery } from './input.ts';
import { type GazetteerRouteDeps, maxCsvBytes } from './routes.ts';
import { postcodeOf } from './rules.ts';

// The gazetteer over JSON, in the OpenAPI document: import an LLPG export sent as text/csv, list
// the addresses at a postcode, and place an address by UPRN or by address and postcode.

const placeView = z.object({
  uprn: z.string(),
  address: z.string(),
  postcode: z.string(),
  latitude: z.number().describe('WGS84 degrees'),
  longitude: z.number().describe('WGS84 degrees'),
});

const reportView = z.object({
  importId: z.uuid(),
  rows: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});

export function gazetteerApi(app: FastifyInstance, deps: GazetteerRouteDeps) {
  // Only the import takes CSV, so the parser is registered for its scope alone. A body is an object
  // of named fields (platform/web/untrusted-input.ts), so the file arrives as the field csv, as a
  // JSON client would send it.
  app.register((scope, _options, registered) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: maxCsvBytes },
      (_request, body, done) => done(null, { csv: body }),
    );
    importRoute(scope, deps);
    registered();
  });
  readRoutes(app, deps);
}

function importRoute(app: FastifyInstance, { places }: GazetteerRouteDeps) {
  const { api, options } = apiRoutes(app, ['places']);
  api.post(
    '/api/v1/places/gazetteer/imports',
    options('places:manage', {
      operationId: 'importGazetteer',
      summary:
        'Import the council’s LLPG export (text/csv): all of it, or nothing with each bad row’s line in errors',
      description:
        'Send the file as the body with Content-Type text/csv, or as JSON { "csv": "…" }. Its first line names the columns: UPRN, ADDRESS, POSTCODE, and EASTING and NORTHING or LATITUDE and LONGITUDE.',
      body: z.object({ csv: z.string().describe('The CSV file’s text') }),
      response: { 201: reportView, ...problems },
    }),
    async (request, reply) => {
      const report = await places.importCsv(signedIn(request), request.body.csv, request.id);
      return reply.code(201).send(report);
    },
  );
}

function readRoutes(app: FastifyInstance, { places }: GazetteerRouteDeps) {
  const { api, options } = apiRoutes(app, ['places']);
  api.get(
    '/api/v1/places/addresses',
    options('signed-in', {
      operationId: 'listAddressesAtPostcode',
      summary: 'The gazetteer’s addresses at a postcode',
      querystring: addressesQuery,
      response: { 200: z.object({ postcode: z.string(), items: z.array(placeView) }), ...problems },
    }),
    async (request) => {
      const found = await places.atPostcode(signedIn(request).councilId, request.query.postcode);
      if (!found) throw new NotFound(`${request.query.postcode} is not a UK postcode`);
      return { postcode: found.postcode, items: found.places };
    },
  );

  api.get(
    '/api/v1/places/lookup',
    options('signed-in', {
      operationId: 'lookUpPlace',
      summary: 'Place an address: by UPRN first, then by the address at its postcode',
      querystring: lookupQuery,
      response: { 200: z.object({ found: placeView }), ...problems },
    }),
    async (request) => {
      const { uprn, address, postcode } = request.query;
      const located = await places.locate(signedIn(request).councilId, {
        uprn: uprn ?? null,
        address: address ?? '',
        postcode: postcode ? (postcodeOf(postcode) ?? postcode) : '',
      });
      if ('notFound' in located) throw new NotFound(located.notFound);
      return located;
    },
  );
}
