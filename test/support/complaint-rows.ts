import { type Kysely, sql } from 'kysely';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import type { Database } from '../../src/platform/db/schema.ts';

// Complaints, stages and remedies written straight into the tables with known dates and outcomes,
// for tests of the reports and Ombudsman cases (the intake and casework journeys are tested
// through their own pages).

export type StageFacts = {
  stage?: 1 | 2;
  startedOn: string;
  acknowledgeBy: string;
  acknowledgedOn?: string | null;
  respondBy: string;
  extendedTo?: string | null;
  respondedOn?: string | null;
  outcome?: 'upheld' | 'partially-upheld' | 'not-upheld' | null;
  handler?: string | null; // a person's email
};

export type ComplaintFacts = {
  reference: string;
  service?: string; // a service's name in the council
  channel?: 'online' | 'phone' | 'email' | 'letter' | 'in-person';
  category?: string | null;
  receivedOn: string;
  status?: string;
  triageDecision?: string | null;
  statutoryRoute?: string | null;
  housing?: boolean;
  customer?: { name: string; email: string };
  stages?: StageFacts[];
  remedies?: { kind: string; dueOn: string; doneOn?: string | null; recordedAt: string; owner: string }[];
};

async function personId(db: Kysely<Database>, councilId: string, email: string) {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('council_id', '=', councilId)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertComplaint(
  db: Kysely<Database>,
  councilId: string,
  facts: ComplaintFacts,
): Promise<string> {
  const now = new Date(`${facts.receivedOn}T10:00:00Z`);
  const customerId = uuidv7();
  const customer = facts.customer ?? { name: 'Test Complainant', email: 'complainant@example.com' };
  await sql`insert into customer (council_id, id, name, email, name_key, created_at, updated_at)
    values (${councilId}, ${customerId}, ${customer.name}, ${customer.email}, ${customer.name.toLowerCase()}, ${now}, ${now})`.execute(
    db,
  );
  const service = facts.service
    ? await db
        .selectFrom('service')
        .select(['id', 'name'])
        .where('council_id', '=', councilId)
        .where('name', '=', facts.service)
        .executeTakeFirstOrThrow()
    : null;
  const id = uuidv7();
  const stages = facts.stages ?? [];
  const decision =
    facts.triageDecision === undefined ? (stages.length ? 'complaint' : null) : facts.triageDecision;
  await sql`insert into complaint (council_id, id, reference, customer_id, contact_email, service_id, service_name,
      what_happened, channel, received_at, received_on, regime, housing, status, stage, triage_decision,
      statutory_route, category, updated_at)
    values (${councilId}, ${id}, ${facts.reference}, ${customerId}, ${customer.email}, ${service?.id ?? null},
      ${service?.name ?? ''}, ${`What happened to ${customer.name}`}, ${facts.channel ?? 'online'}, ${now},
      ${facts.receivedOn}::date, 'complaint-handling-code', ${facts.housing ?? false},
      ${facts.status ?? (stages.length ? 'stage-1' : 'awaiting-triage')}, ${Math.max(1, ...stages.map((s) => s.stage ?? 1))},
      ${decision}, ${facts.statutoryRoute ?? null}, ${facts.category ?? null}, ${now})`.execute(db);
  for (const stage of stages) {
    const handler = stage.handler ? await personId(db, councilId, stage.handler) : null;
    await sql`insert into complaint_stage (council_id, complaint_id, stage, started_on, handler_id, acknowledge_by,
        acknowledged_on, respond_by, deadline_basis, extended_to, responded_on, outcome)
      values (${councilId}, ${id}, ${stage.stage ?? 1}, ${stage.startedOn}::date, ${handler}, ${stage.acknowledgeBy}::date,
        ${stage.acknowledgedOn ?? null}::date, ${stage.respondBy}::date, 'Worked out for the test',
        ${stage.extendedTo ?? null}::date, ${stage.respondedOn ?? null}::date, ${stage.outcome ?? null})`.execute(
      db,
    );
  }
  for (const remedy of facts.remedies ?? []) {
    const owner = await personId(db, councilId, remedy.owner);
    await sql`insert into complaint_remedy (council_id, id, complaint_id, stage, kind, description, owner_id, due_on,
        done_on, recorded_by, recorded_at)
      values (${councilId}, ${uuidv7()}, ${id}, 1, ${remedy.kind}, 'Put it right', ${owner}, ${remedy.dueOn}::date,
        ${remedy.doneOn ?? null}::date, ${owner}, ${new Date(`${remedy.recordedAt}T12:00:00Z`)})`.execute(db);
  }
  return id;
}
