import type { FastifyInstance, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInput } from '../../../platform/errors.ts';
import { problems, problemView } from '../../../platform/web/api-problems.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { operation } from '../api-spec.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { returnBody, yearQuery } from './input.ts';
import { parseFinancialYear } from './rules.ts';

// The returns over JSON, in the OpenAPI document.
const tags = ['related party returns'];

const entryView = z.object({
  declarationId: z.uuid(),
  reference: z.string(),
  kind: z.string().describe('The declaration’s kind, like position-of-influence'),
  kindName: z.string(),
  summary: z.string(),
  organisations: z.array(z.string()).describe('The organisations the declaration names'),
  declaredOn: z.iso.date(),
  endedOn: z.iso.date().nullable().describe('When the interest ended, if it ended during the year'),
});

const returnView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  jobTitle: z.string(),
  financialYear: z.number().int().describe('The year the financial year starts on 1 April'),
  nil: z.boolean(),
  entries: z.array(entryView).describe('The declarations on the return when it was submitted'),
  transactions: z.string(),
  submittedAt: z.date(),
});

const use = <S extends FastifySchema & { operationId: string }>(summary: string, schema: S) =>
  operation('interests:use', tags, summary, schema);

const mineView = z.object({
  financialYear: z.number().int(),
  relevant: z.boolean().describe('Whether you are asked to complete a return'),
  relevantRoles: z.array(z.string()).describe('The roles whose holders are asked'),
  interests: z.array(entryView).describe('Your declarations that belong on the return'),
  submitted: returnView.nullable(),
});

const collatedView = z.object({
  financialYear: z.number().int(),
  officers: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      jobTitle: z.string(),
      serviceName: z.string(),
      submitted: returnView.nullable().describe('Null while the return is outstanding'),
    }),
  ),
});

export function returnApi(app: FastifyInstance, { returns }: InterestsRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/related-party-returns/mine',
    use('Your related party transactions return for this financial year (001 §48-51)', {
      operationId: 'getMyRelatedPartyReturn',
      response: { 200: mineView },
    }),
    async (request) => returns.mine(signedIn(request)),
  );
  api.post(
    '/api/v1/related-party-returns/mine',
    use('Submit your return for this financial year, replacing one already submitted', {
      operationId: 'submitRelatedPartyReturn',
      body: returnBody,
      response: { 201: returnView, ...problems },
    }),
    async (request, reply) =>
      reply.code(201).send(await returns.submit(signedIn(request), request.body, request.id)),
  );
  api.get(
    '/api/v1/related-party-returns',
    operation(
      'interests:returns',
      tags,
      'Every relevant officer’s return for a financial year, outstanding first, for the external auditor',
      {
        operationId: 'listRelatedPartyReturns',
        querystring: yearQuery,
        response: { 200: collatedView, 400: problemView, 403: problemView },
      },
    ),
    async (request) => {
      const parsed = parseFinancialYear(request.query.year, returns.currentYear());
      if ('error' in parsed) throw new InvalidInput([parsed.error]);
      return {
        financialYear: parsed.year,
        officers: await returns.collated(signedIn(request), parsed.year, request.id),
      };
    },
  );
}
