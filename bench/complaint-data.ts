import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { seedDemoCouncil } from '../src/modules/organisation/councils/demo.ts';
import { startSession } from '../src/platform/auth/sessions.ts';
import { systemClock } from '../src/platform/clock.ts';
import { type DatabaseKind, openDatabase } from '../src/platform/db/connection.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { personIdByEmail } from '../test/support/people.ts';
import { scratchServerDatabase, startProbity, stop } from './support.ts';

const forenames = ['Alan', 'Bronwen', 'Chidi', 'Deborah', 'Ewan', 'Farah', 'George', 'Irene', 'Joy', 'Kwame'];
const surnames = [
  'Taylor',
  'Brown',
  'Wilson',
  'Evans',
  'Thomas',
  'Roberts',
  'Hughes',
  'Wood',
  'Hall',
  'Patel',
];
const channels = ['online', 'online', 'online', 'phone', 'phone', 'email', 'email', 'letter', 'in-person'];
const categories = [
  'delay',
  'staff-behaviour',
  'service-quality',
  'service-quality',
  'procedure-not-followed',
  'other',
];
const refusals = ['service-request', 'appeal', 'feedback', 'out-of-scope', 'statutory-route'];
const outcomes = ['upheld', 'partially-upheld', 'not-upheld', 'not-upheld'];
const remedyKinds = [
  'apology',
  'explanation',
  'action',
  'reconsidered-decision',
  'amended-records',
  'financial-redress',
];

// `count` complaints over five years, each with its customer and its stage rows, written with
// INSERT … SELECT over generate_series. Received `age` days ago: those of the last 60 days are
// open (awaiting triage, at stage 1 or stage 2, most allocated to one of the complaints team),
// older ones closed; one in ten was not accepted. Some remedies, Ombudsman cases and service
// improvements are added for the reports.
export async function fillComplaints(db: Kysely<Database>, councilId: string, count: number) {
  const team = await db
    .selectFrom('person')
    .innerJoin('person_role', (join) =>
      join
        .onRef('person_role.council_id', '=', 'person.council_id')
        .onRef('person_role.person_id', '=', 'person.id'),
    )
    .select(['person.id', 'person.name'])
    .where('person.council_id', '=', councilId)
    .where('person_role.role', 'in', ['complaints-officer', 'complaints-manager'])
    .orderBy('person.email')
    .execute();
  const services = await db
    .selectFrom('service')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .where('name', '<>', 'Legal and Democratic Services')
    .orderBy('name')
    .execute();
  const customers = Math.max(1, Math.floor(count / 4));
  await sql`
    insert into customer (council_id, id, name, email, phone, name_key, created_at, updated_at)
    select ${councilId}::uuid, ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
      (${forenames}::text[])[1 + g % 10] || ' ' || (${surnames}::text[])[1 + (g / 10) % 10] || ' ' || g,
      'customer' || g || '@example.com', '01632 ' || lpad((g % 1000000)::text, 6, '0'),
      lower((${forenames}::text[])[1 + g % 10] || ' ' || (${surnames}::text[])[1 + (g / 10) % 10] || ' ' || g),
      now(), now()
    from generate_series(1, ${customers}) as g`.execute(db);
  await sql`
    create temporary table bench_complaint as
    select g as i, (current_date - (g * 37 % 1826))::date as received_on, g * 37 % 1826 as age,
      ('00000000-0000-7000-9000-' || lpad(to_hex(g), 12, '0'))::uuid as id,
      ('00000000-0000-7000-8000-' || lpad(to_hex(1 + g % ${customers}), 12, '0'))::uuid as customer_id,
      1 + (g * 7) % ${services.length} as service, 1 + g % ${team.length} as handler,
      case when g % 10 = 0 then 'not-accepted'
           when g * 37 % 1826 < 3 then 'awaiting-triage'
           when g * 37 % 1826 < 60 and g % 7 = 0 then 'stage-2'
           when g * 37 % 1826 < 60 then 'stage-1'
           else 'closed' end as status
    from generate_series(1, ${count}) as g`.execute(db);
  await sql`
    insert into complaint (council_id, id, reference, customer_id, contact_email, service_id, service_name,
      what_happened, channel, received_at, received_on, regime, housing, status, stage, triage_decision,
      statutory_route, category, triaged_at, resolved_on, closed_at, anonymised_at, updated_at)
    select ${councilId}::uuid, b.id, 'CMP-' || extract(year from b.received_on) || '-' || lpad(b.i::text, 6, '0'),
      b.customer_id, case when b.anonymised then '' else 'customer' || b.i || '@example.com' end,
      (${services.map((s) => s.id)}::uuid[])[b.service], (${services.map((s) => s.name)}::text[])[b.service],
      case when b.anonymised then 'Removed' else 'What happened, in the customer''s words' end,
      (${channels}::text[])[1 + b.i % ${channels.length}],
      b.received_on + time '10:00', b.received_on, 'complaint-handling-code',
      (${services.map((s) => s.name)}::text[])[b.service] = 'Housing', b.status,
      case when b.status = 'stage-2' or (b.status = 'closed' and b.i % 7 = 1) then 2 else 1 end,
      case when b.status = 'not-accepted' then (${refusals}::text[])[1 + b.i / 10 % ${refusals.length}]
           when b.status = 'awaiting-triage' then null else 'complaint' end,
      case when b.status = 'not-accepted' and b.i / 10 % ${refusals.length} = 4 then 'adult-social-care' end,
      case when b.status in ('awaiting-triage', 'not-accepted') then null
           else (${categories}::text[])[1 + b.i % ${categories.length}] end,
      case when b.status <> 'awaiting-triage' then b.received_on + time '15:00' end,
      case when b.status = 'closed' then b.received_on + 20 end,
      case when b.status = 'closed' then b.received_on + time '16:00' + interval '20 days' end,
      case when b.anonymised then b.received_on + 20 + interval '18 months' end,
      b.received_on + time '16:00'
    -- Closed complaints past the retention period were anonymised long ago, as the daily job does.
    from (select *, status = 'closed' and received_on + 20 + interval '18 months' < current_date as anonymised
          from bench_complaint) b
    order by b.received_on, b.i`.execute(db);
  // Stage 1 for every complaint (made at intake); stage 2 for those escalated.
  await sql`
    insert into complaint_stage (council_id, complaint_id, stage, started_on, handler_id, handler_name, allocated_at,
      acknowledge_by, acknowledged_on, respond_by, deadline_basis, extended_to, responded_on, outcome)
    select ${councilId}::uuid, b.id, 1, b.received_on,
      case when b.status in ('stage-1', 'stage-2', 'closed') and b.i % 11 <> 0 then (${team.map((p) => p.id)}::uuid[])[b.handler] end,
      case when b.status in ('stage-1', 'stage-2', 'closed') and b.i % 11 <> 0 then (${team.map((p) => p.name)}::text[])[b.handler] end,
      case when b.status in ('stage-1', 'stage-2', 'closed') and b.i % 11 <> 0 then b.received_on + time '12:00' end,
      b.received_on + 7, case when b.status not in ('awaiting-triage', 'not-accepted') then b.received_on + 1 + b.i % 8 end,
      b.received_on + 21, 'England and Wales bank holidays (GOV.UK snapshot)',
      case when b.i % 20 = 0 and b.status <> 'not-accepted' then b.received_on + 35 end,
      case when b.status in ('stage-2', 'closed') then b.received_on + 8 + b.i % 16 end,
      case when b.status in ('stage-2', 'closed') then (${outcomes}::text[])[1 + b.i % 4] end
    from bench_complaint b`.execute(db);
  await sql`
    insert into complaint_stage (council_id, complaint_id, stage, started_on, handler_id, handler_name, allocated_at,
      acknowledge_by, acknowledged_on, respond_by, deadline_basis, extended_to, responded_on, outcome)
    select ${councilId}::uuid, b.id, 2, b.received_on + 24,
      (${team.map((p) => p.id)}::uuid[])[1 + b.handler % ${team.length}],
      (${team.map((p) => p.name)}::text[])[1 + b.handler % ${team.length}], b.received_on + time '12:00' + interval '24 days',
      b.received_on + 31, b.received_on + 26 + b.i % 7, b.received_on + 52, 'England and Wales bank holidays (GOV.UK snapshot)',
      case when b.i % 9 = 0 then b.received_on + 70 end,
      case when b.status = 'closed' then b.received_on + 40 + b.i % 20 end,
      case when b.status = 'closed' then (${outcomes}::text[])[1 + (b.i / 7) % 4] end
    from bench_complaint b
    where b.status = 'stage-2' or (b.status = 'closed' and b.i % 7 = 1)`.execute(db);
  const owner = team[0]?.id ?? '';
  // A remedy is owned by the officer who handled the complaint, and one in thirteen of those agreed
  // in the last four months is not yet done: older ones were done long ago.
  await sql`
    insert into complaint_remedy (council_id, id, complaint_id, stage, kind, description, owner_id, due_on, done_on,
      recorded_by, recorded_at)
    select ${councilId}::uuid, gen_random_uuid(), b.id, 1, (${remedyKinds}::text[])[1 + b.i % ${remedyKinds.length}],
      'Put things right', (${team.map((p) => p.id)}::uuid[])[b.handler], b.received_on + 40,
      case when b.i % 13 <> 0 or b.age > 120 then b.received_on + 30 + b.i % 20 end,
      (${team.map((p) => p.id)}::uuid[])[b.handler], b.received_on + time '16:00' + interval '20 days'
    from bench_complaint b where b.status = 'closed' and b.i % 4 = 0`.execute(db);
  await sql`
    insert into service_improvement (council_id, id, complaint_id, service_id, service_name, description, recorded_by, recorded_at)
    select ${councilId}::uuid, gen_random_uuid(), b.id, (${services.map((s) => s.id)}::uuid[])[b.service],
      (${services.map((s) => s.name)}::text[])[b.service], 'A checklist for the next visit', ${owner}::uuid,
      b.received_on + time '16:00' + interval '21 days'
    from bench_complaint b where b.status = 'closed' and b.i % 400 = 0`.execute(db);
  await sql`
    insert into ombudsman_case (council_id, id, complaint_id, ombudsman, their_reference, received_on, enquiry,
      respond_by, responded_on, decision, decided_on, remedy, remedy_due_on, remedy_done_on, closed_on,
      recorded_by, recorded_at, updated_at)
    select ${councilId}::uuid, gen_random_uuid(), b.id, 'lgsco', 'OMB-' || b.i, b.received_on + 90, 'The file',
      b.received_on + 118, b.received_on + 110,
      (array['not-investigated', 'no-fault', 'fault-no-injustice', 'fault-injustice'])[1 + b.i / 200 % 4],
      b.received_on + 200, case when b.i / 200 % 4 = 3 then 'Apology and payment' else '' end,
      case when b.i / 200 % 4 = 3 then b.received_on + 230 end,
      case when b.i / 200 % 4 = 3 then b.received_on + 225 end,
      b.received_on + 240, ${owner}::uuid, now(), now()
    from bench_complaint b where b.status = 'closed' and b.i % 200 = 0 and b.age > 300`.execute(db);
  await sql`drop table bench_complaint`.execute(db);
  // A council that has run for years: the daily job has anonymised what is past retention, and
  // handlers have had their reminders. Otherwise the server's jobs would do years of that work
  // while it is being measured.
  await sql`update complaint set anonymised_at = now() where council_id = ${councilId}
    and resolved_on < current_date - interval '18 months'`.execute(db);
  await sql`
    insert into complaint_reminder (council_id, complaint_id, stage, deadline, due_on, sent_at)
    select s.council_id, s.complaint_id, s.stage, d.deadline, d.due_on, now()
    from complaint_stage s
    cross join lateral (values ('acknowledge-by', s.acknowledge_by),
      ('respond-by', coalesce(s.extended_to, s.respond_by))) as d (deadline, due_on)
    where s.council_id = ${councilId} and s.responded_on is null and d.due_on is not null`.execute(db);
  // Vacuumed as well as analysed, as autovacuum would have done by the time the tables were this big.
  for (const table of [
    'customer',
    'complaint',
    'complaint_stage',
    'complaint_remedy',
    'ombudsman_case',
    'complaint_reminder',
  ])
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  // And the filling's writes are flushed now, not by a checkpoint in the middle of the measurement.
  await sql`checkpoint`.execute(db);
  return { team };
}

export type ComplaintsServer = {
  port: number;
  child: ChildProcess;
  label: string;
  fillMs: number;
  person: { id: string; name: string };
  session: string;
  // Sessions for the others asked for, by email.
  sessions: Map<string, string>;
};

// Probity in its own process over a database holding `complaints` complaints of the demo council,
// with a session for the named member of its complaints team and for each of `others` (emails);
// all of it removed after `measure`.
export async function withComplaintsServer(
  kind: DatabaseKind,
  complaints: number,
  personName: string,
  measure: (server: ComplaintsServer) => Promise<void>,
  others: readonly string[] = [],
  // More records, written after the complaints and before the server starts.
  more: (db: Kysely<Database>, councilId: string) => Promise<void> = async () => {},
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-bench-complaints-'));
  const server = kind === 'postgres' ? await scratchServerDatabase(process.env.DATABASE_URL ?? '') : null;
  try {
    const database = await openDatabase(server ? { url: server.url } : { dataDir: join(dataDir, 'db') });
    await migrateToLatest(database.db);
    const { councilId } = await seedDemoCouncil(database.db, systemClock);
    const filling = performance.now();
    const { team } = await fillComplaints(database.db, councilId, complaints);
    await more(database.db, councilId);
    const fillMs = performance.now() - filling;
    const person = team.find((member) => member.name === personName);
    if (!person) throw new Error(`The demo council's complaints team has no ${personName}`);
    const session = await startSession(database.db, { councilId, personId: person.id }, new Date());
    const sessions = new Map<string, string>();
    for (const email of others) {
      const personId = await personIdByEmail(database.db, email);
      sessions.set(email, await startSession(database.db, { councilId, personId }, new Date()));
    }
    await database.close();

    const { child, port } = await startProbity(
      server ? { DATABASE_URL: server.url } : { DATA_DIR: dataDir, DATABASE_URL: '' },
    );
    try {
      // The scheduled jobs first run 5 s after start (then hourly or daily): measured after that
      // run, as a council's server is nearly all of the time.
      await new Promise((resolve) => setTimeout(resolve, 9_000));
      await measure({
        port,
        child,
        label: kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)',
        fillMs,
        person,
        session,
        sessions,
      });
    } finally {
      await stop(child);
    }
  } finally {
    await server?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
