import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { companyNumberKey, nameKey } from '../../src/modules/interests/names.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import type { demoApi } from './api.ts';

export type Party = {
  kind?: 'person' | 'organisation';
  role?: string;
  name: string;
  address?: string;
  companyNumber?: string;
  personId?: string;
};

let counter = 0;

// A declaration written straight into the register, for tests of what reads it (lookup,
// campaigns, returns, publication) without answering the question pages.
export async function insertDeclaration(
  db: Kysely<Database>,
  councilId: string,
  declaration: {
    personEmail: string;
    kind?: string;
    summary?: string;
    answers?: Record<string, unknown>;
    parties?: Party[];
    endedOn?: string;
    reviewed?: boolean;
    // Heads of service and above; their interests may be published.
    senior?: boolean;
    declaredAt?: Date;
  },
): Promise<string> {
  const person = await db
    .selectFrom('person as p')
    .leftJoin('service as s', (join) =>
      join.onRef('s.council_id', '=', 'p.council_id').onRef('s.id', '=', 'p.service_id'),
    )
    .select(['p.id', 'p.name', 'p.job_title', 'p.service_id', 's.name as service_name', 'p.line_manager_id'])
    .where('p.council_id', '=', councilId)
    .where('p.email', '=', declaration.personEmail)
    .executeTakeFirstOrThrow();
  const id = uuidv7();
  const at = declaration.declaredAt ?? new Date('2026-11-02T10:00:00Z');
  counter += 1;
  await db
    .insertInto('declaration')
    .values({
      council_id: councilId,
      id,
      reference: `DOI-T-${String(counter).padStart(6, '0')}-${id.slice(-4)}`,
      person_id: person.id,
      person_name: person.name,
      job_title: person.job_title,
      service_id: person.service_id,
      service_name: person.service_name ?? '',
      senior: declaration.senior ?? false,
      kind: declaration.kind ?? 'business-interest',
      summary: declaration.summary ?? 'A declared interest',
      answers: JSON.stringify(declaration.answers ?? {}),
      weekly_hours: null,
      started_on: null,
      declared_at: at,
      ended_on: declaration.endedOn ?? null,
      reviewer_id: person.line_manager_id,
      review_state: declaration.reviewed ? 'reviewed' : 'awaiting-review',
      outcome: declaration.reviewed ? 'no-conflict' : null,
      reviewed_at: declaration.reviewed ? at : null,
      version: 1,
      recorded_by: person.id,
      updated_at: at,
    })
    .execute();
  const parties = declaration.parties ?? [];
  if (parties.length) {
    await db
      .insertInto('declaration_party')
      .values(
        parties.map((party, position) => ({
          council_id: councilId,
          declaration_id: id,
          position,
          kind: party.kind ?? 'organisation',
          role: party.role ?? 'Organisation',
          name: party.name,
          name_key: nameKey(party.name),
          address: party.address ?? '',
          company_number: companyNumberKey(party.companyNumber ?? ''),
          person_id: party.personId ?? null,
        })),
      )
      .execute();
  }
  return id;
}

// A declaration made over the API: a relative works for a contractor (its reviewer is emailed).
export const contractor = {
  kind: 'contractor-relationship',
  answers: {
    contractorName: 'Harbour Facilities Ltd',
    contractorCompanyNumber: '01234567',
    relationship: 'business',
    engages: 'no',
    details: 'My brother is their operations manager',
  },
};

// A declaration made as the named demo officer makes it, through the service (over the API).
export async function aDeclaration<Made = { id: string; reference: string }>(
  call: ReturnType<typeof demoApi>,
  name: string,
  body: unknown = contractor,
): Promise<Made> {
  const response = await call(name, 'POST', '/api/v1/declarations', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Made;
}
