import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { stagesQuery, toStage } from '../repository.ts';
import { mergedIntoQuery } from './duplicate-repository.ts';

// What casework adds to a complaint: accounts asked of officers, remedies, service improvements,
// and the documents it came with. Names of people are the organisation's: rows carry their ids.

type Db = Kysely<Database>;

export type AccountRequest = {
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

export async function accountRequest(db: Db, councilId: string, id: string) {
  const row = await accountQuery(db, councilId).where('id', '=', id).executeTakeFirst();
  return row as AccountRequest | undefined;
}

export async function accountRequestsOf(db: Db, councilId: string, personId: string) {
  return db
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

export type Remedy = {
  id: string;
  stage: number;
  kind: string;
  description: string;
  amountPence: number | null;
  ownerId: string;
  dueOn: string;
  doneOn: string | null;
  recordedAt: Date;
};

function remediesQuery(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('complaint_remedy')
    .select([
      'id',
      'stage',
      'kind',
      'description',
      'amount_pence as amountPence',
      'owner_id as ownerId',
      'due_on as dueOn',
      'done_on as doneOn',
      'recorded_at as recordedAt',
    ])
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('recorded_at');
}

export async function remedies(db: Db, councilId: string, complaintId: string): Promise<Remedy[]> {
  return remediesQuery(db, councilId, complaintId).execute();
}

export type NewRemedy = Omit<Remedy, 'doneOn' | 'recordedAt'> & { complaintId: string; recordedBy: string };

export async function insertRemedy(db: Db, councilId: string, remedy: NewRemedy, at: Date) {
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
  done: { on: string; by: string },
) {
  const result = await db
    .updateTable('complaint_remedy')
    .set({ done_on: done.on, done_by: done.by })
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type Improvement = {
  id: string;
  complaintId: string;
  serviceId: string | null;
  serviceName: string;
  description: string;
  recordedBy: string;
};

function improvementsQuery(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('service_improvement')
    .select([
      'id',
      'service_name as serviceName',
      'description',
      'recorded_by as recordedBy',
      'recorded_at as recordedAt',
    ])
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('recorded_at');
}

export async function insertImprovement(db: Db, councilId: string, improvement: Improvement, at: Date) {
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

// The files sent with a complaint and with the duplicates merged into it, in one statement: the
// complaints' ids are worked out first, so that index document_by_complaint finds their files.
function documentsQuery(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('complaint_document')
    .select([
      'id',
      'complaint_id as complaintId',
      'purpose',
      'file_name as fileName',
      'content_type as contentType',
      'size_bytes as sizeBytes',
      'uploaded_at as uploadedAt',
    ])
    .where('council_id', '=', councilId)
    .where(
      sql<boolean>`complaint_id = any(array(select ${complaintId}::uuid union all
        select id from complaint where council_id = ${councilId} and duplicate_of = ${complaintId}))`,
    )
    .orderBy('uploaded_at')
    .orderBy('id');
}

// A case's own records in one statement, each list as JSON in the order it is shown: its stages, the
// accounts asked, remedies and improvements, the duplicates merged into it, and the files of both.
// A case's page is among the most read, and every statement is a round trip. JSON carries times as
// text; they are made dates again here.
export async function caseRecords(db: Db, councilId: string, complaintId: string) {
  const row = await db
    .selectNoFrom([
      jsonArrayFrom(stagesQuery(db, councilId, complaintId)).as('stages'),
      jsonArrayFrom(
        accountQuery(db, councilId).where('complaint_id', '=', complaintId).orderBy('requested_at'),
      ).as('accounts'),
      jsonArrayFrom(remediesQuery(db, councilId, complaintId)).as('remedies'),
      jsonArrayFrom(improvementsQuery(db, councilId, complaintId)).as('improvements'),
      jsonArrayFrom(mergedIntoQuery(db, councilId, complaintId)).as('merged'),
      jsonArrayFrom(documentsQuery(db, councilId, complaintId)).as('documents'),
    ])
    .executeTakeFirstOrThrow();
  return {
    stages: row.stages.map((stage) =>
      toStage({ ...stage, allocated_at: dateOf(stage.allocated_at), extended_at: dateOf(stage.extended_at) }),
    ),
    accounts: row.accounts.map(
      (account): AccountRequest => ({
        ...(account as Omit<AccountRequest, 'requestedAt' | 'answeredAt'>),
        requestedAt: new Date(account.requestedAt),
        answeredAt: dateOf(account.answeredAt),
      }),
    ),
    remedies: row.remedies.map((remedy) => ({ ...remedy, recordedAt: new Date(remedy.recordedAt) })),
    improvements: row.improvements.map((item) => ({ ...item, recordedAt: new Date(item.recordedAt) })),
    merged: row.merged.map((merged) => ({ ...merged, mergedAt: dateOf(merged.mergedAt) })),
    documents: row.documents.map((document) => ({ ...document, uploadedAt: new Date(document.uploadedAt) })),
  };
}

const dateOf = (value: Date | string | null) => (value === null ? null : new Date(value));

export type CaseRecords = Awaited<ReturnType<typeof caseRecords>>;
