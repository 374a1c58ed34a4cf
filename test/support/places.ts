import type { Kysely } from 'kysely';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { placesService } from '../../src/modules/places/service.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import type { RoutingEngine } from '../../src/platform/geo/travel.ts';
import type { TestApp } from './app.ts';

// The places service as the app builds it, over the test app's database, with a routing engine or none.
export function placesOf(t: TestApp, routing: RoutingEngine | null = null) {
  const deps = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
  return placesService({ db: t.db, clock: t.clock, organisation: organisationService(deps), routing });
}

export const gazetteerHeading = 'UPRN,ADDRESS,POSTCODE,EASTING,NORTHING,LATITUDE,LONGITUDE';

// A CSV file of the given rows, with the heading above.
export const csvOf = (...rows: string[]) => [gazetteerHeading, ...rows].join('\r\n');

// How many addresses and imports a council has.
export async function gazetteerCounts(db: Kysely<Database>, councilId: string) {
  const [addresses, imports] = await Promise.all([
    db
      .selectFrom('gazetteer_address')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('council_id', '=', councilId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('gazetteer_import')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('council_id', '=', councilId)
      .executeTakeFirstOrThrow(),
  ]);
  return { addresses: Number(addresses.n), imports: Number(imports.n) };
}

// A multipart form post of one file, with the CSRF token of the form page the browser last saw.
export function multipartFile(
  boundary: string,
  csrf: string,
  field: string,
  fileName: string,
  content: string,
) {
  return [
    `--${boundary}`,
    'Content-Disposition: form-data; name="_csrf"',
    '',
    csrf,
    `--${boundary}`,
    `Content-Disposition: form-data; name="${field}"; filename="${fileName}"`,
    'Content-Type: text/csv',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
