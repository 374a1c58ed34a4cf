// npm run bench: the benchmarks, printing their figures with their targets beside them.
//   BENCH_SECONDS   seconds of load per measurement (default 10)
//   DATABASE_URL    also measure on this PostgreSQL server (a scratch database is made on it)
//   BENCH_CPU_PROF_DIR  write CPU profiles of the servers measured (--cpu-prof) to this folder
//   BENCH_ON        'postgres' measures on the PostgreSQL server only, not also on PGlite
//   BENCH_ONLY      only these, comma-separated: start, audit, gifts, campaign, lookup, report,
//                   queue (the complaints work queue and home pages), gazetteer, staff (the HR
//                   staff import), visits, routes, day, webhooks, subject-access

import { auditPage } from './audit-page.ts';
import { campaignDashboards } from './campaign-dashboard.ts';
import { coldStart } from './cold-start.ts';
import { complaintQueue } from './complaint-queue.ts';
import { complaintReport } from './complaint-report.ts';
import { conflictLookups } from './conflict-lookup.ts';
import { gazetteerImport } from './gazetteer-import.ts';
import { giftsRegister } from './gifts-register.ts';
import { benchDay } from './route-day.ts';
import { benchRoutes, solomonFiles } from './routes.ts';
import { staffImport } from './staff-import.ts';
import { subjectAccessExport } from './subject-access.ts';
import { onPglite } from './support.ts';
import { visitTimers } from './visit-timers.ts';
import { visitsConsole } from './visits.ts';
import { webhookDeliveries } from './webhooks.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const wanted = (name: string) => !only || only.includes(name);
const server = process.env.DATABASE_URL;
const skipped = (what: string) =>
  console.log(`\n${what} on PostgreSQL: skipped, set DATABASE_URL to a server to measure it`);

console.log('Probity platform benchmarks');
if (wanted('start')) await coldStart();
if (wanted('audit')) {
  if (onPglite) await auditPage('pglite', seconds);
  if (server) await auditPage('postgres', seconds);
  else skipped('Audit page');
}
if (wanted('gifts')) {
  if (onPglite) await giftsRegister('pglite', seconds);
  if (server) await giftsRegister('postgres', seconds);
  else skipped('Gifts register');
}
if (wanted('campaign')) await campaignDashboards(seconds);
if (wanted('lookup')) await conflictLookups(seconds);
if (wanted('report')) {
  if (onPglite) await complaintReport('pglite');
  if (server) await complaintReport('postgres');
  else skipped('Annual complaint report');
}
if (wanted('queue')) {
  if (onPglite) await complaintQueue('pglite', seconds);
  if (server) await complaintQueue('postgres', seconds);
  else skipped('Complaints work queue and home pages');
}
if (wanted('subject-access')) {
  if (onPglite) await subjectAccessExport('pglite');
  if (server) await subjectAccessExport('postgres');
  else skipped('Subject access export');
}
if (wanted('gazetteer')) {
  if (onPglite) await gazetteerImport('pglite');
  if (server) await gazetteerImport('postgres');
  else skipped('Gazetteer import');
}
if (wanted('staff')) {
  if (onPglite) await staffImport('pglite');
  if (server) await staffImport('postgres');
  else skipped('HR staff import');
}
if (wanted('visits')) {
  if (server) {
    await visitsConsole(seconds);
    await visitTimers();
  } else
    console.log(
      '\nVisits console, check-ins and missed check-in timers: skipped, set DATABASE_URL to a server to measure them',
    );
}
// The route solver at 1 s and 5 s per Solomon instance, whatever BENCH_SECONDS says.
if (wanted('routes')) for (const perInstance of [1, 5]) benchRoutes(solomonFiles(), perInstance);
if (wanted('day')) await benchDay();
if (wanted('webhooks')) {
  if (onPglite) await webhookDeliveries('pglite');
  if (server) await webhookDeliveries('postgres');
  else skipped('Webhook deliveries');
}
