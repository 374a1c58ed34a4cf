import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straightLineMatrix } from '../../src/platform/geo/travel.ts';
import { expectProblem, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs, tokenFor } from '../support/people.ts';
import { csvOf, gazetteerCounts, multipartFile, placesOf } from '../support/places.ts';

// The gazetteer's API and pages, and travel times by the council's settings (DOMAIN.md §5 Planning).

const good = csvOf(
  '1001,"14 Ashdown Court, Demoton",DM1 4QT,,,52.4816,-0.9188',
  '1002,"16 Ashdown Court, Demoton",DM1 4QT,,,52.4818,-0.919',
);
const bad = csvOf('1003,"1 Nowhere, Demoton",DM1 4QT,,,,', ',"2 Nowhere",DM1 4QT,,,52.48,-0.92');

describe.each(databaseKinds)('the gazetteer’s API and pages on %s', (kind) => {
  let t: TestApp;
  const tokens = { manager: '', officer: '' };

  const importCsv = (csv: string, token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/places/gazetteer/imports',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', accept: 'application/json' },
      payload: csv,
    });
  const get = (url: string, token = tokens.officer) => t.client().api('GET', url, undefined, token);

  beforeAll(async () => {
    t = await startTestApp(kind);
    const manager = await addTestPerson(t.db, t.councilId, {
      email: 'team.leader@probity.test',
      roles: ['officer', 'line-manager'],
    });
    const officer = await addTestPerson(t.db, t.councilId, {
      email: 'field.officer@probity.test',
      roles: ['officer', 'field-officer'],
    });
    tokens.manager = await tokenFor(t.db, t.councilId, manager);
    tokens.officer = await tokenFor(t.db, t.councilId, officer);
  });
  afterAll(() => t.close());

  it('imports CSV for those who manage the gazetteer, and refuses a bad file with its lines', async () => {
    expect((await importCsv(good, tokens.officer)).statusCode).toBe(403);
    const refused = await importCsv(bad, tokens.manager);
    expectProblem(refused, 400);
    expect((refused.json() as Problem).errors).toEqual([
      {
        key: 'file',
        message: 'Line 2: the position is missing: give an easting and northing, or a latitude and longitude',
      },
      { key: 'file', message: 'Line 3: the UPRN is missing' },
    ]);
    expect(await gazetteerCounts(t.db, t.councilId)).toEqual({ addresses: 0, imports: 0 });
    const imported = await importCsv(good, tokens.manager);
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ rows: 2, added: 2, changed: 0, unchanged: 0 });
    expect((await importCsv(good, tokens.manager)).json()).toMatchObject({
      added: 0,
      changed: 0,
      unchanged: 2,
    });
  });

  it('lists the addresses at a postcode and places one by UPRN or by address and postcode', async () => {
    const listed = await get('/api/v1/places/addresses?postcode=dm14qt');
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({
      postcode: 'DM1 4QT',
      items: [
        {
          uprn: '1001',
          address: '14 Ashdown Court, Demoton',
          postcode: 'DM1 4QT',
          latitude: 52.4816,
          longitude: -0.9188,
        },
        {
          uprn: '1002',
          address: '16 Ashdown Court, Demoton',
          postcode: 'DM1 4QT',
          latitude: 52.4818,
          longitude: -0.919,
        },
      ],
    });
    expectProblem(await get('/api/v1/places/addresses?postcode=nowhere'), 404);
    expect((await get('/api/v1/places/lookup?uprn=1002')).json()).toMatchObject({ found: { uprn: '1002' } });
    const byAddress = await get('/api/v1/places/lookup?address=14%20Ashdown%20Ct&postcode=DM1%204QT');
    expect(byAddress.json()).toMatchObject({ found: { uprn: '1001' } });
    const missing = await get('/api/v1/places/lookup?address=12%20Ashdown%20Court&postcode=DM1%204QT');
    expectProblem(missing, 404);
    expect((missing.json() as Problem).detail).toBe(
      'No address in the gazetteer matches 12 Ashdown Court, DM1 4QT; addresses at that postcode: 14 Ashdown Court, Demoton; 16 Ashdown Court, Demoton',
    );
    expectProblem(await get('/api/v1/places/lookup'), 400);
    expectProblem(await get('/api/v1/places/lookup?uprn=12ab'), 400);
  });

  it('shows the gazetteer, finds a postcode’s addresses with their maps, and uploads a file', async () => {
    const leader = await signedInAs(t, 'team.leader@probity.test');
    const page = await leader.get('/places/gazetteer?postcode=DM1%204QT');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2 addresses at DM1 4QT');
    expect(page.body).toContain(
      'https://www.openstreetmap.org/?mlat=52.4816&amp;mlon=-0.9188#map=18/52.4816/-0.9188',
    );
    const notPostcode = await leader.get('/places/gazetteer?postcode=DM1');
    expect(notPostcode.statusCode).toBe(400);
    expect(notPostcode.body).toContain('govuk-error-summary');
    expect(notPostcode.body).toContain('Enter a full UK postcode');
    const form = await leader.get('/places/gazetteer/import');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const upload = (csv: string) =>
      t.app.inject({
        method: 'POST',
        url: '/places/gazetteer/import',
        headers: {
          'content-type': 'multipart/form-data; boundary=gazetteer',
          cookie: [...leader.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        },
        payload: multipartFile('gazetteer', csrf, 'file', 'llpg.csv', csv),
      });
    const refused = await upload(bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Line 2: the position is missing');
    expect(refused.body).toContain('Line 3: the UPRN is missing');
    const sent = await upload(csvOf('1003,"1 Church Lane, Demoton",DM1 2BA,,,52.479,-0.924'));
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toMatch(/^\/places\/gazetteer\?imported=[0-9a-f-]{36}$/);
    const after = await leader.get(String(sent.headers.location));
    expect(after.body).toContain('The gazetteer is imported: 1 new, 0 changed, 0 unchanged.');
    expect(
      (await (await signedInAs(t, 'field.officer@probity.test')).get('/places/gazetteer')).statusCode,
    ).toBe(403);
  });

  it('times journeys with the council’s road factor and speed, or the routing engine', async () => {
    const points = [
      { latitude: 52.4816, longitude: -0.9188 },
      { latitude: 52.49, longitude: -0.93 },
    ];
    const places = placesOf(t);
    const standard = await places.travelTimes(t.councilId, points);
    expect(standard).toEqual({
      seconds: straightLineMatrix(points, { roadFactor: 1.3, speedKmh: 25 }),
      source: 'straight-line',
    });
    await sql`update council_policy set settings = settings || '{"travelRoadFactor": 1.5, "travelSpeedKmh": 30}'::jsonb
      where council_id = ${t.councilId}`.execute(t.db);
    const own = await places.travelTimes(t.councilId, points);
    expect(own.seconds).toEqual(straightLineMatrix(points, { roadFactor: 1.5, speedKmh: 30 }));
    expect(own.seconds[0]?.[1]).toBeCloseTo((standard.seconds[0]?.[1] ?? 0) * (1.5 / 1.3) * (25 / 30), 6);

    const osrm = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          code: 'Ok',
          durations: [
            [0, 321.5],
            [298.2, 0],
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => osrm.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(osrm.address() as AddressInfo).port}`;
      expect(await placesOf(t, { kind: 'osrm', url }).travelTimes(t.councilId, points)).toEqual({
        seconds: [
          [0, 321.5],
          [298.2, 0],
        ],
        source: 'osrm',
      });
    } finally {
      await new Promise((resolve) => osrm.close(resolve));
    }
    const down = await placesOf(t, {
      kind: 'valhalla',
      url: 'http://127.0.0.1:9',
      timeoutMs: 500,
    }).travelTimes(t.councilId, points);
    expect(down.source).toBe('straight-line');
    expect(down.seconds).toEqual(own.seconds);
    expect(down.note).toMatch(/^Valhalla could not be used/);
  });
});
