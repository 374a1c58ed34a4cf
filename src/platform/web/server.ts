import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyView from '@fastify/view';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import nunjucks from 'nunjucks';
import type { Config } from '../../config.ts';
import { digest } from '../auth/secrets.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { enforceAccess } from './access.ts';
import { documentApiOperations } from './api-document.ts';
import { answerRouterRefusal, problemOf, sendProblem } from './problems.ts';
import { sendSecurityHeaders } from './security-headers.ts';
import { refuseMalformedInput } from './untrusted-input.ts';
import { configureNunjucks, templateFolders } from './view-engine.ts';

// The web server every page and API route is added to: its logging, request ids, errors, and the
// plugins for security, forms, views, static files and the API's documentation.

const asset = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const requestIdPattern = /^[\w.-]{1,64}$/;

export function createServer(config: Config): FastifyInstance {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Request logs carry no personal data: no query strings, no addresses, no bodies.
      serializers: {
        req: (request) => ({
          id: request.id,
          method: request.method,
          path: String(request.url).split('?')[0],
        }),
        res: (reply) => ({ statusCode: reply.statusCode }),
      },
    },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerRouterRefusal,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before any plugin adds routes: a plugin's routes keep the error handler set when it was
  // registered, so set later, the API docs' routes answered bad input with Fastify's own 500.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemOf(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (problem.status === 409) request.log.warn({ err: error }, 'refused: changed at the same moment');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, { status: 404, title: 'Not found' }),
  );
  return app;
}

// Security headers, cookies, form bodies, CSRF tokens and the API's rate limit.
async function securityPlugins(app: FastifyInstance, config: Config) {
  sendSecurityHeaders(app, { secure: config.secureCookies });
  await app.register(fastifyCookie, { secret: config.cookieSecret ?? randomBytes(32).toString('hex') });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: config.secureCookies },
    getToken: (request) => {
      const body = request.body;
      const token = typeof body === 'object' && body !== null && '_csrf' in body ? body._csrf : undefined;
      const header = request.headers['x-csrf-token'];
      return typeof token === 'string' ? token : typeof header === 'string' ? header : '';
    },
  });
  // Every request with an API token counts against that token's limit; forms that take a
  // password have their own, per address (see the routes' config).
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.apiRateLimit,
    timeWindow: '1 minute',
    keyGenerator: (request) => digest(request.headers.authorization ?? ''),
    allowList: (request) => !request.headers.authorization?.startsWith('Bearer '),
  });
}

// Static files, the views, and the API's documentation.
async function viewAndDocPlugins(app: FastifyInstance) {
  await app.register(fastifyStatic, {
    root: asset('../../../node_modules/govuk-frontend/dist/govuk/assets/'),
    prefix: '/assets/',
  });
  await app.register(fastifyStatic, {
    root: [asset('../../../node_modules/govuk-frontend/dist/govuk/'), asset('./static/')],
    prefix: '/static/',
    decorateReply: false,
    allowedPath: (path) => /^\/(govuk-frontend\.min\.(css|js)(\.map)?|app\.(css|js))$/.test(path),
  });
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: templateFolders,
    // Compiled templates are cached always: recompiling on every request costs more than the page.
    production: true,
    options: { onConfigure: configureNunjucks },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Probity API',
        version: '1',
        description:
          'Authenticate with Authorization: Bearer <token>. Errors are application/problem+json (RFC 9457).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
    hideUntagged: true,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

// On shutdown, requests in flight finish and their connections then close, so that a client's
// keep-alive connection does not hold the process open.
function drainOnClose(app: FastifyInstance) {
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (draining) reply.header('connection', 'close');
    if (request.principal) reply.header('cache-control', 'no-store');
  });
}

type PluginDeps = {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
  // How long a session lasts unused, from the council's policy record read with it.
  sessionIdleMinutes: (settings: unknown) => number;
};

// Registers the plugins in the order they need; answers the access every route declares.
export async function registerPlugins(
  app: FastifyInstance,
  { config, db, clock, sessionIdleMinutes }: PluginDeps,
) {
  await securityPlugins(app, config);
  // After the cookie plugin (sessions are cookies), before any plugin that adds routes.
  const routes = enforceAccess(app, {
    db,
    clock,
    sessionIdleMinutes,
  });
  // After the access check's hook, which gives every route its access.
  documentApiOperations(app);
  refuseMalformedInput(app);
  await viewAndDocPlugins(app);
  drainOnClose(app);
  app.get('/api/openapi.json', { config: { access: 'public' } }, async () => app.swagger());
  return routes;
}
