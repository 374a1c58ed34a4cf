import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { signedIn } from '../../../platform/web/render.ts';
import type { EnforcementService } from '../service.ts';
import { maxBatch } from './rules.ts';

// Payments over the API: a JSON batch, or the revenues system's CSV file as text/csv. Either is
// applied whole or not at all; a bad row is a 400 naming its line (its place in the batch).

const importView = z.object({
  outcome: z.enum(['imported', 'already-imported']),
  import: z.object({
    id: z.uuid(),
    fileHash: z.string(),
    rowCount: z.number().int(),
    appliedCount: z.number().int(),
    importedAt: z.date(),
  }),
});

export const paymentsBody = z.object({
  payments: z
    .array(
      z.object({
        account: z.string().describe('The account reference of an enforcement case'),
        date: z.string().describe('YYYY-MM-DD'),
        amountPence: z.number().describe('A whole number of pence above 0'),
        reference: z.string().describe('The payment’s reference, unique in the council'),
      }),
    )
    .min(1)
    .max(maxBatch),
});

export function paymentsApi(app: FastifyInstance, enforcement: EnforcementService) {
  // Only these routes read text/csv. Fastify awaits the plugin before the app is ready.
  // biome-ignore lint/nursery/noMisusedPromises: Fastify accepts and awaits async plugins
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
      (_request, body, done) => {
        // Read as one named field, so that the checks every body passes (no NUL, well-formed) apply.
        done(null, { csv: body });
      },
    );
    const { api, options } = apiRoutes(scope, ['enforcement']);
    api.post(
      '/api/v1/enforcement/payments',
      options('enforcement:manage', {
        operationId: 'recordEnforcementPayments',
        summary: 'Record payments received (a JSON batch): all or none; the same batch twice changes nothing',
        body: paymentsBody,
        response: { 200: importView, ...problems },
      }),
      async (request) => {
        return enforcement.payments.recordBatch(signedIn(request), request.body.payments, request.id);
      },
    );
    api.post(
      '/api/v1/enforcement/payment-imports',
      options('enforcement:manage', {
        operationId: 'importEnforcementPayments',
        summary:
          'Import the revenues system’s payments file: send it as the body, Content-Type text/csv (account,date,amount in pence,reference)',
        body: z.object({ csv: z.string().describe('The file, sent as the text/csv body') }),
        response: { 200: importView, ...problems },
      }),
      async (request) => {
        const text = request.body.csv;
        return enforcement.payments.importCsv(signedIn(request), { name: 'API upload', text }, request.id);
      },
    );
  });
}
