import type { FastifyInstance, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { NotFound } from '../../../platform/errors.ts';
import { problems, problemView } from '../../../platform/web/api-problems.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { answering, operation } from '../api-spec.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { campaignInput, responseInput } from './input.ts';

// Annual declaration campaigns over JSON: HR open, read and close them; each
// member responds for themselves. Calendar days are YYYY-MM-DD, instants ISO 8601.

const tags = ['declaration campaigns'];
const calendarDay = z.iso.date();
const responses = ['confirmed', 'updated', 'nil'] as const;

const campaignView = z.object({
  id: z.uuid(),
  name: z.string(),
  serviceIds: z.array(z.string()).nullable().describe('The services asked; null when everyone was'),
  dueOn: calendarDay,
  openedBy: z.uuid(),
  openedByName: z.string(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
});

const summaryView = campaignView.extend({
  members: z.number().int().describe('People asked, fixed when it opened'),
  responded: z.number().int(),
});

const counts = {
  members: z.number().int(),
  responded: z.number().int(),
  nil: z.number().int().describe('Nil returns among those responded'),
  outstanding: z.number().int(),
  percent: z.number().int().describe('Whole percent responded, 100 only when everyone has'),
};

const dashboardView = z.object({
  campaign: campaignView,
  totals: z.object(counts),
  services: z.array(
    z.object({
      serviceId: z.uuid().nullable().describe('null: people without a service'),
      serviceName: z.string(),
      ...counts,
    }),
  ),
});

const memberView = z.object({
  campaign: campaignView,
  personId: z.uuid(),
  personName: z.string(),
  fieldOfficer: z
    .boolean()
    .describe('Whether they must also sign the accounts declaration (000 Additional rules)'),
  response: z
    .enum(responses)
    .nullable()
    .describe('confirmed, updated (declared or ended something since it opened), nil, or null if not yet'),
  respondedAt: z.date().nullable(),
  accountsDeclarationAt: z.date().nullable(),
});

const idParams = z.object({ id: z.string().describe('The campaign’s id (a UUID)') });

function campaignId(id: string): string {
  if (!isUuid(id)) throw new NotFound('No such declaration campaign');
  return id;
}

const runs = <S extends FastifySchema & { operationId: string }>(summary: string, schema: S) =>
  operation('interests:campaigns', tags, summary, schema);
const use = <S extends FastifySchema & { operationId: string }>(summary: string, schema: S) =>
  operation('interests:use', tags, summary, schema);

const mineView = z.object({
  items: z.array(
    z.object({
      campaign: campaignView,
      response: z.enum(responses).nullable(),
      respondedAt: z.date().nullable(),
    }),
  ),
});

// HR open, read and close campaigns.
function runningApi(app: FastifyInstance, { campaigns }: InterestsRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/declaration-campaigns',
    runs('Every campaign with its overall completion, open ones first', {
      operationId: 'listDeclarationCampaigns',
      response: { 200: z.object({ items: z.array(summaryView) }), 403: problemView },
    }),
    async (request) => ({ items: await campaigns.list(signedIn(request)) }),
  );
  api.post(
    '/api/v1/declaration-campaigns',
    runs('Open a campaign for everyone or chosen services (002 Honesty); its members are fixed and emailed', {
      operationId: 'openDeclarationCampaign',
      body: campaignInput,
      response: { 201: summaryView, ...problems },
    }),
    async (request, reply) =>
      reply.code(201).send(await campaigns.open(signedIn(request), request.body, request.id)),
  );
  api.get(
    '/api/v1/declaration-campaigns/:id',
    runs('One campaign with its completion by service', {
      operationId: 'getDeclarationCampaign',
      params: idParams,
      response: answering(dashboardView),
    }),
    async (request) => {
      const id = campaignId(request.params.id);
      const { campaign, totals, services } = await campaigns.dashboard(signedIn(request), id);
      return {
        campaign,
        totals,
        services: services.map(({ outstandingNames: _names, ...service }) => service),
      };
    },
  );
  api.post(
    '/api/v1/declaration-campaigns/:id/close',
    runs('Close a campaign: it takes no more responses and sends no more reminders', {
      operationId: 'closeDeclarationCampaign',
      params: idParams,
      response: answering(campaignView),
    }),
    async (request) => campaigns.close(signedIn(request), campaignId(request.params.id), request.id),
  );
}

// Each member responds for themselves.
function memberApi(app: FastifyInstance, { campaigns }: InterestsRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/declaration-campaigns/mine',
    use('The campaigns you are asked to respond to, with your response to each, open ones first', {
      operationId: 'listMyDeclarationCampaigns',
      response: { 200: mineView },
    }),
    async (request) => ({ items: await campaigns.mine(signedIn(request)) }),
  );
  api.post(
    '/api/v1/declaration-campaigns/:id/response',
    use(
      'Your response: your declarations are complete, or a nil return (refused while any is current); field officers also sign the accounts declaration',
      {
        operationId: 'respondToDeclarationCampaign',
        params: idParams,
        body: responseInput,
        response: answering(memberView),
      },
    ),
    async (request) => {
      const id = campaignId(request.params.id);
      const { campaign, member } = await campaigns.respond(signedIn(request), id, request.body, request.id);
      return { ...member, campaign };
    },
  );
}

export function campaignApi(app: FastifyInstance, deps: InterestsRouteDeps) {
  runningApi(app, deps);
  memberApi(app, deps);
}
