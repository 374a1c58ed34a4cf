import { type Kysely, sql } from 'kysely';
import { londonDate, startOfLondonDay } from '../../../platform/calendar/daylight.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-days.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Period, StageFigures } from './rules.ts';

// The reports' figures, each an aggregate in SQL over the period's rows.

type Db = Kysely<Database>;
export type Count = { key: string; count: number };

export const n = (value: unknown) => Number(value ?? 0);
const counts = (rows: { key: string | null; count: unknown }[], none: string): Count[] =>
  rows
    .map((row) => ({ key: row.key ?? none, count: n(row.count) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

// Working days between two dates are differences of a running count of working days, over a
// calendar of the dates the report can meet (the council's bank holidays and overrides given).
function workingDayIndex(calendar: WorkingCalendar, from: string, to: string) {
  return sql`select d::date as day,
      sum(case when (extract(isodow from d) < 6 and not (d::date = any(${[...calendar.closed]}::date[])))
               or d::date = any(${[...calendar.open]}::date[]) then 1 else 0 end) over (order by d) as n
    from generate_series(${from}::date, ${to}::date, interval '1 day') as d`;
}

// The quarter a date is in, as rules.ts's quartersOf keys it: 2026-Q2 is April to June 2026.
const quarterOf = (column: string) => sql`to_char(${sql.ref(column)}, 'YYYY-"Q"Q')`;

// The contacts received in the period, counted by each of their facets and by quarter, in one pass.
export async function volumes(trx: Db, councilId: string, period: Period) {
  const { rows } = await sql<{
    g: number;
    service_name: string;
    channel: string;
    category: string | null;
    triage: string | null;
    statutory_route: string | null;
    quarter: string | null;
    count: string;
  }>`
    select grouping(service_name, channel, category, triage_decision, statutory_route, ${quarterOf('received_on')}) as g,
      service_name, channel, category, coalesce(triage_decision, 'awaiting') as triage, statutory_route,
      ${quarterOf('received_on')} as quarter, count(*) as count
    from complaint
    where council_id = ${councilId} and received_on between ${period.from}::date and ${period.to}::date
      -- A duplicate merged into another complaint is counted once, as that complaint.
      and duplicate_of is null
    group by grouping sets ((service_name), (channel), (category), (triage_decision), (statutory_route),
      (${quarterOf('received_on')}), ())`.execute(trx);
  // grouping() sets a bit for each column left out of a row's set, the first column highest (32):
  // a row grouped by that column alone has every other bit set.
  const only = (bit: number) => rows.filter((row) => n(row.g) === 63 - bit);
  return {
    received: n(rows.find((row) => n(row.g) === 63)?.count),
    byService: counts(
      only(32).map((r) => ({ key: r.service_name || null, count: r.count })),
      'No service given',
    ),
    byChannel: counts(
      only(16).map((r) => ({ key: r.channel, count: r.count })),
      '',
    ),
    byCategory: counts(
      only(8).map((r) => ({ key: r.category, count: r.count })),
      'none',
    ),
    byTriage: counts(
      only(4).map((r) => ({ key: r.triage, count: r.count })),
      'awaiting',
    ),
    byStatutoryRoute: counts(
      only(2)
        .filter((r) => r.statutory_route !== null)
        .map((r) => ({ key: r.statutory_route, count: r.count })),
      '',
    ),
    receivedByQuarter: only(1).map((r) => ({ key: r.quarter ?? '', count: n(r.count) })),
  };
}

export type QuarterTimeliness = {
  quarter: string;
  stage: number;
  responded: number;
  respondedOnTime: number;
};

// Each quarter's stages, by the quarter they started in (as the timeliness table counts them):
// how many have been answered and how many of those by the deadline or the extended deadline.
export async function timelinessByQuarter(trx: Db, councilId: string, period: Period) {
  const { rows } = await sql<{ quarter: string; stage: number; responded: string; on_time: string }>`
    select ${quarterOf('started_on')} as quarter, stage,
      count(*) filter (where responded_on is not null) as responded,
      count(*) filter (where responded_on <= coalesce(extended_to, respond_by)) as on_time
    from complaint_stage s
    where council_id = ${councilId} and started_on between ${period.from}::date and ${period.to}::date
      and not exists (select 1 from complaint m where m.council_id = s.council_id and m.id = s.complaint_id
        and m.duplicate_of is not null)
    group by 1, 2
    order by 1, 2`.execute(trx);
  return rows.map(
    (row): QuarterTimeliness => ({
      quarter: row.quarter,
      stage: n(row.stage),
      responded: n(row.responded),
      respondedOnTime: n(row.on_time),
    }),
  );
}

export async function stageFigures(
  trx: Db,
  councilId: string,
  period: Period,
  { today, calendar }: { today: string; calendar: WorkingCalendar },
) {
  const last = today > period.to ? today : period.to;
  const { rows } = await sql<Record<string, unknown>>`
    with days as (${workingDayIndex(calendar, period.from, last)})
    select s.stage,
      count(*) as started,
      count(*) filter (where s.acknowledged_on is not null) as acknowledged,
      count(*) filter (where s.acknowledged_on <= s.acknowledge_by) as acknowledged_on_time,
      count(*) filter (where s.responded_on is not null) as responded,
      count(*) filter (where s.responded_on <= coalesce(s.extended_to, s.respond_by)) as responded_on_time,
      count(*) filter (where s.responded_on <= s.respond_by) as responded_within_first_deadline,
      count(*) filter (where s.extended_to is not null) as extended,
      count(*) filter (where s.responded_on is null and coalesce(s.extended_to, s.respond_by, s.acknowledge_by) < ${today}::date) as overdue_open,
      avg(b.n - a.n) filter (where s.responded_on is not null) as average_working_days,
      count(*) filter (where s.outcome = 'upheld') as upheld,
      count(*) filter (where s.outcome = 'partially-upheld') as partially_upheld,
      count(*) filter (where s.outcome = 'not-upheld') as not_upheld,
      count(*) filter (where s.stage = 2 and s.handler_id is not null and s.handler_id is distinct from first.handler_id) as handled_by_other
    from complaint_stage s
    left join complaint_stage first on s.stage = 2 and first.council_id = s.council_id
      and first.complaint_id = s.complaint_id and first.stage = 1
    left join days a on a.day = s.started_on
    left join days b on b.day = s.responded_on
    where s.council_id = ${councilId} and s.started_on between ${period.from}::date and ${period.to}::date
      -- Nor its stage (there are few: index complaint_merged_into).
      and not exists (select 1 from complaint m where m.council_id = s.council_id and m.id = s.complaint_id
        and m.duplicate_of is not null)
    group by s.stage
    order by s.stage`.execute(trx);
  return rows.map(
    (row): StageFigures => ({
      stage: n(row.stage),
      started: n(row.started),
      acknowledged: n(row.acknowledged),
      acknowledgedOnTime: n(row.acknowledged_on_time),
      responded: n(row.responded),
      respondedOnTime: n(row.responded_on_time),
      respondedWithinFirstDeadline: n(row.responded_within_first_deadline),
      extended: n(row.extended),
      overdueOpen: n(row.overdue_open),
      averageWorkingDays:
        row.average_working_days === null ? null : Math.round(n(row.average_working_days) * 10) / 10,
      upheld: n(row.upheld),
      partiallyUpheld: n(row.partially_upheld),
      notUpheld: n(row.not_upheld),
      handledByOther: n(row.handled_by_other),
    }),
  );
}

export async function remedyFigures(trx: Db, councilId: string, period: Period, today: string) {
  const start = startOfLondonDay(period.from);
  const end = startOfLondonDay(nextDay(period.to));
  const { rows } = await sql<Record<string, unknown> & { kind: string | null; g: number }>`
    select grouping(kind) as g, kind,
      count(*) filter (where recorded_at >= ${start} and recorded_at < ${end}) as agreed,
      count(*) filter (where recorded_at >= ${start} and recorded_at < ${end} and done_on is not null) as done,
      count(*) filter (where recorded_at >= ${start} and recorded_at < ${end} and done_on <= due_on) as done_on_time,
      count(*) filter (where done_on is null) as outstanding,
      count(*) filter (where done_on is null and due_on < ${today}::date) as overdue
    from complaint_remedy
    where council_id = ${councilId}
    group by grouping sets ((kind), ())`.execute(trx);
  const total = rows.find((row) => n(row.g) === 1);
  return {
    remediesAgreed: n(total?.agreed),
    remediesDone: n(total?.done),
    remediesDoneOnTime: n(total?.done_on_time),
    remediesOutstanding: n(total?.outstanding),
    remediesOverdue: n(total?.overdue),
    remediesByKind: counts(
      rows
        .filter((row) => n(row.g) === 0 && n(row.agreed) > 0)
        .map((row) => ({ key: row.kind, count: row.agreed })),
      '',
    ),
  };
}

export async function ombudsmanFigures(trx: Db, councilId: string, period: Period, today: string) {
  const within = (column: string) =>
    sql`${sql.ref(column)} between ${period.from}::date and ${period.to}::date`;
  const decided = (decision: string) =>
    sql`count(*) filter (where ${within('decided_on')} and decision = ${decision})`;
  const { rows } = await sql<Record<string, unknown>>`
    select
      count(*) filter (where ${within('received_on')}) as enquiries,
      count(*) filter (where ${within('responded_on')}) as responded,
      count(*) filter (where ${within('responded_on')} and (respond_by is null or responded_on <= respond_by)) as responded_on_time,
      count(*) filter (where closed_on is null) as open,
      ${decided('not-investigated')} as not_investigated,
      ${decided('no-fault')} as no_fault,
      ${decided('fault-no-injustice')} as fault_no_injustice,
      ${decided('fault-injustice')} as fault_injustice,
      count(*) filter (where ${within('decided_on')} and remedy_due_on is not null) as remedies_agreed,
      count(*) filter (where ${within('decided_on')} and remedy_done_on <= remedy_due_on) as remedies_on_time,
      count(*) filter (where remedy_due_on is not null and remedy_done_on is null and remedy_due_on < ${today}::date) as remedies_overdue
    from ombudsman_case
    where council_id = ${councilId}`.execute(trx);
  const row = rows[0] ?? {};
  const decisions = {
    'not-investigated': n(row.not_investigated),
    'no-fault': n(row.no_fault),
    'fault-no-injustice': n(row.fault_no_injustice),
    'fault-injustice': n(row.fault_injustice),
  };
  return {
    ombudsman: {
      enquiries: n(row.enquiries),
      responded: n(row.responded),
      respondedOnTime: n(row.responded_on_time),
      open: n(row.open),
      decisions,
    },
    ombudsmanDecisions: Object.values(decisions).reduce((a, b) => a + b, 0),
    ombudsmanRemediesAgreed: n(row.remedies_agreed),
    ombudsmanRemediesDoneOnTime: n(row.remedies_on_time),
    ombudsmanRemediesOverdue: n(row.remedies_overdue),
  };
}

export async function improvementFigures(trx: Db, councilId: string, period: Period) {
  const rows = await trx
    .selectFrom('service_improvement')
    .select(['service_name', 'description', 'recorded_at'])
    .where('council_id', '=', councilId)
    .where('recorded_at', '>=', startOfLondonDay(period.from))
    .where('recorded_at', '<', startOfLondonDay(nextDay(period.to)))
    .orderBy('service_name')
    .orderBy('recorded_at')
    .execute();
  return {
    improvements: rows.length,
    improvementList: rows.map((row) => ({
      serviceName: row.service_name,
      description: row.description,
      recordedOn: londonDate(row.recorded_at),
    })),
  };
}

export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export async function firstReceived(db: Db, councilId: string): Promise<string | null> {
  const row = await db
    .selectFrom('complaint')
    .select((eb) => eb.fn.min('received_on').as('first'))
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return (row?.first as string | null | undefined) ?? null;
}

// One row per complaint stage for the CSV, without anyone's name or contact details.
export type StageRow = {
  reference: string;
  service: string;
  channel: string;
  category: string;
  received: string;
  stage: number;
  acknowledgeBy: string;
  acknowledgedOn: string;
  respondBy: string;
  extendedTo: string;
  respondedOn: string;
  outcome: string;
  remedies: number;
};

// The CSV's rows for one month's complaints, in the order they were received: the month's
// complaints by index complaint_by_date (received_at bounds the scan, received_on decides),
// then their stages by primary key.
export async function stageRowsOf(
  db: Db,
  councilId: string,
  month: { from: string; to: string },
): Promise<StageRow[]> {
  const complaints = await db
    .selectFrom('complaint')
    .select(['id', 'reference', 'service_name', 'channel', 'category', 'received_on'])
    .where('council_id', '=', councilId)
    .where('received_at', '>=', new Date(startOfLondonDay(month.from).getTime() - 86_400_000))
    .where('received_at', '<', new Date(startOfLondonDay(nextDay(month.to)).getTime() + 86_400_000))
    .where('received_on', '>=', month.from)
    .where('received_on', '<=', month.to)
    .where('duplicate_of', 'is', null)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  if (complaints.length === 0) return [];
  const { rows: stages } = await sql<Record<string, unknown>>`
    select s.complaint_id, s.stage, s.acknowledge_by, s.acknowledged_on, s.respond_by, s.extended_to,
      s.responded_on, s.outcome,
      (select count(*) from complaint_remedy r where r.council_id = s.council_id
        and r.complaint_id = s.complaint_id and r.stage = s.stage) as remedies
    from complaint_stage s
    where s.council_id = ${councilId} and s.complaint_id = any(${complaints.map((c) => c.id)}::uuid[])
    order by s.stage`.execute(db);
  const byComplaint = Map.groupBy(stages, (stage) => String(stage.complaint_id));
  return complaints.flatMap((complaint) =>
    (byComplaint.get(complaint.id) ?? []).map((stage) => ({
      reference: complaint.reference,
      service: complaint.service_name,
      channel: complaint.channel,
      category: complaint.category ?? '',
      received: complaint.received_on,
      stage: n(stage.stage),
      acknowledgeBy: String(stage.acknowledge_by ?? ''),
      acknowledgedOn: String(stage.acknowledged_on ?? ''),
      respondBy: String(stage.respond_by ?? ''),
      extendedTo: String(stage.extended_to ?? ''),
      respondedOn: String(stage.responded_on ?? ''),
      outcome: String(stage.outcome ?? ''),
      remedies: n(stage.remedies),
    })),
  );
}
