import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { type FieldError, InvalidInput, NotFound } from '../../../platform/errors.ts';
import {
  formChoices,
  formPage,
  formRoute,
  formText,
  paramsOf,
  queryOf,
  type ShownForm,
} from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { isDeclarationKind, kindRules } from '../declarations/rules.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { campaignApi } from './api.ts';
import {
  campaignHref,
  campaignNotFound,
  campaignParams,
  dashboardHref,
  dashboardRoutes,
  scopeText,
} from './dashboard-routes.ts';
import { accountsDeclarationText, completion, noMoreResponses, responseNames } from './rules.ts';
import type { CampaignsService } from './service.ts';

const kindName = (kind: string) => (isDeclarationKind(kind) ? kindRules[kind].name : kind);

// The "You have an annual declaration to make" banner's data, for any page a member lands on.
export async function outstandingNotice(campaigns: CampaignsService, principal: Principal) {
  return (await campaigns.outstandingFor(principal)).map((campaign) => ({
    ...campaign,
    href: campaignHref(campaign.id),
  }));
}

const campaignForm = z.object({ name: formText, dueOn: formText, scope: formText, serviceIds: formChoices });
const responseForm = z.object({ choice: formText, accountsDeclaration: formText });

// The errors as the form names its fields, in the order it shows them.
const formOrder = ['name', 'dueOn', 'scope', 'serviceIds'];
const inFormOrder = (errors: readonly FieldError[]) =>
  [...errors].sort((a, b) => formOrder.indexOf(a.key) - formOrder.indexOf(b.key));

const monthName = (month: number) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, month - 1, 1)),
  );

export function campaignRoutes(app: FastifyInstance, deps: InterestsRouteDeps) {
  const { campaigns } = deps;

  app.get('/interests/campaigns', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const runs = can(principal.roles, 'interests:campaigns');
    const [mine, all, services] = await Promise.all([
      campaigns.mine(principal),
      runs ? campaigns.list(principal) : [],
      runs ? campaigns.services(principal.councilId) : [],
    ]);
    return render(request, reply, 'interests/campaigns/views/campaigns.njk', {
      title: runs ? 'Annual declaration campaigns' : 'Your annual declarations',
      runs,
      notice: await outstandingNotice(campaigns, principal),
      mine: mine.map((entry) => ({
        ...entry,
        href: campaignHref(entry.campaign.id),
        responseName: entry.response ? responseNames[entry.response] : null,
      })),
      campaigns: all.map((campaign) => ({
        ...campaign,
        who: scopeText(campaign, services),
        percent: completion(campaign.members, campaign.responded),
        href: dashboardHref(campaign.id),
      })),
    });
  });

  async function openPage(shown: ShownForm) {
    const { councilId } = signedIn(shown.request);
    const [services, suggestion] = await Promise.all([
      campaigns.services(councilId),
      campaigns.suggestion(councilId),
    ]);
    const [year, month, day] = suggestion.dueOn.split('-');
    const values = shown.errors.length
      ? shown.values
      : {
          name: suggestion.name,
          'dueOn-day': String(Number(day)),
          'dueOn-month': String(Number(month)),
          'dueOn-year': year,
          scope: 'everyone',
        };
    const chosen = formChoices.parse(values.serviceIds);
    return formPage({ ...shown, values }, 'interests/campaigns/views/open.njk', {
      title: 'Open an annual declaration campaign',
      campaignMonth: monthName(suggestion.month),
      serviceItems: services.map((service) => ({
        value: service.id,
        text: service.name,
        hint: { text: service.directorateName },
        checked: chosen.includes(service.id),
      })),
    });
  }

  app.get('/interests/campaigns/new', { config: { access: 'interests:campaigns' } }, (request, reply) =>
    openPage({ request, reply, values: {}, errors: [] }),
  );

  formRoute(app, '/interests/campaigns', {
    access: 'interests:campaigns',
    body: campaignForm,
    dates: ['dueOn'],
    page: openPage,
    submit: async ({ request, body }) => {
      const asked = {
        name: body.name,
        dueOn: body.dueOn || undefined,
        scope: body.scope || undefined,
        serviceIds: body.scope === 'services' ? body.serviceIds : [],
      };
      const campaign = await campaigns.open(signedIn(request), asked, request.id).catch((error: unknown) => {
        throw error instanceof InvalidInput ? new InvalidInput(inFormOrder(error.errors)) : error;
      });
      return `${dashboardHref(campaign.id)}?opened=1`;
    },
  });

  respondRoutes(app, deps);
  closeRoute(app, deps);
  dashboardRoutes(app, deps);
  campaignApi(app, deps);
}

function respondRoutes(app: FastifyInstance, { campaigns }: InterestsRouteDeps) {
  async function respondPage(shown: ShownForm & { params: { id: string } }) {
    const { request, errors } = shown;
    const principal = signedIn(request);
    const { campaign, member, declarations, today } = await campaigns.responsePage(
      principal,
      shown.params.id,
    );
    const { responded } = queryOf(request, z.object({ responded: formText.catch('') }));
    const canRespond =
      noMoreResponses({
        closed: campaign.closedAt !== null,
        respondedBefore: member.response !== null,
        dueOn: campaign.dueOn,
        today,
      }) === null;
    // Once it can no longer be answered there is no form: the message points at the response instead.
    const shownErrors = canRespond ? errors : errors.map((error) => ({ ...error, key: 'your-response' }));
    return formPage({ ...shown, errors: shownErrors }, 'interests/campaigns/views/respond.njk', {
      title: 'Your annual declaration',
      campaign,
      member,
      responseName: member.response ? responseNames[member.response] : null,
      respondedOn: member.respondedAt ? londonDate(member.respondedAt) : null,
      canRespond,
      overdue: today > campaign.dueOn,
      declarations: declarations.map((declaration) => ({
        ...declaration,
        kindName: kindName(declaration.kind),
        declaredOn: londonDate(declaration.declaredAt),
      })),
      accountsDeclarationText,
      href: campaignHref(campaign.id),
      notice: (await outstandingNotice(campaigns, principal)).filter((other) => other.id !== campaign.id),
      flash: responded ? 'Your annual declaration has been recorded' : undefined,
    });
  }

  app.get('/interests/campaigns/:id', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const params = paramsOf(request, campaignParams, campaignNotFound);
    try {
      return await respondPage({ request, reply, params, values: {}, errors: [] });
    } catch (error) {
      // HR who are not asked themselves are taken to the campaign's dashboard.
      if (error instanceof NotFound && can(principal.roles, 'interests:campaigns')) {
        await campaigns.dashboard(principal, params.id);
        return reply.redirect(dashboardHref(params.id), 303);
      }
      throw error;
    }
  });

  formRoute(app, '/interests/campaigns/:id', {
    access: 'interests:use',
    params: campaignParams,
    notFound: campaignNotFound,
    body: responseForm,
    page: respondPage,
    submit: async ({ request, params, body }) => {
      const answer = {
        choice: body.choice || undefined,
        accountsDeclaration: body.accountsDeclaration === 'yes',
      };
      await campaigns.respond(signedIn(request), params.id, answer, request.id);
      return `${campaignHref(params.id)}?responded=1`;
    },
  });
}

function closeRoute(app: FastifyInstance, { campaigns }: InterestsRouteDeps) {
  formRoute(app, '/interests/campaigns/:id/close', {
    access: 'interests:campaigns',
    params: campaignParams,
    notFound: campaignNotFound,
    body: z.object({}),
    initial: () => ({}),
    page: async (shown) => {
      const { campaign, totals } = await campaigns.dashboard(signedIn(shown.request), shown.params.id);
      return formPage(shown, 'interests/campaigns/views/close.njk', {
        title: `Close ${campaign.name}`,
        campaign,
        totals,
        href: dashboardHref(campaign.id),
      });
    },
    submit: async ({ request, params }) => {
      await campaigns.close(signedIn(request), params.id, request.id);
      return `${dashboardHref(params.id)}?closed=1`;
    },
  });
}
