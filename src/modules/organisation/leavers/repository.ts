import { type Kysely, sql } from 'kysely';
import type { Role } from '../../../platform/auth/roles.ts';
import type { Database } from '../../../platform/db/schema.ts';

// Leavers: people no longer active in the council, and those who can take on their work.

export type Leaver = {
  id: string;
  name: string;
  jobTitle: string;
  staffNumber: string | null;
  leavingDate: string | null;
  deactivatedAt: Date | null;
};

const leaverColumns = ['id', 'name', 'job_title', 'staff_number', 'leaving_date', 'deactivated_at'] as const;
type LeaverRow = {
  id: string;
  name: string;
  job_title: string;
  staff_number: string | null;
  leaving_date: string | null;
  deactivated_at: Date | null;
};
const toLeaver = (row: LeaverRow): Leaver => ({
  id: row.id,
  name: row.name,
  jobTitle: row.job_title,
  staffNumber: row.staff_number,
  leavingDate: row.leaving_date,
  deactivatedAt: row.deactivated_at,
});

export async function leaverIds(q: Kysely<Database>, councilId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('person')
    .select('id')
    .where('council_id', '=', councilId)
    .where('active', '=', false)
    .execute();
  return rows.map((row) => row.id);
}

export async function leaversWithIds(q: Kysely<Database>, councilId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await q
    .selectFrom('person')
    .select(leaverColumns)
    .where('council_id', '=', councilId)
    .where('active', '=', false)
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
  return rows.map(toLeaver);
}

export async function findLeaver(q: Kysely<Database>, councilId: string, id: string): Promise<Leaver | null> {
  const row = await q
    .selectFrom('person')
    .select(leaverColumns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('active', '=', false)
    .executeTakeFirst();
  return row ? toLeaver(row) : null;
}

// Active people holding any of these roles (anyone active when none), by name.
export async function takers(q: Kysely<Database>, councilId: string, roles: readonly Role[]) {
  let query = q
    .selectFrom('person as p')
    .select(['p.id', 'p.name', 'p.job_title as jobTitle'])
    .where('p.council_id', '=', councilId)
    .where('p.active', '=', true);
  if (roles.length)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('person_role as r')
          .select(sql`1`.as('one'))
          .whereRef('r.council_id', '=', 'p.council_id')
          .whereRef('r.person_id', '=', 'p.id')
          .where('r.role', 'in', [...roles]),
      ),
    );
  return query.orderBy('p.name').execute();
}

// Makes an active person a leaver: false when they are one already (made so at the same moment).
export async function markLeaver(
  trx: Kysely<Database>,
  councilId: string,
  id: string,
  leavingDate: string,
  now: Date,
) {
  const marked = await trx
    .updateTable('person')
    .set({ active: false, deactivated_at: now, leaving_date: leavingDate })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('active', '=', true)
    .returning('id')
    .executeTakeFirst();
  return marked !== undefined;
}
