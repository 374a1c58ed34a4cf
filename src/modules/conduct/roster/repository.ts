import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

export type Councillor = {
  id: string;
  name: string;
  ward: string;
  party: string;
  email: string;
  active: boolean;
};
export type IndependentPerson = { id: string; name: string; email: string; active: boolean };

export function councillors(q: Kysely<Database>, councilId: string): Promise<Councillor[]> {
  return q
    .selectFrom('councillor')
    .select(['id', 'name', 'ward', 'party', 'email', 'active'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function councillor(
  q: Kysely<Database>,
  councilId: string,
  id: string,
): Promise<Councillor | undefined> {
  return q
    .selectFrom('councillor')
    .select(['id', 'name', 'ward', 'party', 'email', 'active'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function independentPersons(q: Kysely<Database>, councilId: string): Promise<IndependentPerson[]> {
  return q
    .selectFrom('independent_person')
    .select(['id', 'name', 'email', 'active'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function insertCouncillor(
  trx: Kysely<Database>,
  councilId: string,
  row: Omit<Councillor, 'active'>,
  at: Date,
) {
  await trx
    .insertInto('councillor')
    .values({ council_id: councilId, ...row, active: true, created_at: at })
    .execute();
}

export async function insertIndependentPerson(
  trx: Kysely<Database>,
  councilId: string,
  row: Omit<IndependentPerson, 'active'>,
  at: Date,
) {
  await trx
    .insertInto('independent_person')
    .values({ council_id: councilId, ...row, active: true, created_at: at })
    .execute();
}
