import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Principal } from './principal.ts';
import { isRole, type Role } from './roles.ts';

// Loads an active person as the principal of a request; a deactivated person has none.
export async function loadPrincipal(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
  via: Principal['via'],
): Promise<Omit<Principal, 'readOnly' | 'sessionId'> | null> {
  const person = await db
    .selectFrom('person')
    .innerJoin('council', 'council.council_id', 'person.council_id')
    .select(['person.id', 'person.name', 'person.email', 'council.name as councilName'])
    .where('person.council_id', '=', councilId)
    .where('person.id', '=', personId)
    .where('person.active', '=', true)
    .executeTakeFirst();
  if (!person) return null;
  const roleRows = await db
    .selectFrom('person_role')
    .select('role')
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .execute();
  const roles = new Set<Role>(roleRows.map((row) => row.role).filter(isRole));
  return {
    councilId,
    councilName: person.councilName,
    personId,
    name: person.name,
    email: person.email,
    roles,
    via,
  };
}
