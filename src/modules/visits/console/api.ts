import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { alertView, changeView, namesOf, namesView, planView } from '../api-views.ts';
import { acknowledgeBody, alertParams } from '../check-ins/input.ts';
import type { VisitsService } from '../service.ts';

// The responsible officer's console over JSON, in the OpenAPI document: everyone out today whose
// day the caller may watch, and an alert with the emergency step and its acknowledgement.

type Visits = Pick<VisitsService, 'console' | 'checkIns'>;

const statuses = ['alarm', 'late', 'due', 'on-time', 'not-out', 'home'] as const;

const rowView = z.object({
  planId: z.uuid(),
  officerName: z.string(),
  responsibleName: z.string(),
  status: z.enum(statuses),
  current: z
    .object({ id: z.uuid(), address: z.string(), plannedStart: z.date(), plannedFinish: z.date() })
    .nullable()
    .describe('The visit the officer is at or on the way to'),
  lastCheckIn: z.date().nullable(),
  nextDue: z.object({ dueAt: z.date(), home: z.boolean() }).nullable(),
  alerts: z
    .array(alertView.pick({ id: true, kind: true, level: true, raisedAt: true }))
    .describe('Alerts waiting for someone to acknowledge them'),
});

const boardView = z.object({
  date: z.string().describe('Today in London, YYYY-MM-DD'),
  now: z.date(),
  rows: z.array(rowView).describe('Who needs attention first'),
  changes: z.array(changeView).describe('Changes to the plans in the last three hours'),
});

const alertPageView = z.object({
  alert: alertView,
  plan: planView,
  officer: z.object({ id: z.uuid(), name: z.string(), mobile: z.string().optional() }),
  missed: z
    .object({ what: z.string(), dueAt: z.date() })
    .nullable()
    .describe('The check-in missed; null for a call for help'),
  receivedAt: z.date().nullable().describe('When the missed check-in came in after all'),
  instruction: z.array(z.string()).describe('The emergency step, line by line'),
  acknowledgedByName: z.string().nullable(),
  mayAcknowledge: z.boolean(),
});

const alertParamsDoc = z.object({ alertId: z.string().describe('The alert’s id (a UUID)') });
const noSuchAlert = 'No such alert';

const alertJson = (visits: Visits, request: FastifyRequest, alertId: string) =>
  visits.console.alert(signedIn(request), alertId);

export function consoleApi(app: FastifyInstance, visits: Visits) {
  const { api, options } = apiRoutes(app, ['visits']);

  api.get(
    '/api/v1/visits/console',
    options('signed-in', {
      operationId: 'getVisitConsole',
      summary:
        'Officers out today: the plans you hold the list for, your team’s, or (responsible officer) all',
      response: { 200: boardView.extend({ names: namesView }), ...problems },
    }),
    async (request) => {
      const board = await visits.console.board(signedIn(request));
      return { ...board, names: namesOf(board.names) };
    },
  );

  api.get(
    '/api/v1/visits/alerts/:alertId',
    options('signed-in', {
      operationId: 'getVisitAlert',
      summary: 'An alert, with the emergency step: for those who may see its plan',
      params: alertParamsDoc,
      response: { 200: alertPageView, ...problems },
    }),
    async (request) => {
      const { alertId } = paramsOf(request, alertParams, noSuchAlert);
      return alertJson(visits, request, alertId);
    },
  );

  api.post(
    '/api/v1/visits/alerts/:alertId/acknowledge',
    options('signed-in', {
      operationId: 'acknowledgeVisitAlert',
      summary:
        'Acknowledge an alert with a note: the next level is not raised. The responsible officer or a line manager',
      params: alertParamsDoc,
      body: acknowledgeBody,
      response: { 200: alertPageView, ...problems },
    }),
    async (request) => {
      const { alertId } = paramsOf(request, alertParams, noSuchAlert);
      await visits.checkIns.acknowledge(signedIn(request), alertId, request.body.note, request.id);
      return alertJson(visits, request, alertId);
    },
  );
}
