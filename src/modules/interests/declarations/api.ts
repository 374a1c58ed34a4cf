import type { FastifyInstance, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { problems } from '../../../platform/web/api-problems.ts';
import { encodeCursor } from '../../../platform/web/cursor.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { answering, operation } from '../api-spec.ts';
import { parseRegisterQuery } from '../register/filter.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { endBody } from './input.ts';
import {
  type DeclarationKind,
  declarationKinds,
  kindRules,
  outcomes,
  questionsFor,
  referralTargets,
} from './rules.ts';

// The register of interests over JSON: declarations and their reviews, in the
// OpenAPI document. Answers are strings keyed by question key (GET /api/v1/declaration-kinds
// lists them); calendar days are YYYY-MM-DD, instants ISO 8601.

const tags = ['interests'];

const kinds = declarationKinds as [DeclarationKind, ...DeclarationKind[]];
const outcomeIds = Object.keys(outcomes) as [keyof typeof outcomes];
const referralIds = Object.keys(referralTargets) as [keyof typeof referralTargets];
const calendarDay = z.iso.date();

const questionView = z.object({
  key: z.string().describe('The key to send the answer under'),
  label: z.string(),
  hint: z.string().optional(),
  type: z
    .enum(['text', 'textarea', 'choice', 'yes-no', 'hours', 'date', 'company-number'])
    .describe(
      'yes-no takes "yes" or "no"; hours a number of hours like "7.5"; date YYYY-MM-DD; company-number 8 characters like 01234567 or SC123456',
    ),
  options: z.array(z.object({ value: z.string(), text: z.string() })).optional(),
  askedWhen: z
    .object({ key: z.string(), in: z.array(z.string()) })
    .optional()
    .describe('Asked, and answered, only when this other answer is one of these values'),
  optional: z.boolean(),
  maxLength: z.number().int().optional(),
});

const kindView = z.object({
  kind: z.enum(kinds),
  name: z.string(),
  hint: z.string(),
  source: z.string().describe('The policy paragraphs that ask for it'),
  questions: z.array(questionView),
});

const answersView = z.record(z.string(), z.string());

const partyView = z.object({
  kind: z.enum(['person', 'organisation']),
  role: z.string(),
  name: z.string(),
  address: z.string(),
  companyNumber: z.string(),
});

const hoursWarningView = z
  .object({ total: z.number(), limit: z.number(), message: z.string() })
  .nullable()
  .describe('Set when contracted and declared hours exceed the Working Time Regulations average');

const declarationView = z.object({
  id: z.uuid(),
  reference: z.string().describe('The reference people quote, like DOI-2026-0042'),
  personId: z.uuid(),
  personName: z.string(),
  jobTitle: z.string(),
  serviceId: z.uuid().nullable(),
  serviceName: z.string(),
  senior: z.boolean(),
  kind: z.enum(kinds),
  summary: z.string(),
  answers: answersView,
  weeklyHours: z.number().nullable(),
  startedOn: calendarDay.nullable(),
  declaredAt: z.date(),
  endedOn: calendarDay.nullable().describe('Set once the interest has ended; the declaration is kept'),
  endReason: z.string(),
  reviewerId: z.uuid().nullable(),
  reviewState: z.enum(['awaiting-review', 'reviewed']),
  outcome: z.enum(outcomeIds).nullable(),
  managementAction: z.string(),
  referredTo: z.enum(referralIds).nullable(),
  nextReviewOn: calendarDay.nullable(),
  reviewedBy: z.uuid().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  version: z.number().int(),
  updatedAt: z.date(),
});

// Lists leave the answers out: reading them is a view of the declaration, which is audited
// one declaration at a time.
const declarationListedView = declarationView.omit({ answers: true });

const declarationDetailView = z.object({
  declaration: declarationView,
  parties: z.array(partyView).describe('The people and organisations it names'),
  versions: z.array(
    z.object({
      version: z.number().int(),
      reason: z.string().describe('Why this version was made'),
      byName: z.string(),
      at: z.date(),
    }),
  ),
  canReview: z.boolean().describe('You are asked to review it'),
  canChange: z.boolean().describe('It is yours and current: you may amend or end it'),
  hoursWarning: hoursWarningView,
});

const declarationBody = z.object({
  kind: z.enum(kinds, { message: `Kind must be one of ${declarationKinds.join(', ')}` }),
  answers: answersView.describe('Answers keyed by question key'),
});

const amendBody = z.object({
  answers: answersView.describe('Every answer, as it now stands'),
  changeReason: z.string().describe('What has changed').optional(),
});

const reviewBody = z.object({
  outcome: z.enum(outcomeIds, { message: 'Select the outcome of your review' }),
  managementAction: z.string().describe('With conflict-managed: what is being done to manage it').optional(),
  nextReviewOn: z
    .string()
    .describe('With conflict-managed: when the arrangement is reviewed, a day after today, YYYY-MM-DD')
    .optional(),
  referredTo: z.enum(referralIds, { message: 'Select whom you are referring it to' }).optional(),
});

const filterText = (description: string) => z.string().max(200).optional().describe(description);

const registerQuery = z.object({
  service: filterText('A service’s id'),
  kind: filterText(`One of ${declarationKinds.join(', ')}`),
  status: filterText('current, ended or awaiting-review'),
  search: filterText('Words in the reference, person’s name or summary'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional().describe('nextCursor from the previous page'),
});

const idParams = z.object({ id: z.string().describe('The declaration’s id (a UUID)') });

function declarationId(id: string): string {
  if (!isUuid(id)) throw new NotFound('No such declaration');
  return id;
}

const kindCatalogue = declarationKinds.map((kind) => ({
  kind,
  name: kindRules[kind].name,
  hint: kindRules[kind].hint,
  source: kindRules[kind].source,
  questions: questionsFor(kind).map((question) => ({
    key: question.key,
    label: question.label,
    hint: question.hint,
    type: question.type,
    options: question.options ? [...question.options] : undefined,
    askedWhen: question.when ? { key: question.when.key, in: [...question.when.in] } : undefined,
    optional: question.optional ?? false,
    maxLength: question.max,
  })),
}));

// An answer's error names it where the body has it: answers.<question key>.
const questionKeys = new Set(declarationKinds.flatMap((kind) => questionsFor(kind).map((q) => q.key)));

async function named<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    throw new InvalidInput(
      error.errors.map((e) => (questionKeys.has(e.key) ? { ...e, key: `answers.${e.key}` } : e)),
    );
  }
}

const use = <S extends FastifySchema & { operationId: string }>(summary: string, schema: S) =>
  operation('interests:use', tags, summary, schema);

const previewView = z.object({
  kind: z.enum(kinds),
  answers: answersView.describe('The answers as they would be saved'),
  summary: z.string(),
  parties: z.array(partyView),
  hoursWarning: hoursWarningView,
  reviewerName: z.string().nullable().describe('Who would be asked to review it'),
  notified: z
    .array(z.object({ name: z.string(), why: z.string() }))
    .describe('Who else would be told in writing, and why'),
  unnotified: z
    .array(z.string())
    .describe('Whom Probity cannot tell, and so the officer must tell in writing themselves'),
});

// Declaring, and reading the register.
function declaringApi(app: FastifyInstance, { declarations, register }: InterestsRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/declaration-kinds',
    use('The kinds of interest to declare, each with the questions whose answers to send', {
      operationId: 'listDeclarationKinds',
      response: { 200: z.object({ items: z.array(kindView) }) },
    }),
    async () => ({ items: kindCatalogue }),
  );
  api.post(
    '/api/v1/declarations/preview',
    use('Check a declaration without making it: its summary, warnings, reviewer and who else is told', {
      operationId: 'previewDeclaration',
      body: declarationBody,
      response: answering(previewView),
    }),
    async (request) =>
      named(declarations.preview(signedIn(request), request.body.kind, request.body.answers)),
  );
  api.post(
    '/api/v1/declarations',
    use('Declare an interest; your reviewer, and anyone the code says must be told, are emailed', {
      operationId: 'makeDeclaration',
      body: declarationBody,
      response: { 201: declarationView, ...problems },
    }),
    async (request, reply) => {
      const { kind, answers } = request.body;
      const made = declarations.declare(signedIn(request), kind, answers, { requestId: request.id });
      return reply.code(201).send(await named(made));
    },
  );
  api.get(
    '/api/v1/declarations',
    use('The declarations you may see, newest first, with the register page’s filters', {
      operationId: 'listDeclarations',
      querystring: registerQuery,
      response: answering(
        z.object({ items: z.array(declarationListedView), nextCursor: z.string().nullable() }),
      ),
    }),
    async (request) => {
      const { limit, ...filters } = request.query;
      const { filter, after, errors } = parseRegisterQuery(filters, 'cursor');
      if (errors.length) throw new InvalidInput(errors);
      const page = await register.list(signedIn(request), filter, { limit, after });
      return { items: page.declarations, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );
  api.get(
    '/api/v1/declarations/:id',
    use('One declaration, with the people and organisations it names and its versions', {
      operationId: 'getDeclaration',
      params: idParams,
      response: answering(declarationDetailView),
    }),
    async (request) => declarations.view(signedIn(request), declarationId(request.params.id), request.id),
  );
}

// Changing, ending and reviewing a declaration.
function changingApi(app: FastifyInstance, { declarations }: InterestsRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/declarations/:id/end',
    use('End one of your declarations when the interest ceases; it is kept, marked ended', {
      operationId: 'endDeclaration',
      params: idParams,
      body: endBody,
      response: answering(declarationView),
    }),
    async (request) =>
      declarations.end(signedIn(request), declarationId(request.params.id), request.body, request.id),
  );
  api.post(
    '/api/v1/declarations/:id/amend',
    use('Change one of your current declarations; it goes back to your reviewer', {
      operationId: 'amendDeclaration',
      params: idParams,
      body: amendBody,
      response: answering(z.object({ declaration: declarationView, hoursWarning: hoursWarningView })),
    }),
    async (request) => {
      const { answers, changeReason } = request.body;
      const id = declarationId(request.params.id);
      return named(declarations.amend(signedIn(request), id, { ...answers, changeReason }, request.id));
    },
  );
  api.get(
    '/api/v1/declaration-reviews',
    use('New and changed declarations waiting for your review, oldest first', {
      operationId: 'listDeclarationReviews',
      response: { 200: z.object({ items: z.array(declarationListedView) }) },
    }),
    async (request) => ({ items: await declarations.reviewTasks(signedIn(request)) }),
  );
  api.post(
    '/api/v1/declarations/:id/review',
    use('Record your review of a declaration you were asked to review; the person who made it is emailed', {
      operationId: 'reviewDeclaration',
      params: idParams,
      body: reviewBody,
      response: answering(declarationView),
    }),
    async (request) =>
      declarations.review(signedIn(request), declarationId(request.params.id), request.body, request.id),
  );
}

export function declarationApi(app: FastifyInstance, deps: InterestsRouteDeps) {
  declaringApi(app, deps);
  changingApi(app, deps);
}
