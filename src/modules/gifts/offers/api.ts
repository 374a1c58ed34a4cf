import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUuid } from '../../platform/auth/secrets.ts';
import { isIsoDate } from '../../platform/calendar/working-days.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { problems, problemView } from '../../platform/web/api-problems.ts';
import { encodeCursor } from '../../platform/web/cursor.ts';
import { signedIn } from '../../platform/web/render.ts';
import { offerInput } from './offer-input.ts';
import { parseRegisterQuery } from './register-filter.ts';
import { type GiftOffer, type GiftQuery, type OfferEntry, registerSorts } from './repository.ts';
import type { GiftReviewsService, ReviewCell } from './reviews.ts';
import type { GiftsRouteDeps } from './routes.ts';
import { natures, offerKinds, refusalWording, relationships } from './rules.ts';

// The register over JSON: offers, approvals and reviews, in the OpenAPI document.
// Money is integer pence, calendar days YYYY-MM-DD, instants ISO 8601.

const tags = ['gifts'];

const natureIds = [...Object.keys(natures.gift), ...Object.keys(natures.hospitality)] as [
  string,
  ...string[],
];
const relationshipIds = Object.keys(relationships) as [keyof typeof relationships];
const offerStates = ['accepted', 'declined', 'awaiting-approval'] as const;
const calendarDay = z.iso.date();

const reasonView = z.object({ text: z.string(), source: z.string().describe('The policy paragraph') });

const verdictView = z.object({
  outcome: z.enum(['must-decline', 'needs-approval', 'record', 'no-entry-needed']),
  mustDecline: z.array(reasonView),
  approval: reasonView.extend({ by: z.enum(['head-of-service', 'line-manager']) }).nullable(),
  recordingRequired: z.boolean(),
  notes: z.array(z.string()).describe('Repeat offers from the same offeror in the last 12 months'),
});

// An entry as a version keeps it: what a reviewer signs for.
const entryView = z.object({
  id: z.uuid(),
  reference: z.string().describe('The reference people quote, like GH-2026-0042'),
  recipientId: z.uuid(),
  recipientName: z.string(),
  jobTitle: z.string(),
  serviceId: z.uuid().nullable(),
  serviceName: z.string(),
  registerKey: z
    .string()
    .describe('The register it is reviewed in: service:<id>, senior:<id> or monitoring-officer'),
  kind: z.enum(offerKinds),
  nature: z.enum(natureIds),
  description: z.string(),
  offerorPerson: z.string(),
  offerorOrganisation: z.string(),
  relationship: z.enum(relationshipIds),
  valuePence: z.number().int(),
  offeredOn: calendarDay,
  state: z.enum(offerStates),
  reason: z.string(),
  outcome: z.string().describe('What happened to it'),
  approverId: z.uuid().nullable(),
  approvalDecision: z.enum(['approved', 'refused']).nullable(),
  approvalComment: z.string(),
  approvalDecidedByName: z.string().nullable(),
  version: z.number().int(),
});

const offerView = entryView.extend({
  verdict: verdictView,
  approvalDecidedAt: z.date().nullable(),
  recordedAt: z.date(),
  updatedAt: z.date(),
});

const queryView = z.object({
  id: z.uuid(),
  offerId: z.uuid(),
  askedBy: z.uuid(),
  askedByName: z.string(),
  question: z.string(),
  askedAt: z.date(),
  answer: z.string().nullable(),
  answeredAt: z.date().nullable(),
});

const offerDetailView = z.object({
  offer: offerView,
  versions: z.array(
    z.object({
      version: z.number().int(),
      entry: entryView,
      reason: z.string().describe('Why this version was made'),
      byName: z.string(),
      at: z.date(),
    }),
  ),
  queries: z.array(queryView),
});

const signatureView = z.object({
  registerKey: z.string(),
  periodStart: calendarDay,
  periodEnd: calendarDay,
  signedBy: z.uuid(),
  signedByName: z.string(),
  signedAt: z.date(),
  comment: z.string(),
});

const periodView = z.object({ start: calendarDay, end: calendarDay, label: z.string() });

const registerView = z.object({
  key: z.string(),
  name: z.string(),
  reviewers: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

const reviewCellView = z.object({
  register: registerView,
  period: periodView,
  entries: z.number().int(),
  status: z.enum(['signed-off', 'overdue', 'due']),
  due: calendarDay,
  signed: signatureView.nullable(),
});

const reviewView = z.object({
  register: registerView,
  period: periodView,
  entries: z.array(
    z.object({
      entry: entryView.describe('The entry as signed off, or as it stands if the period is not signed off'),
      current: offerView.describe('The entry as it stands now'),
      addedAfterSignOff: z.boolean(),
      amendedFields: z.array(z.string()).describe('Fields changed since the sign-off'),
      queries: z.array(queryView),
    }),
  ),
  signed: signatureView.nullable(),
  canSign: z.boolean(),
  ended: z.boolean(),
});

const idParams = z.object({ id: z.string().describe('The entry’s id (a UUID)') });
const reviewParams = z.object({
  register: z.string().describe('The register’s key: service:<id>, senior:<id> or monitoring-officer'),
  period: z.string().describe('The first day of the review period, YYYY-MM-DD'),
});

const filterText = (description: string) => z.string().max(200).optional().describe(description);

const registerQuery = z.object({
  service: filterText('A service’s id'),
  from: filterText('Offered on or after this day, YYYY-MM-DD'),
  to: filterText('Offered on or before this day, YYYY-MM-DD'),
  offeror: filterText('Part of the offering person’s or organisation’s name'),
  state: filterText('accepted, declined or awaiting-approval'),
  kind: filterText('gift or hospitality'),
  min: filterText('Lowest estimated value, in pounds'),
  max: filterText('Highest estimated value, in pounds'),
  search: filterText('Words in the offeror, description or officer’s name'),
  sort: z
    .enum(registerSorts, { message: `Sort must be one of ${registerSorts.join(', ')}` })
    .default('newest'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional().describe('nextCursor from the previous page'),
});

const decisionBody = z.object({
  decision: z.enum(['approved', 'refused'], { message: 'Select whether you approve it' }),
  comment: z.string().trim().max(1000, 'Comment must be 1000 characters or fewer').default(''),
});

const signOffBody = z.object({
  comment: z.string().trim().max(2000, 'Comment must be 2000 characters or fewer').default(''),
});

function offerId(id: string): string {
  if (!isUuid(id)) throw new NotFound('No such entry in the register');
  return id;
}

function reviewKey(params: { register: string; period: string }) {
  const { register, period } = params;
  const colon = register.indexOf(':');
  const [kind, id] = [register.slice(0, colon), register.slice(colon + 1)];
  if (register !== 'monitoring-officer' && !((kind === 'service' || kind === 'senior') && isUuid(id)))
    throw new NotFound('No such register');
  if (!isIsoDate(period)) throw new NotFound('No such review period');
  return { register, period };
}

// A cursor must be one the same sort gave: a day, a value in pence or an offeror, then an id.

const reviewersOf = (register: ReviewCell['register']) => ({
  key: register.key,
  name: register.name,
  reviewers: register.reviewers.map((person) => ({ id: person.id, name: person.name })),
});

const cellView = (cell: ReviewCell) => ({ ...cell, register: reviewersOf(cell.register) });

type Review = Awaited<ReturnType<GiftReviewsService['review']>>;

const reviewJson = (review: Review) => ({
  ...review,
  register: reviewersOf(review.register),
  entries: review.entries.map((entry) => ({
    entry: entry.shown satisfies OfferEntry,
    current: entry.offer satisfies GiftOffer,
    addedAfterSignOff: entry.addedAfterSignOff,
    amendedFields: entry.amendedFields,
    queries: entry.queries satisfies GiftQuery[],
  })),
});

export function giftsApi(app: FastifyInstance, { gifts, reviews }: GiftsRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/gift-offers/verdict',
    {
      config: { access: 'gifts:use' },
      schema: {
        tags,
        summary: 'The register’s verdict on an offer made to you, without recording it',
        body: offerInput,
        response: {
          200: z.object({
            verdict: verdictView,
            approverName: z.string().nullable().describe('Who would be asked to approve it'),
            refusalWording: z
              .string()
              .nullable()
              .describe('A courteous refusal to copy, when the offer must be declined'),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const principal = signedIn(request);
      const { input, verdict, approverName } = await gifts.preview(principal, request.body);
      return {
        verdict,
        approverName,
        refusalWording:
          verdict.outcome === 'must-decline'
            ? refusalWording(input.kind, input.description, principal.councilName)
            : null,
      };
    },
  );

  api.post(
    '/api/v1/gift-offers',
    {
      config: { access: 'gifts:use' },
      schema: {
        tags,
        summary:
          'Record an offer made to you, accepted or declined; accepting one that must be declined is refused',
        body: offerInput,
        response: { 201: offerView, ...problems },
      },
    },
    async (request, reply) => {
      const offer = await gifts.record(signedIn(request), request.body, request.id);
      return reply.code(201).send(offer);
    },
  );

  api.get(
    '/api/v1/gift-offers',
    {
      config: { access: 'gifts:use' },
      schema: {
        tags,
        summary: 'The register entries you may see, with the register page’s filters',
        querystring: registerQuery,
        response: {
          200: z.object({ items: z.array(offerView), nextCursor: z.string().nullable() }),
          ...problems,
        },
      },
    },
    async (request) => {
      const { limit, ...filters } = request.query;
      const { filter, sort, after, errors } = parseRegisterQuery(filters, 'cursor');
      if (errors.length) throw new InvalidInput(errors);
      const page = await gifts.register(signedIn(request), filter, { sort, limit, after });
      return { items: page.offers, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );

  api.get(
    '/api/v1/gift-offers/:id',
    {
      config: { access: 'gifts:use' },
      schema: {
        tags,
        summary: 'One entry, with its versions and reviewers’ questions',
        params: idParams,
        response: { 200: offerDetailView, ...problems },
      },
    },
    async (request) => gifts.view(signedIn(request), offerId(request.params.id), request.id),
  );

  api.get(
    '/api/v1/gift-approvals',
    {
      config: { access: 'gifts:use' },
      schema: {
        tags,
        summary: 'Offers waiting for your approval, oldest first',
        response: { 200: z.object({ items: z.array(offerView) }) },
      },
    },
    async (request) => ({ items: await gifts.approvals(signedIn(request)) }),
  );

  api.post(
    '/api/v1/gift-offers/:id/approval',
    {
      config: { access: 'gifts:use' },
      schema: {
        tags,
        summary: 'Approve or refuse an offer you were asked to approve; a refusal needs a comment',
        params: idParams,
        body: decisionBody,
        response: { 200: offerView, ...problems },
      },
    },
    async (request) => gifts.decide(signedIn(request), offerId(request.params.id), request.body, request.id),
  );

  api.get(
    '/api/v1/gift-reviews',
    {
      config: { access: 'gifts:use' },
      schema: {
        tags,
        summary: 'The register reviews you must do, overdue first',
        response: { 200: z.object({ items: z.array(reviewCellView) }) },
      },
    },
    async (request) => ({ items: (await reviews.tasks(signedIn(request))).map(cellView) }),
  );

  api.get(
    '/api/v1/gift-reviews/dashboard',
    {
      config: { access: 'gifts:oversee' },
      schema: {
        tags,
        summary: 'Every register’s review status for recent periods, overdue first',
        response: { 200: z.object({ items: z.array(reviewCellView) }), 403: problemView },
      },
    },
    async (request) => ({ items: (await reviews.dashboard(signedIn(request))).map(cellView) }),
  );

  api.get(
    '/api/v1/gift-reviews/:register/:period',
    {
      config: { access: 'gifts:use' },
      schema: {
        tags,
        summary: 'One register’s entries for one period: as signed off, with later amendments, or as now',
        params: reviewParams,
        response: { 200: reviewView, ...problems },
      },
    },
    async (request) => {
      const { register, period } = reviewKey(request.params);
      return reviewJson(await reviews.review(signedIn(request), register, period));
    },
  );

  api.post(
    '/api/v1/gift-reviews/:register/:period/sign-off',
    {
      config: { access: 'gifts:use' },
      schema: {
        tags,
        summary: 'Sign off a register for an ended period, keeping its entries as they stand (001 §73)',
        params: reviewParams,
        body: signOffBody,
        response: { 201: signatureView, ...problems },
      },
    },
    async (request, reply) => {
      const { register, period } = reviewKey(request.params);
      const signature = await reviews.signOff(signedIn(request), register, period, request.body, request.id);
      return reply.code(201).send(signature);
    },
  );
}
