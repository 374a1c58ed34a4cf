import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formRoute } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { planParams } from '../plans/input.ts';
import { showPlan } from '../plans/routes.ts';
import type { VisitsRouteDeps } from '../routes.ts';
import { callForm, owedParams } from './input.ts';

// Check-ins in one tap (a form button, so it works without JavaScript), a call taken by the
// responsible officer, and "need help now".

export function checkInRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  formRoute(app, '/visits/plans/:planId/check-ins/:owedId', {
    access: 'visits:plan',
    params: owedParams,
    notFound: 'No such check-in',
    body: z.object({}),
    submit: async ({ request, params }) => {
      const result = await deps.visits.checkIns.checkIn(
        signedIn(request),
        params.planId,
        params.owedId,
        request.id,
      );
      return `/visits/plans/${params.planId}?done=${result.already ? 'already-checked-in' : 'checked-in'}`;
    },
    page: (shown) => showPlan(deps, shown.request, shown.reply, shown.params.planId, shown.errors),
  });
  formRoute(app, '/visits/plans/:planId/calls', {
    access: 'signed-in',
    params: planParams,
    notFound: 'No such plan',
    body: callForm,
    submit: async ({ request, params, body }) => {
      await deps.visits.checkIns.recordCall(signedIn(request), params.planId, body, request.id);
      return `/visits/plans/${params.planId}?done=call`;
    },
    page: (shown) => showPlan(deps, shown.request, shown.reply, shown.params.planId, shown.errors),
  });
  formRoute(app, '/visits/plans/:planId/help', {
    access: 'visits:plan',
    params: planParams,
    notFound: 'No such plan',
    body: z.object({}),
    submit: async ({ request, params }) => {
      const result = await deps.visits.checkIns.needHelpNow(signedIn(request), params.planId, request.id);
      return `/visits/plans/${params.planId}?done=${result.already ? 'help-already' : 'help'}`;
    },
    page: (shown) => showPlan(deps, shown.request, shown.reply, shown.params.planId, shown.errors),
  });
}
