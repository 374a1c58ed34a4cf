import type { DatabaseKind } from '../src/platform/db/connection.ts';
import type { ComplaintsServer } from './complaint-data.ts';
import { firstVisit, load, loadFigures } from './support.ts';

// Whose home pages are measured: a complaints manager who handles thousands of open stages
// herself (the most each module has to count), and a head of service (gifts to approve, the
// service's register to sign off, declarations to review).
export const homePeople = [
  { email: 'lucy.adeyemi@demo.probity.test', who: 'a complaints manager' },
  { email: 'helen.marsh@demo.probity.test', who: 'a head of service' },
] as const;

// Each person's home page, every module's tasks for them (target: p99 under 100 ms at 32
// connections on PostgreSQL, with the complaints the server holds).
export async function homePages({ port, sessions }: ComplaintsServer, kind: DatabaseKind, seconds: number) {
  console.log('  Home page, 32 connections:');
  for (const { email, who } of homePeople) {
    const pageUrl = `http://127.0.0.1:${port}/`;
    const { headers, status, body } = await firstVisit(pageUrl, sessions.get(email) ?? '');
    const tasks = (body.match(/govuk-task-list__link/g) ?? []).length;
    if (status !== 200 || body.includes('type="password"')) {
      console.log(`    ${who}'s home page answered ${status} without signing in: not measured`);
      continue;
    }
    await load(pageUrl, headers, 2);
    const page = await load(pageUrl, headers, seconds);
    const verdict = kind === 'postgres' ? `; p99 target < 100 ms: ${page.p99 < 100 ? 'met' : 'MISSED'}` : '';
    console.log(
      `    ${who} (${tasks} ${tasks === 1 ? 'kind' : 'kinds'} of task), ${seconds} s: ${loadFigures(page)}${verdict}`,
    );
  }
}
