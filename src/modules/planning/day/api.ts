import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import type { PlanningService } from '../service.ts';
import { hhmm } from './clock.ts';
import { dayForm, makeForm, moveForm, proposalParams } from './input.ts';

// A team's day over JSON, in the OpenAPI document: plan it, read it, change it by hand, make it
// into the officers' plans. The same use cases and messages as the pages.

// A JSON body read by the form's own rules, so that the API refuses what the page refuses.
const readBy = <J extends z.ZodType, F extends z.ZodType>(json: J, form: F) =>
  json.pipe(form as unknown as z.ZodType<z.output<F>, z.output<J>>);
const clock = (what: string) => z.string().describe(`${what}: HH:MM, 24-hour, London time`);
const asText = (value: number) => String(value);

const ownView = z.object({
  officerId: z.string(),
  startAddress: z.string().default('').describe('Where they start and finish (home), if not the office'),
  startPostcode: z.string().default(''),
  from: z.string().default('').describe('Their own start of day, HH:MM, if not the team’s'),
  until: z.string().default('').describe('Their own end of day, HH:MM, if not the team’s'),
});
// An officer's own start and hours become the fields the page names for them.
const ownFields = (own: z.output<typeof ownView>[]) =>
  Object.fromEntries(
    own.flatMap(({ officerId, ...fields }) =>
      Object.entries(fields).map(([name, value]) => [`${name}-${officerId}`, value]),
    ),
  );

const dayBody = readBy(
  z
    .object({
      planDate: z.string().describe('YYYY-MM-DD'),
      officerIds: z.array(z.string()).describe('The officers whose day it is: you or your team'),
      from: clock('When the working day starts'),
      until: clock('When the working day ends'),
      minutes: z.number().int().transform(asText).describe('Minutes at each visit'),
      officeAddress: z.string().describe('Where officers start and end: an address in the gazetteer'),
      officePostcode: z.string(),
      responsibleOfficerId: z.string().describe('Who holds the diary sheets and takes the calls'),
      own: z.array(ownView).max(30).default([]).describe('Officers who start elsewhere or work other hours'),
    })
    .transform(({ own, ...day }) => ({ ...day, ...ownFields(own) })),
  dayForm,
);
const moveBody = readBy(
  z.object({
    version: z.number().int().transform(asText).describe('The day’s version, as read'),
    visit: z.string().describe('The case id of the visit'),
    from: z.string().describe('The officer whose route it is in, or "unplanned"'),
    to: z.string().describe('The officer to take it, or "unplanned"'),
    position: z.number().int().transform(asText).describe('Its place in that route, from 1'),
  }),
  moveForm,
);
const makeBody = readBy(
  z.object({
    version: z.number().int().transform(asText),
    advice: z.string().default('').describe('Your advice for visits to flagged addresses'),
  }),
  makeForm,
);

const visitView = z.object({
  caseId: z.string(),
  reference: z.string(),
  address: z.string(),
  postcode: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  start: z.string(),
  finish: z.string(),
  travelMinutes: z.number().int().describe('From the stop before, or the start'),
  withOfficerId: z.string().nullable().describe('The second officer at a flagged address'),
});
const dayView = z.object({
  id: z.string(),
  planDate: z.string(),
  version: z.number().int(),
  responsibleOfficerId: z.string(),
  routes: z.array(
    z.object({
      officerId: z.string(),
      officerName: z.string(),
      leave: z.string(),
      back: z.string(),
      travelMinutes: z.number().int(),
      planId: z.string().nullable().describe('The officer’s plan, once made'),
      visits: z.array(visitView),
    }),
  ),
  unplanned: z.array(z.object({ caseId: z.string(), reason: z.string() })),
  problems: z
    .array(z.object({ officerId: z.string().nullable(), caseId: z.string().nullable(), message: z.string() }))
    .describe('What the checks found; the plans cannot be made until it is empty'),
  made: z.boolean(),
});
const paramsDoc = z.object({ proposalId: z.string().describe('The planned day’s id (a UUID)') });

async function dayJson(
  planning: PlanningService,
  request: FastifyRequest,
  id: string,
): Promise<z.output<typeof dayView>> {
  const { proposal, routes } = await planning.page(signedIn(request), id);
  return {
    id: proposal.id,
    planDate: proposal.planDate,
    version: proposal.version,
    responsibleOfficerId: proposal.responsibleOfficerId,
    routes: routes.map((route) => ({
      officerId: route.officerId,
      officerName: route.officer?.name ?? '',
      leave: hhmm(route.leave),
      back: hhmm(route.back),
      travelMinutes: route.travel,
      planId: route.planId,
      visits: route.visits.map((visit) => ({
        caseId: visit.key,
        reference: visit.stop?.reference ?? '',
        address: visit.stop?.address ?? '',
        postcode: visit.stop?.postcode ?? '',
        latitude: visit.stop?.place.latitude ?? 0,
        longitude: visit.stop?.place.longitude ?? 0,
        start: hhmm(visit.start),
        finish: hhmm(visit.finish),
        travelMinutes: visit.travel,
        withOfficerId: visit.withOfficer,
      })),
    })),
    unplanned: proposal.unplanned.map((entry) => ({ caseId: entry.key, reason: entry.reason })),
    problems: proposal.routed.problems.map((problem) => ({
      officerId: problem.officerId,
      caseId: problem.stopKey,
      message: problem.message,
    })),
    made: proposal.madeAt !== null,
  };
}

export function dayApi(app: FastifyInstance, planning: PlanningService) {
  const { api, options } = apiRoutes(app, ['planning']);
  const day = (request: FastifyRequest) =>
    paramsOf(request, proposalParams, 'No such planned day').proposalId;
  api.post(
    '/api/v1/planning/days',
    options('visits:plan', {
      operationId: 'planTeamDay',
      summary:
        'Plan a team’s day: the enforcement visits allocated to the officers, routed within every rule',
      body: dayBody,
      response: { 201: dayView, ...problems },
    }),
    async (request, reply) => {
      const id = await planning.draft(signedIn(request), request.body, request.id);
      return reply.code(201).send(await dayJson(planning, request, id));
    },
  );
  api.get(
    '/api/v1/planning/days/:proposalId',
    options('visits:plan', {
      operationId: 'getPlannedDay',
      summary: 'A planned day, its routes and what the checks found',
      params: paramsDoc,
      response: { 200: dayView, ...problems },
    }),
    async (request) => dayJson(planning, request, day(request)),
  );
  api.post(
    '/api/v1/planning/days/:proposalId/moves',
    options('visits:plan', {
      operationId: 'movePlannedVisit',
      summary:
        'Move a visit within a route, to another officer, or to or from the unplanned list; the day is checked again',
      params: paramsDoc,
      body: moveBody,
      response: { 200: dayView, ...problems },
    }),
    async (request) => {
      await planning.move(signedIn(request), day(request), request.body, request.id);
      return dayJson(planning, request, day(request));
    },
  );
  api.post(
    '/api/v1/planning/days/:proposalId/plans',
    options('visits:plan', {
      operationId: 'makePlansFromDay',
      summary: 'Make the day into each officer’s shared plan, with its check-ins',
      params: paramsDoc,
      body: makeBody,
      response: { 200: dayView, ...problems },
    }),
    async (request) => {
      await planning.make(signedIn(request), day(request), request.body, request.id);
      return dayJson(planning, request, day(request));
    },
  );
}
