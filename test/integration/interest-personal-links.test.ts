import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interestsServices, type PersonalLinkQuery } from '../../src/modules/interests/service.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { demoApi } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { aDeclaration, insertDeclaration } from '../support/interests.ts';
import { personIdByEmail } from '../support/people.ts';

// 000 General rules: "COs should not visit any member of the public who is a relative or friend";
// Additional rules: no dealing with the accounts of "any family, friends, or any person known to
// them". A visit is checked against the officer's own declarations of people they know.

const janet = { name: 'Janet Smith', address: '12 High Street, Demoton, AB1 2CD', accountRef: '' };
const nobody: PersonalLinkQuery = { name: '', address: '', accountRef: '' };

describe.each(databaseKinds)('an officer’s declared personal links on %s', (kind) => {
  let t: TestApp;
  const call = demoApi(() => t);
  const idOf = (name: string) => personIdByEmail(t.db, demo(name));
  const links = (officer: string, customer: Partial<PersonalLinkQuery>) => {
    const deps = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    const { lookup } = interestsServices({ ...deps, organisation: organisationService(deps) });
    return lookup.personalLinks(t.councilId, officer, { ...nobody, ...customer });
  };
  const lookups = async () => {
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from audit_event
      where council_id = ${t.councilId} and action = 'declaration.lookup'`.execute(t.db);
    return rows[0]?.count ?? 0;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    // Kelly Morgan declares her aunt, as every field officer may, through the register.
    await aDeclaration(call, 'kelly.morgan', {
      kind: 'known-customer',
      answers: {
        customerName: 'Janet Smith',
        customerAddress: '12 High Street\nAB1 2CD',
        relationship: 'relative',
        accountReference: '6001 2345',
        details: 'My aunt',
      },
    });
    // A friend she no longer declares, and a legacy, which names no one she knows personally.
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('kelly.morgan'),
      kind: 'known-customer',
      answers: { relationship: 'friend', accountReference: '70000001' },
      parties: [
        { kind: 'person', name: 'Peter Jones', role: 'Known customer', address: '3 Mill Lane, AB1 2CD' },
      ],
      endedOn: '2026-10-31',
    });
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('kelly.morgan'),
      kind: 'legacy-or-prize',
      answers: { legacyType: 'legacy' },
      parties: [{ kind: 'person', name: 'Arthur Blake', role: 'Given by' }],
    });
    // Imran Siddiqui has a friend who works for the council, not Janet Smith.
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('imran.siddiqui'),
      kind: 'close-associate',
      answers: { relationship: 'friend' },
      parties: [{ kind: 'person', name: 'Tom Price', role: 'Close associate' }],
    });
  });
  afterAll(() => t.close());

  it('is stored as a declared person that the conflict lookup finds', async () => {
    const response = await call(
      'emma.clarke',
      'GET',
      `/api/v1/conflict-lookup?${new URLSearchParams({ name: 'Janet Smith' })}`,
    );
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: { officerName: string; role: string; kindName: string }[] };
    expect(items).toEqual([
      expect.objectContaining({
        officerName: 'Kelly Morgan',
        role: 'Known customer',
        kindName: 'A relative, friend or acquaintance who is a council customer',
      }),
    ]);
  });

  it('finds the officer’s own link by name, by the same home, or by the account', async () => {
    const kelly = await idOf('kelly.morgan');
    const before = await lookups();
    const link = {
      reference: expect.stringMatching(/^DOI-/),
      kindName: 'A relative, friend or acquaintance who is a council customer',
      declaredName: 'Janet Smith',
      relationship: 'A relative',
    };
    expect(await links(kelly, janet)).toEqual([
      { ...link, declarationId: expect.any(String), matchedOn: 'name', quality: 'exact-name' },
    ]);
    expect(await links(kelly, { name: 'Mrs J Smith' })).toEqual([
      expect.objectContaining({ ...link, matchedOn: 'name', quality: 'similar-name' }),
    ]);
    expect(await links(kelly, { name: 'Mr D Okafor', address: '12 high st, Demoton AB1 2CD' })).toEqual([
      expect.objectContaining({ ...link, matchedOn: 'address', quality: null }),
    ]);
    expect(await links(kelly, { name: 'D Okafor', accountRef: '60012345' })).toEqual([
      expect.objectContaining({ ...link, matchedOn: 'account', quality: null }),
    ]);
    // A neighbour, another Smith, and Janet's former friend: no link.
    expect(await links(kelly, { name: 'Mr D Okafor', address: '14 High Street, AB1 2CD' })).toEqual([]);
    expect(await links(kelly, { name: 'John Smith' })).toEqual([]);
    expect(
      await links(kelly, { name: 'Peter Jones', address: '3 Mill Lane, AB1 2CD', accountRef: '70000001' }),
    ).toEqual([]);
    // A legacy's giver is not someone the officer knows personally.
    expect(await links(kelly, { name: 'Arthur Blake' })).toEqual([]);
    // A system check: nothing is audited as a conflict lookup.
    expect(await lookups()).toBe(before);
  });

  it('does not find another officer’s link, nor any in another council or for a bad id', async () => {
    expect(await links(await idOf('imran.siddiqui'), { ...janet, accountRef: '60012345' })).toEqual([]);
    expect(await links(await idOf('imran.siddiqui'), { name: 'Tom Price' })).toEqual([
      expect.objectContaining({ declaredName: 'Tom Price', relationship: 'Friend', matchedOn: 'name' }),
    ]);
    expect(await links('not-an-id', janet)).toEqual([]);
  });
});
