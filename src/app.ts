import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { committeeReports } from './committee-reports.ts';
import type { Config } from './config.ts';
import { seedDemoYear } from './demo.ts';
import { leaversWork } from './leavers-work.ts';
import { intakeService } from './modules/complaints/intake/service.ts';
import { complaintReferences } from './modules/complaints/references.ts';
import { complaintsRoutes } from './modules/complaints/routes.ts';
import { complaintsService } from './modules/complaints/service.ts';
import { concernsRoutes } from './modules/concerns/routes.ts';
import { concernsService, loadKeyring } from './modules/concerns/service.ts';
import { conductRoutes } from './modules/conduct/routes.ts';
import { conductModule } from './modules/conduct/service.ts';
import { customersRoutes } from './modules/customers/routes.ts';
import { customersService, knowCustomersComplaintsBy } from './modules/customers/service.ts';
import { enforcementRoutes } from './modules/enforcement/routes.ts';
import {
  type EnforcementService,
  enforcementService,
  seedDemoEnforcement,
} from './modules/enforcement/service.ts';
import { giftsRoutes } from './modules/gifts/routes.ts';
import { giftsModule } from './modules/gifts/service.ts';
import { interestsRoutes } from './modules/interests/routes.ts';
import { type InterestsServices, interestsServices } from './modules/interests/service.ts';
import { lettersRoutes } from './modules/letters/routes.ts';
import { complaintLetters, knowComplaintsBy } from './modules/letters/service.ts';
import { organisationRoutes } from './modules/organisation/routes.ts';
import {
  type ModuleDeps,
  type OrganisationService,
  organisationService,
  policyDocuments,
  readPolicySetting,
} from './modules/organisation/service.ts';
import { placesRoutes } from './modules/places/routes.ts';
import {
  demoGazetteer,
  type PlacesService,
  placesService,
  seedDemoGazetteer,
} from './modules/places/service.ts';
import { planningRoutes } from './modules/planning/routes.ts';
import { type PlanningSources, planningService } from './modules/planning/service.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { privacyService } from './modules/privacy/service.ts';
import { reportsRoutes } from './modules/reports/routes.ts';
import { visitsRoutes } from './modules/visits/routes.ts';
import { seedDemoDay, type VisitsService, visitsService } from './modules/visits/service.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import type { Principal } from './platform/auth/principal.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { oidcClients } from './platform/auth/sso/oidc.ts';
import type { Clock } from './platform/clock.ts';
import type { Keyring } from './platform/crypto/envelope.ts';
import type { DatabaseHandle } from './platform/db/connection.ts';
import type { Database } from './platform/db/schema.ts';
import type { JobQueue } from './platform/jobs/queue.ts';
import type { Job } from './platform/jobs/scheduler.ts';
import { messageDelivery } from './platform/notify/delivery.ts';
import type { Mailer } from './platform/notify/mailer.ts';
import { createOutbox, type Outbox } from './platform/notify/outbox.ts';
import { outboxRoutes } from './platform/notify/routes.ts';
import { sendTaskDigests } from './platform/notify/task-digest.ts';
import type { Texter } from './platform/notify/texter.ts';
import type { RouteAccess } from './platform/web/access.ts';
import { healthRoutes } from './platform/web/health.ts';
import { knowPolicyDocumentsBy } from './platform/web/render.ts';
import { createServer, registerPlugins } from './platform/web/server.ts';
import { type Task, type TaskSource, tasksOf } from './platform/web/tasks.ts';
import { webhookRoutes } from './platform/webhooks/routes.ts';
import { scheduledJobs } from './scheduled-jobs.ts';
import './platform/web/types.ts';

type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  // The durable queue the outbox writes to, open on the same database.
  queue: JobQueue;
  // How email leaves: SMTP, or a folder in development.
  transport: Mailer;
  // How text messages leave: GOV.UK Notify, or a folder in development.
  texter: Texter;
  sleep?: (ms: number) => Promise<void>;
};

type App = {
  app: FastifyInstance;
  routes: RouteAccess[];
  jobs: Job[];
  delivery: ReturnType<typeof messageDelivery>;
  // The demo council's day in the field and its gazetteer, for `serve --demo`.
  seedDemoDay(councilId: string): Promise<boolean>;
  // The demo council's past year of records in every register, once.
  seedDemoYear(councilId: string): Promise<number>;
  // What is waiting for a person in every module, most urgent first (their home page).
  tasksFor(principal: Principal): Promise<Task[]>;
};

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, clock, queue } = deps;
  const db = deps.database.db;
  const app = createServer(config);

  const outbox = createOutbox(queue.boss, clock);
  const delivery = messageDelivery({
    db,
    boss: queue.boss,
    mailer: deps.transport,
    texter: deps.texter,
    clock,
    log: app.log,
  });
  const organisation = organisationService({ db, clock, outbox, baseUrl: config.baseUrl });
  const moduleDeps = { db, clock, outbox, baseUrl: config.baseUrl, organisation };
  organisation.knowLeaversWorkIn(leaversWork);
  const modules = await moduleServices(config, moduleDeps);
  const { gifts, interests, letters, customers, complaints, intake, visits, enforcement } = modules;
  const { concerns, conduct, places, planning, packs, keyring, privacy } = modules;
  const { casework, ombudsman, reports, retention } = complaints;
  const home = homeWork({ db, clock, outbox, baseUrl: config.baseUrl, log: app.log }, organisation, [
    gifts.tasksFor,
    interests.tasksFor,
    complaints.tasksFor,
    customers.tasksFor,
    letters.tasksFor,
    visits.tasksFor,
    enforcement.tasksFor,
    packs.tasksFor,
    conduct.tasksFor,
    concerns.tasksFor,
    organisation.calendarTasksFor,
    organisation.leaverTasksFor,
  ]);

  const routes = await registerPlugins(app, {
    config,
    db,
    clock,
    // The council's policy record is read with the session, in the same query.
    sessionIdleMinutes: (settings) => readPolicySetting(settings, 'sessionIdleMinutes'),
  });
  citePoliciesAsTheCouncilNamesThem(app, organisation);
  healthRoutes(app, db);
  authRoutes(app, {
    db,
    clock,
    secureCookies: config.secureCookies,
    lockoutPolicy: async (councilId) => organisation.policy(councilId),
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    baseUrl: config.baseUrl,
    // Councils' client secrets are named in their settings and read from the environment when used.
    oidc: oidcClients(process.env),
    env: process.env,
  });
  organisationRoutes(app, { organisation, clock, tasksFor: home.tasksFor });
  auditRoutes(app, db, organisation.personNames, clock);
  outboxRoutes(app, db);
  // Loopback http addresses are for a receiver in development and tests only.
  webhookRoutes(app, { db, clock, allowLoopbackHttp: !config.production });
  const complaintsParts = { intake, casework, letters, ombudsman, reports, customers };
  const services = { gifts, interests, visits, places, enforcement, planning, conduct, concerns, privacy };
  moduleRoutes(app, clock, { ...services, complaints: complaintsParts, reports: packs });

  const jobs = scheduledJobs(
    { db, clock, log: app.log, config },
    { ...services, organisation, casework, customers, intake, retention },
  );
  jobs.push(home.digests);
  const demo = demoSeeds(
    { db, clock, baseUrl: config.baseUrl, organisation, keyring },
    { interests, visits },
  );
  const { tasksFor } = home;
  return { app, routes, jobs, delivery, seedDemoDay: demo.day, seedDemoYear: demo.year, tasksFor };
}

// Every module's services, each handed the services it uses (docs/architecture.md's graph).
async function moduleServices(
  config: Config,
  moduleDeps: ModuleDeps & { organisation: OrganisationService },
) {
  const gifts = giftsModule(moduleDeps);
  const conduct = conductModule(moduleDeps);
  const interests = interestsServices(moduleDeps);
  knowComplaintsBy(complaintReferences);
  knowCustomersComplaintsBy(complaintReferences);
  const letters = complaintLetters(moduleDeps);
  const customers = customersService(moduleDeps, { letters });
  const complaints = complaintsService(moduleDeps, { letters, customers });
  const { casework, reports } = complaints;
  const intake = intakeService(moduleDeps, { customers, casework, letters });
  // Visits asks enforcement (which uses visits) when goods may first be taken on an account: a port.
  const visits = visitsService(moduleDeps, {
    interests,
    customers,
    logComplaint: intake.logComplaint,
    takingControlFrom: (councilId, accountRef) => enforcement.takingControlFrom(councilId, accountRef),
  });
  const enforcement = enforcementService(moduleDeps, { visits });
  // Raised concerns are sealed with keys from the key file: a configured file that is missing stops the start.
  const keyring = await loadKeyring(config.concernKeys);
  const concerns = concernsService(moduleDeps, { keyring });
  const privacy = privacyService(moduleDeps, { concerns: concerns.subjectAccess });
  const places = placesService({ ...moduleDeps, routing: config.routing });
  const planning = planningService({
    ...moduleDeps,
    visits: visits.plans,
    sources: planningSources(enforcement, places),
    searchMs: config.routeSearchMs,
  });

  const packs = committeeReports(moduleDeps, { reports, interests, gifts, visits, concerns, conduct });
  return {
    gifts,
    interests,
    letters,
    customers,
    complaints,
    intake,
    visits,
    enforcement,
    concerns,
    conduct,
    places,
    planning,
    packs,
    keyring,
    privacy,
  };
}

// Each module's pages and API.
function moduleRoutes(
  app: FastifyInstance,
  clock: Clock,
  modules: {
    gifts: Parameters<typeof giftsRoutes>[1]['gifts'];
    interests: InterestsServices;
    complaints: Omit<Parameters<typeof complaintsRoutes>[1], 'clock'>;
    visits: VisitsService;
    places: PlacesService;
    enforcement: EnforcementService;
    planning: Parameters<typeof planningRoutes>[1]['planning'];
    reports: Parameters<typeof reportsRoutes>[1]['reports'];
    conduct: Parameters<typeof conductRoutes>[1]['conduct'];
    concerns: Parameters<typeof concernsRoutes>[1]['concerns'];
    privacy: Parameters<typeof privacyRoutes>[1]['privacy'];
  },
) {
  const { gifts, interests, complaints, visits, places, enforcement, planning, reports, conduct, concerns } =
    modules;
  giftsRoutes(app, { gifts, clock });
  interestsRoutes(app, { ...interests, clock });
  complaintsRoutes(app, { ...complaints, clock });
  customersRoutes(app, { customers: complaints.customers, letters: complaints.letters, clock });
  lettersRoutes(app, { letters: complaints.letters });
  visitsRoutes(app, { visits, clock });
  placesRoutes(app, { places });
  enforcementRoutes(app, { enforcement, clock });
  planningRoutes(app, { planning, clock });
  reportsRoutes(app, { reports });
  conductRoutes(app, { conduct });
  concernsRoutes(app, { concerns });
  privacyRoutes(app, { privacy: modules.privacy });
}

// The demo council's district, caseload and day in the field, and its past year in every
// register, for `serve --demo`.
function demoSeeds(
  deps: {
    db: Kysely<Database>;
    clock: Clock;
    baseUrl: string;
    organisation: OrganisationService;
    keyring: Keyring;
  },
  services: { interests: InterestsServices; visits: VisitsService },
) {
  const { db, clock, organisation } = deps;
  const { interests, visits } = services;
  const demoPorts = {
    declareKnownCustomer: (principal: Principal, answers: Record<string, string>) =>
      interests.declarations.declare(principal, 'known-customer', answers),
    hasDeclared: async (...query: Parameters<typeof interests.lookup.personalLinks>) =>
      (await interests.lookup.personalLinks(...query)).length > 0,
  };
  return {
    async day(councilId: string) {
      await seedDemoGazetteer({ db, clock }, councilId);
      await seedDemoEnforcement({ db, clock, organisation }, councilId, demoCaseload());
      return seedDemoDay({ db, clock, riskRegister: visits.riskRegister }, councilId, demoPorts);
    },
    year: (councilId: string) => seedDemoYear(deps, councilId),
  };
}

// Pages cite a rule's policy by the council's own name for it, kept with its working rules.
function citePoliciesAsTheCouncilNamesThem(app: FastifyInstance, organisation: OrganisationService) {
  knowPolicyDocumentsBy(app, async (principal) =>
    policyDocuments(
      (await organisation.policyAndCalendar(principal.councilId, principal.councilRulesVersion)).policy,
    ),
  );
}

// A person's home page and their daily email of it: every module's tasks for them, one query a
// module. The email is claimed on the person's row, so a day has one whichever process sends it.
function homeWork(
  deps: { db: Kysely<Database>; clock: Clock; outbox: Outbox; baseUrl: string; log: FastifyBaseLogger },
  organisation: Pick<OrganisationService, 'councilIds' | 'digestRecipients' | 'claimDigest'>,
  sources: TaskSource[],
) {
  const failed = (error: unknown) => deps.log.error({ err: error }, 'a module’s tasks failed');
  const tasksFor = (principal: Principal) => tasksOf(sources, principal, failed);
  const digestSources = {
    recipients: organisation.digestRecipients,
    claim: organisation.claimDigest,
    tasksFor: (principal: Principal) => tasksOf(sources, principal, failed, true),
  };
  const digests: Job = {
    name: 'daily task digests',
    everyMs: 60 * 60 * 1000,
    async run() {
      for (const councilId of await organisation.councilIds())
        await sendTaskDigests(deps, digestSources, councilId);
    },
  };
  return { tasksFor, digests };
}

// The route planner's view of the enforcement caseload and of the gazetteer.
function planningSources(enforcement: EnforcementService, places: PlacesService): PlanningSources {
  return {
    plannable: (councilId, input) => enforcement.plannable(councilId, input),
    allocate: (principal, caseId, officerId, requestId) =>
      enforcement.cases.allocate(principal, caseId, officerId, requestId),
    async locate(councilId, addresses) {
      const found = await places.locateMany(councilId, addresses);
      return found.map((answer) => ('found' in answer ? answer.found : answer));
    },
    async travelSeconds(councilId, points) {
      return (await places.travelTimes(councilId, points)).seconds.flat();
    },
  };
}

// The demo caseload's addresses from the demo district: a flagged address (visited by two
// officers), the address where Kelly Morgan declared her aunt lives, then a spread of the rest.
function demoCaseload() {
  const district = demoGazetteer();
  const at = (start: string) => district.filter((place) => place.address.startsWith(start));
  const spread = district.filter((_, index) => index % 17 === 5);
  // Cases go to the agents in turn: Imran Siddiqui, Owen Rees, Bethany Cole, Kelly Morgan.
  return [...at('14 Ashdown Court,'), ...spread.slice(0, 2), ...at('8 Wren Close,'), ...spread.slice(2)];
}
