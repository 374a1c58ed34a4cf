import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-trail.ts';
import type { Division } from '../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { PersonInput } from './people-input.ts';
import { type PolicySettings, readPolicy } from './policy-settings.ts';
import { insertPerson } from './repository.ts';

type NewCouncil = {
  name: string;
  slug: string;
  division: Division;
  directorates: { name: string; services: string[] }[];
  // The council's own choices over the default policy.
  policy?: Partial<PolicySettings>;
};

// Creates a council with its structure and policy, in one transaction with its first
// audit events. People are added by the caller inside the same transaction.
export async function createCouncil(
  trx: Kysely<Database>,
  council: NewCouncil,
  now: Date,
): Promise<{ councilId: string; serviceIds: Map<string, string> }> {
  const councilId = uuidv7(now.getTime());
  const actor = { councilId, personId: null, label: 'Probity set-up' };
  await trx
    .insertInto('council')
    .values({
      council_id: councilId,
      name: council.name,
      slug: council.slug,
      division: council.division,
      created_at: now,
    })
    .execute();
  await trx
    .insertInto('council_policy')
    .values({
      council_id: councilId,
      settings: JSON.stringify(readPolicy(council.policy ?? {})),
      updated_at: now,
    })
    .execute();
  const serviceIds = new Map<string, string>();
  for (const directorate of council.directorates) {
    const directorateId = uuidv7(now.getTime());
    await trx
      .insertInto('directorate')
      .values({ council_id: councilId, id: directorateId, name: directorate.name })
      .execute();
    for (const service of directorate.services) {
      const serviceId = uuidv7(now.getTime());
      serviceIds.set(service, serviceId);
      await trx
        .insertInto('service')
        .values({ council_id: councilId, id: serviceId, directorate_id: directorateId, name: service })
        .execute();
    }
  }
  await appendAudit(
    trx,
    actor,
    { action: 'council.created', recordType: 'council', recordId: councilId, after: council },
    now,
  );
  return { councilId, serviceIds };
}

export async function addPersonDuringSetUp(
  trx: Kysely<Database>,
  councilId: string,
  input: PersonInput,
  passwordHash: string | null,
  now: Date,
): Promise<string> {
  const id = uuidv7(now.getTime());
  await insertPerson(trx, councilId, id, input, now);
  if (passwordHash) {
    await trx
      .updateTable('person')
      .set({ password_hash: passwordHash })
      .where('council_id', '=', councilId)
      .where('id', '=', id)
      .execute();
  }
  await appendAudit(
    trx,
    { councilId, personId: null, label: 'Probity set-up' },
    { action: 'person.created', recordType: 'person', recordId: id, after: input },
    now,
  );
  return id;
}

export async function findCouncilBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom('council').select(['council_id', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export async function listCouncils(db: Kysely<Database>): Promise<{ council_id: string; name: string }[]> {
  return db.selectFrom('council').select(['council_id', 'name']).orderBy('name').execute();
}

export async function listCouncilIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('council').select('council_id').execute();
  return rows.map((row) => row.council_id);
}

export async function councilCreatedAt(db: Kysely<Database>, councilId: string): Promise<Date> {
  const row = await db
    .selectFrom('council')
    .select('created_at')
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
  return row.created_at;
}

export async function findCouncil(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('council')
    .select(['name', 'slug', 'division'])
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
}
