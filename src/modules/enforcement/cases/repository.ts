import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { CaseKind, CaseStatus, EnforcementCaseTable, Premises } from '../tables.ts';

// The SQL of enforcement cases; maps rows to the domain's camelCase.

export type EnforcementCase = {
  councilId: string;
  id: string;
  reference: string;
  accountRef: string;
  kind: CaseKind;
  debtorName: string;
  address: string;
  postcode: string;
  uprn: string | null;
  premises: Premises;
  tradingHours: { from: string; until: string } | null;
  appointment: { on: string; from: string; until: string } | null;
  balancePence: number;
  liabilityOrderOn: string;
  liabilityOrderCourt: string;
  noticeOn: string | null;
  agentId: string | null;
  status: CaseStatus;
  createdAt: Date;
  updatedAt: Date;
};

export type NewCase = Omit<
  EnforcementCase,
  'councilId' | 'id' | 'reference' | 'agentId' | 'status' | 'createdAt' | 'updatedAt' | 'noticeOn'
> & { agentId: string | null; noticeOn: string | null };

type CaseRow = Selectable<EnforcementCaseTable>;

export const caseOf = (row: CaseRow): EnforcementCase => ({
  councilId: row.council_id,
  id: row.id,
  reference: row.reference,
  accountRef: row.account_ref,
  kind: row.kind,
  debtorName: row.debtor_name,
  address: row.address,
  postcode: row.postcode,
  uprn: row.uprn,
  premises: row.premises,
  tradingHours:
    row.trading_from && row.trading_until ? { from: row.trading_from, until: row.trading_until } : null,
  appointment:
    row.appointment_on && row.appointment_from && row.appointment_until
      ? { on: row.appointment_on, from: row.appointment_from, until: row.appointment_until }
      : null,
  balancePence: row.balance_pence,
  liabilityOrderOn: row.liability_order_on,
  liabilityOrderCourt: row.liability_order_court,
  noticeOn: row.notice_on,
  agentId: row.agent_id,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

// References people can quote: EN-2026-0042, numbered per council and year.
export async function nextReference(trx: Kysely<Database>, councilId: string, year: number): Promise<string> {
  const { last_number } = await trx
    .insertInto('enforcement_reference_counter')
    .values({ council_id: councilId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'year'])
        .doUpdateSet({ last_number: sql`enforcement_reference_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `EN-${year}-${String(last_number).padStart(4, '0')}`;
}

export async function insertCase(
  trx: Kysely<Database>,
  made: NewCase & {
    councilId: string;
    id: string;
    reference: string;
    status: CaseStatus;
    by: string;
    at: Date;
  },
) {
  const row = {
    council_id: made.councilId,
    id: made.id,
    reference: made.reference,
    account_ref: made.accountRef,
    kind: made.kind,
    debtor_name: made.debtorName,
    address: made.address,
    postcode: made.postcode,
    uprn: made.uprn,
    premises: made.premises,
    trading_from: made.tradingHours?.from ?? null,
    trading_until: made.tradingHours?.until ?? null,
    appointment_on: made.appointment?.on ?? null,
    appointment_from: made.appointment?.from ?? null,
    appointment_until: made.appointment?.until ?? null,
    balance_pence: made.balancePence,
    liability_order_on: made.liabilityOrderOn,
    liability_order_court: made.liabilityOrderCourt,
    notice_on: made.noticeOn,
    agent_id: made.agentId,
    status: made.status,
    created_by: made.by,
    created_at: made.at,
    updated_at: made.at,
  };
  const inserted = await trx
    .insertInto('enforcement_case')
    .values(row)
    .onConflict((oc) => oc.columns(['council_id', 'account_ref']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? row : null;
}

export async function findCase(q: Kysely<Database>, councilId: string, id: string, lock = false) {
  let query = q
    .selectFrom('enforcement_case')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? caseOf(row) : null;
}

// Locks these cases for the caller's transaction, in id order, so that two transactions locking
// some of the same cases wait for each other rather than deadlock.
export async function lockCases(trx: Kysely<Database>, councilId: string, ids: readonly string[]) {
  if (!ids.length) return;
  await trx
    .selectFrom('enforcement_case')
    .select('id')
    .where('council_id', '=', councilId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function caseOfAccount(q: Kysely<Database>, councilId: string, accountRef: string) {
  const row = await q
    .selectFrom('enforcement_case')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('account_ref', '=', accountRef)
    .executeTakeFirst();
  return row ? caseOf(row) : null;
}

export async function casesOfAccounts(
  q: Kysely<Database>,
  councilId: string,
  accountRefs: readonly string[],
) {
  if (!accountRefs.length) return [];
  const rows = await q
    .selectFrom('enforcement_case')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('account_ref', 'in', accountRefs)
    .execute();
  return rows.map(caseOf);
}

export type CaseFilter = { status: CaseStatus | null; agentId: string | null };

// Cases by status and agent; `within.agents`: only theirs and those not yet allocated.
export async function listCases(
  q: Kysely<Database>,
  councilId: string,
  filter: CaseFilter,
  within: { agents: readonly string[] } | null = null,
  limit = 500,
) {
  let query = q.selectFrom('enforcement_case').selectAll().where('council_id', '=', councilId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.agentId) query = query.where('agent_id', '=', filter.agentId);
  if (within)
    query = query.where((eb) =>
      within.agents.length
        ? eb.or([eb('agent_id', 'is', null), eb('agent_id', 'in', within.agents)])
        : eb('agent_id', 'is', null),
    );
  const rows = await query.orderBy('reference').limit(limit).execute();
  return rows.map(caseOf);
}

// Cases allocated to these agents that a visit to take control may be planned for: open, or back
// for a visit after a default, with a notice given.
export async function visitableCases(q: Kysely<Database>, councilId: string, agentIds: readonly string[]) {
  if (!agentIds.length) return [];
  const rows = await q
    .selectFrom('enforcement_case')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('agent_id', 'in', agentIds)
    .where('status', 'in', ['open', 'back-for-visit'])
    .where('notice_on', 'is not', null)
    .orderBy('reference')
    .execute();
  return rows.map(caseOf);
}

export async function updateCase(
  trx: Kysely<Database>,
  councilId: string,
  id: string,
  change: Partial<Pick<CaseRow, 'agent_id' | 'notice_on' | 'status'>>,
  at: Date,
) {
  await trx
    .updateTable('enforcement_case')
    .set({ ...change, updated_at: at })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

// What has been paid on a case: payments received and payments taken at visits.
export async function paidOn(q: Kysely<Database>, councilId: string, caseId: string) {
  const [received, taken] = await Promise.all([
    q
      .selectFrom('enforcement_payment')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_pence'), sql<number>`0`).as('total'))
      .where('council_id', '=', councilId)
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow(),
    q
      .selectFrom('enforcement_outcome')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_pence'), sql<number>`0`).as('total'))
      .where('council_id', '=', councilId)
      .where('case_id', '=', caseId)
      .where('kind', '=', 'payment-taken')
      .executeTakeFirstOrThrow(),
  ]);
  return Number(received.total) + Number(taken.total);
}
