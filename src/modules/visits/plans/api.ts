import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { alertView, changeView, namesOf, namesView, owedView, planView, visitView } from '../api-views.ts';
import type { VisitsService } from '../service.ts';
import { planBody, planParams } from './input.ts';

// Day plans over JSON, in the OpenAPI document: the officer's plans, a new plan, the plan with its
// visits, check-ins owed, alerts and changes, and sharing it. The same use cases as the pages.

type Plans = VisitsService['plans'];

export const planPageView = z.object({
  plan: planView,
  visits: z.array(visitView).describe('In route order, dropped visits included'),
  owed: z.array(owedView).describe('The check-ins owed, in the order they fall due'),
  alerts: z.array(alertView),
  changes: z
    .array(changeView.extend({ changedBy: z.uuid() }))
    .describe('What changed, for the responsible officer'),
  names: namesView,
  today: z.string().describe('Today in London, YYYY-MM-DD'),
  may: z
    .object({ change: z.boolean(), checkIn: z.boolean(), takeCall: z.boolean(), authorise: z.boolean() })
    .describe('What the caller may do with the plan'),
});

const summaryView = planView.extend({
  visitCount: z.number().int().describe('Visits not dropped'),
  mine: z.boolean().describe('The caller’s own day, not a team member’s'),
});

export const planParamsDoc = z.object({ planId: z.string().describe('The plan’s id (a UUID)') });
export const noSuchPlan = 'No such plan';

// The plan as its page shows it; reading it is recorded in the audit trail, as on the page.
export async function planJson(plans: Plans, request: FastifyRequest, planId: string) {
  const page = await plans.page(signedIn(request), planId, request.id);
  return { ...page, names: namesOf(page.names) };
}

export function plansApi(app: FastifyInstance, plans: Plans) {
  const { api, options } = apiRoutes(app, ['visits']);

  api.get(
    '/api/v1/visits/plans',
    options('visits:plan', {
      operationId: 'listVisitPlans',
      summary: 'Your plans from today on, and your team’s when you manage one',
      response: {
        200: z.object({ today: z.string(), items: z.array(summaryView), names: namesView }),
        ...problems,
      },
    }),
    async (request) => {
      const mine = await plans.mine(signedIn(request));
      return { today: mine.today, items: mine.plans, names: namesOf(mine.names) };
    },
  );

  api.post(
    '/api/v1/visits/plans',
    options('visits:plan', {
      operationId: 'createVisitPlan',
      summary: 'Plan a day: yours, or (line manager) a team member’s; one plan a day each',
      body: planBody,
      response: { 201: planPageView, ...problems },
    }),
    async (request, reply) => {
      const id = await plans.create(signedIn(request), request.body, request.id);
      return reply.code(201).send(await planJson(plans, request, id));
    },
  );

  api.get(
    '/api/v1/visits/plans/:planId',
    options('signed-in', {
      operationId: 'getVisitPlan',
      summary:
        'A plan with its visits, check-ins owed, alerts and changes: for the officer, their managers and the responsible officer',
      params: planParamsDoc,
      response: { 200: planPageView, ...problems },
    }),
    async (request) => {
      const { planId } = paramsOf(request, planParams, noSuchPlan);
      return planJson(plans, request, planId);
    },
  );

  api.post(
    '/api/v1/visits/plans/:planId/share',
    options('visits:plan', {
      operationId: 'shareVisitPlan',
      summary:
        'Share the plan: the diary sheet goes to the responsible officer and line manager, and check-ins start',
      params: planParamsDoc,
      response: { 200: planPageView, ...problems },
    }),
    async (request) => {
      const { planId } = paramsOf(request, planParams, noSuchPlan);
      await plans.share(signedIn(request), planId, request.id);
      return planJson(plans, request, planId);
    },
  );
}
