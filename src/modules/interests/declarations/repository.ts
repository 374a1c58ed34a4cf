import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { companyNumberKey, nameKey } from '../names.ts';
import type { DeclarationTable } from '../tables.ts';
import type { Answers, DeclarationKind, Outcome, Party, ReferralTarget } from './rules.ts';

export type Declaration = {
  id: string;
  reference: string;
  personId: string;
  personName: string;
  jobTitle: string;
  serviceId: string | null;
  serviceName: string;
  senior: boolean;
  kind: DeclarationKind;
  summary: string;
  answers: Answers;
  weeklyHours: number | null;
  startedOn: string | null;
  declaredAt: Date;
  endedOn: string | null;
  endReason: string;
  reviewerId: string | null;
  reviewState: 'awaiting-review' | 'reviewed';
  outcome: Outcome | null;
  managementAction: string;
  referredTo: ReferralTarget | null;
  nextReviewOn: string | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  version: number;
  recordedBy: string;
  updatedAt: Date;
};

export function toDeclaration(row: Selectable<DeclarationTable>): Declaration {
  return {
    id: row.id,
    reference: row.reference,
    personId: row.person_id,
    personName: row.person_name,
    jobTitle: row.job_title,
    serviceId: row.service_id,
    serviceName: row.service_name,
    senior: row.senior,
    kind: row.kind as DeclarationKind,
    summary: row.summary,
    answers: row.answers as Answers,
    weeklyHours: row.weekly_hours,
    startedOn: row.started_on,
    declaredAt: row.declared_at,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    reviewerId: row.reviewer_id,
    reviewState: row.review_state as Declaration['reviewState'],
    outcome: row.outcome as Outcome | null,
    managementAction: row.management_action,
    referredTo: row.referred_to as ReferralTarget | null,
    nextReviewOn: row.next_review_on,
    reviewedBy: row.reviewed_by,
    reviewedByName: row.reviewed_by_name,
    reviewedAt: row.reviewed_at,
    version: row.version,
    recordedBy: row.recorded_by,
    updatedAt: row.updated_at,
  };
}

function toRow(councilId: string, d: Declaration) {
  return {
    council_id: councilId,
    id: d.id,
    reference: d.reference,
    person_id: d.personId,
    person_name: d.personName,
    job_title: d.jobTitle,
    service_id: d.serviceId,
    service_name: d.serviceName,
    senior: d.senior,
    kind: d.kind,
    summary: d.summary,
    answers: JSON.stringify(d.answers),
    weekly_hours: d.weeklyHours,
    started_on: d.startedOn,
    declared_at: d.declaredAt,
    ended_on: d.endedOn,
    end_reason: d.endReason,
    reviewer_id: d.reviewerId,
    review_state: d.reviewState,
    outcome: d.outcome,
    management_action: d.managementAction,
    referred_to: d.referredTo,
    next_review_on: d.nextReviewOn,
    reviewed_by: d.reviewedBy,
    reviewed_by_name: d.reviewedByName,
    reviewed_at: d.reviewedAt,
    version: d.version,
    recorded_by: d.recordedBy,
    updated_at: d.updatedAt,
  };
}

// References people can quote: DOI-2026-0042, numbered per council and year.
export async function nextReference(trx: Kysely<Database>, councilId: string, year: number): Promise<string> {
  const { last_number } = await trx
    .insertInto('declaration_reference_counter')
    .values({ council_id: councilId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'year'])
        .doUpdateSet({ last_number: sql`declaration_reference_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `DOI-${year}-${String(last_number).padStart(4, '0')}`;
}

type VersionChange = { reason: string; byId: string | null; byName: string; at: Date };

async function insertVersion(
  trx: Kysely<Database>,
  councilId: string,
  d: Declaration,
  change: VersionChange,
) {
  const { updatedAt: _u, ...entry } = d;
  await trx
    .insertInto('declaration_version')
    .values({
      council_id: councilId,
      declaration_id: d.id,
      version: d.version,
      entry: JSON.stringify(entry),
      change_reason: change.reason,
      changed_by: change.byId,
      changed_by_name: change.byName,
      changed_at: change.at,
    })
    .execute();
}

async function writeParties(trx: Kysely<Database>, councilId: string, id: string, parties: readonly Party[]) {
  await trx
    .deleteFrom('declaration_party')
    .where('council_id', '=', councilId)
    .where('declaration_id', '=', id)
    .execute();
  if (parties.length === 0) return;
  await trx
    .insertInto('declaration_party')
    .values(
      parties.map((party, position) => ({
        council_id: councilId,
        declaration_id: id,
        position,
        kind: party.kind,
        role: party.role,
        name: party.name,
        name_key: nameKey(party.name),
        address: party.address,
        company_number: companyNumberKey(party.companyNumber),
      })),
    )
    .execute();
}

export async function insertDeclaration(
  trx: Kysely<Database>,
  councilId: string,
  d: Declaration,
  parties: readonly Party[],
  change: VersionChange,
) {
  await trx.insertInto('declaration').values(toRow(councilId, d)).execute();
  await writeParties(trx, councilId, d.id, parties);
  await insertVersion(trx, councilId, d, change);
}

// Saves a changed declaration as its next version; false if someone else changed it first.
export async function saveDeclaration(
  trx: Kysely<Database>,
  councilId: string,
  d: Declaration,
  change: VersionChange,
  parties?: readonly Party[],
): Promise<boolean> {
  const { council_id: _c, id: _i, ...row } = toRow(councilId, d);
  const result = await trx
    .updateTable('declaration')
    .set(row)
    .where('council_id', '=', councilId)
    .where('id', '=', d.id)
    .where('version', '=', d.version - 1)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  if (parties) await writeParties(trx, councilId, d.id, parties);
  await insertVersion(trx, councilId, d, change);
  return true;
}

export async function findDeclaration(db: Kysely<Database>, councilId: string, id: string) {
  const row = await db
    .selectFrom('declaration')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toDeclaration(row) : null;
}

export async function partiesOfDeclaration(db: Kysely<Database>, councilId: string, id: string) {
  const rows = await db
    .selectFrom('declaration_party')
    .select(['kind', 'role', 'name', 'address', 'company_number'])
    .where('council_id', '=', councilId)
    .where('declaration_id', '=', id)
    .orderBy('position')
    .execute();
  return rows.map(
    (row): Party => ({
      kind: row.kind as Party['kind'],
      role: row.role,
      name: row.name,
      address: row.address,
      companyNumber: row.company_number,
    }),
  );
}

export async function declarationVersions(db: Kysely<Database>, councilId: string, id: string) {
  const rows = await db
    .selectFrom('declaration_version')
    .select(['version', 'change_reason', 'changed_by_name', 'changed_at'])
    .where('council_id', '=', councilId)
    .where('declaration_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    reason: row.change_reason,
    byName: row.changed_by_name,
    at: row.changed_at,
  }));
}

// The weekly hours of a person's current secondary jobs (003 Appendix V §7.8).
export async function currentSecondaryHours(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
  excludeId?: string,
): Promise<number[]> {
  let query = db
    .selectFrom('declaration')
    .select('weekly_hours')
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .where('kind', '=', 'secondary-employment')
    .where('ended_on', 'is', null);
  if (excludeId) query = query.where('id', '!=', excludeId);
  const rows = await query.execute();
  return rows.map((row) => Number(row.weekly_hours ?? 0));
}

export async function awaitingReviewBy(db: Kysely<Database>, councilId: string, reviewerId: string) {
  const rows = await db
    .selectFrom('declaration')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('review_state', '=', 'awaiting-review')
    .where('reviewer_id', '=', reviewerId)
    .orderBy('updated_at')
    .execute();
  return rows.map(toDeclaration);
}
