import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { rewrapConcernKeys } from './modules/concerns/service.ts';
import { demoPassword, demoSignIns, seedDemoCouncil } from './modules/organisation/councils/demo.ts';
import { findCouncilBySlug, listCouncils } from './modules/organisation/councils/repository.ts';
import { addPersonDuringSetUp, createCouncil } from './modules/organisation/councils/set-up.ts';
import { createInvitation } from './modules/organisation/invitations/repository.ts';
import { developmentKeyNotice } from './platform/audit/checkpoint-key.ts';
import { verifyAuditTrails } from './platform/audit/verify-audit.ts';
import { type Division, divisions } from './platform/calendar/working-days.ts';
import { systemClock } from './platform/clock.ts';
import { loadKeyring } from './platform/crypto/key-file.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/connection.ts';
import { migrateToLatest } from './platform/db/migrator.ts';
import { openJobQueue } from './platform/jobs/queue.ts';
import { startJobs } from './platform/jobs/scheduler.ts';
import { createMailer } from './platform/notify/mailer.ts';
import { emailQueue, smsQueue } from './platform/notify/outbox.ts';
import { createTexter } from './platform/notify/texter.ts';

const usage = `Usage: npm run <command> [-- options]   (npm start runs serve --demo)

Commands:
  serve [--demo]     migrate, then serve Probity (--demo adds the demo council if it is missing)
  migrate            bring the database schema up to date
  seed-demo          add the demo council if it is missing
  create-council --name NAME --slug SLUG --division DIVISION --admin-name NAME --admin-email EMAIL
                     add a council with its first system administrator, and print their set-password link
  rewrap-concern-keys
                     after a new key version is made current in CONCERNS_KEY_FILE, wrap every
                     concern's data key with it (docs/operations.md, "Raised concerns' keys")
  verify-audit       check every council's audit trail hash chain against itself and against the
                     signed checkpoints in AUDIT_CHECKPOINT_DIR; exits 1 if any is broken`;

async function open(config: Config): Promise<DatabaseHandle> {
  if ('dataDir' in config.database) await mkdir(config.database.dataDir, { recursive: true });
  const database = await openDatabase(config.database);
  await migrateToLatest(database.db);
  if (database.kind === 'pglite') await gatherStatisticsOnce(database);
  return database;
}

// The embedded database has no autovacuum, and without any statistics the planner misjudges even
// simple queries (it sorted the whole audit trail to show 25 events). Tables never analysed are
// analysed at start; after that the planner scales its estimates with each table's size.
async function gatherStatisticsOnce(database: DatabaseHandle) {
  const { rows } = await sql<{ never: boolean }>`
    select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                   where n.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0) as never`.execute(
    database.db,
  );
  if (rows[0]?.never) await sql`analyze`.execute(database.db);
}

async function serve(config: Config, demo: boolean) {
  const startedAt = performance.now();
  await checkPortFree(config);
  // The keys that seal raised concerns, checked before the database starts: a configured key file
  // that is missing stops the start with a message saying so.
  await loadKeyring(config.concernKeys);
  // The web modules load while the database starts (its WebAssembly compiles off the main thread).
  const [database, { buildApp }] = await Promise.all([open(config), import('./app.ts')]);
  const seeded = demo ? await seedDemoCouncil(database.db, systemClock) : null;
  let log: { error(details: object, message: string): void } = {
    error: (_, message) => console.error(message),
  };
  const queue = await openJobQueue(database, [emailQueue, smsQueue], {
    upkeep: true,
    onError: (error) => log.error({ err: error }, 'job queue failed'),
  });
  const transport = createMailer(config.email);
  const texter = createTexter(config.sms);
  const { app, jobs, delivery, seedDemoDay, seedDemoYear } = await buildApp({
    config,
    database,
    clock: systemClock,
    queue,
    transport,
    texter,
  });
  log = app.log;
  if (seeded) {
    // The demo's past year is for showing Probity: if it cannot be added, Probity still starts.
    await seedDemoYear(seeded.councilId).catch((error: unknown) =>
      log.error({ err: error }, 'the demo council’s past year could not be added'),
    );
    await seedDemoDay(seeded.councilId);
  }
  await delivery.start();
  const scheduled = startJobs(jobs, app.log);
  let closing = false;
  const shutDown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    await app.close();
    await scheduled.stop();
    await queue.stop();
    transport.close();
    await database.close();
    process.exit(0);
  };
  // A signal handler cannot wait for the shutdown: a failure in it is an unhandled rejection, which
  // Node prints before ending the process with a failure code.
  process.on('SIGTERM', () => void shutDown('SIGTERM'));
  process.on('SIGINT', () => void shutDown('SIGINT'));
  await listen(app, config);
  const where =
    'url' in config.database ? 'PostgreSQL' : `the embedded database in ${config.database.dataDir}`;
  console.log(
    `Probity is running at ${config.baseUrl} on ${where} (ready in ${Math.round(performance.now() - startedAt)} ms)`,
  );
  // The accounts come last, so that they are what a person starting the demo sees.
  if (seeded) printDemoSignIns(config, seeded.created);
}

// A port another program holds is a mistake in how Probity was started, said in one line: checked
// before the database starts, so that it is said at once, and again when listening.
const portInUse = (config: Config) =>
  new ConfigError(
    `Port ${config.port} is in use by another program (perhaps Probity is already running). Stop it, or start on another port: PORT=${config.port + 1} npm start`,
  );

function checkPortFree(config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? reject(portInUse(config)) : resolve(),
    );
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
}

async function listen(
  app: { listen(options: { port: number; host: string }): Promise<string> },
  config: Config,
) {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portInUse(config);
    throw error;
  }
}

// The demo logs what goes wrong, not every request, unless LOG_LEVEL asks for more.
function demoEnvironment(env: NodeJS.ProcessEnv, demo: boolean): NodeJS.ProcessEnv {
  return demo && env.LOG_LEVEL === undefined ? { ...env, LOG_LEVEL: 'warn' } : env;
}

function printDemoSignIns(config: Config, created: boolean) {
  const lines = demoSignIns().map((account) => `  ${account.roleName.padEnd(36)} ${account.email}`);
  console.log(
    [
      created ? 'Added the demo council, Demo District Council.' : 'The demo council is here.',
      `Sign in at ${config.baseUrl}/sign-in as any of these, with the password "${demoPassword}":`,
      ...lines,
      `The public complaint form is at ${config.baseUrl}/public/demo/complaints/new (no sign-in).`,
      `Field officers are out today: ${config.baseUrl}/visits/console shows them to the responsible officer, Grace Okafor.`,
    ].join('\n'),
  );
}

async function createCouncilCommand(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      division: { type: 'string', default: 'england-and-wales' },
      'admin-name': { type: 'string' },
      'admin-email': { type: 'string' },
    },
  });
  const { name, slug, division } = values;
  const adminName = values['admin-name'];
  const adminEmail = values['admin-email'];
  if (!name || !slug || !adminName || !adminEmail || !divisions.includes(division as Division)) {
    throw new ConfigError(
      `create-council needs --name, --slug, --admin-name, --admin-email and a --division of ${divisions.join(', ')}`,
    );
  }
  const database = await open(config);
  try {
    if (await findCouncilBySlug(database.db, slug))
      throw new ConfigError(`A council with slug ${slug} exists already`);
    const now = systemClock.now();
    const link = await database.db.transaction().execute(async (trx) => {
      const { councilId } = await createCouncil(
        trx,
        { name, slug, division: division as Division, directorates: [] },
        now,
      );
      const adminId = await addPersonDuringSetUp(
        trx,
        councilId,
        {
          name: adminName,
          email: adminEmail.toLowerCase(),
          jobTitle: 'System administrator',
          serviceId: null,
          lineManagerId: null,
          employmentType: 'employee',
          politicallyRestricted: false,
          roles: ['officer', 'system-administrator'],
        },
        null,
        now,
      );
      return (await createInvitation(trx, councilId, adminId, now, config.baseUrl)).link;
    });
    console.log(
      `Created ${name}. ${adminName} can set their password at:\n${link}\nThe link works once, within 72 hours.`,
    );
  } finally {
    await database.close();
  }
}

async function verifyAudit(config: Config): Promise<number> {
  const database = await open(config);
  try {
    const notice = developmentKeyNotice(config.auditCheckpoints.key);
    if (notice) console.log(notice);
    const councils = await listCouncils(database.db);
    const report = await verifyAuditTrails(database.db, councils, config.auditCheckpoints);
    for (const line of report.lines) console.log(line);
    return report.intact ? 0 : 1;
  } finally {
    await database.close();
  }
}

async function rewrapCommand(config: Config): Promise<number> {
  const keyring = await loadKeyring(config.concernKeys);
  const database = await open(config);
  try {
    for (const council of await listCouncils(database.db)) {
      const count = await rewrapConcernKeys(
        { db: database.db, clock: systemClock, keyring },
        council.council_id,
      );
      console.log(`${council.name}: ${count} concern keys wrapped with key version ${keyring.current}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  const config = loadConfig(demoEnvironment(process.env, command === 'serve' && rest.includes('--demo')));
  switch (command) {
    case 'serve':
      await serve(config, rest.includes('--demo'));
      return -1;
    case 'migrate': {
      const database = await open(config);
      await database.close();
      console.log('The database schema is up to date.');
      return 0;
    }
    case 'seed-demo': {
      const database = await open(config);
      const seeded = await seedDemoCouncil(database.db, systemClock);
      await database.close();
      printDemoSignIns(config, seeded.created);
      return 0;
    }
    case 'create-council':
      await createCouncilCommand(config, rest);
      return 0;
    case 'verify-audit':
      return verifyAudit(config);
    case 'rewrap-concern-keys':
      return rewrapCommand(config);
    default:
      console.error(usage);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
