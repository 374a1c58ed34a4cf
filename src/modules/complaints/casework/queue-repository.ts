import { CompiledQuery, type Kysely, type SqlBool, sql } from 'kysely';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { CursorKey } from '../../../platform/web/cursor.ts';
import type { NextDeadline, Regime } from '../deadline-rules.ts';
import type { ComplaintStatus } from '../status-rules.ts';

// The stages waiting on someone: the work queue, the list of every complaint, and reminders.
// Rows carry the customer's and the handler's ids; their names are read by id, a page at a time.

type Db = Kysely<Database>;

// The date an open stage is next due: its acknowledgement date until it is acknowledged, then its
// extension, else its response date (deadline-rules.ts nextDeadline; the queue index's
// expression, complaint_stage_open), and which of the two it is.
export const dueSql =
  'case when s.acknowledged_on is null then s.acknowledge_by else coalesce(s.extended_to, s.respond_by, s.acknowledge_by) end';
const dueExpression = sql<string>`${sql.raw(dueSql)}`;
const deadlineSql = `case when s.acknowledged_on is null then 'acknowledge-by' else 'respond-by' end`;
const deadlineExpression = sql<NextDeadline['deadline']>`${sql.raw(deadlineSql)}`;

export type QueueItem = {
  complaintId: string;
  reference: string;
  customerId: string;
  serviceName: string;
  status: ComplaintStatus;
  regime: Regime;
  stage: 1 | 2;
  due: string;
  deadline: NextDeadline['deadline'];
  handlerName: string | null;
  receivedOn: string;
};

// The work queue's statement: everything the page shows in one round trip (it is the team's
// busiest page). $1 is the council, $2 the handler, $3 today and $4 the last day that counts as
// at risk. It lists the handler's open stages soonest due first (index complaint_stage_open), the
// complaints awaiting triage oldest first (complaint_awaiting_triage) and the accepted stages with
// no handler oldest first (complaint_stage_unallocated); it counts the handler's stages overdue,
// due today, at risk and later, and those awaiting triage, each up to `cap` + 1 (the page says
// "more than"), so every part is a short range scan whatever the backlog. Limits and statuses are
// written in, not passed, so that PostgreSQL plans it once and still uses the partial indexes;
// and it is written out once, not built on every request.
function queueStatement(sizes: { mine: number; team: number; cap: number }) {
  const due = dueSql;
  const list = (where: string, orderBy: string, limit: number) => `(select coalesce(json_agg(q), '[]') from (
      select c.id as "complaintId", c.reference, c.customer_id as "customerId", c.service_name as "serviceName",
        c.status, c.regime, s.stage, ${due} as due, ${deadlineSql} as deadline, s.handler_name as "handlerName", c.received_on as "receivedOn"
      from complaint_stage s
      join complaint c on c.council_id = s.council_id and c.id = s.complaint_id and c.stage = s.stage
      where s.council_id = $1 and s.responded_on is null and ${where}
      order by ${orderBy} limit ${limit}) as q)`;
  const count = (where: string) => `(select count(*) from (select 1 from complaint_stage s
      where s.council_id = $1 and s.handler_id = $2 and s.responded_on is null and ${where}
      limit ${sizes.cap + 1}) as t)`;
  return `select
    ${list('s.handler_id = $2', due, sizes.mine)} as mine,
    ${list(`c.status = 'awaiting-triage'`, 'c.received_at', sizes.team)} as triage,
    ${list(`s.handler_id is null and s.acknowledged_on is not null and c.status in ('stage-1', 'stage-2')`, 's.started_on', sizes.team)} as unallocated,
    ${count(`${due} < $3::date`)} as overdue,
    ${count(`${due} = $3::date`)} as "dueToday",
    ${count(`${due} > $3::date and ${due} <= $4::date`)} as "atRisk",
    ${count(`${due} > $4::date`)} as later,
    (select count(*) from (select 1 from complaint where council_id = $1 and status = 'awaiting-triage'
      limit ${sizes.cap + 1}) as t) as "awaitingTriage"`;
}

const queueStatements = new Map<string, string>();

export async function queuePage(
  db: Db,
  councilId: string,
  handlerId: string,
  range: { today: string; atRiskBy: string },
  sizes: { mine: number; team: number; cap: number },
) {
  const key = `${sizes.mine}/${sizes.team}/${sizes.cap}`;
  let statement = queueStatements.get(key);
  if (statement === undefined) {
    statement = queueStatement(sizes);
    queueStatements.set(key, statement);
  }
  const { rows } = await db.executeQuery<{
    mine: QueueItem[];
    triage: QueueItem[];
    unallocated: QueueItem[];
    overdue: number;
    dueToday: number;
    atRisk: number;
    later: number;
    awaitingTriage: number;
  }>(CompiledQuery.raw(statement, [councilId, handlerId, range.today, range.atRiskBy]));
  const row = rows[0];
  if (!row) throw new Error('The queue statement returned no row');
  return {
    mine: row.mine,
    triage: row.triage,
    unallocated: row.unallocated,
    counts: {
      overdue: Number(row.overdue),
      'due-today': Number(row.dueToday),
      'at-risk': Number(row.atRisk),
      later: Number(row.later),
    },
    awaitingTriage: Number(row.awaitingTriage),
  };
}

// Every open stage with a deadline on or before a date that no one has been reminded of yet, with
// its handler: for reminders. Those already reminded are left out here, not claimed again one by
// one, since an overdue stage stays due on every run until it is answered.
export async function openStagesDueBy(db: Db, councilId: string, by: string) {
  const notReminded = (deadline: string, dueOn: ReturnType<typeof sql>) =>
    sql`not exists (select 1 from complaint_reminder r where r.council_id = s.council_id
      and r.complaint_id = s.complaint_id and r.stage = s.stage and r.deadline = ${sql.lit(deadline)}
      and r.due_on = ${dueOn})`;
  return db
    .selectFrom('complaint_stage as s')
    .innerJoin('complaint as c', sameCouncil('c.id', 's.complaint_id'))
    .select([
      'c.id as complaintId',
      'c.reference',
      'c.status',
      's.stage',
      's.acknowledge_by as acknowledgeBy',
      's.acknowledged_on as acknowledgedOn',
      sql<string>`coalesce(s.extended_to, s.respond_by)`.as('respondBy'),
      's.handler_id as handlerId',
    ])
    .where('s.council_id', '=', councilId)
    .where('s.responded_on', 'is', null)
    .where('c.status', 'not in', ['not-accepted', 'closed', 'merged'])
    .where(
      sql<boolean>`(coalesce(s.extended_to, s.respond_by) <= ${by}
        and ${notReminded('respond-by', sql`coalesce(s.extended_to, s.respond_by)`)})
        or (s.acknowledged_on is null and s.acknowledge_by <= ${by}
        and ${notReminded('acknowledge-by', sql`s.acknowledge_by`)})`,
    )
    .execute();
}

// A reminder is sent once for each deadline: the row claims it, whichever process gets there first.
export async function claimReminder(
  db: Db,
  councilId: string,
  reminder: { complaintId: string; stage: number; deadline: string; dueOn: string },
  at: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('complaint_reminder')
    .values({
      council_id: councilId,
      complaint_id: reminder.complaintId,
      stage: reminder.stage,
      deadline: reminder.deadline,
      due_on: reminder.dueOn,
      sent_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('complaint_id')
    .executeTakeFirst();
  return row !== undefined;
}

type ListFilter = {
  reference?: string;
  customerIds?: readonly string[];
  status?: ComplaintStatus;
  serviceId?: string;
  // Open complaints whose current stage this person handles.
  handlerId?: string;
};

type ListItem = QueueItem & { receivedAt: Date };

// Newest first, a page at a time by (received_at, id): never counts the table.
export async function listComplaints(
  db: Db,
  councilId: string,
  filter: ListFilter,
  page: { after?: CursorKey | undefined; limit: number },
) {
  let query = db
    .selectFrom('complaint as c')
    .leftJoin('complaint_stage as s', (join) =>
      join
        .onRef('s.council_id', '=', 'c.council_id')
        .onRef('s.complaint_id', '=', 'c.id')
        .onRef('s.stage', '=', 'c.stage'),
    )
    .select([
      'c.id as complaintId',
      'c.reference',
      'c.customer_id as customerId',
      'c.service_name as serviceName',
      'c.status',
      'c.regime',
      'c.stage',
      dueExpression.as('due'),
      deadlineExpression.as('deadline'),
      's.handler_name as handlerName',
      'c.received_on as receivedOn',
      'c.received_at as receivedAt',
    ])
    .where('c.council_id', '=', councilId);
  if (filter.reference) query = query.where('c.reference', '=', filter.reference);
  if (filter.customerIds) {
    if (filter.customerIds.length === 0) return [];
    query = query.where('c.customer_id', 'in', filter.customerIds);
  }
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.serviceId) query = query.where('c.service_id', '=', filter.serviceId);
  if (filter.handlerId)
    query = query
      .where('s.handler_id', '=', filter.handlerId)
      .where('c.status', 'in', ['stage-1', 'stage-2']);
  const after = page.after;
  if (after) {
    const [at, id] = after as [string, string];
    query = query.where(sql<SqlBool>`(c.received_at, c.id) < (${new Date(at)}, ${id})`);
  }
  const rows = await query
    .orderBy('c.received_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .execute();
  return rows as unknown as ListItem[];
}
