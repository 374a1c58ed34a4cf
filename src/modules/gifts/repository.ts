import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CursorKey } from '../../platform/web/cursor.ts';
import type { OfferHistory, OfferKind, OfferState, Relationship, Verdict } from './rules.ts';
import type { GiftOfferTable } from './tables.ts';

export type GiftOffer = {
  id: string;
  reference: string;
  recipientId: string;
  recipientName: string;
  jobTitle: string;
  serviceId: string | null;
  serviceName: string;
  senior: boolean;
  registerKey: string;
  kind: OfferKind;
  nature: string;
  description: string;
  offerorPerson: string;
  offerorOrganisation: string;
  offerorKey: string;
  relationship: Relationship;
  valuePence: number;
  offeredOn: string;
  state: OfferState;
  reason: string;
  outcome: string;
  verdict: Verdict;
  approverId: string | null;
  approvalDecision: 'approved' | 'refused' | null;
  approvalComment: string;
  approvalDecidedByName: string | null;
  approvalDecidedAt: Date | null;
  version: number;
  recordedBy: string;
  recordedAt: Date;
  updatedAt: Date;
};

// What a version keeps: everything a reviewer signs for.
export type OfferEntry = Omit<GiftOffer, 'verdict' | 'recordedAt' | 'updatedAt' | 'approvalDecidedAt'>;

function toOffer(row: Selectable<GiftOfferTable>): GiftOffer {
  return {
    id: row.id,
    reference: row.reference,
    recipientId: row.recipient_id,
    recipientName: row.recipient_name,
    jobTitle: row.job_title,
    serviceId: row.service_id,
    serviceName: row.service_name,
    senior: row.senior,
    registerKey: row.register_key,
    kind: row.kind as OfferKind,
    nature: row.nature,
    description: row.description,
    offerorPerson: row.offeror_person,
    offerorOrganisation: row.offeror_organisation,
    offerorKey: row.offeror_key,
    relationship: row.relationship as Relationship,
    valuePence: row.value_pence,
    offeredOn: row.offered_on,
    state: row.state as OfferState,
    reason: row.reason,
    outcome: row.outcome,
    verdict: row.verdict as Verdict,
    approverId: row.approver_id,
    approvalDecision: row.approval_decision as GiftOffer['approvalDecision'],
    approvalComment: row.approval_comment,
    approvalDecidedByName: row.approval_decided_by_name,
    approvalDecidedAt: row.approval_decided_at,
    version: row.version,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    updatedAt: row.updated_at,
  };
}

export function entryOf(offer: GiftOffer): OfferEntry {
  const { verdict: _v, recordedAt: _r, updatedAt: _u, approvalDecidedAt: _a, ...entry } = offer;
  return entry;
}

function toRow(councilId: string, offer: GiftOffer) {
  return {
    council_id: councilId,
    id: offer.id,
    reference: offer.reference,
    recipient_id: offer.recipientId,
    recipient_name: offer.recipientName,
    job_title: offer.jobTitle,
    service_id: offer.serviceId,
    service_name: offer.serviceName,
    senior: offer.senior,
    register_key: offer.registerKey,
    kind: offer.kind,
    nature: offer.nature,
    description: offer.description,
    offeror_person: offer.offerorPerson,
    offeror_organisation: offer.offerorOrganisation,
    offeror_key: offer.offerorKey,
    relationship: offer.relationship,
    value_pence: offer.valuePence,
    offered_on: offer.offeredOn,
    state: offer.state,
    reason: offer.reason,
    outcome: offer.outcome,
    verdict: JSON.stringify(offer.verdict),
    approver_id: offer.approverId,
    approval_decision: offer.approvalDecision,
    approval_comment: offer.approvalComment,
    approval_decided_by_name: offer.approvalDecidedByName,
    approval_decided_at: offer.approvalDecidedAt,
    version: offer.version,
    recorded_by: offer.recordedBy,
    recorded_at: offer.recordedAt,
    updated_at: offer.updatedAt,
  };
}

// References people can quote: GH-2026-0042, numbered per council and year.
export async function nextReference(trx: Kysely<Database>, councilId: string, year: number): Promise<string> {
  const { last_number } = await trx
    .insertInto('gift_reference_counter')
    .values({ council_id: councilId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'year'])
        .doUpdateSet({ last_number: sql`gift_reference_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `GH-${year}-${String(last_number).padStart(4, '0')}`;
}

type VersionChange = { reason: string; byId: string | null; byName: string; at: Date };

async function insertVersion(
  trx: Kysely<Database>,
  councilId: string,
  offer: GiftOffer,
  change: VersionChange,
) {
  await trx
    .insertInto('gift_offer_version')
    .values({
      council_id: councilId,
      offer_id: offer.id,
      version: offer.version,
      entry: JSON.stringify(entryOf(offer)),
      change_reason: change.reason,
      changed_by: change.byId,
      changed_by_name: change.byName,
      changed_at: change.at,
    })
    .execute();
}

export async function insertOffer(
  trx: Kysely<Database>,
  councilId: string,
  offer: GiftOffer,
  change: VersionChange,
) {
  await trx.insertInto('gift_offer').values(toRow(councilId, offer)).execute();
  await insertVersion(trx, councilId, offer, change);
}

// Saves a changed offer as its next version; false if someone else changed it first.
export async function saveOffer(
  trx: Kysely<Database>,
  councilId: string,
  offer: GiftOffer,
  change: VersionChange,
): Promise<boolean> {
  const { council_id: _c, id: _i, ...row } = toRow(councilId, offer);
  const result = await trx
    .updateTable('gift_offer')
    .set(row)
    .where('council_id', '=', councilId)
    .where('id', '=', offer.id)
    .where('version', '=', offer.version - 1)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  await insertVersion(trx, councilId, offer, change);
  return true;
}

export async function findOffer(
  db: Kysely<Database>,
  councilId: string,
  id: string,
): Promise<GiftOffer | null> {
  const row = await db
    .selectFrom('gift_offer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toOffer(row) : null;
}

export async function offerVersions(db: Kysely<Database>, councilId: string, id: string) {
  const rows = await db
    .selectFrom('gift_offer_version')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('offer_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    entry: row.entry as OfferEntry,
    reason: row.change_reason,
    byName: row.changed_by_name,
    at: row.changed_at,
  }));
}

// Earlier offers from the same offeror in the 12 months up to an offer's date.
export async function offerHistory(
  db: Kysely<Database>,
  councilId: string,
  q: { offerorKey: string; recipientId: string; from: string; to: string; excludeId?: string | undefined },
): Promise<OfferHistory> {
  const row = await db
    .selectFrom('gift_offer')
    .select([
      sql<number>`count(*) filter (where recipient_id = ${q.recipientId})`.as('mine'),
      sql<number>`coalesce(sum(value_pence) filter (where recipient_id = ${q.recipientId}), 0)`.as(
        'mine_total',
      ),
      sql<number>`count(*)`.as('all'),
      sql<number>`coalesce(sum(value_pence), 0)`.as('all_total'),
      sql<number>`count(distinct recipient_id)`.as('people'),
    ])
    .where('council_id', '=', councilId)
    .where('offeror_key', '=', q.offerorKey)
    .where('offered_on', '>=', q.from)
    .where('offered_on', '<=', q.to)
    .where('id', '!=', q.excludeId ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirstOrThrow();
  return {
    toThisOfficer: { count: Number(row.mine), totalPence: Number(row.mine_total) },
    toAnyone: { count: Number(row.all), totalPence: Number(row.all_total), people: Number(row.people) },
  };
}

// Whose entries a person may see: everyone's, or those of some people and services.
export type RegisterScope = { all: true } | { all: false; recipientIds: string[]; registerKeys: string[] };

export type RegisterFilter = {
  serviceId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offeror?: string | undefined;
  state?: OfferState | undefined;
  kind?: OfferKind | undefined;
  minPence?: number | undefined;
  maxPence?: number | undefined;
  search?: string | undefined;
  recipientId?: string | undefined;
};

export const registerSorts = ['newest', 'oldest', 'highest-value', 'lowest-value', 'offeror'] as const;
export type RegisterSort = (typeof registerSorts)[number];

const sortColumns = {
  newest: ['offered_on', 'desc'],
  oldest: ['offered_on', 'asc'],
  'highest-value': ['value_pence', 'desc'],
  'lowest-value': ['value_pence', 'asc'],
  offeror: ['offeror_key', 'asc'],
} as const;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type RegisterPage = { sort: RegisterSort; limit: number; after?: CursorKey | undefined };

// The register's rows a person may see, filtered, in order, after the cursor's row; the caller
// chooses the columns.
function registerPage(
  db: Kysely<Database>,
  councilId: string,
  scope: RegisterScope,
  filter: RegisterFilter,
  page: RegisterPage,
) {
  let query = db.selectFrom('gift_offer').where('council_id', '=', councilId);
  if (!scope.all) {
    const { recipientIds, registerKeys } = scope;
    query = query.where((eb) =>
      eb.or([
        eb('recipient_id', '=', sql<string>`any(${recipientIds}::uuid[])`),
        ...(registerKeys.length ? [eb('register_key', '=', sql<string>`any(${registerKeys}::text[])`)] : []),
      ]),
    );
  }
  if (filter.serviceId) query = query.where('service_id', '=', filter.serviceId);
  if (filter.recipientId) query = query.where('recipient_id', '=', filter.recipientId);
  if (filter.from) query = query.where('offered_on', '>=', filter.from);
  if (filter.to) query = query.where('offered_on', '<=', filter.to);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.minPence !== undefined) query = query.where('value_pence', '>=', filter.minPence);
  if (filter.maxPence !== undefined) query = query.where('value_pence', '<=', filter.maxPence);
  if (filter.offeror) {
    const pattern = likePattern(filter.offeror);
    query = query.where((eb) =>
      eb.or([eb('offeror_organisation', 'ilike', pattern), eb('offeror_person', 'ilike', pattern)]),
    );
  }
  if (filter.search) {
    query = query.where(
      sql<string>`offeror_organisation || ' ' || offeror_person || ' ' || description || ' ' || recipient_name`,
      'ilike',
      likePattern(filter.search),
    );
  }
  const [column, direction] = sortColumns[page.sort];
  if (page.after) {
    const [value, id] = page.after;
    const compare = direction === 'desc' ? sql`<` : sql`>`;
    query = query.where(sql<boolean>`(${sql.ref(column)}, id) ${compare} (${value}, ${id})`);
  }
  return query
    .orderBy(column, direction)
    .orderBy('id', direction)
    .limit(page.limit + 1);
}

function nextCursor<Row extends { id: string }>(
  rows: Row[],
  page: RegisterPage,
  key: (row: Row) => string | number,
) {
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return last ? ([key(last), last.id] as CursorKey) : null;
}

// A page of the register in the chosen order, continuing after the cursor's row.
export async function listOffers(
  db: Kysely<Database>,
  councilId: string,
  scope: RegisterScope,
  filter: RegisterFilter,
  page: RegisterPage,
): Promise<{ offers: GiftOffer[]; next: CursorKey | null }> {
  const rows = await registerPage(db, councilId, scope, filter, page).selectAll().execute();
  const [column] = sortColumns[page.sort];
  return {
    offers: rows.slice(0, page.limit).map(toOffer),
    next: nextCursor(rows, page, (row) => row[column]),
  };
}

// What the register's CSV holds, in its column order.
export type ExportedOffer = [
  reference: string,
  offeredOn: string,
  recipientName: string,
  jobTitle: string,
  serviceName: string,
  kind: OfferKind,
  nature: string,
  description: string,
  offerorPerson: string,
  offerorOrganisation: string,
  relationship: Relationship,
  valuePence: number,
  state: OfferState,
  reason: string,
  outcome: string,
  approvalDecision: string | null,
  approvalDecidedByName: string | null,
  recordedAt: string,
];

// A batch of the register for export. Each row comes back as one JSON array: the embedded
// database decodes one value far faster than eighteen.
export async function exportOffers(
  db: Kysely<Database>,
  councilId: string,
  scope: RegisterScope,
  filter: RegisterFilter,
  page: RegisterPage,
): Promise<{ offers: ExportedOffer[]; next: CursorKey | null }> {
  const [column] = sortColumns[page.sort];
  const rows = await registerPage(db, councilId, scope, filter, page)
    .select([
      'id',
      sql<string | number>`${sql.ref(column)}`.as('sort_key'),
      sql<ExportedOffer>`json_build_array(reference, offered_on, recipient_name, job_title, service_name, kind,
        nature, description, offeror_person, offeror_organisation, relationship, value_pence, state, reason,
        outcome, approval_decision, approval_decided_by_name, recorded_at)`.as('offer'),
    ])
    .execute();
  return {
    offers: rows.slice(0, page.limit).map((row) => row.offer),
    next: nextCursor(rows, page, (row) => row.sort_key),
  };
}

export async function awaitingApprovalBy(db: Kysely<Database>, councilId: string, approverId: string) {
  const rows = await db
    .selectFrom('gift_offer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('state', '=', 'awaiting-approval')
    .where('approver_id', '=', approverId)
    .orderBy('recorded_at')
    .execute();
  return rows.map(toOffer);
}

export async function awaitingApprovalCount(db: Kysely<Database>, councilId: string, approverId: string) {
  const row = await db
    .selectFrom('gift_offer')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('council_id', '=', councilId)
    .where('state', '=', 'awaiting-approval')
    .where('approver_id', '=', approverId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function offersInRegister(
  db: Kysely<Database>,
  councilId: string,
  registerKey: string,
  period: { start: string; end: string },
) {
  const rows = await db
    .selectFrom('gift_offer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('register_key', '=', registerKey)
    .where('offered_on', '>=', period.start)
    .where('offered_on', '<=', period.end)
    .orderBy('offered_on')
    .orderBy('id')
    .execute();
  return rows.map(toOffer);
}

// Entries per register and review period from a date on, for the review dashboard.
export async function registerCounts(db: Kysely<Database>, councilId: string, from: string, months: number) {
  const { rows } = await sql<{ register_key: string; period_start: string; entries: number }>`
    select register_key,
      make_date(extract(year from offered_on)::int,
                ((extract(month from offered_on)::int - 1) / ${months}::int) * ${months}::int + 1, 1) as period_start,
      count(*)::int as entries
    from gift_offer
    where council_id = ${councilId} and offered_on >= ${from}
    group by 1, 2`.execute(db);
  return rows;
}

export type SignedReview = {
  registerKey: string;
  periodStart: string;
  periodEnd: string;
  signedBy: string;
  signedByName: string;
  signedAt: Date;
  comment: string;
};

export async function signedReviews(
  db: Kysely<Database>,
  councilId: string,
  from: string,
): Promise<SignedReview[]> {
  const rows = await db
    .selectFrom('gift_review')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('period_start', '>=', from)
    .execute();
  return rows.map((row) => ({
    registerKey: row.register_key,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    signedBy: row.signed_by,
    signedByName: row.signed_by_name,
    signedAt: row.signed_at,
    comment: row.comment,
  }));
}

export async function findReview(
  db: Kysely<Database>,
  councilId: string,
  registerKey: string,
  periodStart: string,
) {
  const reviews = await db
    .selectFrom('gift_review')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('register_key', '=', registerKey)
    .where('period_start', '=', periodStart)
    .execute();
  const row = reviews[0];
  if (!row) return null;
  const entries = await db
    .selectFrom('gift_review_entry as e')
    .innerJoin('gift_offer_version as v', (join) =>
      join
        .onRef('v.council_id', '=', 'e.council_id')
        .onRef('v.offer_id', '=', 'e.offer_id')
        .onRef('v.version', '=', 'e.version'),
    )
    .select(['e.offer_id', 'e.version', 'v.entry'])
    .where('e.council_id', '=', councilId)
    .where('e.register_key', '=', registerKey)
    .where('e.period_start', '=', periodStart)
    .execute();
  return {
    registerKey: row.register_key,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    signedBy: row.signed_by,
    signedByName: row.signed_by_name,
    signedAt: row.signed_at,
    comment: row.comment,
    entries: entries.map((entry) => ({
      offerId: entry.offer_id,
      version: entry.version,
      entry: entry.entry as OfferEntry,
    })),
  };
}

// Signs off a review, keeping the version of each entry it saw; false if it was already signed.
export async function insertReview(
  trx: Kysely<Database>,
  councilId: string,
  review: SignedReview,
  entries: readonly { offerId: string; version: number }[],
): Promise<boolean> {
  const inserted = await trx
    .insertInto('gift_review')
    .values({
      council_id: councilId,
      register_key: review.registerKey,
      period_start: review.periodStart,
      period_end: review.periodEnd,
      signed_by: review.signedBy,
      signed_by_name: review.signedByName,
      signed_at: review.signedAt,
      comment: review.comment,
    })
    .onConflict((oc) => oc.columns(['council_id', 'register_key', 'period_start']).doNothing())
    .returning('register_key')
    .execute();
  if (inserted.length === 0) return false;
  if (entries.length) {
    await trx
      .insertInto('gift_review_entry')
      .values(
        entries.map((entry) => ({
          council_id: councilId,
          register_key: review.registerKey,
          period_start: review.periodStart,
          offer_id: entry.offerId,
          version: entry.version,
        })),
      )
      .execute();
  }
  return true;
}

// Claims the right to send a reminder: true at most once per gap for a register and period,
// however many processes ask at the same moment.
export async function claimReminder(
  trx: Kysely<Database>,
  councilId: string,
  registerKey: string,
  periodStart: string,
  now: Date,
  gapMs: number,
): Promise<boolean> {
  const claimed = await trx
    .insertInto('gift_review_reminder')
    .values({
      council_id: councilId,
      register_key: registerKey,
      period_start: periodStart,
      last_sent_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'register_key', 'period_start'])
        .doUpdateSet({ last_sent_at: now })
        .where('gift_review_reminder.last_sent_at', '<=', new Date(now.getTime() - gapMs)),
    )
    .returning('register_key')
    .execute();
  return claimed.length === 1;
}

export type GiftQuery = {
  id: string;
  offerId: string;
  askedBy: string;
  askedByName: string;
  question: string;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
};

export async function queriesOf(db: Kysely<Database>, councilId: string, offerIds: readonly string[]) {
  if (offerIds.length === 0) return [];
  const rows = await db
    .selectFrom('gift_query')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('offer_id', 'in', offerIds)
    .orderBy('asked_at')
    .execute();
  return rows.map(
    (row): GiftQuery => ({
      id: row.id,
      offerId: row.offer_id,
      askedBy: row.asked_by,
      askedByName: row.asked_by_name,
      question: row.question,
      askedAt: row.asked_at,
      answer: row.answer,
      answeredAt: row.answered_at,
    }),
  );
}

export async function insertQuery(trx: Kysely<Database>, councilId: string, query: GiftQuery) {
  await trx
    .insertInto('gift_query')
    .values({
      council_id: councilId,
      id: query.id,
      offer_id: query.offerId,
      asked_by: query.askedBy,
      asked_by_name: query.askedByName,
      question: query.question,
      asked_at: query.askedAt,
    })
    .execute();
}

export async function answerQuery(
  trx: Kysely<Database>,
  councilId: string,
  id: string,
  answer: string,
  at: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('gift_query')
    .set({ answer, answered_at: at })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('answer', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

// The published register: decided offers, newest first, a batch at a time.
export async function publishedOffers(
  db: Kysely<Database>,
  councilId: string,
  page: { limit: number; after?: CursorKey | undefined; from: string },
) {
  let query = db
    .selectFrom('gift_offer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('state', '!=', 'awaiting-approval')
    .where('offered_on', '>=', page.from);
  if (page.after) query = query.where(sql<boolean>`(offered_on, id) < (${page.after[0]}, ${page.after[1]})`);
  const rows = await query.orderBy('offered_on', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(toOffer);
}
