import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { fieldErrorsOf, NotFound } from '../errors.ts';
import { perAddress } from '../web/access.ts';
import { formErrors, text } from '../web/forms.ts';
import { actorOf, render, signedIn } from '../web/render.ts';
import { createApiToken, listApiTokens, revokeApiToken, type TokenScope } from './api-tokens.ts';
import { safeNext } from './safe-next.ts';
import { endSession, sessionCookieName, startSession } from './sessions.ts';
import { type LockoutPolicy, signIn, signInDelayMs, type UnknownAccountAttempts } from './sign-in.ts';

type AuthRouteDeps = {
  db: Kysely<Database>;
  clock: Clock;
  secureCookies: boolean;
  lockoutPolicy: (councilId: string) => Promise<LockoutPolicy>;
  sleep: (ms: number) => Promise<void>;
};

const signInMessage = 'Enter a correct email address and password';
const lockedMessage = 'There have been too many failed attempts to sign in. Wait 15 minutes and try again.';

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

export function authRoutes(app: FastifyInstance, deps: AuthRouteDeps) {
  const unknownAccounts: UnknownAccountAttempts = new Map();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies };

  app.get('/sign-in', { config: { access: 'public' } }, (request, reply) => {
    if (request.principal) return reply.redirect('/');
    const query = request.query as Record<string, unknown>;
    return render(request, reply, 'auth/views/sign-in.njk', {
      title: 'Sign in',
      next: safeNext(query.next),
      values: {},
    });
  });

  app.post(
    '/sign-in',
    { config: { access: 'public', rateLimit: perAddress(30) } },
    async (request, reply) => {
      const body = request.body as Record<string, unknown>;
      const email = text(body.email).trim();
      const password = text(body.password);
      const next = safeNext(body.next);
      const errors = [];
      if (!email) errors.push({ key: 'email', message: 'Enter your email address' });
      if (!password) errors.push({ key: 'password', message: 'Enter your password' });
      if (errors.length === 0) {
        const outcome = await signIn(
          deps.db,
          unknownAccounts,
          { email, password },
          deps.clock.now(),
          deps.lockoutPolicy,
          request.id,
        );
        if (outcome.ok) {
          const cookie = await startSession(deps.db, outcome, deps.clock.now());
          reply.setCookie(sessionCookieName, cookie, cookieOptions);
          return reply.redirect(next, 303);
        }
        await deps.sleep(signInDelayMs(outcome.failures));
        errors.push({ key: 'email', message: outcome.locked ? lockedMessage : signInMessage });
      }
      reply.code(400);
      return render(request, reply, 'auth/views/sign-in.njk', {
        title: 'Sign in',
        next,
        values: { email },
        ...formErrors(errors),
      });
    },
  );

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    const principal = request.principal;
    if (principal?.sessionId) await endSession(deps.db, principal.councilId, principal.sessionId);
    reply.clearCookie(sessionCookieName, { path: '/' });
    return reply.redirect('/sign-in?signed-out=1', 303);
  });

  app.get('/account/tokens', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    const tokens = await listApiTokens(deps.db, principal.councilId, principal.personId);
    return render(request, reply, 'auth/views/tokens.njk', { title: 'API tokens', tokens, values: {} });
  });

  app.post('/account/tokens', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    const body = request.body as Record<string, unknown>;
    const parsed = tokenInput.safeParse({
      name: body.name,
      scope: body.scope,
      expiresInDays: body.expiresInDays === 'never' ? null : Number(body.expiresInDays) || undefined,
    });
    if (!parsed.success) {
      const tokens = await listApiTokens(deps.db, principal.councilId, principal.personId);
      reply.code(400);
      return render(request, reply, 'auth/views/tokens.njk', {
        title: 'API tokens',
        tokens,
        values: body,
        ...formErrors(fieldErrorsOf(parsed.error.issues)),
      });
    }
    const created = await createApiToken(
      deps.db,
      { ...actorOf(request), personId: principal.personId },
      parsed.data,
      deps.clock.now(),
    );
    const tokens = await listApiTokens(deps.db, principal.councilId, principal.personId);
    return render(request, reply, 'auth/views/tokens.njk', {
      title: 'API tokens',
      tokens,
      values: {},
      created: { ...created, name: parsed.data.name },
    });
  });

  app.post('/account/tokens/:id/revoke', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { id } = request.params as { id: string };
    await revokeApiToken(
      deps.db,
      { ...actorOf(request), personId: principal.personId },
      id,
      deps.clock.now(),
    );
    return reply.redirect('/account/tokens', 303);
  });

  apiTokenRoutes(app, deps);
}

const tokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(['read', 'read-write']),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

function apiTokenRoutes(app: FastifyInstance, deps: AuthRouteDeps) {
  app.get(
    '/api/v1/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['tokens'],
        summary: 'Your API tokens',
        response: { 200: z.object({ items: z.array(tokenView) }) },
      },
    },
    async (request) => {
      const principal = signedIn(request);
      return { items: await listApiTokens(deps.db, principal.councilId, principal.personId) };
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the token is shown only in this response',
        body: tokenInput,
        response: { 201: z.object({ id: z.uuid(), token: z.string() }) },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      const input = request.body as { name: string; scope: TokenScope; expiresInDays: number | null };
      const created = await createApiToken(
        deps.db,
        { ...actorOf(request), personId: principal.personId },
        input,
        deps.clock.now(),
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke one of your API tokens',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      const { id } = request.params as { id: string };
      const revoked = await revokeApiToken(
        deps.db,
        { ...actorOf(request), personId: principal.personId },
        id,
        deps.clock.now(),
      );
      if (!revoked) throw new NotFound('No live token with this id');
      return reply.code(204).send();
    },
  );
}
