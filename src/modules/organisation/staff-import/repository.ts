import { type Kysely, sql } from 'kysely';
import { isRole, type Role } from '../../../platform/auth/roles.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { EmploymentType } from '../people/input.ts';
import type { Addition, KnownPerson, StaffValues } from './plan.ts';

// The staff import's SQL: the council's people as the plan needs them, a digest of them that
// changes whenever any of them does, and the batched statements that apply a plan.

const chunk = 1000;

export async function knownPeople(db: Kysely<Database>, councilId: string): Promise<KnownPerson[]> {
  const rows = await db
    .selectFrom('person')
    .select([
      'id',
      'staff_number',
      'email',
      'name',
      'job_title',
      'service_id',
      'line_manager_id',
      'employment_type',
      'start_date',
      'leaving_date',
      'active',
    ])
    .where('council_id', '=', councilId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    staffNumber: row.staff_number,
    email: row.email,
    name: row.name,
    jobTitle: row.job_title,
    serviceId: row.service_id,
    lineManagerId: row.line_manager_id,
    employmentType: row.employment_type as EmploymentType,
    startDate: row.start_date,
    leavingDate: row.leaving_date,
    active: row.active,
  }));
}

export async function councilServices(db: Kysely<Database>, councilId: string) {
  return db.selectFrom('service').select(['id', 'name']).where('council_id', '=', councilId).execute();
}

// Which of these addresses sign in to an account in another council.
export async function emailsElsewhere(db: Kysely<Database>, councilId: string, emails: readonly string[]) {
  if (emails.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('person')
    .select(sql<string>`lower(email)`.as('email'))
    .where('council_id', '<>', councilId)
    .where(sql<string>`lower(email)`, '=', sql<string>`any(${[...emails]}::text[])`)
    .execute();
  return new Set(rows.map((row) => row.email));
}

// A digest of everything the import reads or writes about the council's people.
export async function peopleDigest(db: Kysely<Database>, councilId: string): Promise<string> {
  const { rows } = await sql<{ digest: string }>`
    select md5(coalesce(string_agg(concat_ws('|', id, staff_number, lower(email), name, job_title, service_id,
      line_manager_id, employment_type, start_date, leaving_date, active), ',' order by id), '')) as digest
    from person where council_id = ${councilId}`.execute(db);
  return rows[0]?.digest ?? '';
}

// The council's row, locked: applies to one council's people happen one at a time.
export async function lockCouncil(trx: Kysely<Database>, councilId: string) {
  await trx
    .selectFrom('council')
    .select('council_id')
    .where('council_id', '=', councilId)
    .forUpdate()
    .execute();
}

// New people, each after their line manager (so the foreign key finds the manager already there),
// then their officer role. The table's statistics are brought up to date after the first thousand,
// so that the foreign key checks find each person by the primary key rather than scanning a table
// the planner still thinks is small.
export async function insertPeople(
  trx: Kysely<Database>,
  councilId: string,
  added: readonly Addition[],
  now: Date,
) {
  const ordered = managersFirst(added);
  for (let at = 0; at < ordered.length; at += chunk) {
    await insertChunk(trx, councilId, ordered.slice(at, at + chunk), now);
    if (at === 0 && ordered.length > chunk) await sql`analyze person`.execute(trx);
  }
  if (ordered.length > 0 && ordered.length <= chunk) await sql`analyze person`.execute(trx);
  for (let at = 0; at < ordered.length; at += chunk)
    await trx
      .insertInto('person_role')
      .values(
        ordered
          .slice(at, at + chunk)
          .map(({ id }) => ({ council_id: councilId, person_id: id, role: 'officer' })),
      )
      .execute();
}

// The people to add, each after the new person who manages them (a plan has no circles).
function managersFirst(added: readonly Addition[]): Addition[] {
  const byId = new Map(added.map((one) => [one.id, one]));
  const depth = new Map<string, number>();
  const depthOf = (one: Addition): number => {
    let level = depth.get(one.id);
    if (level !== undefined) return level;
    const chain: Addition[] = [];
    let at: Addition | undefined = one;
    while (at && !depth.has(at.id)) {
      chain.push(at);
      at = at.values.lineManagerId ? byId.get(at.values.lineManagerId) : undefined;
    }
    level = at ? (depth.get(at.id) ?? 0) + 1 : 0;
    for (const link of chain.reverse()) depth.set(link.id, level++);
    return depth.get(one.id) ?? 0;
  };
  return [...added].sort((a, b) => depthOf(a) - depthOf(b));
}

// A thousand people in one statement of one array a column.
async function insertChunk(trx: Kysely<Database>, councilId: string, part: readonly Addition[], now: Date) {
  const column = <T>(pick: (values: StaffValues) => T) => part.map(({ values }) => pick(values));
  await sql`
    insert into person (council_id, id, email, name, job_title, service_id, line_manager_id, employment_type,
      staff_number, start_date, leaving_date, created_at)
    select ${councilId}::uuid, v.*, ${now}::timestamptz from unnest(${part.map((p) => p.id)}::uuid[], ${column((v) => v.email)}::text[],
      ${column((v) => v.name)}::text[], ${column((v) => v.jobTitle)}::text[], ${column((v) => v.serviceId)}::uuid[],
      ${column((v) => v.lineManagerId)}::uuid[], ${column((v) => v.employmentType)}::text[],
      ${column((v) => v.staffNumber)}::text[], ${column((v) => v.startDate)}::date[], ${column((v) => v.leavingDate)}::date[])
      as v(id, email, name, job_title, service_id, line_manager_id, employment_type, staff_number, start_date, leaving_date)`.execute(
    trx,
  );
}

// Everyone's details from the file in one statement per thousand people, line managers included
// (set after every new person exists).
export async function updateDetails(
  trx: Kysely<Database>,
  councilId: string,
  people: readonly { id: string; values: StaffValues }[],
) {
  for (let at = 0; at < people.length; at += chunk) {
    const part = people.slice(at, at + chunk);
    const column = <T>(pick: (values: StaffValues) => T) => part.map(({ values }) => pick(values));
    await sql`
      update person p set staff_number = v.staff_number, email = v.email, name = v.name,
        job_title = v.job_title, service_id = v.service_id, line_manager_id = v.line_manager_id,
        employment_type = v.employment_type, start_date = v.start_date, leaving_date = v.leaving_date
      from unnest(${part.map((p) => p.id)}::uuid[], ${column((v) => v.staffNumber)}::text[],
        ${column((v) => v.email)}::text[], ${column((v) => v.name)}::text[], ${column((v) => v.jobTitle)}::text[],
        ${column((v) => v.serviceId)}::uuid[], ${column((v) => v.lineManagerId)}::uuid[],
        ${column((v) => v.employmentType)}::text[], ${column((v) => v.startDate)}::date[],
        ${column((v) => v.leavingDate)}::date[])
        as v(id, staff_number, email, name, job_title, service_id, line_manager_id, employment_type,
          start_date, leaving_date)
      where p.council_id = ${councilId} and p.id = v.id`.execute(trx);
  }
}

export async function deactivate(
  trx: Kysely<Database>,
  councilId: string,
  ids: readonly string[],
  now: Date,
) {
  if (ids.length === 0) return;
  await trx
    .updateTable('person')
    .set({ active: false, deactivated_at: now })
    .where('council_id', '=', councilId)
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
}

// The file itself is kept only until it is applied, or for a day after its preview (csv '' since).
export type StaffImport = {
  id: string;
  csv: string;
  fileHash: string;
  peopleDigest: string;
  previewedBy: string;
  appliedAt: Date | null;
  summary: unknown;
};

export async function insertImport(
  db: Kysely<Database>,
  councilId: string,
  row: Omit<StaffImport, 'appliedAt' | 'summary'>,
  now: Date,
) {
  await db
    .insertInto('staff_import')
    .values({
      council_id: councilId,
      id: row.id,
      csv: row.csv,
      file_hash: row.fileHash,
      people_digest: row.peopleDigest,
      previewed_by: row.previewedBy,
      previewed_at: now,
    })
    .execute();
}

// The import, locked when applying it: of two applies at once, the second waits and finds it applied.
export async function findImport(
  db: Kysely<Database>,
  councilId: string,
  id: string,
  lock = false,
): Promise<StaffImport | null> {
  let query = db
    .selectFrom('staff_import')
    .select(['id', 'csv', 'file_hash', 'people_digest', 'previewed_by', 'applied_at', 'summary'])
    .where('council_id', '=', councilId)
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row
    ? {
        id: row.id,
        csv: row.csv,
        fileHash: row.file_hash,
        peopleDigest: row.people_digest,
        previewedBy: row.previewed_by,
        appliedAt: row.applied_at,
        summary: row.summary,
      }
    : null;
}

export async function markApplied(
  trx: Kysely<Database>,
  councilId: string,
  id: string,
  by: string | null,
  summary: object,
  now: Date,
) {
  await trx
    .updateTable('staff_import')
    .set({ applied_by: by, applied_at: now, summary: JSON.stringify(summary), csv: '' })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

// Removes the files of previews not applied by `before`, in every council; how many.
export async function removeFilesPreviewedBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const { numUpdatedRows } = await db
    .updateTable('staff_import')
    .set({ csv: '' })
    .where('applied_at', 'is', null)
    .where('previewed_at', '<', before)
    .where('csv', '<>', '')
    .executeTakeFirst();
  return Number(numUpdatedRows);
}

// The roles a person of the council holds.
export async function rolesOf(db: Kysely<Database>, councilId: string, personId: string): Promise<Set<Role>> {
  const rows = await db
    .selectFrom('person_role')
    .select('role')
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .execute();
  return new Set(rows.map((row) => row.role).filter(isRole));
}
