import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { noSuchPlan, planParamsDoc } from '../plans/api.ts';
import { planParams } from '../plans/input.ts';
import type { VisitsService } from '../service.ts';
import { callBody, owedParams } from './input.ts';

// Check-ins over JSON, in the OpenAPI document [000 out-of-hours]: the officer checks in in one
// call, the responsible officer records a check-in taken by telephone, and the officer asks for
// help now. Each is recorded once: a repeat answers `already`.

const receivedView = z.object({
  receivedAt: z.date(),
  already: z.boolean().describe('It had been received before: nothing changed'),
});

export function checkInsApi(app: FastifyInstance, checkIns: VisitsService['checkIns']) {
  const { api, options } = apiRoutes(app, ['visits']);

  api.post(
    '/api/v1/visits/plans/:planId/check-ins/:owedId',
    options('visits:plan', {
      operationId: 'checkIn',
      summary: 'Check in, after a visit or on arriving home: the plan’s officer, once it is shared',
      params: planParamsDoc.extend({ owedId: z.string().describe('The check-in owed (a UUID)') }),
      response: { 200: receivedView, ...problems },
    }),
    async (request) => {
      const { planId, owedId } = paramsOf(request, owedParams, 'No such check-in');
      return checkIns.checkIn(signedIn(request), planId, owedId, request.id);
    },
  );

  api.post(
    '/api/v1/visits/plans/:planId/calls',
    options('signed-in', {
      operationId: 'recordCheckInCall',
      summary:
        'Record a check-in received by telephone, at the time of the call: the responsible officer or a line manager',
      params: planParamsDoc,
      body: callBody,
      response: { 200: receivedView, ...problems },
    }),
    async (request) => {
      const { planId } = paramsOf(request, planParams, noSuchPlan);
      return checkIns.recordCall(signedIn(request), planId, request.body, request.id);
    },
  );

  api.post(
    '/api/v1/visits/plans/:planId/help',
    options('visits:plan', {
      operationId: 'raiseHelpAlert',
      summary:
        'Need help now: every level is alerted at once; a second call while the alarm is open raises nothing new',
      params: planParamsDoc,
      response: {
        200: z.object({
          causeId: z.uuid().describe('The alarm: its alerts share it'),
          already: z.boolean().describe('An alarm was already open: nothing new was raised'),
        }),
        ...problems,
      },
    }),
    async (request) => {
      const { planId } = paramsOf(request, planParams, noSuchPlan);
      return checkIns.needHelpNow(signedIn(request), planId, request.id);
    },
  );
}
