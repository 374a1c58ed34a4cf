import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { shortLived } from '../../../platform/short-cache.ts';
import { formPage, formRoute, paramsOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { renderText, signedIn } from '../../../platform/web/render.ts';
import { acknowledgeForm, alertParams } from '../check-ins/input.ts';
import { levelNames, statusNames } from '../escalation/rules.ts';
import type { VisitsRouteDeps } from '../routes.ts';

// The responsible officer's console: the page, and its board alone, which the page's script
// fetches every few seconds (without JavaScript, reloading the page does the same); an alert, with
// the emergency step and its acknowledgement.

const labels = { levelNames, statusNames };

// Everyone watching the same officers sees the same board: it is rendered at most every two
// seconds for them (a responsible officer watches every plan; anyone else their own and their team's).
const boardLifeMs = 2_000;
// Where the board goes in the console page.
const boardMark = '<!-- the board -->';

// Kept as UTF-8 bytes: encoding a board of a few hundred rows again for every viewer was most of
// the console's cost.
function boardRenderer(app: FastifyInstance, deps: VisitsRouteDeps) {
  const boards = shortLived<Buffer>(boardLifeMs);
  return (principal: Principal) => {
    const audience = principal.roles.has('responsible-officer') ? 'all' : principal.personId;
    return boards(`${principal.councilId}:${audience}`, async () => {
      const board = await deps.visits.console.board(principal);
      return Buffer.from(await app.view('visits/console/views/board.njk', { ...board, ...labels }));
    });
  };
}

export function consoleRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  const boardOf = boardRenderer(app, deps);
  app.get('/visits/console', { config: { access: 'signed-in' } }, async (request, reply) => {
    const board = await boardOf(signedIn(request));
    const page = await renderText(request, reply, 'visits/console/views/console.njk', {
      title: 'Officers out today',
      date: londonDate(deps.clock.now()),
      board: boardMark,
    });
    const [before = '', after = ''] = page.split(boardMark);
    return reply
      .type('text/html; charset=utf-8')
      .send(Buffer.concat([Buffer.from(before), board, Buffer.from(after)]));
  });
  app.get('/visits/console/board', { config: { access: 'signed-in' } }, async (request, reply) => {
    const board = await boardOf(signedIn(request));
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(board);
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
