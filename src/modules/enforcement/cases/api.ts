import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { outcomeBody } from '../outcomes/input.ts';
import type { EnforcementService } from '../service.ts';
import { allocateBody, caseBody, caseParams, listQuery, noticeBody, statuses } from './input.ts';

// Enforcement cases over JSON, in the OpenAPI document: the same use cases as the pages.

const hours = z.object({ from: z.string(), until: z.string() });
export const caseView = z.object({
  id: z.uuid(),
  reference: z.string(),
  accountRef: z.string(),
  kind: z.enum(['council-tax', 'business-rates']),
  debtorName: z.string(),
  address: z.string(),
  postcode: z.string(),
  uprn: z.string().nullable(),
  premises: z.enum(['domestic', 'business']),
  tradingHours: hours.nullable(),
  appointment: hours.extend({ on: z.string() }).nullable(),
  balancePence: z.number().int(),
  liabilityOrderOn: z.string(),
  liabilityOrderCourt: z.string(),
  noticeOn: z.string().nullable(),
  agentId: z.uuid().nullable(),
  status: z.enum(statuses),
});

const instalmentView = z.object({
  dueOn: z.string(),
  amountPence: z.number().int(),
  paidPence: z.number().int(),
  missedAt: z.date().nullable(),
});
const casePageView = z.object({
  case: caseView,
  earliestTakingControl: z
    .string()
    .nullable()
    .describe('The first day goods may be taken into control (TCG Regs 2013 reg 6)'),
  recoverySuspended: z.boolean().describe('A recovery hold is in force on the account'),
  outstandingPence: z.number().int(),
  outcomes: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      visitedOn: z.string(),
      present: z.array(z.string()),
      recordedBy: z.uuid(),
    }),
  ),
  arrangement: z
    .object({ id: z.uuid(), status: z.string(), agreedOn: z.string(), instalments: z.array(instalmentView) })
    .nullable(),
  payments: z.array(z.object({ reference: z.string(), paidOn: z.string(), amountPence: z.number().int() })),
});
const params = z.object({ id: z.string().describe('The case’s id (a UUID)') });
const noSuchCase = 'No such enforcement case';

// The case as its page shows it.
async function pageJson(enforcement: EnforcementService, request: FastifyRequest, id: string) {
  const page = await enforcement.cases.page(signedIn(request), id);
  return { ...page, recoverySuspended: page.held !== null };
}

export function casesApi(app: FastifyInstance, enforcement: EnforcementService) {
  const { api, options } = apiRoutes(app, ['enforcement']);

  api.get(
    '/api/v1/enforcement/cases',
    options('enforcement:read', {
      operationId: 'listEnforcementCases',
      summary: 'Enforcement cases: an agent’s own, or a team leader’s agents’ and the unallocated',
      querystring: z.object({ status: z.enum(statuses).optional(), agent: z.uuid().optional() }),
      response: { 200: z.object({ items: z.array(caseView) }), ...problems },
    }),
    async (request) => {
      const query = queryOf(request, listQuery);
      const { cases } = await enforcement.cases.list(signedIn(request), {
        status: query.status || null,
        agentId: query.agent || null,
      });
      return { items: cases };
    },
  );

  api.post(
    '/api/v1/enforcement/cases',
    options('enforcement:manage', {
      operationId: 'createEnforcementCase',
      summary: 'Create a case for an account with a liability order or warrant (team leaders)',
      body: caseBody,
      response: { 201: casePageView, ...problems },
    }),
    async (request, reply) => {
      const { id } = await enforcement.cases.create(signedIn(request), request.body, request.id);
      return reply.code(201).send(await pageJson(enforcement, request, id));
    },
  );

  api.get(
    '/api/v1/enforcement/cases/:id',
    options('enforcement:read', {
      operationId: 'getEnforcementCase',
      summary: 'A case with its notice, outcomes, arrangement and payments',
      params,
      response: { 200: casePageView, ...problems },
    }),
    async (request) => pageJson(enforcement, request, paramsOf(request, caseParams, noSuchCase).id),
  );

  caseChangesApi(app, enforcement);
}

function caseChangesApi(app: FastifyInstance, enforcement: EnforcementService) {
  const { api, options } = apiRoutes(app, ['enforcement']);
  api.post(
    '/api/v1/enforcement/cases/:id/allocation',
    options('enforcement:manage', {
      operationId: 'allocateEnforcementCase',
      summary: 'Allocate or re-allocate the case to an agent (an active field officer)',
      params,
      body: allocateBody,
      response: { 200: casePageView, ...problems },
    }),
    async (request) => {
      const { id } = paramsOf(request, caseParams, noSuchCase);
      await enforcement.cases.allocate(signedIn(request), id, request.body.agentId, request.id);
      return pageJson(enforcement, request, id);
    },
  );

  api.post(
    '/api/v1/enforcement/cases/:id/notice',
    options('enforcement:manage', {
      operationId: 'recordEnforcementNotice',
      summary: 'Record the day the notice of enforcement was given',
      params,
      body: noticeBody,
      response: { 200: casePageView, ...problems },
    }),
    async (request) => {
      const { id } = paramsOf(request, caseParams, noSuchCase);
      await enforcement.cases.recordNotice(signedIn(request), id, request.body.noticeOn, request.id);
      return pageJson(enforcement, request, id);
    },
  );

  api.post(
    '/api/v1/enforcement/cases/:id/outcomes',
    options('enforcement:work', {
      operationId: 'recordEnforcementOutcome',
      summary:
        'Record a visit’s outcome on the case (its agent): payment, arrangement, goods, warrant returned, no contact',
      params,
      body: outcomeBody,
      response: { 201: casePageView, ...problems },
    }),
    async (request, reply) => {
      const { id } = paramsOf(request, caseParams, noSuchCase);
      await enforcement.outcomes.record(signedIn(request), id, request.body, request.id);
      return reply.code(201).send(await pageJson(enforcement, request, id));
    },
  );

  api.get(
    '/api/v1/enforcement/cases/:id/arrangement-defaults',
    options('enforcement:work', {
      operationId: 'getArrangementDefaults',
      summary:
        'The instalments offered by default: the balance outstanding in 4 weekly instalments from a week today',
      params,
      response: {
        200: z.object({
          instalments: z.array(z.object({ dueOn: z.string(), amountPence: z.number().int() })),
        }),
        ...problems,
      },
    }),
    async (request) => {
      const { id } = paramsOf(request, caseParams, noSuchCase);
      return { instalments: await enforcement.outcomes.arrangementDefaults(signedIn(request), id) };
    },
  );
}
