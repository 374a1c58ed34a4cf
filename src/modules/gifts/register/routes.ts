import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/permissions.ts';
import { isUuid } from '../../platform/auth/secrets.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { csvLine } from '../../platform/web/csv.ts';
import { encodeCursor } from '../../platform/web/cursor.ts';
import { formErrors, text } from '../../platform/web/forms.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import { answerErrors, poundsToPence } from './offer-input.ts';
import { parseRegisterQuery } from './register-filter.ts';
import type { ExportedOffer } from './repository.ts';
import type { GiftsRouteDeps } from './routes.ts';
import { formatPence, natureName, refusalWording, relationships } from './rules.ts';

const pageSize = 25;

export const stateNames = {
  accepted: 'Accepted',
  declined: 'Declined',
  'awaiting-approval': 'Awaiting approval',
};

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

function csvRow(offer: ExportedOffer): string {
  const [
    reference,
    offeredOn,
    name,
    jobTitle,
    service,
    kind,
    nature,
    description,
    person,
    organisation,
    ...rest
  ] = offer;
  const [relationship, valuePence, state, reason, outcome, approval, approver, recordedAt] = rest;
  return csvLine([
    reference,
    offeredOn,
    name,
    jobTitle,
    service,
    kind,
    natureName(kind, nature),
    description,
    person,
    organisation,
    relationships[relationship],
    (valuePence / 100).toFixed(2),
    stateNames[state],
    reason,
    outcome,
    approval ? `${approval} by ${approver}` : '',
    recordedAt,
  ]);
}

function offerId(request: FastifyRequest): string {
  const { id } = request.params as { id: string };
  if (!isUuid(id)) throw new NotFound('No such entry in the register');
  return id;
}

export function registerRoutes(app: FastifyInstance, { gifts, reviews }: GiftsRouteDeps) {
  app.get('/gifts', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const query = request.query as Record<string, unknown>;
    const { values, filter, sort, after, errors } = parseRegisterQuery(query);
    const [page, services, approvals] = await Promise.all([
      errors.length
        ? { offers: [], next: null }
        : gifts.register(principal, filter, { sort, limit: pageSize, after }),
      gifts.services(principal.councilId),
      gifts.approvalsWaiting(principal),
    ]);
    const kept = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ''));
    const nextParams = new URLSearchParams(kept);
    if (page.next) nextParams.set('after', encodeCursor(page.next));
    if (errors.length) reply.code(400);
    return render(request, reply, 'gifts/views/register.njk', {
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
      stateItems: Object.entries(stateNames).map(([value, name]) => ({
        value,
        text: name,
        selected: value === values.state,
      })),
      sortItems: Object.entries(sortNames).map(([value, name]) => ({
        value,
        text: name,
        selected: value === sort,
      })),
      filtered: kept.size > 0,
      csvHref: `/gifts/register.csv${kept.size ? `?${kept.toString()}` : ''}`,
      nextHref: page.next ? `/gifts?${nextParams.toString()}` : null,
      firstHref: after ? `/gifts${kept.size ? `?${kept.toString()}` : ''}` : null,
      approvals,
      oversees: can(principal.roles, 'gifts:oversee'),
      ...formErrors(errors),
    });
  });

  app.get('/gifts/register.csv', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { filter, sort, errors } = parseRegisterQuery(request.query as Record<string, unknown>);
    if (errors.length) throw new InvalidInput(errors);
    const batches = gifts.registerRows(principal, filter, sort);
    async function* lines() {
      yield `\uFEFF${csvLine(csvHeadings)}`;
      for await (const offers of batches) yield offers.map(csvRow).join('');
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="gifts-and-hospitality-register.csv"')
      .send(Readable.from(lines()));
  });

  app.get('/gifts/approvals', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const offers = await gifts.approvals(signedIn(request));
    return render(request, reply, 'gifts/views/approvals.njk', {
      title: 'Offers waiting for your approval',
      offers: offers.map((offer) => ({ ...offer, value: formatPence(offer.valuePence) })),
      flash: (request.query as Record<string, unknown>).decided
        ? 'Decision sent. The officer has been emailed.'
        : undefined,
    });
  });

  async function showApproval(
    request: FastifyRequest,
    values: Record<string, unknown>,
    error?: InvalidInput,
  ) {
    const { offer } = await gifts.view(signedIn(request), offerId(request), request.id);
    return {
      title: `Approve ${offer.kind} offered to ${offer.recipientName}`,
      offer,
      value: formatPence(offer.valuePence),
      natureName: natureName(offer.kind, offer.nature),
      relationshipName: relationships[offer.relationship],
      values,
      ...(error ? formErrors(error.errors) : {}),
    };
  }

  app.get('/gifts/approvals/:id', { config: { access: 'gifts:use' } }, async (request, reply) =>
    render(request, reply, 'gifts/views/approval.njk', await showApproval(request, {})),
  );

  app.post('/gifts/approvals/:id', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const id = offerId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await gifts.decide(signedIn(request), id, body, request.id);
      return reply.redirect(`/gifts/approvals?decided=${id}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      reply.code(400);
      return render(request, reply, 'gifts/views/approval.njk', await showApproval(request, body, error));
    }
  });

  async function entryPage(request: FastifyRequest, extra: Record<string, unknown> = {}) {
    const principal = signedIn(request);
    const { offer, versions, queries } = await gifts.view(principal, offerId(request), request.id);
    const query = request.query as Record<string, unknown>;
    return {
      title: `${offer.reference}: ${offer.kind} from ${offer.offerorOrganisation || offer.offerorPerson}`,
      offer,
      versions,
      queries,
      mine: offer.recipientId === principal.personId,
      stateName: stateNames[offer.state],
      value: formatPence(offer.valuePence),
      natureName: natureName(offer.kind, offer.nature),
      relationshipName: relationships[offer.relationship],
      refusal: refusalWording(offer.kind, offer.description, principal.councilName),
      flash: query.recorded
        ? offer.state === 'awaiting-approval'
          ? `Offer recorded as ${offer.reference}. We have asked for approval and will email you the decision.`
          : `Offer recorded as ${offer.reference}`
        : query.amended
          ? 'Your amendment has been saved'
          : query.answered
            ? 'Your answer has been saved'
            : undefined,
      ...extra,
    };
  }

  app.get('/gifts/:id', { config: { access: 'gifts:use' } }, async (request, reply) =>
    render(request, reply, 'gifts/views/offer.njk', await entryPage(request)),
  );

  app.post('/gifts/:id/queries/:query', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const id = offerId(request);
    const { query } = request.params as { query: string };
    if (!isUuid(query)) throw new NotFound('No such question');
    try {
      await reviews.answer(signedIn(request), id, query, request.body, request.id);
      return reply.redirect(`/gifts/${id}?answered=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      reply.code(400);
      return render(
        request,
        reply,
        'gifts/views/offer.njk',
        await entryPage(request, formErrors(error.errors)),
      );
    }
  });

  async function amendPage(request: FastifyRequest, values?: Record<string, unknown>, error?: InvalidInput) {
    const { offer } = await gifts.view(signedIn(request), offerId(request), request.id);
    return {
      title: `Amend ${offer.reference}`,
      offer,
      values: values ?? {
        description: offer.description,
        value: (offer.valuePence / 100).toFixed(2),
        reason: offer.reason,
        outcome: offer.outcome,
      },
      ...(error ? formErrors(error.errors) : {}),
    };
  }

  app.get('/gifts/:id/amend', { config: { access: 'gifts:use' } }, async (request, reply) =>
    render(request, reply, 'gifts/views/amend.njk', await amendPage(request)),
  );

  app.post('/gifts/:id/amend', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const id = offerId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await gifts.amend(
        signedIn(request),
        id,
        { ...body, valuePence: poundsToPence(text(body.value)) },
        request.id,
      );
      return reply.redirect(`/gifts/${id}?amended=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      reply.code(400);
      const typed = { value: text(body.value) };
      return render(
        request,
        reply,
        'gifts/views/amend.njk',
        await amendPage(request, body, new InvalidInput(answerErrors(error.errors, typed))),
      );
    }
  });
}
