import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Division } from '../../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { PersonDetails } from '../people/input.ts';
import { insertPerson, setPasswordHash } from '../people/repository.ts';
import { writePolicySettings } from '../policy-settings/repository.ts';
import { type PolicySettings, readPolicy } from '../policy-settings/settings.ts';
import { insertCouncil, insertDirectorate, insertService } from './repository.ts';

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
  await insertCouncil(
    trx,
    { councilId, name: council.name, slug: council.slug, division: council.division },
    now,
  );
  await writePolicySettings(trx, councilId, readPolicy(council.policy ?? {}), now);
  const serviceIds = new Map<string, string>();
  for (const directorate of council.directorates) {
    const directorateId = uuidv7(now.getTime());
    await insertDirectorate(trx, councilId, directorateId, directorate.name);
    for (const service of directorate.services) {
      const serviceId = uuidv7(now.getTime());
      serviceIds.set(service, serviceId);
      await insertService(trx, councilId, { id: serviceId, directorateId, name: service });
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
  input: PersonDetails,
  passwordHash: string | null,
  now: Date,
): Promise<string> {
  const id = uuidv7(now.getTime());
  await insertPerson(trx, councilId, id, input, now);
  if (passwordHash) await setPasswordHash(trx, councilId, id, passwordHash);
  await appendAudit(
    trx,
    { councilId, personId: null, label: 'Probity set-up' },
    { action: 'person.created', recordType: 'person', recordId: id, after: input },
    now,
  );
  return id;
}
