// npm run bench: the benchmarks, printing their figures with their targets beside them.
//   BENCH_SECONDS   seconds of load per measurement (default 10)
//   DATABASE_URL    also measure on this PostgreSQL server (a scratch database is made on it)
//   BENCH_CPU_PROF_DIR  write CPU profiles of the servers measured (--cpu-prof) to this folder

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
import { visitTimers } from './visit-timers.ts';
import { visitsConsole } from './visits.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

console.log('Probity platform benchmarks');
await coldStart();
await auditPage('pglite', seconds);
if (process.env.DATABASE_URL) await auditPage('postgres', seconds);
else console.log('\nAudit page on PostgreSQL: skipped, set DATABASE_URL to a server to measure it');
await giftsRegister('pglite', seconds);
if (process.env.DATABASE_URL) await giftsRegister('postgres', seconds);
else console.log('\nGifts register on PostgreSQL: skipped, set DATABASE_URL to a server to measure it');
await campaignDashboards(seconds);
await conflictLookups(seconds);
await complaintReport('pglite');
if (process.env.DATABASE_URL) await complaintReport('postgres');
else
  console.log('\nAnnual complaint report on PostgreSQL: skipped, set DATABASE_URL to a server to measure it');
await complaintQueue('pglite', seconds);
if (process.env.DATABASE_URL) await complaintQueue('postgres', seconds);
else
  console.log('\nComplaints work queue on PostgreSQL: skipped, set DATABASE_URL to a server to measure it');
await gazetteerImport('pglite');
if (process.env.DATABASE_URL) await gazetteerImport('postgres');
else console.log('\nGazetteer import on PostgreSQL: skipped, set DATABASE_URL to a server to measure it');
if (process.env.DATABASE_URL) {
  await visitsConsole(seconds);
  await visitTimers();
} else
  console.log(
    '\nVisits console, check-ins and missed check-in timers: skipped, set DATABASE_URL to a server to measure them',
  );
// The route solver at 1 s and 5 s per Solomon instance, whatever BENCH_SECONDS says.
for (const perInstance of [1, 5]) benchRoutes(solomonFiles(), perInstance);
await benchDay();
