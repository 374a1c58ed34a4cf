import type { DatabaseKind } from '../src/platform/db/connection.ts';
import { withComplaintsServer } from './complaint-data.ts';
import { homePages, homePeople } from './home-page.ts';
import { firstVisit, load, loadFigures, peakMemoryMb } from './support.ts';

const complaints = 500_000;

// The complaints work queue of one handler, then people's home pages, over the same data (target:
// p99 under 100 ms at 32 connections on PostgreSQL with 500,000 complaints in the database).
export function complaintQueue(kind: DatabaseKind, seconds: number) {
  return withComplaintsServer(
    kind,
    complaints,
    "James O'Neill",
    async (server) => {
      const { port, child, label, fillMs, person, session } = server;
      const pageUrl = `http://127.0.0.1:${port}/complaints`;
      const { headers, status, body } = await firstVisit(pageUrl, session);
      const rows = (body.match(/<tr class="govuk-table__row">/g) ?? []).length;
      console.log(`\nComplaints work queue, ${complaints.toLocaleString('en-GB')} complaints, on ${label}`);
      console.log(`  (filled the tables in ${(fillMs / 1000).toFixed(1)} s)`);
      if (status !== 200) {
        console.log(`  the queue page answered ${status}: not measured`);
        return;
      }
      await load(pageUrl, headers, 2);
      const page = await load(pageUrl, headers, seconds);
      console.log(
        `  ${person.name}'s queue (${rows} table rows, ${(body.length / 1024).toFixed(0)} KB), 32 connections, ${seconds} s:`,
      );
      console.log(`    ${loadFigures(page)}; peak memory ${peakMemoryMb(child.pid) ?? '?'} MB`);
      if (kind === 'postgres') console.log(`    p99 target < 100 ms: ${page.p99 < 100 ? 'met' : 'MISSED'}`);
      await homePages(server, kind, seconds);
      await triagePages({ port, session, kind, seconds });
    },
    homePeople.map((person) => person.email),
  );
}

// The triage page of complaints awaiting triage, each looking for possible duplicates among the
// same person's complaints (one range scan of complaint_by_customer), in turn.
async function triagePages({
  port,
  session,
  kind,
  seconds,
}: {
  port: number;
  session: string;
  kind: DatabaseKind;
  seconds: number;
}) {
  const listed = await firstVisit(`http://127.0.0.1:${port}/complaints/all?status=awaiting-triage`, session);
  const references = [...new Set(listed.body.match(/CMP-\d{4}-\d+/g) ?? [])].slice(0, 10);
  if (references.length === 0) {
    console.log('  no complaint awaiting triage: the triage page was not measured');
    return;
  }
  const paths = references.map((reference) => `/complaints/${reference}/triage`);
  const first = await firstVisit(`http://127.0.0.1:${port}${paths[0]}`, session);
  if (first.status !== 200) {
    console.log(`  the triage page answered ${first.status}: not measured`);
    return;
  }
  const url = `http://127.0.0.1:${port}`;
  await load(url, first.headers, 2, 32, paths);
  const page = await load(url, first.headers, seconds, 32, paths);
  console.log(`  The triage page of ${references.length} complaints in turn, 32 connections, ${seconds} s:`);
  console.log(`    ${loadFigures(page)}`);
  if (kind === 'postgres') console.log(`    p99 target < 100 ms: ${page.p99 < 100 ? 'met' : 'MISSED'}`);
}
