import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { ArrangementStatus } from '../tables.ts';
import type { Instalment, Payment } from './rules.ts';

// The SQL of payment arrangements, their instalments, and the payments they are measured against.

export type Arrangement = {
  id: string;
  caseId: string;
  status: ArrangementStatus;
  agreedOn: string;
  defaultedAt: Date | null;
  instalments: (Instalment & { seq: number; missedAt: Date | null })[];
};

export async function insertArrangement(
  trx: Kysely<Database>,
  councilId: string,
  made: {
    id: string;
    caseId: string;
    outcomeId: string;
    agreedOn: string;
    at: Date;
    instalments: readonly Instalment[];
  },
) {
  await trx
    .insertInto('payment_arrangement')
    .values({
      council_id: councilId,
      id: made.id,
      case_id: made.caseId,
      outcome_id: made.outcomeId,
      status: 'live',
      agreed_on: made.agreedOn,
      created_at: made.at,
    })
    .execute();
  await trx
    .insertInto('arrangement_instalment')
    .values(
      made.instalments.map((instalment, seq) => ({
        council_id: councilId,
        arrangement_id: made.id,
        seq,
        due_on: instalment.dueOn,
        amount_pence: instalment.amountPence,
      })),
    )
    .execute();
}

async function withInstalments(
  q: Kysely<Database>,
  councilId: string,
  row: {
    id: string;
    case_id: string;
    status: ArrangementStatus;
    agreed_on: string;
    defaulted_at: Date | null;
  },
): Promise<Arrangement> {
  const instalments = await q
    .selectFrom('arrangement_instalment')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('arrangement_id', '=', row.id)
    .orderBy('seq')
    .execute();
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status,
    agreedOn: row.agreed_on,
    defaultedAt: row.defaulted_at,
    instalments: instalments.map((i) => ({
      seq: i.seq,
      dueOn: i.due_on,
      amountPence: i.amount_pence,
      missedAt: i.missed_at,
    })),
  };
}

// The case's latest arrangement, live or not.
export async function latestArrangement(q: Kysely<Database>, councilId: string, caseId: string) {
  const row = await q
    .selectFrom('payment_arrangement')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? withInstalments(q, councilId, row) : null;
}

// An arrangement's case, unlocked.
export async function latestOf(q: Kysely<Database>, councilId: string, id: string) {
  const row = await q
    .selectFrom('payment_arrangement')
    .select(['case_id'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { caseId: row.case_id } : null;
}

// An arrangement locked for the caller's transaction.
export async function lockedArrangement(trx: Kysely<Database>, councilId: string, id: string) {
  const row = await trx
    .selectFrom('payment_arrangement')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? withInstalments(trx, councilId, row) : null;
}

export async function liveArrangementIds(q: Kysely<Database>, councilId: string) {
  const rows = await q
    .selectFrom('payment_arrangement')
    .select('id')
    .where('council_id', '=', councilId)
    .where('status', '=', 'live')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

// What was paid on the case from the day the arrangement was agreed: payments received and
// payments taken at visits, by date.
export async function paymentsSince(
  q: Kysely<Database>,
  councilId: string,
  caseId: string,
  from: string,
): Promise<Payment[]> {
  const received = q
    .selectFrom('enforcement_payment')
    .select(['paid_on as paidOn', 'amount_pence as amountPence'])
    .where('council_id', '=', councilId)
    .where('case_id', '=', caseId)
    .where('paid_on', '>=', from);
  const taken = q
    .selectFrom('enforcement_outcome')
    .select(['visited_on as paidOn', sql<number>`coalesce(amount_pence, 0)`.as('amountPence')])
    .where('council_id', '=', councilId)
    .where('case_id', '=', caseId)
    .where('kind', '=', 'payment-taken')
    .where('visited_on', '>=', from);
  const rows = await received.unionAll(taken).orderBy('paidOn').execute();
  return rows.map((row) => ({ paidOn: row.paidOn, amountPence: Number(row.amountPence) }));
}

export async function markMissed(
  trx: Kysely<Database>,
  councilId: string,
  arrangementId: string,
  seqs: readonly number[],
  at: Date,
) {
  if (!seqs.length) return [];
  const rows = await trx
    .updateTable('arrangement_instalment')
    .set({ missed_at: at })
    .where('council_id', '=', councilId)
    .where('arrangement_id', '=', arrangementId)
    .where('seq', 'in', seqs)
    .where('missed_at', 'is', null)
    .returning('seq')
    .execute();
  return rows.map((row) => row.seq);
}

export async function setArrangementStatus(
  trx: Kysely<Database>,
  councilId: string,
  id: string,
  status: ArrangementStatus,
  at: Date,
) {
  await trx
    .updateTable('payment_arrangement')
    .set({ status, ...(status === 'defaulted' ? { defaulted_at: at } : {}) })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}
