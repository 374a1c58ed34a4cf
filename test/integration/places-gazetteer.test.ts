import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGazetteer, seedDemoGazetteer } from '../../src/modules/places/service.ts';
import type { Principal } from '../../src/platform/auth/principal.ts';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import { InvalidInput } from '../../src/platform/errors.ts';
import { haversineMetres } from '../../src/platform/geo/travel.ts';
import { outsider } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson } from '../support/people.ts';
import { csvOf, gazetteerCounts, placesOf } from '../support/places.ts';

// The council's gazetteer (DOMAIN.md §5 Planning): imported from its LLPG export all or nothing,
// matched by UPRN, and the places of the addresses the route planner is given.

const rows = [
  '1001,"14 Ashdown Court, Demoton",DM1 4QT,,,52.4816,-0.9188',
  '1002,"16 Ashdown Court, Demoton",DM1 4QT,,,52.4818,-0.9190',
  '1003,"Flat 2, 12 High Street, Demoton",dm1 1aa,,,52.4785,-0.9210',
  // The OS worked example's grid reference, TG 51409 13177 (52.657977°N, 1.716038°E on WGS84).
  '1004,"The Old Forge, Mill Lane, Demoton",DM4 1CD,651409.903,313177.27,,',
];

describe.each(databaseKinds)('the gazetteer on %s', (kind) => {
  let t: TestApp;
  let admin: Principal;
  let otherAdmin: Principal;
  let otherCouncilId = '';

  const addressesOf = (councilId: string) =>
    t.db
      .selectFrom('gazetteer_address')
      .selectAll()
      .where('council_id', '=', councilId)
      .orderBy('uprn')
      .execute();
  const importRows = (...lines: string[]) => placesOf(t).importCsv(admin, csvOf(...lines));
  const refusal = async (csv: string) => {
    const error = await placesOf(t)
      .importCsv(admin, csv)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as InvalidInput).errors.map((e) => `${e.key}: ${e.message}`);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    await addTestPerson(t.db, t.councilId, {
      email: 'gazetteer.admin@probity.test',
      roles: ['system-administrator'],
    });
    admin = await principalByEmail(t.db, t.councilId, 'gazetteer.admin@probity.test');
    const other = await outsider(t);
    otherCouncilId = other.councilId;
    await addTestPerson(t.db, otherCouncilId, { email: 'admin@other.test', roles: ['system-administrator'] });
    otherAdmin = await principalByEmail(t.db, otherCouncilId, 'admin@other.test');
  });
  afterAll(() => t.close());

  it('imports a good file in one go, with one audit event that counts it', async () => {
    const report = await importRows(...rows);
    expect(report).toMatchObject({ rows: 4, added: 4, changed: 0, unchanged: 0 });
    expect(await gazetteerCounts(t.db, t.councilId)).toEqual({ addresses: 4, imports: 1 });
    const { rows: events } = await sql<{ after: unknown; actor_id: string }>`
      select after, actor_id from audit_event where action = 'gazetteer.imported' and council_id = ${t.councilId}`.execute(
      t.db,
    );
    expect(events).toEqual([
      {
        actor_id: admin.personId,
        after: {
          fileHash: expect.stringMatching(/^[0-9a-f]{64}$/),
          rows: 4,
          added: 4,
          changed: 0,
          unchanged: 0,
        },
      },
    ]);
  });

  it('stores the National Grid reference and the WGS84 position worked out from it', async () => {
    const forge = await t.db
      .selectFrom('gazetteer_address')
      .selectAll()
      .where('council_id', '=', t.councilId)
      .where('uprn', '=', '1004')
      .executeTakeFirstOrThrow();
    expect(forge).toMatchObject({ easting: 651409.903, northing: 313177.27, postcode: 'DM4 1CD' });
    expect(haversineMetres(forge, { latitude: 52.657977, longitude: 1.716038 })).toBeLessThan(5);
  });

  it('changes nothing when the same file comes again, and only what changed in a new one', async () => {
    expect(await importRows(...rows)).toMatchObject({ added: 0, changed: 0, unchanged: 4 });
    const before = await addressesOf(t.councilId);
    expect(await importRows(...rows)).toMatchObject({ added: 0, changed: 0, unchanged: 4 });
    const after = await addressesOf(t.councilId);
    expect(after).toEqual(before);
    const moved = rows.map((row) => row.replace('52.4818', '52.4819'));
    expect(await importRows(...moved, '1005,"1 Church Lane, Demoton",DM1 2BA,,,52.479,-0.924')).toMatchObject(
      {
        rows: 5,
        added: 1,
        changed: 1,
        unchanged: 3,
      },
    );
  });

  it('imports nothing from a file with a bad row, and names each bad row by its line', async () => {
    const before = await gazetteerCounts(t.db, t.councilId);
    const problems = await refusal(
      csvOf(
        '2001,"1 New Street, Demoton",DM1 3AA,,,52.48,-0.92',
        ',"No UPRN, Demoton",DM1 3AA,,,52.48,-0.92',
        '2001,"Again, Demoton",DM1 3AA,,,52.48,-0.92',
        '2002,"2 New Street, Demoton",DM1,,,52.48,-0.92',
        '2003,"3 New Street, Demoton",DM1 3AA,,,48.85,2.35',
        '2004,"4 New Street, Demoton",DM1 3AA,,,,',
      ),
    );
    expect(problems).toEqual([
      'file: Line 3: the UPRN is missing',
      'file: Line 4: UPRN 2001 is also on line 2',
      'file: Line 5: the postcode “DM1” is not a UK postcode',
      'file: Line 6: the latitude and longitude are outside Great Britain',
      'file: Line 7: the position is missing: give an easting and northing, or a latitude and longitude',
    ]);
    expect(await gazetteerCounts(t.db, t.councilId)).toEqual(before);
    expect(await refusal('Reference,Address\n1,Somewhere')).toEqual([
      'file: Line 1: The first line must name the columns: it has no UPRN column, no POSTCODE column, no EASTING and NORTHING (or X_COORDINATE and Y_COORDINATE), or LATITUDE and LONGITUDE, columns',
    ]);
  });

  it('places an address by UPRN, then by address and postcode, and says what is at the postcode when it cannot', async () => {
    const places = placesOf(t);
    const located = await places.locateMany(t.councilId, [
      { uprn: '1002', address: 'anything', postcode: '' },
      { uprn: null, address: '14 Ashdown Ct, Demoton DM1 4QT', postcode: '' },
      { address: '14 Ashdown Court', postcode: 'dm14qt' },
      { uprn: '999', address: 'Flat 2, 12 High St', postcode: 'DM1 1AA' },
      { address: '12 Ashdown Court', postcode: 'DM1 4QT' },
      { address: '12 High St', postcode: 'AB1 2CD' },
      { address: '12 High St', postcode: '' },
    ]);
    expect(located.slice(0, 4).map((one) => ('found' in one ? one.found.uprn : one.notFound))).toEqual([
      '1002',
      '1001',
      '1001',
      '1003',
    ]);
    expect(located[1]).toEqual({
      found: {
        uprn: '1001',
        address: '14 Ashdown Court, Demoton',
        postcode: 'DM1 4QT',
        latitude: 52.4816,
        longitude: -0.9188,
      },
    });
    expect(located.slice(4)).toEqual([
      {
        notFound:
          'No address in the gazetteer matches 12 Ashdown Court, DM1 4QT; addresses at that postcode: 14 Ashdown Court, Demoton; 16 Ashdown Court, Demoton',
      },
      {
        notFound:
          'No address in the gazetteer matches 12 High St, AB1 2CD; the gazetteer has no addresses at AB1 2CD',
      },
      {
        notFound:
          'No address in the gazetteer matches 12 High St: give its full postcode (like DM1 4QT) to find it',
      },
    ]);
    expect(
      await places.locate(t.councilId, { uprn: '404', address: '2 Ashdown Court', postcode: 'DM1 4QT' }),
    ).toEqual({
      notFound:
        'UPRN 404 is not in the gazetteer, and no address in the gazetteer matches 2 Ashdown Court, DM1 4QT; addresses at that postcode: 14 Ashdown Court, Demoton; 16 Ashdown Court, Demoton',
    });
  });

  it('keeps each council’s gazetteer to itself', async () => {
    const theirs = placesOf(t);
    expect(
      await theirs.locate(otherCouncilId, { uprn: '1001', address: '14 Ashdown Court', postcode: 'DM1 4QT' }),
    ).toEqual({
      notFound:
        'UPRN 1001 is not in the gazetteer, and no address in the gazetteer matches 14 Ashdown Court, DM1 4QT; the gazetteer has no addresses at DM1 4QT',
    });
    expect(await theirs.atPostcode(otherCouncilId, 'DM1 4QT')).toEqual({ postcode: 'DM1 4QT', places: [] });
    // The same UPRN in another council is another council's address.
    expect(
      await theirs.importCsv(otherAdmin, csvOf('1001,"1 Their Road, Elsewhere",EL1 1AA,,,53.0,-1.5')),
    ).toMatchObject({ added: 1 });
    expect(await theirs.locate(t.councilId, { uprn: '1001', address: '', postcode: '' })).toMatchObject({
      found: { address: '14 Ashdown Court, Demoton' },
    });
    expect((await theirs.summary(otherCouncilId)).addresses).toBe(1);
  });

  it('places every address of the demo day from the demo district, which is deterministic', async () => {
    const district = demoGazetteer();
    expect(district).toEqual(demoGazetteer());
    expect(district.length).toBeGreaterThan(550);
    expect(new Set(district.map((a) => a.uprn)).size).toBe(district.length);
    const csv = csvOf(
      ...district.map((a) => `${a.uprn},"${a.address}",${a.postcode},,,${a.latitude},${a.longitude}`),
    );
    expect(await placesOf(t).importCsv(otherAdmin, csv)).toMatchObject({ added: district.length });
    const day = [
      '14 Ashdown Court, Demoton DM1 4QT',
      '8 Wren Close, Demoton DM2 7PL',
      '22 Linden Avenue, Demoton DM3 2AB',
      '5 Mercer Street, Demoton DM1 9RT',
      '3 Orchard Row, Demoton DM4 1CC',
      'Unit 4, Castle Trading Estate, Demoton DM5 8EE',
      '41 Station Road, Demoton DM2 3LP',
      '9 Beech Grove, Demoton DM6 2HH',
    ];
    const located = await placesOf(t).locateMany(
      otherCouncilId,
      day.map((address) => ({ address, postcode: '' })),
    );
    expect(located.filter((one) => 'notFound' in one)).toEqual([]);
    const spread = located.flatMap((one) => ('found' in one ? [one.found] : []));
    for (const place of spread)
      expect(haversineMetres(place, { latitude: 52.478, longitude: -0.921 })).toBeLessThan(6000);
  });

  it('seeds a council’s demo gazetteer once, through the import, with its audit event', async () => {
    const fresh = await outsider(t, 'demo-seed');
    const deps = { db: t.db, clock: t.clock };
    expect(await seedDemoGazetteer(deps, fresh.councilId)).toBe(true);
    expect(await seedDemoGazetteer(deps, fresh.councilId)).toBe(false);
    expect(await gazetteerCounts(t.db, fresh.councilId)).toEqual({
      addresses: demoGazetteer().length,
      imports: 1,
    });
    const { rows: events } = await sql<{ actor_label: string }>`select actor_label from audit_event
      where council_id = ${fresh.councilId} and action = 'gazetteer.imported'`.execute(t.db);
    expect(events).toEqual([{ actor_label: 'Probity (demo set-up)' }]);
  });
});
