import { unzipSync } from 'fflate';
import { type Kysely, sql } from 'kysely';
import type { DatabaseKind } from '../src/platform/db/connection.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { withComplaintsServer } from './complaint-data.ts';

const complaints = 20_000;
const contacts = 1_000;
const runs = 5;
const dpo = 'helen.achebe@demo.probity.test';
// The first customer fillComplaints makes: the subject of the request.
const subjectId = '00000000-0000-7000-8000-000000000001';

// The subject's contact timeline: a thousand contacts over five years, logged by the complaints team.
async function fillContacts(db: Kysely<Database>, councilId: string) {
  await sql`
    insert into customer_contact (council_id, id, customer_id, occurred_at, channel, minutes, summary,
      outcome, correspondence, logged_by, logged_by_name, logged_at)
    select ${councilId}::uuid, ('00000000-0000-7000-a000-' || lpad(to_hex(g), 12, '0'))::uuid,
      ${subjectId}::uuid, now() - g * interval '43 hours', 'phone', 5 + g % 20,
      'Rang about the repair, call ' || g, 'Told when the contractor will come', '',
      p.id, p.name, now() - g * interval '43 hours'
    from generate_series(1, ${contacts}) as g,
      (select id, name from person where council_id = ${councilId}::uuid and email = 'lucy.adeyemi@demo.probity.test') p`.execute(
    db,
  );
}

// A subject access export for a customer with over a thousand records (their contacts, complaints
// and stages) in a council of 20,000 complaints: target under 2 s.
export function subjectAccessExport(kind: DatabaseKind) {
  return withComplaintsServer(
    kind,
    complaints,
    'Lucy Adeyemi',
    async ({ port, label, sessions }) => {
      const headers = { cookie: `probity_session=${sessions.get(dpo)}` };
      const url = `http://127.0.0.1:${port}/privacy/subject-access/customer/${subjectId}/export.zip`;
      const times: number[] = [];
      let bytes = 0;
      let records = 0;
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        const response = await fetch(url, { headers });
        const zip = new Uint8Array(await response.arrayBuffer());
        times.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        bytes = zip.length;
        records = countRecords(zip);
      }
      times.sort((a, b) => a - b);
      const worst = times.at(-1) ?? 0;
      console.log(
        `\nSubject access export, a customer with ${records.toLocaleString('en-GB')} records, on ${label}`,
      );
      console.log(
        `  median ${Math.round(times[Math.floor(runs / 2)] ?? 0)} ms, worst ${Math.round(worst)} ms of ${runs}, ${(bytes / 1024).toFixed(0)} KB; target < 2 s: ${worst < 2000 ? 'met' : 'MISSED'}`,
      );
    },
    [dpo],
    fillContacts,
  );
}

function countRecords(zip: Uint8Array): number {
  let count = 0;
  for (const [name, bytes] of Object.entries(unzipSync(zip)))
    if (name.endsWith('.json'))
      count += (JSON.parse(new TextDecoder().decode(bytes)) as { records: unknown[] }).records.length;
  return count;
}
