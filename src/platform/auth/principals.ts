import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Principal } from './principal.ts';
import { isRole, type Role } from './roles.ts';

// An active person with their council's name and their roles, in one query; API tokens join their
// own table to it, so that identifying a request is a single round trip (sessions.ts writes the
// same out for sessions).
export function activePeople(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('council as c', 'c.council_id', 'p.council_id')
    .select([
      'p.id as personId',
      'p.name',
      'p.email',
      'p.service_id as serviceId',
      'c.name as councilName',
      'c.rules_version as councilRulesVersion',
      sql<string[]>`coalesce((select array_agg(r.role) from person_role r
        where r.council_id = p.council_id and r.person_id = p.id), '{}')`.as('roles'),
      sql<string[]>`${sql.raw(teamRolesSql)}`.as('teamRoles'),
    ])
    .where('p.council_id', '=', councilId)
    .where('p.active', '=', true);
}

// The roles the person's active direct reports hold: what their team does (a team of field
// officers is led by its line manager), read with the person.
export const teamRolesSql = `coalesce((select array_agg(distinct r.role) from person d
        join person_role r on r.council_id = d.council_id and r.person_id = d.id
        where d.council_id = p.council_id and d.line_manager_id = p.id and d.active), '{}')`;

// What activePeople reads of a person, as the session lookup reads it too.
export type PrincipalRow = {
  personId: string;
  name: string;
  email: string;
  serviceId: string | null;
  councilName: string;
  councilRulesVersion: number;
  roles: string[];
  teamRoles: string[];
};

export function toPrincipal(
  councilId: string,
  row: PrincipalRow,
  via: Principal['via'],
): Omit<Principal, 'readOnly' | 'sessionId'> {
  return {
    councilId,
    councilName: row.councilName,
    councilRulesVersion: row.councilRulesVersion,
    personId: row.personId,
    name: row.name,
    email: row.email,
    serviceId: row.serviceId,
    roles: new Set<Role>(row.roles.filter(isRole)),
    teamRoles: new Set<Role>(row.teamRoles.filter(isRole)),
    via,
  };
}

// A person as the principal of what a command does on their behalf (the demo council's records).
export async function principalByEmail(
  db: Kysely<Database>,
  councilId: string,
  email: string,
): Promise<Principal> {
  const row = await activePeople(db, councilId).where('p.email', '=', email).executeTakeFirst();
  if (!row) throw new Error(`No active person ${email}`);
  return { ...toPrincipal(councilId, row, 'session'), readOnly: false };
}
