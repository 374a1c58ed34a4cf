import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { resolveApiToken } from '../auth/api-tokens.ts';
import { type Access, allows } from '../auth/permissions.ts';
import { resolveSession, sessionCookieName } from '../auth/sessions.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { isApi, sendProblem } from './problems.ts';

export type RouteAccess = { method: string; url: string; access: Access };

// Routes added by plugins (static files, API docs) are public; every other route must declare
// its access, or the app refuses to start.
const pluginRoutes = [/^\/assets\//, /^\/static\//, /^\/api\/docs/];
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function enforceAccess(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; sessionIdleMinutes: (policySettings: unknown) => number },
): RouteAccess[] {
  const table: RouteAccess[] = [];
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    route.config ??= {};
    if (!route.config.access) {
      if (!pluginRoutes.some((pattern) => pattern.test(route.url))) {
        throw new Error(`Route ${String(route.method)} ${route.url} does not declare its access`);
      }
      route.config.access = 'public';
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config.access });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.principal = await identify(request, deps);
    const access = request.routeOptions.config.access;
    if (!access || allows(access, request.principal?.roles ?? null)) {
      if (request.principal?.readOnly && !safeMethods.has(request.method)) {
        return sendProblem(request, reply, {
          status: 403,
          title: 'Forbidden',
          detail: 'This API token is read-only',
        });
      }
      return;
    }
    if (request.principal) return sendProblem(request, reply, { status: 403, title: 'Forbidden' });
    return signInFirst(request, reply);
  });

  // Forms are protected against cross-site request forgery; API calls with a bearer token carry
  // no ambient credential, so they need no CSRF token.
  app.addHook('preHandler', (request, reply, done) => {
    if (safeMethods.has(request.method) || request.principal?.via === 'token') return done();
    app.csrfProtection(request, reply, done);
  });

  return table;
}

async function identify(
  request: FastifyRequest,
  deps: { db: Kysely<Database>; clock: Clock; sessionIdleMinutes: (policySettings: unknown) => number },
) {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    return resolveApiToken(deps.db, authorization.slice(7).trim(), deps.clock.now());
  }
  const cookie = request.cookies[sessionCookieName];
  return cookie ? resolveSession(deps.db, cookie, deps.clock.now(), deps.sessionIdleMinutes) : null;
}

function signInFirst(request: FastifyRequest, reply: FastifyReply) {
  if (isApi(request) || !safeMethods.has(request.method)) {
    return sendProblem(request, reply, {
      status: 401,
      title: 'Unauthorized',
      detail: 'Sign in, or send an API token as Authorization: Bearer',
    });
  }
  return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`);
}

// A rate limit per client address, for forms that take a password (route config.rateLimit).
export function perAddress(max: number) {
  return {
    max,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => request.ip,
    allowList: () => false,
  };
}
