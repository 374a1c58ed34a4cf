import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { caseJson } from '../casework/api.ts';
import { caseView } from '../casework/api-views.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { type Answers, channels } from './input.ts';
import { logChecked } from './log-checked.ts';
import { contactPreferences } from './rules.ts';

// A complaint received by phone, email, letter or in person, logged over JSON by the complaints
// team: the staff form's answers and checks, and the same use case.

const answer = (max: number, description: string) => z.string().max(max).optional().describe(description);
const day = (description: string) => z.string().max(20).optional().describe(`${description}, YYYY-MM-DD`);

export const logBody = z.object({
  submission: z.uuid().optional().describe('Your id for this complaint: sending it again logs it once'),
  customerId: z.uuid().optional().describe('The customer it is from, when already known'),
  channel: answer(20, `How it was received: ${Object.keys(channels).join(', ')}`),
  receivedOn: day('The day it was received'),
  receivedTime: answer(20, 'The time it was received, like 14:30'),
  forWhom: answer(20, 'self, or someone-else (a representative complaining for them)'),
  theirName: answer(200, 'With someone-else: the name of the person complained for'),
  relationship: answer(200, 'With someone-else: how the representative knows them'),
  name: answer(200, 'The name of the person complaining'),
  email: answer(320, 'Their email address'),
  phone: answer(40, 'Their phone number'),
  address: answer(500, 'Their postal address'),
  preference: answer(20, `How they want to hear back: ${Object.keys(contactPreferences).join(', ')}`),
  serviceId: answer(100, 'The service it is about (its id), or unknown'),
  whatHappened: answer(10000, 'What happened'),
  happenedOn: day('When it happened'),
  wantedOutcome: answer(5000, 'What they would like to happen'),
  needsAdjustments: z.boolean().optional().describe('Whether they need adjustments'),
  adjustments: answer(2000, 'With needsAdjustments: what they need'),
});

const dateAnswer = (value: string | undefined) =>
  value === undefined || value === '' ? '' : isIsoDate(value) ? value : 'not-a-date';

// The JSON body as the staff form's answers, as typed.
function answersOf(body: z.output<typeof logBody>): Answers {
  const { submission: _s, customerId: _c, needsAdjustments, receivedOn, happenedOn, ...typed } = body;
  const answers: Answers = Object.fromEntries(
    Object.entries(typed).map(([key, value]) => [key, (value ?? '').trim()]),
  );
  const needs = needsAdjustments === undefined ? '' : needsAdjustments ? 'yes' : 'no';
  return {
    ...answers,
    receivedOn: dateAnswer(receivedOn),
    happenedOn: dateAnswer(happenedOn),
    needsAdjustments: needs,
    adjustments: needs === 'yes' ? (answers.adjustments ?? '') : '',
    ...(answers.forWhom === 'someone-else' ? {} : { theirName: '', relationship: '' }),
  };
}

export function logComplaintApi(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const { api, options } = apiRoutes(app, ['complaints']);
  api.post(
    '/api/v1/complaints',
    options('complaints:handle', {
      operationId: 'logComplaint',
      summary: 'Log a complaint received by phone, email, letter or in person, as the staff form does',
      body: logBody,
      response: { 201: caseView, ...problems },
    }),
    async (request, reply) => {
      const { body } = request;
      const logged = await logChecked(
        deps,
        signedIn(request),
        {
          answers: answersOf(body),
          customerId: body.customerId ?? null,
          submission: body.submission ?? null,
          authority: null,
          uploadErrors: [],
        },
        request.id,
      );
      return reply.code(201).send(await caseJson(deps, request, logged.reference));
    },
  );
}
