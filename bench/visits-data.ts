import { type Kysely, sql } from 'kysely';
import { londonDate } from '../src/platform/calendar/daylight.ts';
import type { Database } from '../src/platform/db/schema.ts';

// Field teams and their days, written with INSERT … SELECT over generate_series. Ids are made from
// the row's number (officer g is …-a000-<g in hex>, their plan today …-8d00-<g>), so that the
// rules below can tell officers apart by number.

const id = (prefix: string) => (g: ReturnType<typeof sql>) =>
  sql`('00000000-0000-7000-${sql.raw(prefix)}-' || lpad(to_hex(${g}), 12, '0'))::uuid`;
const officerId = id('a000');
const managerId = id('b000');
const responsibleId = id('9c00');
const planId = id('8d00');
// The officer's number back from an id made above.
const numberOf = (column: string) => sql`('x' || right(${sql.ref(column)}::text, 12))::bit(48)::bigint`;

export const responsibleOfficers = 3;

// `officers` field officers in teams of ten, each team with its line manager, and three
// responsible officers who watch everyone out.
export async function addFieldTeams(db: Kysely<Database>, councilId: string, officers: number) {
  const managers = Math.ceil(officers / 10);
  const people = [
    {
      ids: managerId,
      count: managers,
      name: 'Team Leader',
      email: 'leader',
      role: 'line-manager',
      managed: false,
    },
    {
      ids: responsibleId,
      count: responsibleOfficers,
      name: 'Duty Officer',
      email: 'duty',
      role: 'responsible-officer',
      managed: false,
    },
    {
      ids: officerId,
      count: officers,
      name: 'Field Officer',
      email: 'field',
      role: 'field-officer',
      managed: true,
    },
  ];
  for (const group of people) {
    const g = sql.ref('g');
    await sql`
      insert into person (council_id, id, email, name, job_title, line_manager_id, employment_type, mobile)
      select ${councilId}::uuid, ${group.ids(g)}, ${group.email} || g || '@visits.probity.test',
        ${group.name} || ' ' || g, ${group.name},
        case when ${group.managed} then ${managerId(sql`1 + (g - 1) / 10`)} end, 'employee',
        '07700 9' || lpad(g::text, 5, '0')
      from generate_series(1, ${group.count}) as g`.execute(db);
    await sql`
      insert into person_role (council_id, person_id, role)
      select ${councilId}::uuid, ${group.ids(g)}, r
      from generate_series(1, ${group.count}) as g, unnest(array['officer', ${group.role}]) as r`.execute(db);
  }
  return {
    officerIds: Array.from({ length: officers }, (_, index) => uuidOf('a000', index + 1)),
    responsibleId: uuidOf('9c00', 1),
  };
}

export const uuidOf = (prefix: string, g: number) =>
  `00000000-0000-7000-${prefix}-${g.toString(16).padStart(12, '0')}`;

const visitMinutes = 40;
const travelMinutes = 10;

// Today's shared plan for every officer, each with `visits` visits, the first starting at `start`
// plus the officer's number of minutes (mod 50); check-ins owed after each visit and on arriving home.
async function planTheDays(
  db: Kysely<Database>,
  councilId: string,
  day: { officers: number; visits: number; start: Date },
) {
  const slot = visitMinutes + travelMinutes;
  const g = sql.ref('g');
  await sql`
    insert into visit_plan (council_id, id, officer_id, plan_date, responsible_officer_id, home_by,
      shared_at, created_by, created_at, updated_at)
    select ${councilId}::uuid, ${planId(g)}, ${officerId(g)}, ${londonDate(day.start)}::date,
      ${responsibleId(sql`1 + g % ${responsibleOfficers}`)}, s + ${`${day.visits * slot + 30} minutes`}::interval,
      s - interval '30 minutes', ${officerId(g)}, s - interval '1 hour', s - interval '30 minutes'
    from generate_series(1, ${day.officers}) as g,
      lateral (select ${day.start}::timestamptz + (g % 50) * interval '1 minute' as s) as start`.execute(db);
  await sql`
    insert into planned_visit (council_id, id, plan_id, position, address, account_ref, account_holder,
      purpose, planned_start, planned_finish, created_at)
    select p.council_id, gen_random_uuid(), p.id, j, (j + 1) || ' Station Road, Demoton AB' || (j % 9 + 1) || ' 2CD',
      'ACC' || ${numberOf('p.id')} || '-' || j, 'Account Holder ' || j,
      case when j % 3 = 0 then 'taking-control' else 'enquiry' end, s.at, s.at + ${`${visitMinutes} minutes`}::interval,
      p.created_at
    from visit_plan p, generate_series(0, ${day.visits - 1}) as j,
      lateral (select p.shared_at + interval '30 minutes' + j * ${`${slot} minutes`}::interval as at) as s
    where p.council_id = ${councilId}`.execute(db);
  await sql`
    insert into check_in_due (council_id, id, plan_id, visit_id, due_at)
    select v.council_id, gen_random_uuid(), v.plan_id, v.id, v.planned_finish
    from planned_visit v where v.council_id = ${councilId}
    union all
    select p.council_id, gen_random_uuid(), p.id, null, p.home_by from visit_plan p where p.council_id = ${councilId}`.execute(
    db,
  );
  await sql`
    insert into plan_change (council_id, id, plan_id, kind, changed_by, changed_at)
    select council_id, gen_random_uuid(), id, 'shared', officer_id, shared_at from visit_plan
    where council_id = ${councilId}`.execute(db);
}

// A day under way at `now`: 300 officers out since four hours ago (with ten visits each, 3,000
// visits), each past check-in received three minutes after its time, except for three officers
// in ten whose latest is missed: alerted at each level whose time has passed, acknowledged for one
// in those three. One officer in a hundred asked for help ten minutes ago; one in fifteen deviated
// from their route an hour ago.
export async function fillVisitDay(
  db: Kysely<Database>,
  councilId: string,
  day: { officers: number; visits: number; now: Date },
) {
  await planTheDays(db, councilId, { ...day, start: new Date(day.now.getTime() - 4 * 60 * 60_000) });
  const now = day.now;
  const officer = numberOf('plan_id');
  await sql`
    update check_in_due set received_at = due_at + interval '3 minutes', received_by = ${officerId(officer)},
      channel = 'app'
    where council_id = ${councilId} and due_at + interval '3 minutes' < ${now}`.execute(db);
  // The latest check-in past its time of three officers in ten is missed.
  await sql`
    update check_in_due c set received_at = null, received_by = null, channel = null,
      level_raised = m.level
    from (select distinct on (plan_id) id,
            (extract(epoch from ${now} - due_at) >= 900)::int + (extract(epoch from ${now} - due_at) >= 1800)::int
              + (extract(epoch from ${now} - due_at) >= 2700)::int as level
          from check_in_due where council_id = ${councilId} and due_at < ${now} and ${officer} % 10 < 3
          order by plan_id, due_at desc) m
    where c.council_id = ${councilId} and c.id = m.id`.execute(db);
  await sql`
    insert into visit_alert (council_id, id, plan_id, cause_id, kind, level, raised_at, acknowledged_at, acknowledged_by, acknowledgement)
    select c.council_id, gen_random_uuid(), c.plan_id, c.id, 'missed-check-in',
      (array['responsible', 'manager', 'emergency'])[k], c.due_at + k * interval '15 minutes',
      case when ${officer} % 10 = 2 then c.due_at + k * interval '15 minutes' + interval '2 minutes' end,
      case when ${officer} % 10 = 2 then ${responsibleId(sql`1 + ${officer} % ${responsibleOfficers}`)} end,
      case when ${officer} % 10 = 2 then 'Rang the officer: all well, phone battery low' else '' end
    from check_in_due c, generate_series(1, c.level_raised) as k
    where c.council_id = ${councilId} and c.level_raised > 0`.execute(db);
  // Each timer as the sweep leaves it: the next level's time, none once acknowledged or received.
  await sql`
    update check_in_due c set next_alert_at = case
        when received_at is not null or level_raised = 3 then null
        when exists (select 1 from visit_alert a where a.council_id = c.council_id and a.cause_id = c.id
                     and a.acknowledged_at is not null) then null
        else due_at + (level_raised + 1) * interval '15 minutes' end
    where council_id = ${councilId}`.execute(db);
  await sql`
    insert into visit_alert (council_id, id, plan_id, cause_id, kind, level, raised_at)
    select p.council_id, gen_random_uuid(), p.id, cause.id, 'help-now', l, ${now}::timestamptz - interval '10 minutes'
    from visit_plan p, lateral (select gen_random_uuid() as id) cause,
      unnest(array['responsible', 'manager', 'emergency']) as l
    where p.council_id = ${councilId} and ${numberOf('p.id')} % 100 = 7`.execute(db);
  await sql`
    insert into plan_change (council_id, id, plan_id, kind, detail, changed_by, changed_at)
    select council_id, gen_random_uuid(), id, 'deviation', 'Went to the depot first to collect a van', officer_id,
      ${now}::timestamptz - interval '1 hour'
    from visit_plan where council_id = ${councilId} and ${numberOf('id')} % 15 = 0`.execute(db);
  await analyse(db);
}

// `timers` check-ins owed, none received, whose first alerts fall due one after another from
// `from` over `windowMs`: `officers` officers each with timers / officers visits today.
export async function fillPendingTimers(
  db: Kysely<Database>,
  councilId: string,
  pending: { officers: number; timers: number; from: Date; windowMs: number; responsibleMinutes: number },
) {
  const visits = pending.timers / pending.officers;
  const start = new Date(pending.from.getTime() - 6 * 60 * 60_000);
  await planTheDays(db, councilId, { officers: pending.officers, visits, start });
  // The home check-ins are due later; the visits' ones in turn across the window.
  await sql`
    update check_in_due c set due_at = o.at - ${`${pending.responsibleMinutes} minutes`}::interval,
      next_alert_at = o.at
    from (select id, ${pending.from}::timestamptz
            + (row_number() over (order by id) - 1) * ${pending.windowMs / pending.timers} * interval '1 millisecond' as at
          from check_in_due where council_id = ${councilId} and visit_id is not null) o
    where c.council_id = ${councilId} and c.id = o.id`.execute(db);
  await sql`
    update check_in_due set due_at = ${pending.from}::timestamptz + interval '2 hours',
      next_alert_at = ${pending.from}::timestamptz + interval '2 hours' + ${`${pending.responsibleMinutes} minutes`}::interval
    where council_id = ${councilId} and visit_id is null`.execute(db);
  await analyse(db);
}

async function analyse(db: Kysely<Database>) {
  for (const table of [
    'person',
    'person_role',
    'visit_plan',
    'planned_visit',
    'check_in_due',
    'visit_alert',
    'plan_change',
  ])
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  await sql`checkpoint`.execute(db);
}
