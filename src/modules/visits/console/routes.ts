import type { FastifyInstance } from 'fastify';
import { formPage, formRoute, paramsOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { acknowledgeForm, alertParams } from '../check-ins/input.ts';
import { levelNames, statusNames } from '../escalation/rules.ts';
import type { VisitsRouteDeps } from '../routes.ts';

// The responsible officer's console: the page, and its board alone, which the page's script
// fetches every few seconds (without JavaScript, reloading the page does the same); an alert, with
// the emergency step and its acknowledgement.

const labels = { levelNames, statusNames };

export function consoleRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  app.get('/visits/console', { config: { access: 'signed-in' } }, async (request, reply) => {
    const board = await deps.visits.console.board(signedIn(request));
    return render(request, reply, 'visits/console/views/console.njk', {
      title: 'Officers out today',
      ...board,
      ...labels,
    });
  });
  app.get('/visits/console/board', { config: { access: 'signed-in' } }, async (request, reply) => {
    const board = await deps.visits.console.board(signedIn(request));
    reply.header('cache-control', 'no-store');
    return render(request, reply, 'visits/console/views/board.njk', {
      title: 'Officers out today',
      ...board,
      ...labels,
    });
  });
  const page = async (shown: ShownForm & { params: { alertId: string } }) => {
    const alert = await deps.visits.console.alert(signedIn(shown.request), shown.params.alertId);
    return formPage(shown, 'visits/console/views/alert.njk', {
      title: `Alert: ${alert.officer.name}`,
      ...alert,
      ...labels,
    });
  };
  app.get('/visits/alerts/:alertId', { config: { access: 'signed-in' } }, async (request, reply) =>
    page({ request, reply, params: paramsOf(request, alertParams, 'No such alert'), values: {}, errors: [] }),
  );
  formRoute(app, '/visits/alerts/:alertId/acknowledge', {
    access: 'signed-in',
    params: alertParams,
    notFound: 'No such alert',
    body: acknowledgeForm,
    submit: async ({ request, params, body }) => {
      await deps.visits.checkIns.acknowledge(signedIn(request), params.alertId, body.note, request.id);
      return `/visits/alerts/${params.alertId}`;
    },
    page,
  });
}
