// npm run bench: the platform benchmarks, printing their figures (issue 2's targets beside them).
//   BENCH_SECONDS   seconds of load per measurement (default 10)
//   DATABASE_URL    also measure on this PostgreSQL server (a scratch database is made on it)

import { auditPage } from './audit-page.ts';
import { coldStart } from './cold-start.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

console.log('Probity platform benchmarks');
await coldStart();
await auditPage('pglite', seconds);
if (process.env.DATABASE_URL) await auditPage('postgres', seconds);
else console.log('\nAudit page on PostgreSQL: skipped, set DATABASE_URL to a server to measure it');
