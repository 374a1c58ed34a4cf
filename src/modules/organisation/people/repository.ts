import { type Kysely, sql } from 'kysely';
import { isRole, type Role } from '../../../platform/auth/roles.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { EmploymentType, PersonDetails } from './input.ts';

export type Person = {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  mobile: string;
  serviceId: string | null;
  serviceName: string | null;
  lineManagerId: string | null;
  lineManagerName: string | null;
  employmentType: EmploymentType;
  politicallyRestricted: boolean;
  active: boolean;
  hasPassword: boolean;
  roles: Role[];
};

export type PeopleFilter = {
  search?: string | undefined;
  serviceId?: string | undefined;
  includeInactive?: boolean;
};

function peopleQuery(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('person as p')
    .leftJoin('service as s', sameCouncil('s.id', 'p.service_id'))
    .leftJoin('person as m', sameCouncil('m.id', 'p.line_manager_id'))
    .select([
      'p.id',
      'p.name',
      'p.email',
      'p.job_title',
      'p.mobile',
      'p.service_id',
      's.name as service_name',
      'p.line_manager_id',
      'm.name as line_manager_name',
      'p.employment_type',
      'p.politically_restricted',
      'p.active',
      sql<boolean>`p.password_hash is not null`.as('has_password'),
      sql<string[]>`coalesce((select array_agg(r.role order by r.role) from person_role r
        where r.council_id = p.council_id and r.person_id = p.id), '{}')`.as('roles'),
    ])
    .where('p.council_id', '=', councilId);
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof peopleQuery>['executeTakeFirstOrThrow']>>;

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    jobTitle: row.job_title,
    mobile: row.mobile,
    serviceId: row.service_id,
    serviceName: row.service_name,
    lineManagerId: row.line_manager_id,
    lineManagerName: row.line_manager_name,
    employmentType: row.employment_type as EmploymentType,
    politicallyRestricted: row.politically_restricted,
    active: row.active,
    hasPassword: row.has_password,
    roles: row.roles.filter(isRole),
  };
}

// A person by id; an id that is not a uuid (typed into a form or a request) is nobody.
export async function findPerson(
  db: Kysely<Database>,
  councilId: string,
  id: string,
): Promise<Person | null> {
  if (!isUuid(id)) return null;
  const row = await peopleQuery(db, councilId).where('p.id', '=', id).executeTakeFirst();
  return row ? toPerson(row) : null;
}

// People in name order, a page at a time; the cursor is the last row's name and id.
export async function listPeople(
  db: Kysely<Database>,
  councilId: string,
  filter: PeopleFilter,
  page: { limit: number; after?: { name: string; id: string } | undefined },
): Promise<{ people: Person[]; more: boolean }> {
  let query = peopleQuery(db, councilId);
  if (!filter.includeInactive) query = query.where('p.active', '=', true);
  if (filter.serviceId) query = query.where('p.service_id', '=', filter.serviceId);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.email', 'ilike', pattern)]));
  }
  if (page.after) {
    const after = page.after;
    query = query.where((eb) =>
      eb.or([
        eb('p.name', '>', after.name),
        eb.and([eb('p.name', '=', after.name), eb('p.id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(page.limit + 1)
    .execute();
  return { people: rows.slice(0, page.limit).map(toPerson), more: rows.length > page.limit };
}

export async function personNames(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .execute();
}

export async function emailInUse(db: Kysely<Database>, email: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('person').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

// The columns a person's details are kept in.
const detailColumns = (input: PersonDetails) => ({
  email: input.email,
  name: input.name,
  job_title: input.jobTitle,
  mobile: input.mobile ?? '',
  service_id: input.serviceId,
  line_manager_id: input.lineManagerId,
  employment_type: input.employmentType,
  politically_restricted: input.politicallyRestricted,
});

export async function insertPerson(
  db: Kysely<Database>,
  councilId: string,
  id: string,
  input: PersonDetails,
  now: Date,
) {
  await db
    .insertInto('person')
    .values({ council_id: councilId, id, ...detailColumns(input), created_at: now })
    .execute();
  await replaceRoles(db, councilId, id, input.roles);
}

export async function updatePerson(
  db: Kysely<Database>,
  councilId: string,
  id: string,
  input: PersonDetails,
) {
  await db
    .updateTable('person')
    .set(detailColumns(input))
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
  await replaceRoles(db, councilId, id, input.roles);
}

async function replaceRoles(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
  held: readonly Role[],
) {
  await db
    .deleteFrom('person_role')
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .execute();
  if (held.length === 0) return;
  await db
    .insertInto('person_role')
    .values([...new Set(held)].map((role) => ({ council_id: councilId, person_id: personId, role })))
    .execute();
}

export async function setActive(
  db: Kysely<Database>,
  councilId: string,
  id: string,
  active: boolean,
  now: Date,
) {
  await db
    .updateTable('person')
    .set({ active, deactivated_at: active ? null : now })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

// Everyone above a person in the line-management chain, nearest first.
export function managerChain(db: Kysely<Database>, councilId: string, personId: string): Promise<string[]> {
  return lineOf(db, councilId, personId, 'up');
}

// Everyone below a person in the line-management chain.
export function reportIdsOf(db: Kysely<Database>, councilId: string, personId: string): Promise<string[]> {
  return lineOf(db, councilId, personId, 'down');
}

// Walks the line-management chain from a person: up through their managers (nearest first), or
// down through everyone who reports to them.
async function lineOf(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
  direction: 'up' | 'down',
): Promise<string[]> {
  const [next, from] = direction === 'up' ? ['line_manager_id', 'id'] : ['id', 'line_manager_id'];
  const { rows } = await sql<{ id: string }>`
    with recursive line (id, depth) as (
      select ${sql.ref(next)}, 1 from person where council_id = ${councilId} and ${sql.ref(from)} = ${personId}
      union all
      select ${sql.ref(`p.${next}`)}, line.depth + 1 from person p
        join line on p.council_id = ${councilId} and ${sql.ref(`p.${from}`)} = line.id
      where line.depth < 50
    )
    select id from line where id is not null order by depth`.execute(db);
  return rows.map((row) => row.id);
}

export async function reportsOf(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
): Promise<Person[]> {
  const ids = await reportIdsOf(db, councilId, personId);
  if (ids.length === 0) return [];
  const people = await peopleQuery(db, councilId).where('p.id', 'in', ids).orderBy('p.name').execute();
  return people.map(toPerson);
}

// Active people holding a role, optionally in one service.
export async function peopleWithRole(
  db: Kysely<Database>,
  councilId: string,
  role: Role,
  serviceId?: string,
): Promise<Person[]> {
  let query = peopleQuery(db, councilId)
    .where('p.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_role as r')
          .select('r.role')
          .whereRef('r.council_id', '=', 'p.council_id')
          .whereRef('r.person_id', '=', 'p.id')
          .where('r.role', '=', role),
      ),
    );
  if (serviceId) query = query.where('p.service_id', '=', serviceId);
  const rows = await query.orderBy('p.name').execute();
  return rows.map(toPerson);
}

export async function listServices(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('service as s')
    .innerJoin('directorate as d', sameCouncil('d.id', 's.directorate_id'))
    .select(['s.id', 's.name', 'd.name as directorateName'])
    .where('s.council_id', '=', councilId)
    .orderBy('d.name')
    .orderBy('s.name')
    .execute();
}

export async function serviceExists(db: Kysely<Database>, councilId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('service')
    .select('id')
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

// A new password; failed attempts and any lock go with the old one.
export async function setPasswordHash(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
  passwordHash: string,
) {
  await db
    .updateTable('person')
    .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null })
    .where('council_id', '=', councilId)
    .where('id', '=', personId)
    .execute();
}

// Who these people are, by id: one query for a page's worth of names and ways to reach them.
export async function peopleByIds(db: Kysely<Database>, councilId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'mobile'])
    .where('council_id', '=', councilId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

// The name of the first active holder of a role, by name.
export async function firstHolderOf(
  db: Kysely<Database>,
  councilId: string,
  role: Role,
): Promise<string | null> {
  const row = await db
    .selectFrom('person as p')
    .innerJoin('person_role as r', sameCouncil('r.person_id', 'p.id'))
    .select('p.name')
    .where('p.council_id', '=', councilId)
    .where('p.active', '=', true)
    .where('r.role', '=', role)
    .orderBy('p.name')
    .executeTakeFirst();
  return row?.name ?? null;
}

// These people in full, active or not, in no order; those not in the council are left out.
export async function peopleWithIds(db: Kysely<Database>, councilId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await peopleQuery(db, councilId)
    .where(sql<boolean>`p.id = any(${sql.val(ids)}::uuid[])`)
    .execute();
  return rows.map(toPerson);
}

// Active people holding any of these roles, by name.
export async function peopleWithAnyRole(db: Kysely<Database>, councilId: string, roles: readonly string[]) {
  if (roles.length === 0) return [];
  const rows = await peopleQuery(db, councilId)
    .where('p.active', '=', true)
    .where(sql<boolean>`exists (select 1 from person_role r where r.council_id = p.council_id
      and r.person_id = p.id and r.role = any(${sql.val(roles)}::text[]))`)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map(toPerson);
}
