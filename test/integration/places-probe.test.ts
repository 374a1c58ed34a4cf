import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import { InvalidInput } from '../../src/platform/errors.ts';
import { expectProblem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, tokenFor } from '../support/people.ts';
import { csvOf, gazetteerCounts, placesOf } from '../support/places.ts';

// Files an outside probe sends the gazetteer import: a bad one is a 400 naming its lines, never a 500.
describe.each(databaseKinds)('the gazetteer import probed on %s', (kind) => {
  let t: TestApp;
  let token = '';
  const importCsv = (csv: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/places/gazetteer/imports',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', accept: 'application/json' },
      payload: csv,
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const manager = await addTestPerson(t.db, t.councilId, {
      email: 'probe.leader@probity.test',
      roles: ['officer', 'line-manager'],
    });
    token = await tokenFor(t.db, t.councilId, manager);
  });
  afterAll(() => t.close());

  it('refuses an address whose written-out form is too long to search by', async () => {
    const address = Array.from({ length: 166 }, () => 'st').join(',');
    expect(address.length).toBeLessThanOrEqual(500);
    const response = await importCsv(csvOf(`1001,"${address}",DM1 4QT,,,52.4816,-0.9188`));
    expectProblem(response, 400);
    expect(await gazetteerCounts(t.db, t.councilId)).toEqual({ addresses: 0, imports: 0 });
  });

  it('takes odd but good files: a byte order mark, blank lines, quotes and a header only once', async () => {
    const response = await importCsv(
      `\uFEFF${csvOf('', '1002,"16 ""The"" Court, Demoton",dm14qt,,,52.4818,-0.919', '', '')}`,
    );
    expect(response.statusCode).toBe(201);
    const wide = await importCsv(`${'A,'.repeat(100_000)}B\n1,2\n`);
    expectProblem(wide, 400);
  });

  it('imports two files of the same addresses in different orders at once without a 500', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `${5000 + i},"${i} Probe Road, Demoton",DM1 4QT,,,52.48,-0.91`,
    );
    const responses = await Promise.all([
      importCsv(csvOf(...rows)),
      importCsv(csvOf(...[...rows].reverse())),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201]);
  });

  it('refuses a file with a NUL byte (a binary file uploaded) with a 400', async () => {
    const principal = await principalByEmail(t.db, t.councilId, 'probe.leader@probity.test');
    const error = await placesOf(t)
      .importCsv(principal, csvOf('7001,"1 Nul\0 Road, Demoton",DM1 4QT,,,52.48,-0.91'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
  });
});
