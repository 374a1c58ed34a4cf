import type { Kysely } from 'kysely';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { type Role, roleNames } from '../../../platform/auth/roles.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type DemoPerson, demoCouncil } from './demo-council.ts';
import { findCouncilBySlug } from './repository.ts';
import { addPersonDuringSetUp, createCouncil } from './set-up.ts';

// Every demo account shares this password; the demo council is for trying Probity, not for real data.
export const demoPassword = 'probity demo 2026';

// Managers before the people they manage, so every line-manager reference exists when inserted.
function managersFirst(people: readonly DemoPerson[]): DemoPerson[] {
  const ordered: DemoPerson[] = [];
  const placed = new Set<string>();
  let remaining = [...people];
  while (remaining.length) {
    const ready = remaining.filter((person) => person.manager === null || placed.has(person.manager));
    if (ready.length === 0) throw new Error('The demo council’s line management has a cycle');
    for (const person of ready) {
      ordered.push(person);
      placed.add(person.key);
    }
    remaining = remaining.filter((person) => !placed.has(person.key));
  }
  return ordered;
}

export async function seedDemoCouncil(
  db: Kysely<Database>,
  clock: Clock,
): Promise<{ created: boolean; councilId: string }> {
  const existing = await findCouncilBySlug(db, demoCouncil.slug);
  if (existing) return { created: false, councilId: existing.council_id };
  const passwordHash = await hashPassword(demoPassword);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const { councilId, serviceIds } = await createCouncil(trx, demoCouncil, now);
    const ids = new Map<string, string>();
    for (const person of managersFirst(demoCouncil.people)) {
      const id = await addPersonDuringSetUp(
        trx,
        councilId,
        {
          name: person.name,
          email: person.email,
          jobTitle: person.jobTitle,
          serviceId: serviceIds.get(person.service) ?? null,
          lineManagerId: person.manager ? (ids.get(person.manager) ?? null) : null,
          employmentType: person.employmentType,
          politicallyRestricted: person.politicallyRestricted,
          roles: person.roles,
          ...(person.mobile ? { mobile: person.mobile } : {}),
        },
        passwordHash,
        now,
      );
      ids.set(person.key, id);
    }
    return { created: true, councilId };
  });
}

// One account to try for each role, for the start-up message and the browser tests.
export function demoSignIns(): { role: Role; roleName: string; name: string; email: string }[] {
  const byRole = new Map<Role, DemoPerson>();
  for (const person of demoCouncil.people) {
    for (const role of person.roles) {
      const current = byRole.get(role);
      // Prefer the person for whom this role is most distinctive.
      if (!current || person.roles.length < current.roles.length) byRole.set(role, person);
    }
  }
  return [...byRole].map(([role, person]) => ({
    role,
    roleName: roleNames[role],
    name: person.name,
    email: person.email,
  }));
}
