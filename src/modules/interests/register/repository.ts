import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { CursorKey } from '../../../platform/web/cursor.ts';
import { type Declaration, toDeclaration } from '../declarations/repository.ts';
import type { DeclarationKind, Outcome, ReferralTarget } from '../declarations/rules.ts';
import type { RegisterScope } from '../policy.ts';

// The register: the declarations a viewer may list, a page at a time or for download.

export type RegisterFilter = {
  serviceId?: string | undefined;
  personId?: string | undefined;
  kind?: DeclarationKind | undefined;
  status?: 'current' | 'ended' | 'awaiting-review' | undefined;
  search?: string | undefined;
};

export type RegisterPage = { limit: number; after?: CursorKey | undefined };

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function registerQuery(
  db: Kysely<Database>,
  councilId: string,
  scope: RegisterScope,
  filter: RegisterFilter,
) {
  let query = db.selectFrom('declaration').where('council_id', '=', councilId);
  if (!scope.all) {
    const { personIds, serviceId } = scope;
    query = query.where((eb) =>
      eb.or([
        eb('person_id', 'in', personIds.length ? personIds : ['00000000-0000-0000-0000-000000000000']),
        ...(serviceId ? [eb.and([eb('service_id', '=', serviceId), eb('senior', '=', false)])] : []),
      ]),
    );
  }
  if (filter.serviceId) query = query.where('service_id', '=', filter.serviceId);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status === 'current') query = query.where('ended_on', 'is', null);
  if (filter.status === 'ended') query = query.where('ended_on', 'is not', null);
  if (filter.status === 'awaiting-review') query = query.where('review_state', '=', 'awaiting-review');
  if (filter.search) {
    query = query.where(
      sql<string>`reference || ' ' || person_name || ' ' || summary`,
      'ilike',
      likePattern(filter.search),
    );
  }
  return query;
}

// Newest first, one row more than the page to tell whether another follows.
const newestFirst =
  (limit: number) =>
  <O>(query: SelectQueryBuilder<Database, 'declaration', O>) =>
    query
      .orderBy('declared_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);

// A page of the register, newest first, continuing after the cursor's row.
export async function listDeclarations(
  db: Kysely<Database>,
  councilId: string,
  scope: RegisterScope,
  filter: RegisterFilter,
  page: RegisterPage,
): Promise<{ declarations: Declaration[]; next: CursorKey | null }> {
  let query = registerQuery(db, councilId, scope, filter).selectAll();
  if (page.after) {
    const [at, id] = page.after;
    query = query.where(sql<boolean>`(declared_at, id) < (${new Date(String(at))}, ${id})`);
  }
  const rows = await query.$call(newestFirst(page.limit)).execute();
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return {
    declarations: rows.slice(0, page.limit).map(toDeclaration),
    next: last ? [last.declared_at.toISOString(), last.id] : null,
  };
}

// One row of the register's CSV export, as one JSON array (as gifts' export does: the embedded
// database decodes one value far faster than sixteen). Instants are ISO 8601 in UTC.
export type ExportedDeclaration = [
  reference: string,
  declaredAt: string,
  personName: string,
  jobTitle: string,
  serviceName: string,
  kind: DeclarationKind,
  summary: string,
  startedOn: string | null,
  endedOn: string | null,
  endReason: string,
  outcome: Outcome | null,
  managementAction: string,
  referredTo: ReferralTarget | null,
  nextReviewOn: string | null,
  reviewedByName: string | null,
  reviewedAt: string | null,
];

const utc = (column: 'declared_at' | 'reviewed_at', seconds = 'SS') =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', ${sql.lit(`YYYY-MM-DD"T"HH24:MI:${seconds}"Z"`)})`;

// A batch of the register for export, newest first like the page. The cursor keeps the
// instant's microseconds, so that no row is skipped or repeated between batches.
export async function exportDeclarations(
  db: Kysely<Database>,
  councilId: string,
  scope: RegisterScope,
  filter: RegisterFilter,
  page: RegisterPage,
): Promise<{ declarations: ExportedDeclaration[]; next: CursorKey | null }> {
  let query = registerQuery(db, councilId, scope, filter);
  if (page.after) {
    const [at, id] = page.after;
    query = query.where(sql<boolean>`(declared_at, id) < (${String(at)}::timestamptz, ${String(id)}::uuid)`);
  }
  const rows = await query
    .select([
      'id',
      utc('declared_at', 'SS.US').as('sort_key'),
      sql<ExportedDeclaration>`json_build_array(reference, ${utc('declared_at')}, person_name, job_title,
        service_name, kind, summary, started_on, ended_on, end_reason, outcome, management_action, referred_to,
        next_review_on, reviewed_by_name, ${utc('reviewed_at')})`.as('row'),
    ])
    .$call(newestFirst(page.limit))
    .execute();
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return {
    declarations: rows.slice(0, page.limit).map((row) => row.row),
    next: last ? [last.sort_key, last.id] : null,
  };
}

// The services whose declarations a viewer may list, for the register's filter.
export async function serviceIdsInScope(db: Kysely<Database>, councilId: string, scope: RegisterScope) {
  const rows = await registerQuery(db, councilId, scope, {})
    .select('service_id')
    .where('service_id', 'is not', null)
    .distinct()
    .execute();
  return new Set(rows.map((row) => row.service_id));
}
