import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors.ts';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { visitView } from '../api-views.ts';
import type { VisitsService } from '../service.ts';
import { noSuchPlan, planParamsDoc } from './api.ts';
import {
  adviceBody,
  authorisationBody,
  dropBody,
  moveBody,
  planParams,
  visitBody,
  visitParams,
} from './input.ts';

// A plan's visits over JSON, in the OpenAPI document: added, changed, dropped and moved by the
// officer or their manager; a line manager's advice and authorisation; the checks before a visit
// starts. The same use cases as the pages.

type Plans = VisitsService['plans'];
type VisitIds = z.output<typeof visitParams>;

const visitParamsDoc = planParamsDoc.extend({ visitId: z.string().describe('The visit’s id (a UUID)') });
const noSuchVisit = 'No such visit';

const verdict = <T extends [string, ...string[]]>(outcomes: T) =>
  z.object({ outcome: z.enum(outcomes), rule: z.string(), reason: z.string() });

const checkView = z.object({
  ready: z.boolean().describe('Nothing stands between the visit and its start'),
  blockers: z.array(
    z.object({ check: z.enum(['hours', 'risk', 'conflict']), rule: z.string(), reason: z.string() }),
  ),
  hours: verdict(['allowed', 'needs-authorisation', 'refused']).extend({
    outOfHours: z.boolean(),
    findings: z.array(verdict(['allowed', 'needs-authorisation', 'refused'])),
  }),
  risk: verdict(['clear', 'needs-accompaniment', 'ready']).extend({
    missing: z.array(z.enum(['second-officer', 'team-leader-advice'])),
  }),
  conflict: verdict(['clear', 'blocked']),
  cautions: z
    .array(z.object({ markerId: z.uuid(), kind: z.string(), kindName: z.string(), whatToDo: z.string() }))
    .describe('The risk register’s cautions at the address or for the account holder'),
  restriction: z
    .object({ summary: z.string(), namedContact: z.string().nullable() })
    .nullable()
    .describe('The customer’s contact restrictions'),
  held: z.object({ reason: z.string() }).nullable().describe('Recovery action suspended on the account'),
});

const checksView = z.object({
  visitId: z.uuid(),
  checks: checkView.nullable().describe('null when the visit was dropped'),
});

async function visitOf(plans: Plans, request: FastifyRequest, ids: VisitIds) {
  const page = await plans.page(signedIn(request), ids.planId, request.id);
  const visit = page.visits.find((one) => one.id === ids.visitId);
  if (!visit) throw new NotFound(noSuchVisit);
  return { page, visit };
}

const visitIdsOf = (request: FastifyRequest) => paramsOf(request, visitParams, noSuchVisit);

function changeRoutes(app: FastifyInstance, plans: Plans) {
  const { api, options } = apiRoutes(app, ['visits']);
  api.post(
    '/api/v1/visits/plans/:planId/visits',
    options('visits:plan', {
      operationId: 'addVisit',
      summary: 'Add a visit at the end of the route; times are HH:MM on the plan’s day',
      params: planParamsDoc,
      body: visitBody,
      response: { 201: visitView, ...problems },
    }),
    async (request, reply) => {
      const { planId } = paramsOf(request, planParams, noSuchPlan);
      const visitId = await plans.addVisit(signedIn(request), planId, request.body, request.id);
      return reply.code(201).send((await visitOf(plans, request, { planId, visitId })).visit);
    },
  );
  api.put(
    '/api/v1/visits/plans/:planId/visits/:visitId',
    options('visits:plan', {
      operationId: 'changeVisit',
      summary: 'Change a visit: every field, as when adding it',
      params: visitParamsDoc,
      body: visitBody,
      response: { 200: visitView, ...problems },
    }),
    async (request) => {
      const ids = visitIdsOf(request);
      await plans.editVisit(signedIn(request), ids, request.body, request.id);
      return (await visitOf(plans, request, ids)).visit;
    },
  );
  api.post(
    '/api/v1/visits/plans/:planId/visits/:visitId/drop',
    options('visits:plan', {
      operationId: 'dropVisit',
      summary: 'Drop a visit from the plan, saying why; its check-in is no longer owed',
      params: visitParamsDoc,
      body: dropBody,
      response: { 200: visitView, ...problems },
    }),
    async (request) => {
      const ids = visitIdsOf(request);
      await plans.dropVisit(signedIn(request), ids, request.body.reason, request.id);
      return (await visitOf(plans, request, ids)).visit;
    },
  );
  api.post(
    '/api/v1/visits/plans/:planId/visits/:visitId/move',
    options('visits:plan', {
      operationId: 'moveVisit',
      summary: 'Move a visit a place earlier or later in the route',
      params: visitParamsDoc,
      body: moveBody,
      response: { 200: visitView, ...problems },
    }),
    async (request) => {
      const ids = visitIdsOf(request);
      await plans.moveVisit(signedIn(request), ids, request.body.direction, request.id);
      return (await visitOf(plans, request, ids)).visit;
    },
  );
}

function approvalRoutes(app: FastifyInstance, plans: Plans) {
  const { api, options } = apiRoutes(app, ['visits']);
  const approve = async (
    request: FastifyRequest,
    approval: { kind: 'advice' | 'authorisation'; text: string },
  ) => {
    const ids = visitIdsOf(request);
    await plans.approve(signedIn(request), ids, approval, request.id);
    return (await visitOf(plans, request, ids)).visit;
  };
  api.post(
    '/api/v1/visits/plans/:planId/visits/:visitId/advice',
    options('signed-in', {
      operationId: 'recordVisitAdvice',
      summary: 'Record a team leader’s advice before the visit: the officer’s line managers only (000)',
      params: visitParamsDoc,
      body: adviceBody,
      response: { 200: visitView, ...problems },
    }),
    (request) => approve(request, { kind: 'advice', text: request.body.advice }),
  );
  api.post(
    '/api/v1/visits/plans/:planId/visits/:visitId/authorisation',
    options('signed-in', {
      operationId: 'authoriseVisit',
      summary:
        'Authorise an out-of-hours visit with its business reason: the officer’s line managers only (000)',
      params: visitParamsDoc,
      body: authorisationBody,
      response: { 200: visitView, ...problems },
    }),
    (request) => approve(request, { kind: 'authorisation', text: request.body.reason }),
  );
}

export function visitsApi(app: FastifyInstance, plans: Plans) {
  const { api, options } = apiRoutes(app, ['visits']);
  changeRoutes(app, plans);
  approvalRoutes(app, plans);
  api.get(
    '/api/v1/visits/plans/:planId/visits/:visitId/checks',
    options('signed-in', {
      operationId: 'getVisitChecks',
      summary:
        'The checks before a visit: hours, risk and conflict verdicts, cautions, restrictions and what blocks it',
      params: visitParamsDoc,
      response: { 200: checksView, ...problems },
    }),
    async (request) => {
      const ids = visitIdsOf(request);
      const { page, visit } = await visitOf(plans, request, ids);
      const checks = await plans.checksOf(page.plan, [visit]);
      return { visitId: visit.id, checks: checks.get(visit.id) ?? null };
    },
  );
}
