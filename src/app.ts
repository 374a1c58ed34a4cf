import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyView from '@fastify/view';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import nunjucks from 'nunjucks';
import type { Config } from './config.ts';
import { caseworkService } from './modules/complaints/casework.ts';
import { intakeService } from './modules/complaints/intake.ts';
import { complaintLetters } from './modules/complaints/letters.ts';
import { ombudsmanCases } from './modules/complaints/ombudsman.ts';
import { complaintReports } from './modules/complaints/reports.ts';
import { complaintRetention } from './modules/complaints/retention.ts';
import { complaintsRoutes } from './modules/complaints/routes.ts';
import { customersRoutes } from './modules/customers/routes.ts';
import { customersService } from './modules/customers/service.ts';
import { giftPublication } from './modules/gifts/publication.ts';
import { giftReviewsService } from './modules/gifts/reviews.ts';
import { giftsRoutes } from './modules/gifts/routes.ts';
import { giftsService } from './modules/gifts/service.ts';
import { interestsRoutes } from './modules/interests/routes.ts';
import { interestsServices } from './modules/interests/service.ts';
import { readPolicy } from './modules/organisation/policy-settings.ts';
import { organisationRoutes } from './modules/organisation/routes.ts';
import { organisationService } from './modules/organisation/service.ts';
import { auditCheckpointJob } from './platform/audit/audit-checkpoints.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { digest } from './platform/auth/secrets.ts';
import type { Clock } from './platform/clock.ts';
import type { DatabaseHandle } from './platform/db/connection.ts';
import type { JobQueue } from './platform/jobs/queue.ts';
import type { Job } from './platform/jobs/scheduler.ts';
import { emailDelivery } from './platform/notify/delivery.ts';
import type { Mailer } from './platform/notify/mailer.ts';
import { createOutbox, removeOldEmails } from './platform/notify/outbox.ts';
import { outboxRoutes } from './platform/notify/routes.ts';
import { enforceAccess, type RouteAccess } from './platform/web/access.ts';
import { healthRoutes } from './platform/web/health.ts';
import { problemOf, sendProblem } from './platform/web/problems.ts';
import { refuseMalformedInput } from './platform/web/untrusted-input.ts';
import { configureNunjucks, templateFolders } from './platform/web/view-engine.ts';
import './platform/web/types.ts';

type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  // The durable queue the outbox writes to, open on the same database.
  queue: JobQueue;
  // How email leaves: SMTP, or a folder in development.
  transport: Mailer;
  sleep?: (ms: number) => Promise<void>;
};

type App = {
  app: FastifyInstance;
  routes: RouteAccess[];
  jobs: Job[];
  delivery: ReturnType<typeof emailDelivery>;
};

const asset = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const requestIdPattern = /^[\w.-]{1,64}$/;

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, clock, queue } = deps;
  const db = deps.database.db;
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
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before any plugin adds routes: a plugin's routes keep the error handler set when it was
  // registered, so set later, the API docs' routes answered bad input with Fastify's own 500.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemOf(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, { status: 404, title: 'Not found' }),
  );

  const outbox = createOutbox(queue.boss, clock);
  const delivery = emailDelivery({ db, boss: queue.boss, transport: deps.transport, clock, log: app.log });
  const organisation = organisationService({ db, clock, outbox, baseUrl: config.baseUrl });
  const moduleDeps = { db, clock, outbox, baseUrl: config.baseUrl, organisation };
  const gifts = giftsService(moduleDeps);
  const giftReviews = giftReviewsService(moduleDeps);
  const interests = interestsServices(moduleDeps);
  const letters = complaintLetters(moduleDeps);
  const customers = customersService(moduleDeps, { letters });
  const casework = caseworkService(moduleDeps, { letters, customers });
  const intake = intakeService(moduleDeps, { customers, casework, letters });
  const ombudsman = ombudsmanCases(moduleDeps);
  const reports = complaintReports(moduleDeps);
  const retention = complaintRetention(moduleDeps);

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(fastifyCookie, { secret: config.cookieSecret ?? randomBytes(32).toString('hex') });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: config.secureCookies },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const header = request.headers['x-csrf-token'];
      return typeof body?._csrf === 'string' ? body._csrf : typeof header === 'string' ? header : '';
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
  // After the cookie plugin (sessions are cookies), before any plugin that adds routes.
  const routes = enforceAccess(app, {
    db,
    clock,
    // The council's policy record is read with the session, in the same query.
    sessionIdleMinutes: (settings) => readPolicy(settings).sessionIdleMinutes,
  });
  refuseMalformedInput(app);
  await app.register(fastifyStatic, {
    root: asset('../node_modules/govuk-frontend/dist/govuk/assets/'),
    prefix: '/assets/',
  });
  await app.register(fastifyStatic, {
    root: [asset('../node_modules/govuk-frontend/dist/govuk/'), asset('./platform/web/static/')],
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
    hideUntagged: true,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // On shutdown, requests in flight finish and their connections then close, so that a client's
  // keep-alive connection does not hold the process open.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (draining) reply.header('connection', 'close');
    if (request.principal) reply.header('cache-control', 'no-store');
  });

  app.get('/api/openapi.json', { config: { access: 'public' } }, async () => app.swagger());
  healthRoutes(app, db);
  authRoutes(app, {
    db,
    clock,
    secureCookies: config.secureCookies,
    lockoutPolicy: async (councilId) => organisation.policy(councilId),
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  });
  organisationRoutes(app, { organisation, clock });
  auditRoutes(app, db, organisation.personNames);
  outboxRoutes(app, db);
  giftsRoutes(app, {
    gifts,
    reviews: giftReviews,
    publication: giftPublication({ db, clock, organisation }),
    clock,
  });
  interestsRoutes(app, { ...interests, clock });
  complaintsRoutes(app, { intake, casework, letters, ombudsman, reports, customers, clock });
  customersRoutes(app, { customers, letters, clock });

  const jobs: Job[] = [
    auditCheckpointJob({ db, clock, log: app.log, settings: config.auditCheckpoints }),
    {
      name: 'gift review reminders',
      everyMs: 60 * 60 * 1000,
      async run() {
        for (const councilId of await organisation.councilIds()) await giftReviews.sendReminders(councilId);
      },
    },
    {
      name: 'declaration campaign reminders',
      everyMs: 60 * 60 * 1000,
      async run() {
        for (const councilId of await organisation.councilIds())
          await interests.campaigns.sendReminders(councilId);
      },
    },
    {
      name: 'complaint deadline reminders',
      everyMs: 60 * 60 * 1000,
      async run() {
        for (const councilId of await organisation.councilIds()) await casework.sendReminders(councilId);
      },
    },
    {
      name: 'unreasonable behaviour review reminders',
      everyMs: 24 * 60 * 60 * 1000,
      async run() {
        for (const councilId of await organisation.councilIds())
          await customers.sendReviewReminders(councilId);
      },
    },
    {
      name: 'complainants’ personal data past retention',
      everyMs: 24 * 60 * 60 * 1000,
      async run() {
        for (const councilId of await organisation.councilIds()) await retention.run(councilId);
      },
    },
    { name: 'abandoned gift drafts', everyMs: 24 * 60 * 60 * 1000, run: () => gifts.removeAbandonedDrafts() },
    { name: 'old emails', everyMs: 24 * 60 * 60 * 1000, run: () => removeOldEmails(db, clock.now()) },
    {
      name: 'abandoned complaint drafts',
      everyMs: 24 * 60 * 60 * 1000,
      run: () => intake.removeAbandonedDrafts(),
    },
    {
      name: 'abandoned declaration drafts',
      everyMs: 24 * 60 * 60 * 1000,
      run: () => interests.declarations.removeAbandonedDrafts(),
    },
  ];
  return { app, routes, jobs, delivery };
}
