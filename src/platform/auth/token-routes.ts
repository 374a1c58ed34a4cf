import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../errors.ts';
import { formPage, formRoute, idParam, paramsOf, type ShownForm } from '../web/form-kit.ts';
import { actorOf, signedIn } from '../web/render.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import type { AuthRouteDeps } from './routes.ts';

type TokenDeps = Pick<AuthRouteDeps, 'db' | 'clock'>;

// One token's details, from the form or the API.
const tokenInput = z.object({
  name: z
    .string({ message: 'Enter a name for the token' })
    .trim()
    .min(1, 'Enter a name for the token')
    .max(100, 'Name must be 100 characters or fewer'),
  scope: z.enum(['read', 'read-write'], { message: 'Select what the token may do' }),
  expiresInDays: z.union([z.literal(30), z.literal(90), z.literal(365), z.null()], {
    message: 'Select when the token expires',
  }),
});

// The form sends the expiry as text: a number of days, or 'never'.
const tokenForm = z.preprocess(
  (body) =>
    typeof body === 'object' && body !== null && 'expiresInDays' in body
      ? {
          ...body,
          expiresInDays: body.expiresInDays === 'never' ? null : Number(body.expiresInDays) || undefined,
        }
      : body,
  tokenInput,
);

const tokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(['read', 'read-write']),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

// Revoking names the token by any text; one that is not a token's id revokes nothing.
const tokenParams = z.object({ id: z.string() });

async function tokensPage({ db }: TokenDeps, shown: ShownForm) {
  const principal = signedIn(shown.request);
  // Once a token is made, the form is empty again, under the token shown once.
  const created = shown.shownAgain?.created;
  return formPage({ ...shown, values: created ? {} : shown.values }, 'auth/views/tokens.njk', {
    title: 'API tokens',
    tokens: await listApiTokens(db, principal.councilId, principal.personId),
    created,
  });
}

// The person's own API tokens: made here, shown once, revoked here.
export function tokenRoutes(app: FastifyInstance, deps: TokenDeps) {
  formRoute(app, '/account/tokens', {
    access: 'signed-in',
    body: tokenForm,
    initial: () => ({}),
    page: (shown) => tokensPage(deps, shown),
    submit: async ({ request, body }) => {
      const actor = { ...actorOf(request), personId: signedIn(request).personId };
      const created = await createApiToken(deps.db, actor, body, deps.clock.now());
      return { shownAgain: { created: { ...created, name: body.name } } };
    },
  });

  app.post('/account/tokens/:id/revoke', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { id } = paramsOf(request, tokenParams);
    await revokeApiToken(
      deps.db,
      { ...actorOf(request), personId: signedIn(request).personId },
      id,
      deps.clock.now(),
    );
    return reply.redirect('/account/tokens', 303);
  });

  tokenApi(app, deps);
}

function tokenApi(app: FastifyInstance, deps: TokenDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tokens'];
  api.get(
    '/api/v1/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'listApiTokens',
        tags,
        summary: 'Your API tokens',
        response: { 200: z.object({ items: z.array(tokenView) }) },
      },
    },
    async (request) => {
      const principal = signedIn(request);
      return { items: await listApiTokens(deps.db, principal.councilId, principal.personId) };
    },
  );

  api.post(
    '/api/v1/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'createApiToken',
        tags,
        summary: 'Create an API token; the token is shown only in this response',
        body: tokenInput,
        response: { 201: z.object({ id: z.uuid(), token: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = { ...actorOf(request), personId: signedIn(request).personId };
      return reply.code(201).send(await createApiToken(deps.db, actor, request.body, deps.clock.now()));
    },
  );

  api.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'revokeApiToken',
        tags,
        summary: 'Revoke one of your API tokens',
        params: z.object({ id: idParam }),
        response: { 204: z.null().describe('Revoked') },
      },
    },
    async (request, reply) => {
      const actor = { ...actorOf(request), personId: signedIn(request).personId };
      if (!(await revokeApiToken(deps.db, actor, request.params.id, deps.clock.now())))
        throw new NotFound('No live token with this id');
      return reply.code(204).send(null);
    },
  );
}
