import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameMatchKeys } from '../../src/modules/interests/lookup/matching.ts';
import { nameKey } from '../../src/modules/interests/names.ts';
import { demoApi, expectProblem, outsider, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { insertDeclaration } from '../support/interests.ts';

// The conflict lookup: "given a person's or organisation's name (and optionally an
// address or company number), any authorised user sees which officers have declared a link to it,
// fuzzy enough to find 'J. Smith Ltd', 'John Smith Limited' and a small misspelling, without
// showing private details beyond need."

type Match = {
  declarationId: string | null;
  officerName: string;
  declaredName: string;
  role: string;
  kindName: string;
  endedOn: string | null;
  quality: string;
  samePostcode: boolean;
};

const demo = (name: string) => `${name}@demo.probity.test`;
const lookupUrl = (query: Record<string, string>) => `/interests/lookup?${new URLSearchParams(query)}`;
const apiUrl = (query: Record<string, string>) => `/api/v1/conflict-lookup?${new URLSearchParams(query)}`;

describe.each(databaseKinds)('the conflict lookup on %s', (kind) => {
  let t: TestApp;
  const as = demoClients(() => t);
  const api = demoApi(() => t);
  const ids = new Map<string, string>();
  const id = (name: string) => ids.get(name) ?? '';
  const lookups = async () => {
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from audit_event
      where council_id = ${t.councilId} and action = 'declaration.lookup'`.execute(t.db);
    return rows[0]?.count ?? 0;
  };
  const find = async (who: string, query: Record<string, string>) => {
    const response = await (await as(who)).api('GET', apiUrl(query));
    expect(response.statusCode).toBe(200);
    return (response.json() as { items: Match[] }).items;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const declare = async (key: string, declaration: Parameters<typeof insertDeclaration>[2]) => {
      ids.set(key, await insertDeclaration(t.db, t.councilId, declaration));
    };
    // Megan Hall (Planning) is a director of John Smith Limited; Michael Bennett (Housing) declared
    // J. Smith Ltd as a contractor his partner works for; Liam Barker (Finance) a friend, John Smiht
    // as he spelt it, until June; Joanna Wright names neither.
    await declare('megan', {
      personEmail: demo('megan.hall'),
      kind: 'business-interest',
      answers: { details: 'Holds 40% of the shares, bought in 2019' },
      parties: [
        {
          name: 'John Smith Limited',
          role: 'Director',
          address: '1 Park Row, Leeds LS1 4AP',
          companyNumber: '08765432',
        },
      ],
    });
    await declare('michael', {
      personEmail: demo('michael.bennett'),
      kind: 'contractor-relationship',
      parties: [{ name: 'J. Smith Ltd', role: 'Partner’s employer', address: '9 Mill Lane, York YO1 7HH' }],
    });
    await declare('liam', {
      personEmail: demo('liam.barker'),
      kind: 'close-associate',
      parties: [{ kind: 'person', name: 'John Smiht', role: 'Friend' }],
      endedOn: '2026-06-30',
    });
    await declare('joanna', {
      personEmail: demo('joanna.wright'),
      kind: 'membership',
      parties: [
        { name: 'Jane Smithers Ltd', role: 'Member' },
        { name: 'Acme Ltd', role: 'Member' },
      ],
    });
    await declare('ellie', {
      personEmail: demo('ellie.watson'),
      kind: 'financial-interest',
      parties: [{ name: 'Northgate Holdings Ltd', role: 'Shareholding', companyNumber: 'SC123456' }],
    });
    // Another council's officer has declared John Smith too.
    const other = await outsider(t);
    await insertDeclaration(t.db, other.councilId, {
      personEmail: other.email,
      parties: [{ name: 'John Smith', role: 'Director', companyNumber: '08765432' }],
    });
  });
  afterAll(() => t.close());

  it('finds "John Smith Limited", "J. Smith Ltd" and a misspelling, strongest and current first, and not other names', async () => {
    const matches = await find('emma.clarke', { name: 'John Smith' });
    expect(
      matches.map((match) => [match.declaredName, match.officerName, match.quality, match.endedOn]),
    ).toEqual([
      ['John Smith Limited', 'Megan Hall', 'exact-name', null],
      ['J. Smith Ltd', 'Michael Bennett', 'similar-name', null],
      ['John Smiht', 'Liam Barker', 'similar-name', '2026-06-30'],
    ]);
    expect(matches[0]).toMatchObject({
      role: 'Director',
      kindName: expect.stringMatching(/business interest/i),
    });
    for (const variant of ['J. Smith Ltd', 'john smith', 'Smith, John', 'Jon Smith']) {
      const names = (await find('emma.clarke', { name: variant })).map((match) => match.declaredName);
      expect(names).toEqual(expect.arrayContaining(['John Smith Limited', 'J. Smith Ltd', 'John Smiht']));
      expect(names).not.toContain('Jane Smithers Ltd');
    }
    expect(await find('emma.clarke', { name: 'Smithers Building Services' })).toEqual([]);
    // J. Smith may be Jane Smith; John Smith Limited is not.
    expect((await find('emma.clarke', { name: 'Jane Smith' })).map((match) => match.declaredName)).toEqual([
      'J. Smith Ltd',
    ]);
  });

  it('shows who declared what kind of link on the page, ended ones marked, without the details declared', async () => {
    const response = await (await as('emma.clarke')).get(lookupUrl({ name: 'John Smith', address: '' }));
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('3 declared links to “John Smith”');
    expect(body).toContain('Current declarations');
    expect(body).toContain('Ended declarations');
    expect(body).toContain('Ended 30 June 2026');
    expect(body).toMatch(/Megan Hall<br><span class="govuk-body-s">[^<]*, Planning and Building Control/);
    expect(body).toContain('Director: Business interest');
    expect(body).toContain('Exact name');
    expect(body.indexOf('John Smith Limited')).toBeLessThan(body.indexOf('J. Smith Ltd'));
    expect(body.indexOf('J. Smith Ltd')).toBeLessThan(body.indexOf('John Smiht'));
    expect(body).not.toContain('Jane Smithers');
    // Not the declaration's answers, nor the addresses and company numbers declared.
    expect(body).not.toContain('40% of the shares');
    expect(body).not.toContain('Park Row');
    expect(body).not.toContain('08765432');
  });

  it('finds a company by its number under another name, and ranks the same postcode first', async () => {
    const [byNumber] = await find('emma.clarke', { name: 'Anything Else', companyNumber: 'sc 123456' });
    expect(byNumber).toMatchObject({ declaredName: 'Northgate Holdings Ltd', quality: 'company-number' });
    const withPostcode = await find('emma.clarke', { name: 'Jon Smith', address: 'Park Row, ls1 4ap' });
    expect(withPostcode[0]).toMatchObject({ declaredName: 'John Smith Limited', samePostcode: true });
    const page = await (await as('emma.clarke')).get(lookupUrl({ name: 'Jon Smith', address: 'LS1 4AP' }));
    expect(page.body).toContain('Similar name, same postcode');
  });

  it('never finds another council’s declarations', async () => {
    const matches = await find('emma.clarke', { name: 'John Smith', companyNumber: '08765432' });
    expect(matches.map((match) => match.officerName)).toEqual([
      'Megan Hall',
      'Michael Bennett',
      'Liam Barker',
    ]);
  });

  it('links to a declaration only for those who may see it in the register', async () => {
    const declarationIds = async (who: string) =>
      Object.fromEntries(
        (await find(who, { name: 'John Smith' })).map((match) => [match.officerName, match.declarationId]),
      );
    // HR see every declaration; Megan's line manager hers alone; Housing's head of service Michael's.
    expect(await declarationIds('emma.clarke')).toEqual({
      'Megan Hall': id('megan'),
      'Michael Bennett': id('michael'),
      'Liam Barker': id('liam'),
    });
    expect(await declarationIds('robert.ashworth')).toEqual({
      'Megan Hall': id('megan'),
      'Michael Bennett': null,
      'Liam Barker': null,
    });
    expect(await declarationIds('kwame.mensah')).toEqual({
      'Megan Hall': null,
      'Michael Bennett': id('michael'),
      'Liam Barker': null,
    });
    const page = await (await as('robert.ashworth')).get(lookupUrl({ name: 'John Smith' }));
    expect(page.body).toContain(`href="/interests/${id('megan')}"`);
    expect(page.body).not.toContain(`/interests/${id('michael')}`);
    expect(page.body).toContain('Ask HR to see it');
    expect((await (await as('robert.ashworth')).get(`/interests/${id('megan')}`)).statusCode).toBe(200);
  });

  it('links the reviewer of a declaration to it only while it awaits their review', async () => {
    const liamsLink = async () =>
      (await find('kwame.mensah', { name: 'John Smith' })).find(
        (match) => match.officerName === 'Liam Barker',
      )?.declarationId;
    const reviewer = async (email: string, state: 'awaiting-review' | 'reviewed') =>
      sql`update declaration set reviewer_id = (select id from person where email = ${email}),
        review_state = ${state}, outcome = ${state === 'reviewed' ? 'no-conflict' : null}
        where council_id = ${t.councilId} and id = ${id('liam')}`.execute(t.db);
    await reviewer(demo('kwame.mensah'), 'awaiting-review');
    expect(await liamsLink()).toBe(id('liam'));
    await reviewer(demo('kwame.mensah'), 'reviewed');
    expect(await liamsLink()).toBeNull();
    await reviewer(demo('grace.whitmore'), 'awaiting-review');
  });

  it('refuses officers who may not look names up', async () => {
    const officer = await as('liam.barker');
    expect((await officer.get(lookupUrl({ name: 'John Smith' }))).statusCode).toBe(403);
    expect((await officer.api('GET', apiUrl({ name: 'John Smith' }))).statusCode).toBe(403);
  });

  it('audits each lookup with its question and the number found, and not the empty form', async () => {
    const before = await lookups();
    const hr = await as('emma.clarke');
    const form = (await hr.get('/interests/lookup')).body;
    expect(form).not.toContain('Current declarations');
    expect(form).not.toContain('No declared links found');
    expect(await lookups()).toBe(before);
    await hr.get(lookupUrl({ name: 'J. Smith Ltd', address: 'LS1 4AP', companyNumber: '' }));
    const { rows } = await sql<{ actor_label: string; record_type: string; after: unknown }>`
      select actor_label, record_type, after from audit_event
      where council_id = ${t.councilId} and action = 'declaration.lookup' order by seq desc limit 1`.execute(
      t.db,
    );
    expect(rows[0]).toEqual({
      actor_label: 'Emma Clarke',
      record_type: 'declaration-lookup',
      after: { name: 'J. Smith Ltd', address: 'LS1 4AP', companyNumber: '', matches: 3 },
    });
    expect(await lookups()).toBe(before + 1);
  });

  it('answers bad input with a clear message, and audits nothing', async () => {
    const before = await lookups();
    const hr = await as('emma.clarke');
    for (const [query, key, message] of [
      [{ name: '' }, 'name', 'Enter the name of the person or organisation'],
      [{ name: 'J' }, 'name', 'Name must be 2 characters or more'],
      [{ name: 'x'.repeat(201) }, 'name', 'Name must be 200 characters or fewer'],
      [{ name: 'J. S. Ltd' }, 'name', 'Enter more of the name than initials or words like “Ltd”'],
      [
        { name: 'Acme', companyNumber: 'ABC' },
        'companyNumber',
        'Enter a company number as Companies House shows it',
      ],
      [
        { name: 'Acme', address: 'a'.repeat(501) },
        'address',
        'Address or postcode must be 500 characters or fewer',
      ],
    ] as const) {
      const page = await hr.get(lookupUrl(query));
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('There is a problem');
      expect(page.body).toContain(`href="#${key}"`);
      expect(page.body).toContain(message);
      expect(page.body).toContain(`value="${query.name}"`);
      const answer = await hr.api('GET', apiUrl(query));
      expectProblem(answer, 400);
      expect((answer.json() as Problem).errors?.[0]).toMatchObject({
        key,
        message: expect.stringContaining(message),
      });
    }
    expect(await lookups()).toBe(before);
  });

  it('shows what was typed as text, never as markup', async () => {
    const page = await (await as('emma.clarke')).get(lookupUrl({ name: '<b>Smith</b>' }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('&lt;b&gt;Smith&lt;/b&gt;');
    expect(page.body).not.toContain('<b>Smith</b>');
  });

  it('answers API tokens with the same visibility, and is in the OpenAPI document', async () => {
    const response = await api('robert.ashworth', 'GET', apiUrl({ name: 'John Smith' }));
    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: Match[] }).items;
    expect(items.filter((match) => match.declarationId !== null)).toHaveLength(1);
    const spec = (await t.client().api('GET', '/api/openapi.json')).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(spec.paths)).toContain('/api/v1/conflict-lookup');
  });

  it('keys names in the database as the matching rules do', async () => {
    for (const name of [
      'John Smith Limited',
      'J. Smith',
      'Jon Smyth',
      'Meridian Building Services Ltd',
      'Al',
      'Ltd',
    ]) {
      const key = nameKey(name);
      const { rows } = await sql<{ keys: string[] }>`select name_match_keys(${key}) as keys`.execute(t.db);
      expect([...(rows[0]?.keys ?? [])].sort()).toEqual(nameMatchKeys(key).sort());
    }
  });
});
