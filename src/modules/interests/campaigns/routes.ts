import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { type FieldError, InvalidInput, NotFound } from '../../../platform/errors.ts';
import { csvLine } from '../../../platform/web/csv.ts';
import { decodeCursor, encodeCursor } from '../../../platform/web/cursor.ts';
import { dateFromParts, formErrors, text } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { isDeclarationKind, kindRules } from '../declarations/rules.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { campaignApi } from './api.ts';
import type { Member } from './members.ts';
import type { Campaign } from './repository.ts';
import { accountsDeclarationText, completion, noMoreResponses, responseNames } from './rules.ts';
import type { CampaignsService } from './service.ts';

const outstandingPageSize = 50;

const csvHeadings = [
  'Name',
  'Job title',
  'Service',
  'Field officer',
  'Response',
  'Responded at',
  'Accounts declaration signed at',
];

const instant = (at: Date | null) => (at ? at.toISOString() : '');

function csvRow(member: Member): string {
  return csvLine([
    member.personName,
    member.jobTitle,
    member.serviceName || 'No service',
    member.fieldOfficer ? 'Yes' : 'No',
    member.response ? responseNames[member.response] : 'Outstanding',
    instant(member.respondedAt),
    instant(member.accountsDeclarationAt),
  ]);
}

function campaignId(request: FastifyRequest): string {
  const { id } = request.params as { id: string };
  if (!isUuid(id)) throw new NotFound('No such declaration campaign');
  return id;
}

const campaignHref = (id: string) => `/interests/campaigns/${id}`;
const dashboardHref = (id: string) => `${campaignHref(id)}/dashboard`;

const kindName = (kind: string) => (isDeclarationKind(kind) ? kindRules[kind].name : kind);

// Who a campaign asks, in words.
function scopeText(campaign: Campaign, services: readonly { id: string; name: string }[]): string {
  if (campaign.serviceIds === null) return 'Everyone';
  return campaign.serviceIds
    .map((id) => services.find((service) => service.id === id)?.name ?? 'A former service')
    .join(', ');
}

// The "You have an annual declaration to make" banner's data, for any page a member lands on.
export async function outstandingNotice(campaigns: CampaignsService, principal: Principal) {
  return (await campaigns.outstandingFor(principal)).map((campaign) => ({
    ...campaign,
    href: campaignHref(campaign.id),
  }));
}

// Checkboxes post one value as a string and several as an array.
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

// The form's fields as the service takes them; the due date's boxes keep what was typed.
function campaignFromForm(body: Record<string, unknown>) {
  const [day, month, year] = [text(body['dueOn-day']), text(body['dueOn-month']), text(body['dueOn-year'])];
  return {
    name: text(body.name),
    dueOn: day || month || year ? (dateFromParts(day, month, year) ?? 'not a date') : undefined,
    scope: text(body.scope) || undefined,
    serviceIds: text(body.scope) === 'services' ? list(body.serviceIds) : [],
  };
}

// The errors as the form names its fields, in the order it shows them.
const formOrder = ['name', 'dueOn', 'scope', 'serviceIds'];
const formKeys = (errors: readonly FieldError[]) =>
  [...errors]
    .sort((a, b) => formOrder.indexOf(a.key) - formOrder.indexOf(b.key))
    .map((error) => (error.key === 'dueOn' ? { ...error, key: 'dueOn-day' } : error));

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

  async function openPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values?: Record<string, unknown>,
    errors: readonly FieldError[] = [],
  ) {
    const principal = signedIn(request);
    const [services, suggestion] = await Promise.all([
      campaigns.services(principal.councilId),
      campaigns.suggestion(principal.councilId),
    ]);
    const [year, month, day] = suggestion.dueOn.split('-');
    const shown = values ?? {
      name: suggestion.name,
      'dueOn-day': String(Number(day)),
      'dueOn-month': String(Number(month)),
      'dueOn-year': year,
      scope: 'everyone',
    };
    const chosen = list(shown.serviceIds);
    if (errors.length) reply.code(400);
    return render(request, reply, 'interests/campaigns/views/open.njk', {
      title: 'Open an annual declaration campaign',
      values: shown,
      campaignMonth: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2026, suggestion.month - 1, 1)),
      ),
      serviceItems: services.map((service) => ({
        value: service.id,
        text: service.name,
        hint: { text: service.directorateName },
        checked: chosen.includes(service.id),
      })),
      ...formErrors(errors),
    });
  }

  app.get('/interests/campaigns/new', { config: { access: 'interests:campaigns' } }, (request, reply) =>
    openPage(request, reply),
  );

  app.post('/interests/campaigns', { config: { access: 'interests:campaigns' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const campaign = await campaigns.open(signedIn(request), campaignFromForm(body), request.id);
      return reply.redirect(`${dashboardHref(campaign.id)}?opened=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return openPage(request, reply, body, formKeys(error.errors));
    }
  });

  async function respondPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    errors: readonly FieldError[] = [],
  ) {
    const principal = signedIn(request);
    const { campaign, member, declarations, today } = await campaigns.responsePage(
      principal,
      campaignId(request),
    );
    const query = request.query as Record<string, unknown>;
    const canRespond =
      noMoreResponses({
        closed: campaign.closedAt !== null,
        respondedBefore: member.response !== null,
        dueOn: campaign.dueOn,
        today,
      }) === null;
    if (errors.length) reply.code(400);
    // Once it can no longer be answered there is no form: the message points at the response instead.
    const shownErrors = canRespond ? errors : errors.map((error) => ({ ...error, key: 'your-response' }));
    return render(request, reply, 'interests/campaigns/views/respond.njk', {
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
      values,
      flash: query.responded ? 'Your annual declaration has been recorded' : undefined,
      ...formErrors(shownErrors),
    });
  }

  app.get('/interests/campaigns/:id', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const id = campaignId(request);
    try {
      return await respondPage(request, reply);
    } catch (error) {
      // HR who are not asked themselves are taken to the campaign's dashboard.
      if (error instanceof NotFound && can(principal.roles, 'interests:campaigns')) {
        await campaigns.dashboard(principal, id);
        return reply.redirect(dashboardHref(id), 303);
      }
      throw error;
    }
  });

  app.post('/interests/campaigns/:id', { config: { access: 'interests:use' } }, async (request, reply) => {
    const id = campaignId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { choice: text(body.choice), accountsDeclaration: text(body.accountsDeclaration) };
    try {
      await campaigns.respond(
        signedIn(request),
        id,
        { choice: values.choice || undefined, accountsDeclaration: values.accountsDeclaration === 'yes' },
        request.id,
      );
      return reply.redirect(`${campaignHref(id)}?responded=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return respondPage(request, reply, values, error.errors);
    }
  });

  app.get(
    '/interests/campaigns/:id/dashboard',
    { config: { access: 'interests:campaigns' } },
    async (request, reply) => {
      const principal = signedIn(request);
      const id = campaignId(request);
      const query = request.query as Record<string, unknown>;
      const serviceKey = text(query.service);
      if (serviceKey && serviceKey !== 'none' && !isUuid(serviceKey)) throw new NotFound('No such service');
      const [name, person] = decodeCursor(query.after, 2) ?? [];
      const after =
        typeof name === 'string' && typeof person === 'string' && isUuid(person)
          ? ([name, person] as [string, string])
          : undefined;
      if (query.after !== undefined && !after)
        throw new InvalidInput([
          { key: 'after', message: 'The page link is not valid: start from the first page' },
        ]);
      const [dashboard, services, page] = await Promise.all([
        campaigns.dashboard(principal, id),
        campaigns.services(principal.councilId),
        serviceKey
          ? campaigns.outstanding(principal, id, serviceKey === 'none' ? null : serviceKey, {
              limit: outstandingPageSize,
              after,
            })
          : null,
      ]);
      const keyOf = (serviceId: string | null) => serviceId ?? 'none';
      const filterHref = (serviceId: string | null) =>
        `${dashboardHref(id)}?service=${keyOf(serviceId)}#outstanding`;
      const chosen = serviceKey
        ? dashboard.services.find((service) => keyOf(service.serviceId) === serviceKey)
        : undefined;
      if (serviceKey && !chosen) throw new NotFound('No such service in this campaign');
      return render(request, reply, 'interests/campaigns/views/dashboard.njk', {
        title: `${dashboard.campaign.name}: completion`,
        campaign: dashboard.campaign,
        who: scopeText(dashboard.campaign, services),
        totals: dashboard.totals,
        services: dashboard.services.map((service) => ({
          ...service,
          serviceName: service.serviceName || 'No service',
          filterHref: filterHref(service.serviceId),
          more: service.outstanding - service.outstandingNames.length,
        })),
        chosen: chosen
          ? {
              name: chosen.serviceName || 'No service',
              outstanding: chosen.outstanding,
              members: page?.members ?? [],
              nextHref: page?.next
                ? `${dashboardHref(id)}?service=${serviceKey}&after=${encodeCursor(page.next)}#outstanding`
                : null,
              firstHref: after ? filterHref(chosen.serviceId) : null,
            }
          : null,
        href: dashboardHref(id),
        csvHref: `${dashboardHref(id)}.csv`,
        closeHref: `${campaignHref(id)}/close`,
        flash: query.opened
          ? `Campaign opened. ${dashboard.totals.members} ${dashboard.totals.members === 1 ? 'person is' : 'people are'} being emailed a link to make their declaration.`
          : query.closed
            ? 'Campaign closed. It no longer takes responses or sends reminders.'
            : undefined,
      });
    },
  );

  app.get(
    '/interests/campaigns/:id/dashboard.csv',
    { config: { access: 'interests:campaigns' } },
    async (request, reply) => {
      const batches = campaigns.exportRows(signedIn(request), campaignId(request), request.id);
      // The first batch runs the checks, so that an unknown campaign is a 404 rather than a broken download.
      const first = await batches.next();
      async function* lines() {
        yield `\uFEFF${csvLine(csvHeadings)}`;
        if (!first.done) yield first.value.map(csvRow).join('');
        for await (const members of batches) yield members.map(csvRow).join('');
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="declaration-campaign.csv"')
        .send(Readable.from(lines()));
    },
  );

  async function closePage(request: FastifyRequest, reply: FastifyReply, errors: readonly FieldError[] = []) {
    const { campaign, totals } = await campaigns.dashboard(signedIn(request), campaignId(request));
    if (errors.length) reply.code(400);
    return render(request, reply, 'interests/campaigns/views/close.njk', {
      title: `Close ${campaign.name}`,
      campaign,
      totals,
      href: dashboardHref(campaign.id),
      ...formErrors(errors),
    });
  }

  app.get('/interests/campaigns/:id/close', { config: { access: 'interests:campaigns' } }, (request, reply) =>
    closePage(request, reply),
  );

  app.post(
    '/interests/campaigns/:id/close',
    { config: { access: 'interests:campaigns' } },
    async (request, reply) => {
      const id = campaignId(request);
      try {
        await campaigns.close(signedIn(request), id, request.id);
        return reply.redirect(`${dashboardHref(id)}?closed=1`, 303);
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        return closePage(request, reply, error.errors);
      }
    },
  );

  campaignApi(app, deps);
}
