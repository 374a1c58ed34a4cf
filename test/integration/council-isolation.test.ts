import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonDuringSetUp, createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { personIdByEmail, tokenFor } from '../support/people.ts';

describe.each(databaseKinds)('two councils in one database on %s', (kind) => {
  let t: TestApp;
  let otherCouncilId: string;
  let otherAdminToken: string;
  let demoPersonId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const now = new Date();
    const created = await t.db.transaction().execute(async (trx) => {
      const council = await createCouncil(
        trx,
        {
          name: 'Other Borough Council',
          slug: 'other',
          division: 'northern-ireland',
          directorates: [{ name: 'Resources', services: ['Finance'] }],
        },
        now,
      );
      const adminId = await addPersonDuringSetUp(
        trx,
        council.councilId,
        {
          name: 'Olive Other',
          email: 'olive@other.test',
          jobTitle: 'Administrator',
          serviceId: null,
          lineManagerId: null,
          employmentType: 'employee',
          politicallyRestricted: false,
          roles: ['officer', 'system-administrator', 'audit', 'hr'],
        },
        null,
        now,
      );
      return { councilId: council.councilId, adminId };
    });
    otherCouncilId = created.councilId;
    otherAdminToken = await tokenFor(t.db, otherCouncilId, created.adminId);
    demoPersonId = await personIdByEmail(
      t.db,
      (
        await t.db
          .selectFrom('person')
          .select('email')
          .where('council_id', '=', t.councilId)
          .limit(1)
          .executeTakeFirstOrThrow()
      ).email,
    );
  });
  afterAll(() => t.close());

  it('lists only its own people', async () => {
    const response = await t.client().api('GET', '/api/v1/people?limit=200', undefined, otherAdminToken);
    expect(response.statusCode).toBe(200);
    const names = (response.json() as { items: { name: string }[] }).items.map((p) => p.name);
    expect(names).toEqual(['Olive Other']);
  });

  it('cannot read, change or deactivate another council’s person, even knowing their id', async () => {
    const client = t.client();
    expect(
      (await client.api('GET', `/api/v1/people/${demoPersonId}`, undefined, otherAdminToken)).statusCode,
    ).toBe(404);
    expect(
      (await client.api('POST', `/api/v1/people/${demoPersonId}/deactivate`, {}, otherAdminToken)).statusCode,
    ).toBe(404);
    const person = await t.db
      .selectFrom('person')
      .select(['active'])
      .where('id', '=', demoPersonId)
      .executeTakeFirstOrThrow();
    expect(person.active).toBe(true);
  });

  it('sees only its own audit trail and services', async () => {
    const client = t.client();
    const events = (
      await client.api('GET', '/api/v1/audit-events?limit=500', undefined, otherAdminToken)
    ).json() as { items: { recordId: string | null }[] };
    expect(events.items.length).toBeGreaterThan(0);
    expect(events.items.some((event) => event.recordId === demoPersonId)).toBe(false);
    const demoEvents = await t.db
      .selectFrom('audit_event')
      .select('council_id')
      .where('record_id', '=', demoPersonId)
      .execute();
    expect(demoEvents.every((event) => event.council_id === t.councilId)).toBe(true);
  });

  it('answers the same for an email address used in another council as for one used in its own', async () => {
    const demoEmail = (
      await t.db.selectFrom('person').select('email').where('id', '=', demoPersonId).executeTakeFirstOrThrow()
    ).email;
    const add = (email: string) =>
      t.client().api(
        'POST',
        '/api/v1/people',
        {
          name: 'New Starter',
          email,
          jobTitle: 'Analyst',
          employmentType: 'employee',
          politicallyRestricted: false,
          roles: ['officer'],
        },
        otherAdminToken,
      );
    const [own, elsewhere] = [await add('olive@other.test'), await add(demoEmail)];
    expect(elsewhere.statusCode).toBe(400);
    const errorsOf = (response: typeof own) => (response.json() as { errors?: unknown }).errors;
    expect(errorsOf(own)).toEqual([expect.objectContaining({ key: 'email' })]);
    expect(errorsOf(elsewhere)).toEqual(errorsOf(own));
  });

  it('does not accept a credential moved to another council', async () => {
    const [, secret] = otherAdminToken.slice('pbt_'.length).split('.');
    const forged = `pbt_${t.councilId}.${secret}`;
    expect((await t.client().api('GET', '/api/v1/me', undefined, forged)).statusCode).toBe(401);
  });
});
