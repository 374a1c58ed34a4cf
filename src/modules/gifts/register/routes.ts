import type { FastifyInstance } from 'fastify';
import { can as holds } from '../../../platform/auth/permissions.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { sendCsv } from '../../../platform/web/csv.ts';
import { encodeCursor } from '../../../platform/web/cursor.ts';
import { queryOf } from '../../../platform/web/form-kit.ts';
import { formErrors } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { formatPence, natureName, relationships, stateNames } from '../rules.ts';
import type { GiftsModule } from '../service.ts';
import { parseRegisterQuery } from './filter.ts';
import { registerPageQuery } from './input.ts';
import type { ExportedOffer } from './repository.ts';

const pageSize = 25;

const sortNames = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  'highest-value': 'Highest value first',
  'lowest-value': 'Lowest value first',
  offeror: 'Offered by, A to Z',
};

const csvHeadings = [
  'Reference',
  'Date offered',
  'Officer',
  'Job title',
  'Service',
  'Gift or hospitality',
  'Nature',
  'Description',
  'Offered by (person)',
  'Offered by (organisation)',
  'Relationship with the council',
  'Estimated value (£)',
  'Decision',
  'Reason',
  'What happened to it',
  'Approval',
  'Recorded at',
];

const kindNames = { gift: 'Gift', hospitality: 'Hospitality' } as const;
const approvalNames: Record<string, string> = { approved: 'Approved', refused: 'Refused' };

// One offer as a CSV row: codes in words, as on the pages; dates and times stay ISO 8601, for
// spreadsheets to sort and compute with.
function csvRow(offer: ExportedOffer) {
  const [reference, offeredOn, name, jobTitle, service, kind, nature, description, person, ...rest] = offer;
  const [organisation, relationship, valuePence, state, reason, outcome, approval, approver, recordedAt] =
    rest;
  return [
    reference,
    offeredOn,
    name,
    jobTitle,
    service,
    kindNames[kind],
    natureName(kind, nature),
    description,
    person,
    organisation,
    relationships[relationship],
    (valuePence / 100).toFixed(2),
    stateNames[state],
    reason,
    outcome,
    approval ? `${approvalNames[approval] ?? approval} by ${approver}` : '',
    recordedAt,
  ];
}

const choices = (names: Record<string, string>, chosen: string | undefined) =>
  Object.entries(names).map(([value, text]) => ({ value, text, selected: value === chosen }));

export function registerRoutes(app: FastifyInstance, { register, offers }: GiftsModule) {
  app.get('/gifts', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { values, filter, sort, after, errors } = parseRegisterQuery(queryOf(request, registerPageQuery));
    const [page, services, approvals] = await Promise.all([
      errors.length
        ? { offers: [], next: null }
        : register.page(principal, filter, { sort, limit: pageSize, after }),
      register.services(principal.councilId),
      offers.approvalsWaiting(principal),
    ]);
    const kept = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ''));
    const nextParams = new URLSearchParams(kept);
    if (page.next) nextParams.set('after', encodeCursor(page.next));
    if (errors.length) reply.code(400);
    return render(request, reply, 'gifts/register/views/register.njk', {
      title: 'Gifts and hospitality register',
      offers: page.offers.map((offer) => ({
        ...offer,
        what: `${natureName(offer.kind, offer.nature)}: ${offer.description}`,
        value: formatPence(offer.valuePence),
        stateName: stateNames[offer.state],
      })),
      values,
      serviceItems: services.map((service) => ({
        value: service.id,
        text: service.name,
        selected: service.id === values.service,
      })),
      stateItems: choices(stateNames, values.state),
      sortItems: choices(sortNames, sort),
      filtered: kept.size > 0,
      csvHref: `/gifts/register.csv${kept.size ? `?${kept.toString()}` : ''}`,
      nextHref: page.next ? `/gifts?${nextParams.toString()}` : null,
      firstHref: after ? `/gifts${kept.size ? `?${kept.toString()}` : ''}` : null,
      approvals,
      oversees: holds(principal.roles, 'gifts:oversee'),
      ...formErrors(errors),
    });
  });

  app.get('/gifts/register.csv', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const { filter, sort, errors } = parseRegisterQuery(queryOf(request, registerPageQuery));
    if (errors.length) throw new InvalidInput(errors);
    async function* rows() {
      for await (const offers of register.rows(signedIn(request), filter, sort)) yield offers.map(csvRow);
    }
    return sendCsv(reply, 'gifts-and-hospitality-register.csv', csvHeadings, rows());
  });
}
