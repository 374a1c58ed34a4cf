import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { holdParams, liftBody, recordBody, visitParams } from './input.ts';
import { outcomes, referralKinds } from './rules.ts';
import type { VisitRecords } from './service.ts';

// Visits' records and recovery holds over JSON, in the OpenAPI document.

const holdView = z.object({
  id: z.uuid(),
  accountRef: z.string(),
  visitId: z
    .uuid()
    .nullable()
    .describe('The visit whose record placed it; null when an enforcement outcome did'),
  reason: z.string(),
  heldFrom: z.date(),
  heldBy: z.uuid(),
  liftedAt: z.date().nullable(),
  liftedBy: z.uuid().nullable(),
  liftReason: z.string(),
});

const recordView = z.object({
  visitId: z.uuid(),
  planId: z.uuid(),
  record: z
    .object({
      outcome: z.enum(Object.keys(outcomes) as [keyof typeof outcomes]),
      reason: z.string(),
      notes: z.string(),
      recordedBy: z.uuid(),
      recordedAt: z.date(),
    })
    .nullable()
    .describe('null until the visit is recorded'),
  referrals: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(referralKinds),
      detail: z.string(),
      sentTo: z.string().describe('The address it was emailed to; empty when there was none'),
      note: z.string().nullable().describe('What to do when it could not be sent'),
      complaintReference: z.string(),
      madeAt: z.date(),
    }),
  ),
  holds: z.array(holdView),
});

const visitParamsDoc = z.object({ planId: z.string(), visitId: z.string() });

export function recordsApi(app: FastifyInstance, records: VisitRecords) {
  const { api, options } = apiRoutes(app, ['visits']);
  const recordJson = async (request: Parameters<typeof paramsOf>[0]) => {
    const ids = paramsOf(request, visitParams, 'No such visit');
    const found = await records.recordOf(signedIn(request), ids);
    return { ...found, visitId: ids.visitId, planId: ids.planId };
  };

  api.get(
    '/api/v1/visits/plans/:planId/visits/:visitId/record',
    options('visits:plan', {
      operationId: 'getVisitRecord',
      summary: 'A visit’s record: its outcome, referrals and recovery holds',
      params: visitParamsDoc,
      response: { 200: recordView, ...problems },
    }),
    (request) => recordJson(request),
  );

  api.post(
    '/api/v1/visits/plans/:planId/visits/:visitId/record',
    options('visits:plan', {
      operationId: 'recordVisitOutcome',
      summary: 'Record a visit’s outcome and flags, once; each flag’s referral is made with it',
      params: visitParamsDoc,
      body: recordBody,
      response: { 201: recordView, ...problems },
    }),
    async (request, reply) => {
      const ids = paramsOf(request, visitParams, 'No such visit');
      await records.record(signedIn(request), ids, request.body, request.id);
      return reply.code(201).send(await recordJson(request));
    },
  );

  api.post(
    '/api/v1/visits/recovery-holds/:id/lift',
    options('visits:plan', {
      operationId: 'liftRecoveryHold',
      summary: 'Lift a recovery hold, with the reason: the officer’s line manager only',
      params: z.object({ id: z.string() }),
      body: liftBody,
      response: { 200: holdView, ...problems },
    }),
    async (request) => {
      const { id } = paramsOf(request, holdParams, 'No such recovery hold');
      const principal = signedIn(request);
      await records.liftHold(principal, id, request.body.reason, request.id);
      return (await records.hold(principal, id)).hold;
    },
  );
}
