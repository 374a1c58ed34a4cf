import type { DatabaseKind } from '../src/platform/db/connection.ts';
import { withComplaintsServer } from './complaint-data.ts';

const complaints = 100_000;
const runs = 5;

async function timed(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)] ?? 0, worst: times.at(-1) ?? 0, bytes };
}

// The annual complaint performance report over 100,000 complaints (target: under 2 s), as a
// page, a PDF and the CSV behind it, for the previous full financial year and five years at once.
export function complaintReport(kind: DatabaseKind) {
  return withComplaintsServer(kind, complaints, 'Lucy Adeyemi', async ({ port, label, fillMs, session }) => {
    const headers = { cookie: `probity_session=${session}`, accept: 'text/html' };
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4)) - (today.slice(5) >= '04-01' ? 1 : 2);
    const fiveYears = `from-day=1&from-month=${Number(today.slice(5, 7))}&from-year=${Number(today.slice(0, 4)) - 5}&to-day=${Number(today.slice(8, 10))}&to-month=${Number(today.slice(5, 7))}&to-year=${today.slice(0, 4)}`;
    console.log(
      `\nAnnual complaint performance report, ${complaints.toLocaleString('en-GB')} complaints over 5 years, on ${label}`,
    );
    console.log(`  (filled the tables in ${(fillMs / 1000).toFixed(1)} s; median and worst of ${runs} runs)`);
    for (const [what, query] of [
      [`financial year ${year} to ${year + 1}`, `year=${year}`],
      ['all five years', fiveYears],
    ] as const) {
      console.log(`  ${what}:`);
      for (const [name, path] of [
        ['page', '/complaint-reports/annual'],
        ['PDF', '/complaint-reports/annual.pdf'],
        ['CSV', '/complaint-reports/annual.csv'],
      ] as const) {
        const result = await timed(`http://127.0.0.1:${port}${path}?${query}`, headers);
        console.log(
          `    ${name.padEnd(4)} median ${Math.round(result.median)} ms, worst ${Math.round(result.worst)} ms, ${(result.bytes / 1024).toFixed(0)} KB; target < 2 s: ${result.worst < 2000 ? 'met' : 'MISSED'}`,
        );
      }
    }
  });
}
