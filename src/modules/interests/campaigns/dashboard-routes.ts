import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { csvLine } from '../../../platform/web/csv.ts';
import { decodeCursor, encodeCursor } from '../../../platform/web/cursor.ts';
import { formText, idParam, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { completionChart } from './completion-chart.ts';
import type { Member } from './members.ts';
import type { Campaign } from './repository.ts';
import { responseNames } from './rules.ts';

// HR follow a campaign: completion by service, each service's outstanding members a page at a
// time, and every member's response to download.

const outstandingPageSize = 50;

export const campaignParams = z.object({ id: idParam });
export const campaignNotFound = 'No such declaration campaign';
export const campaignHref = (id: string) => `/interests/campaigns/${id}`;
export const dashboardHref = (id: string) => `${campaignHref(id)}/dashboard`;

// Who a campaign asks, in words.
export function scopeText(campaign: Campaign, services: readonly { id: string; name: string }[]): string {
  if (campaign.serviceIds === null) return 'Everyone';
  return campaign.serviceIds
    .map((id) => services.find((service) => service.id === id)?.name ?? 'A former service')
    .join(', ');
}

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

const flag = formText.catch('');
// An `after` that is not one string is a page link that is not valid.
const dashboardQuery = z.object({
  service: flag,
  after: z.union([z.undefined(), z.string()]).catch(''),
  opened: flag,
  closed: flag,
});

// The page after `after` in the outstanding members of the service chosen ('none': those without one).
function outstandingPage(query: z.output<typeof dashboardQuery>) {
  const serviceKey = query.service;
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
  return { serviceKey, after };
}

const openedText = (members: number) =>
  `Campaign opened. ${members} ${members === 1 ? 'person is' : 'people are'} being emailed a link to make their declaration.`;

export function dashboardRoutes(app: FastifyInstance, { campaigns }: InterestsRouteDeps) {
  app.get(
    '/interests/campaigns/:id/dashboard',
    { config: { access: 'interests:campaigns' } },
    async (request, reply) => {
      const principal = signedIn(request);
      const { id } = paramsOf(request, campaignParams, campaignNotFound);
      const query = queryOf(request, dashboardQuery);
      const { serviceKey, after } = outstandingPage(query);
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
      const shown = dashboard.services.map((service) => ({
        ...service,
        serviceName: service.serviceName || 'No service',
        filterHref: filterHref(service.serviceId),
        more: service.outstanding - service.outstandingNames.length,
      }));
      return render(request, reply, 'interests/campaigns/views/dashboard.njk', {
        title: `${dashboard.campaign.name}: completion`,
        campaign: dashboard.campaign,
        who: scopeText(dashboard.campaign, services),
        totals: dashboard.totals,
        services: shown,
        chart: completionChart(shown, dashboard.totals),
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
          ? openedText(dashboard.totals.members)
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
      const { id } = paramsOf(request, campaignParams, campaignNotFound);
      const batches = campaigns.exportRows(signedIn(request), id, request.id);
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
}
