import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { declarationKinds } from '../src/modules/interests/declarations/rules.ts';
import { companyNumberKey, nameKey } from '../src/modules/interests/names.ts';
import { seedDemoCouncil } from '../src/modules/organisation/councils/demo.ts';
import { demoCouncil } from '../src/modules/organisation/councils/demo-council.ts';
import { startSession } from '../src/platform/auth/sessions.ts';
import { systemClock } from '../src/platform/clock.ts';
import { type DatabaseKind, openDatabase } from '../src/platform/db/connection.ts';
import { uuidv7 } from '../src/platform/db/ids.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import type { Database } from '../src/platform/db/schema.ts';
import {
  firstVisit,
  type Load,
  load,
  loadFigures,
  onPglite,
  peakMemoryMb,
  scratchServerDatabase,
  startProbity,
  stop,
} from './support.ts';

const parties = 50_000;
const day = 86_400_000;

const forenames = (
  'James John Robert Michael David William Richard Thomas Christopher Daniel Matthew Anthony Mark Paul ' +
  'Steven Andrew Joshua Kevin George Edward Jason Ryan Jacob Gary Nicholas Jonathan Stephen Scott ' +
  'Benjamin Samuel Alexander Patrick Frank Jack Adam Mary Patricia Jennifer Linda Elizabeth Barbara ' +
  'Susan Jessica Sarah Karen Lisa Margaret Sandra Emily Donna Michelle Carol Amanda Deborah Rebecca ' +
  'Sharon Laura Kathleen Amy Angela Anna Emma Nicole Helen Samantha Katherine Christine Rachel Janet ' +
  'Catherine Maria Heather Diane Ruth Julie Olivia Victoria Kelly Lauren Joan Megan Hannah Ann Sara ' +
  'Alice Jean Sophia Grace Natalie Charlotte Mohammed Aisha Priya Rajesh Fatima Wei Oluwaseun Chidi ' +
  'Siobhan Niamh Rhys Gareth Dylan Cerys Sian Callum Hamish Ewan Jon Jane Joanne Jo'
).split(' ');
// The commonest first, drawn most often; with a long tail of rarer names (below) Smith is about one
// name in eighty, as in the population, and is the lookup's busiest name.
const commonSurnames = (
  'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson ' +
  'Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin ' +
  'Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson ' +
  'Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell ' +
  'Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson ' +
  'Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes ' +
  'Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham ' +
  'Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox ' +
  'Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton ' +
  "O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman " +
  'Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dennis Farrell Smithers Smyth Nowak ' +
  'Kowalski Okafor Mensah Chen Wong Nguyen'
).split(' ');
const rarerSurnames = (
  'Ash Brad Brook Chad Dun Fair Gold Hart Hol Lang Mar Mid New Nor Pen Rad Red Sher Stan Wal Wes ' +
  'Whit Black Bar Cal Craw Ed Thorn Al Bel Hather Kir Lyn Pad Sand Tat Ux Wen'
)
  .split(' ')
  .flatMap((start) =>
    'ley ton worth ford field wood by ham well shaw more stone bridge combe wick thorpe dale'
      .split(' ')
      .map((end) => start + end),
  );
const places = (
  'Riverside Northgate Castle Meridian Oakwood Summit Harbour Kingfisher Pennine Beacon Orchard ' +
  'Granite Willow Sterling Abbey Bridgewater Chiltern Cotswold Fenland Highfield Lakeside Marston ' +
  'Millbrook Parkside Redbridge Southfield Thornbury Westbrook Ashford Brookfield'
).split(' ');
const trades = [
  'Building',
  'Construction',
  'Property',
  'Consulting',
  'Catering',
  'Software',
  'Waste Management',
  'Legal',
  'Energy',
  'Highways',
  'Care',
  'Facilities',
  'Print',
  'Plumbing',
  'Electrical',
  'Roofing',
  'Landscaping',
  'Cleaning',
  'Security',
  'Transport',
  'Accountancy',
  'Architects',
  'Surveyors',
  'Recruitment',
  'Engineering',
  'Joinery',
  'Scaffolding',
  'Drainage',
  'Removals',
  'IT Services',
];
const endings = ['Ltd', 'Limited', 'plc', 'LLP', 'Group Ltd', '& Co', 'Services Ltd', 'Solutions Ltd', ''];
const bodies = [
  'Residents Association',
  'Rugby Club',
  'Community Trust',
  'Tenants Association',
  'Bowls Club',
];
const streets = ['High Street', 'Station Road', 'Church Lane', 'Park Row', 'Mill Lane', 'Victoria Road'];
const towns = ['Leeds LS', 'Bradford BD', 'Harrogate HG', 'Wakefield WF', 'York YO', 'Halifax HX'];
const roles = {
  person: ['Close associate', 'Husband, wife or partner', 'Councillor', 'Job applicant', 'Friend'],
  organisation: ['Director', 'Partner’s employer', 'Shareholding', 'Employer', 'Contractor', 'Member'],
};

// Deterministic pseudo-random numbers (mulberry32), so that every run declares the same names.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type BenchParty = {
  kind: 'person' | 'organisation';
  role: string;
  name: string;
  address: string;
  companyNumber: string;
};

// People as declarations write them ("John Smith", "J. Smith", "John A. Smith", "Mrs Smith"),
// companies and local bodies; most with an address, many companies with a Companies House number.
function declaredParties(count: number): BenchParty[] {
  const next = random(2026);
  const pick = <T>(list: readonly T[], skew = 1) => list[Math.floor(list.length * next() ** skew)] as T;
  const list: BenchParty[] = [];
  for (let i = 0; i < count; i++) {
    const surname = next() < 0.6 ? pick(commonSurnames, 1.35) : pick(rarerSurnames);
    const forename = pick(forenames);
    const shape = next();
    const address =
      next() < 0.6
        ? `${1 + Math.floor(next() * 200)} ${pick(streets)}, ${pick(towns)}${1 + Math.floor(next() * 28)} ${Math.floor(next() * 10)}${String.fromCharCode(65 + Math.floor(next() * 26), 65 + Math.floor(next() * 26))}`
        : '';
    if (shape < 0.55) {
      const form = next();
      const name =
        form < 0.75
          ? `${forename} ${surname}`
          : form < 0.85
            ? `${forename} ${String.fromCharCode(65 + Math.floor(next() * 26))}. ${surname}`
            : form < 0.95
              ? `${forename[0]}. ${surname}`
              : `${pick(['Mr', 'Mrs', 'Ms', 'Dr'])} ${surname}`;
      list.push({ kind: 'person', role: pick(roles.person), name, address, companyNumber: '' });
      continue;
    }
    const form = next();
    const name =
      shape > 0.9
        ? `${pick(places)} ${pick(bodies)}`
        : form < 0.25
          ? `${surname} & Sons ${pick(endings)}`
          : form < 0.5
            ? `${surname} ${pick(trades)} ${pick(endings)}`
            : form < 0.6
              ? `${forename} ${surname} ${pick(trades)} Limited`
              : `${pick(places)} ${pick(trades)} ${pick(endings)}`;
    const digits = (count: number) => String(Math.floor(next() * 10 ** count)).padStart(count, '0');
    const companyNumber = shape <= 0.9 && next() < 0.6 ? (next() < 0.1 ? `SC${digits(6)}` : digits(8)) : '';
    list.push({
      kind: 'organisation',
      role: pick(roles.organisation),
      name: name.trim(),
      address,
      companyNumber,
    });
  }
  return list;
}

// Declarations naming the parties, one to three each, made by the demo council's people over the
// three years to November 2026; one in five ended 200 days later, if that has passed.
async function fillDeclarations(db: Kysely<Database>, councilId: string) {
  const people = await db
    .selectFrom('person as p')
    .leftJoin('service as s', (join) =>
      join.onRef('s.council_id', '=', 'p.council_id').onRef('s.id', '=', 'p.service_id'),
    )
    .select(['p.id', 'p.name', 'p.job_title', 'p.service_id', 's.name as service_name'])
    .where('p.council_id', '=', councilId)
    .orderBy('p.email')
    .execute();
  const named = declaredParties(parties);
  const next = random(23);
  let at = 0;
  let number = 0;
  while (at < named.length) {
    const declarations = [];
    const rows = [];
    for (let batch = 0; batch < 1000 && at < named.length; batch++) {
      number += 1;
      const person = people[number % people.length];
      if (!person) throw new Error('The demo council has no people');
      const declaredAt = new Date(Date.UTC(2023, 10, 1) + Math.floor(next() * 3 * 365) * day);
      const id = uuidv7(declaredAt.getTime());
      const endedOn = new Date(declaredAt.getTime() + 200 * day).toISOString().slice(0, 10);
      declarations.push({
        council_id: councilId,
        id,
        reference: `DOI-${declaredAt.getUTCFullYear()}-${String(number).padStart(6, '0')}`,
        person_id: person.id,
        person_name: person.name,
        job_title: person.job_title,
        service_id: person.service_id,
        service_name: person.service_name ?? '',
        senior: false,
        kind: declarationKinds[number % declarationKinds.length] ?? 'business-interest',
        summary: 'A declared interest',
        answers: JSON.stringify({ details: 'Declared for the benchmark' }),
        declared_at: declaredAt,
        ended_on: next() < 0.2 && endedOn < '2026-11-01' ? endedOn : null,
        review_state: 'reviewed',
        outcome: 'no-conflict',
        reviewed_at: declaredAt,
        recorded_by: person.id,
        updated_at: declaredAt,
      });
      const size = 1 + Math.floor(next() * 3);
      for (let position = 0; position < size && at < named.length; position++, at++) {
        const { companyNumber, ...party } = named[at] as BenchParty;
        rows.push({
          ...party,
          council_id: councilId,
          declaration_id: id,
          position,
          name_key: nameKey(party.name),
          company_number: companyNumberKey(companyNumber),
        });
      }
    }
    await db.insertInto('declaration').values(declarations).execute();
    await db.insertInto('declaration_party').values(rows).execute();
  }
  return { declarations: number, named };
}

// The lookups people make: names as declared, as others write them ("J. Smith", "Smith, John",
// "Ltd" or "Limited"), misspelt by a letter, the busiest surname alone, with a postcode or a
// company number, and names nobody declared.
function lookups(named: readonly BenchParty[]): string[] {
  const next = random(4);
  const queries: Record<string, string>[] = [
    { name: 'John Smith' },
    { name: 'J. Smith Ltd' },
    { name: 'Smiht' },
    { name: 'Jon Smyth' },
    { name: 'Smith' },
    { name: 'Meridian Building Services' },
    { name: 'Zebedee Quux' },
  ];
  const misspell = (word: string) =>
    word.length < 4 ? word : `${word.slice(0, 1)}${word.slice(2, 3)}${word.slice(1, 2)}${word.slice(3)}`;
  for (let i = 0; i < 33; i++) {
    const party = named[Math.floor(next() * named.length)] as BenchParty;
    const words = party.name.split(' ');
    const shape = i % 5;
    const name =
      shape === 0
        ? party.name
        : shape === 1
          ? words
              .map((word, at) =>
                party.kind === 'person' && at === 0 && words.length > 1 ? `${word.slice(0, 1)}.` : word,
              )
              .join(' ')
          : shape === 2
            ? words.map((word, at) => (at === words.length - 1 ? misspell(word) : word)).join(' ')
            : shape === 3
              ? [...words.slice(1), words[0]].join(' ')
              : party.name.replace(/ Ltd$/, ' Limited');
    const query: Record<string, string> = { name };
    if (party.address && i % 3 === 0) query.address = party.address.slice(party.address.lastIndexOf(',') + 1);
    if (party.companyNumber && i % 4 === 0) query.companyNumber = party.companyNumber;
    queries.push(query);
  }
  return queries.map((query) => `/interests/lookup?${new URLSearchParams(query)}`);
}

// The conflict lookup over 50,000 declared people and organisations, as a head of
// service checks names before a planning decision: the page, under a mix of forty lookups, each
// also appending to the audit trail. Targets: p99 < 50 ms on PostgreSQL and < 150 ms on PGlite.
async function conflictLookupPage(kind: DatabaseKind, seconds: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-bench-lookup-'));
  const server = kind === 'postgres' ? await scratchServerDatabase(process.env.DATABASE_URL ?? '') : null;
  try {
    const database = await openDatabase(server ? { url: server.url } : { dataDir: join(dataDir, 'db') });
    await migrateToLatest(database.db);
    const { councilId } = await seedDemoCouncil(database.db, systemClock);
    const headOfPlanning = await database.db
      .selectFrom('person')
      .select('id')
      .where('council_id', '=', councilId)
      .where('email', '=', demoCouncil.policy.headOfDevelopmentEmail ?? '')
      .executeTakeFirstOrThrow();
    const filling = performance.now();
    // Loaded as a bulk load is, through GIN's pending list, then merged; from then on the index is
    // written to directly, as in use.
    await sql`alter index declaration_party_match set (fastupdate = on)`.execute(database.db);
    const { declarations, named } = await fillDeclarations(database.db, councilId);
    // PostgreSQL's autovacuum would do this on its own in a while.
    await sql`vacuum analyze declaration, declaration_party`.execute(database.db);
    await sql`alter index declaration_party_match set (fastupdate = off)`.execute(database.db);
    const fillMs = performance.now() - filling;
    const cookie = await startSession(database.db, { councilId, personId: headOfPlanning.id }, new Date());
    await database.close();

    const { child, port } = await startProbity(
      server ? { DATABASE_URL: server.url } : { DATA_DIR: dataDir, DATABASE_URL: '' },
    );
    try {
      const base = `http://127.0.0.1:${port}`;
      const paths = lookups(named);
      const { headers, status, body } = await firstVisit(`${base}${paths[0]}`, cookie);
      if (status !== 200 || !body.includes('declared links to'))
        throw new Error(`The lookup page answered ${status} without matches`);
      let found = 0;
      for (const path of paths) {
        const page = await fetch(`${base}${path}`, { headers });
        if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
        if (!(await page.text()).includes('No declared links found')) found += 1;
      }
      await load(base, headers, 2, 32, paths);
      const alone = await load(base, headers, seconds, 1, paths);
      const some = await load(base, headers, seconds, 8, paths);
      const busy = await load(base, headers, seconds, 32, paths);
      const peak = peakMemoryMb(child.pid);

      const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)';
      const targetMs = kind === 'postgres' ? 50 : 150;
      console.log(
        `\nConflict lookup page, ${named.length.toLocaleString('en-GB')} declared people and organisations in ${declarations.toLocaleString('en-GB')} declarations, on ${label}`,
      );
      console.log(
        `  (filled in ${(fillMs / 1000).toFixed(1)} s; ${paths.length} lookups in turn, ${found} with matches)`,
      );
      const verdict = (result: Load, ms = targetMs) =>
        result.p99 < ms && result.errors + result.non2xx === 0 ? 'met' : 'MISSED';
      for (const [what, result] of [
        ['one lookup at a time', alone],
        ['8 connections', some],
        ['32 connections', busy],
      ] as const) {
        console.log(
          `  ${what}, ${seconds} s: ${loadFigures(result)}; target p99 < ${targetMs} ms ${verdict(result)}`,
        );
      }
      if (kind === 'postgres')
        console.log(
          `    target < 100 ms (p99, 32 connections, as the other case-work pages): ${verdict(busy, 100)}`,
        );
      console.log(`    peak memory ${peak ?? '?'} MB`);
    } finally {
      await stop(child);
    }
  } finally {
    await server?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// On PGlite, and on PostgreSQL when DATABASE_URL points at a server.
export async function conflictLookups(seconds: number) {
  if (onPglite) await conflictLookupPage('pglite', seconds);
  if (process.env.DATABASE_URL) await conflictLookupPage('postgres', seconds);
  else console.log('\nConflict lookup on PostgreSQL: skipped, set DATABASE_URL to a server to measure it');
}
