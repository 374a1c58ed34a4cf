import { CompiledQuery, type Kysely, type SqlBool, sql } from 'kysely';
import { sameCouncil } from '../../platform/db/same-council.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { CursorKey } from '../../platform/web/cursor.ts';
import type { Regime } from './deadline-rules.ts';
import type { ComplaintStatus } from './status-rules.ts';

type Db = Kysely<Database>;

export type Complaint = {
  id: string;
  reference: string;
  customerId: string;
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  customerAddress: string;
  representativeName: string;
  representativeRelationship: string;
  contactEmail: string;
  contactPhone: string;
  contactAddress: string;
  contactPreference: string;
  serviceId: string | null;
  serviceName: string;
  whatHappened: string;
  happenedOn: string | null;
  wantedOutcome: string;
  adjustments: string;
  channel: string;
  receivedAt: Date;
  receivedOn: string;
  regime: Regime;
  housing: boolean;
  status: ComplaintStatus;
  stage: 1 | 2;
  triageDecision: string | null;
  triageReason: string;
  statutoryRoute: string | null;
  category: string | null;
  lateAccepted: boolean;
  triagedBy: string | null;
  triagedByName: string | null;
  triagedAt: Date | null;
  resolvedOn: string | null;
  closedAt: Date | null;
  anonymisedAt: Date | null;
};

function complaintQuery(db: Db, councilId: string) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('customer as cu', sameCouncil('cu.id', 'c.customer_id'))
    .leftJoin('person as t', sameCouncil('t.id', 'c.triaged_by'))
    .selectAll('c')
    .select([
      'cu.name as customer_name',
      'cu.email as customer_email',
      'cu.phone as customer_phone',
      'cu.address as customer_address',
      't.name as triaged_by_name',
    ])
    .where('c.council_id', '=', councilId);
}

type ComplaintRow = Awaited<ReturnType<ReturnType<typeof complaintQuery>['executeTakeFirstOrThrow']>>;

function toComplaint(row: ComplaintRow): Complaint {
  return {
    id: row.id,
    reference: row.reference,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    customerPhone: row.customer_phone,
    customerAddress: row.customer_address,
    representativeName: row.representative_name,
    representativeRelationship: row.representative_relationship,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contactAddress: row.contact_address,
    contactPreference: row.contact_preference,
    serviceId: row.service_id,
    serviceName: row.service_name,
    whatHappened: row.what_happened,
    happenedOn: row.happened_on,
    wantedOutcome: row.wanted_outcome,
    adjustments: row.adjustments,
    channel: row.channel,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    regime: row.regime as Regime,
    housing: row.housing,
    status: row.status as ComplaintStatus,
    stage: row.stage as 1 | 2,
    triageDecision: row.triage_decision,
    triageReason: row.triage_reason,
    statutoryRoute: row.statutory_route,
    category: row.category,
    lateAccepted: row.late_accepted,
    triagedBy: row.triaged_by,
    triagedByName: row.triaged_by_name,
    triagedAt: row.triaged_at,
    resolvedOn: row.resolved_on,
    closedAt: row.closed_at,
    anonymisedAt: row.anonymised_at,
  };
}

export async function complaintByReference(db: Db, councilId: string, reference: string) {
  const row = await complaintQuery(db, councilId).where('c.reference', '=', reference).executeTakeFirst();
  return row ? toComplaint(row) : undefined;
}

export async function complaintById(db: Db, councilId: string, id: string, forUpdate = false) {
  let query = complaintQuery(db, councilId).where('c.id', '=', id);
  if (forUpdate) query = query.forUpdate('c');
  const row = await query.executeTakeFirst();
  return row ? toComplaint(row) : undefined;
}

type Stage = {
  stage: 1 | 2;
  startedOn: string;
  handlerId: string | null;
  handlerName: string | null;
  allocatedAt: Date | null;
  acknowledgeBy: string;
  acknowledgedOn: string | null;
  respondBy: string | null;
  deadlineBasis: string;
  extendedTo: string | null;
  extensionReason: string;
  extendedAt: Date | null;
  escalationReason: string;
  respondedOn: string | null;
  outcome: 'upheld' | 'partially-upheld' | 'not-upheld' | null;
  findings: string;
};

export async function stages(db: Db, councilId: string, complaintId: string): Promise<Stage[]> {
  const rows = await db
    .selectFrom('complaint_stage')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('stage')
    .execute();
  return rows.map((row) => ({
    stage: row.stage as 1 | 2,
    startedOn: row.started_on,
    handlerId: row.handler_id,
    handlerName: row.handler_name,
    allocatedAt: row.allocated_at,
    acknowledgeBy: row.acknowledge_by,
    acknowledgedOn: row.acknowledged_on,
    respondBy: row.respond_by,
    deadlineBasis: row.deadline_basis,
    extendedTo: row.extended_to,
    extensionReason: row.extension_reason,
    extendedAt: row.extended_at,
    escalationReason: row.escalation_reason,
    respondedOn: row.responded_on,
    outcome: row.outcome as Stage['outcome'],
    findings: row.findings,
  }));
}

export async function updateComplaint(
  db: Db,
  councilId: string,
  id: string,
  values: Partial<{
    status: ComplaintStatus;
    stage: 1 | 2;
    housing: boolean;
    triage_decision: string;
    triage_reason: string;
    statutory_route: string | null;
    category: string | null;
    late_accepted: boolean;
    triaged_by: string;
    triaged_at: Date;
    resolved_on: string | null;
    closed_at: Date;
  }>,
  at: Date,
) {
  await db
    .updateTable('complaint')
    .set({ ...values, updated_at: at })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

export async function updateStage(
  db: Db,
  councilId: string,
  complaintId: string,
  stage: 1 | 2,
  values: Partial<{
    handler_id: string;
    handler_name: string;
    allocated_at: Date;
    acknowledge_by: string;
    acknowledged_on: string;
    respond_by: string;
    deadline_basis: string;
    extended_to: string;
    extension_reason: string;
    extended_at: Date;
    responded_on: string;
    outcome: string;
    findings: string;
  }>,
) {
  await db
    .updateTable('complaint_stage')
    .set(values)
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .where('stage', '=', stage)
    .execute();
}

export async function insertStage(
  db: Db,
  councilId: string,
  complaintId: string,
  stage: {
    stage: 1 | 2;
    startedOn: string;
    acknowledgeBy: string;
    acknowledgedOn: string | null;
    respondBy: string;
    deadlineBasis: string;
    escalationReason: string;
  },
) {
  await db
    .insertInto('complaint_stage')
    .values({
      council_id: councilId,
      complaint_id: complaintId,
      stage: stage.stage,
      started_on: stage.startedOn,
      acknowledge_by: stage.acknowledgeBy,
      acknowledged_on: stage.acknowledgedOn,
      respond_by: stage.respondBy,
      deadline_basis: stage.deadlineBasis,
      escalation_reason: stage.escalationReason,
      handler_id: null,
      handler_name: null,
      allocated_at: null,
      extended_to: null,
      extension_reason: '',
      extended_at: null,
      responded_on: null,
      outcome: null,
      findings: '',
    })
    .execute();
}

// The date an open stage is next due: its extension, else its response date (the queue index's
// expression, complaint_stage_open).
const dueSql = 'coalesce(s.extended_to, s.respond_by, s.acknowledge_by)';
const dueExpression = sql<string>`${sql.raw(dueSql)}`;

export type QueueItem = {
  complaintId: string;
  reference: string;
  customerName: string;
  serviceName: string;
  status: ComplaintStatus;
  regime: Regime;
  stage: 1 | 2;
  due: string;
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
      select c.id as "complaintId", c.reference, cu.name as "customerName", c.service_name as "serviceName",
        c.status, c.regime, s.stage, ${due} as due, s.handler_name as "handlerName", c.received_on as "receivedOn"
      from complaint_stage s
      join complaint c on c.council_id = s.council_id and c.id = s.complaint_id and c.stage = s.stage
      join customer cu on cu.council_id = c.council_id and cu.id = c.customer_id
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
    .leftJoin('person as h', sameCouncil('h.id', 's.handler_id'))
    .select([
      'c.id as complaintId',
      'c.reference',
      'c.status',
      's.stage',
      's.acknowledge_by as acknowledgeBy',
      's.acknowledged_on as acknowledgedOn',
      sql<string>`coalesce(s.extended_to, s.respond_by)`.as('respondBy'),
      's.handler_id as handlerId',
      'h.name as handlerName',
      'h.email as handlerEmail',
    ])
    .where('s.council_id', '=', councilId)
    .where('s.responded_on', 'is', null)
    .where('c.status', 'not in', ['not-accepted', 'closed'])
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
    .innerJoin('customer as cu', sameCouncil('cu.id', 'c.customer_id'))
    .leftJoin('complaint_stage as s', (join) =>
      join
        .onRef('s.council_id', '=', 'c.council_id')
        .onRef('s.complaint_id', '=', 'c.id')
        .onRef('s.stage', '=', 'c.stage'),
    )
    .select([
      'c.id as complaintId',
      'c.reference',
      'cu.name as customerName',
      'c.service_name as serviceName',
      'c.status',
      'c.regime',
      'c.stage',
      dueExpression.as('due'),
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

type AccountRequest = {
  id: string;
  complaintId: string;
  stage: number;
  personId: string;
  personName: string;
  askedAs: 'service' | 'named-officer';
  question: string;
  dueOn: string;
  requestedBy: string;
  requestedAt: Date;
  account: string | null;
  answeredAt: Date | null;
};

function accountQuery(db: Db, councilId: string) {
  return db
    .selectFrom('complaint_account_request')
    .select([
      'id',
      'complaint_id as complaintId',
      'stage',
      'person_id as personId',
      'person_name as personName',
      'asked_as as askedAs',
      'question',
      'due_on as dueOn',
      'requested_by as requestedBy',
      'requested_at as requestedAt',
      'account',
      'answered_at as answeredAt',
    ])
    .where('council_id', '=', councilId);
}

export async function accountRequests(db: Db, councilId: string, complaintId: string) {
  const rows = await accountQuery(db, councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('requested_at')
    .execute();
  return rows as AccountRequest[];
}

export async function accountRequest(db: Db, councilId: string, id: string) {
  const row = await accountQuery(db, councilId).where('id', '=', id).executeTakeFirst();
  return row as AccountRequest | undefined;
}

export async function accountRequestsOf(db: Db, councilId: string, personId: string) {
  const rows = await db
    .selectFrom('complaint_account_request as a')
    .innerJoin('complaint as c', sameCouncil('c.id', 'a.complaint_id'))
    .select([
      'a.id',
      'c.reference',
      'c.service_name as serviceName',
      'a.question',
      'a.due_on as dueOn',
      'a.answered_at as answeredAt',
    ])
    .where('a.council_id', '=', councilId)
    .where('a.person_id', '=', personId)
    .orderBy('a.answered_at', (ob) => ob.desc().nullsFirst())
    .orderBy('a.due_on')
    .limit(200)
    .execute();
  return rows;
}

export async function isAskedForAccount(db: Db, councilId: string, complaintId: string, personId: string) {
  const row = await db
    .selectFrom('complaint_account_request')
    .select('id')
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .where('person_id', '=', personId)
    .orderBy('requested_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertAccountRequest(
  db: Db,
  councilId: string,
  request: Omit<AccountRequest, 'account' | 'answeredAt'>,
) {
  await db
    .insertInto('complaint_account_request')
    .values({
      council_id: councilId,
      id: request.id,
      complaint_id: request.complaintId,
      stage: request.stage,
      person_id: request.personId,
      person_name: request.personName,
      asked_as: request.askedAs,
      question: request.question,
      due_on: request.dueOn,
      requested_by: request.requestedBy,
      requested_at: request.requestedAt,
    })
    .execute();
}

export async function answerAccountRequest(db: Db, councilId: string, id: string, account: string, at: Date) {
  await db
    .updateTable('complaint_account_request')
    .set({ account, answered_at: at })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

type Remedy = {
  id: string;
  stage: number;
  kind: string;
  description: string;
  amountPence: number | null;
  ownerId: string;
  ownerName: string;
  dueOn: string;
  doneOn: string | null;
  recordedAt: Date;
};

export async function remedies(db: Db, councilId: string, complaintId: string) {
  const rows = await db
    .selectFrom('complaint_remedy as r')
    .innerJoin('person as p', sameCouncil('p.id', 'r.owner_id'))
    .select([
      'r.id',
      'r.stage',
      'r.kind',
      'r.description',
      'r.amount_pence as amountPence',
      'r.owner_id as ownerId',
      'p.name as ownerName',
      'r.due_on as dueOn',
      'r.done_on as doneOn',
      'r.recorded_at as recordedAt',
    ])
    .where('r.council_id', '=', councilId)
    .where('r.complaint_id', '=', complaintId)
    .orderBy('r.recorded_at')
    .execute();
  return rows as Remedy[];
}

export async function insertRemedy(
  db: Db,
  councilId: string,
  remedy: {
    id: string;
    complaintId: string;
    stage: number;
    kind: string;
    description: string;
    amountPence: number | null;
    ownerId: string;
    dueOn: string;
    recordedBy: string;
  },
  at: Date,
) {
  await db
    .insertInto('complaint_remedy')
    .values({
      council_id: councilId,
      id: remedy.id,
      complaint_id: remedy.complaintId,
      stage: remedy.stage,
      kind: remedy.kind,
      description: remedy.description,
      amount_pence: remedy.amountPence,
      owner_id: remedy.ownerId,
      due_on: remedy.dueOn,
      recorded_by: remedy.recordedBy,
      recorded_at: at,
    })
    .execute();
}

export async function markRemedyDone(
  db: Db,
  councilId: string,
  complaintId: string,
  id: string,
  doneOn: string,
  doneBy: string,
) {
  const result = await db
    .updateTable('complaint_remedy')
    .set({ done_on: doneOn, done_by: doneBy })
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function improvements(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('service_improvement as i')
    .innerJoin('person as p', sameCouncil('p.id', 'i.recorded_by'))
    .select([
      'i.id',
      'i.service_name as serviceName',
      'i.description',
      'p.name as recordedByName',
      'i.recorded_at as recordedAt',
    ])
    .where('i.council_id', '=', councilId)
    .where('i.complaint_id', '=', complaintId)
    .orderBy('i.recorded_at')
    .execute();
}

export async function insertImprovement(
  db: Db,
  councilId: string,
  improvement: {
    id: string;
    complaintId: string;
    serviceId: string | null;
    serviceName: string;
    description: string;
    recordedBy: string;
  },
  at: Date,
) {
  await db
    .insertInto('service_improvement')
    .values({
      council_id: councilId,
      id: improvement.id,
      complaint_id: improvement.complaintId,
      service_id: improvement.serviceId,
      service_name: improvement.serviceName,
      description: improvement.description,
      recorded_by: improvement.recordedBy,
      recorded_at: at,
    })
    .execute();
}

export async function documents(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('complaint_document')
    .select([
      'id',
      'purpose',
      'file_name as fileName',
      'size_bytes as sizeBytes',
      'uploaded_at as uploadedAt',
    ])
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('uploaded_at')
    .execute();
}
