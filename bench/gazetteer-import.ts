import { importAs } from '../src/modules/places/gazetteer/importing.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { DatabaseKind } from '../src/platform/db/connection.ts';
import { withDemoDatabase } from './support.ts';

// A county's LLPG export, 150,000 addresses (half with a National Grid reference, half with
// latitude and longitude), imported into an empty gazetteer, then the same file again (nothing
// changes), then with one address in ten moved. Target: the first import within 60 s.

const addresses = 150_000;
const targetSeconds = 60;

function llpgExport(moved: boolean): string {
  const lines = ['UPRN,ADDRESS,POSTCODE,EASTING,NORTHING,LATITUDE,LONGITUDE'];
  for (let n = 1; n <= addresses; n++) {
    const street = Math.floor(n / 40);
    const shift = moved && n % 10 === 0 ? 5 : 0;
    const postcode = `DM${1 + (street % 9)} ${street % 10}${String.fromCharCode(65 + (street % 26))}${String.fromCharCode(65 + (n % 26))}`;
    const address = `"${n % 40}, Street ${street}, Demoton"`;
    const [easting, northing] = [
      470_000 + (street % 300) * 30 + (n % 40) * 5 + shift,
      285_000 + Math.floor(street / 300) * 30,
    ];
    lines.push(
      n % 2 === 0
        ? `${100_000_000 + n},${address},${postcode},${easting},${northing},,`
        : `${100_000_000 + n},${address},${postcode},,,${(52.4 + (street % 300) / 3000).toFixed(6)},${(-0.9 - (n % 40) / 4000 - shift / 1e5).toFixed(6)}`,
    );
  }
  return lines.join('\n');
}

export async function gazetteerImport(kind: DatabaseKind) {
  await withDemoDatabase(kind, async (db, councilId) => {
    const actor = { councilId, personId: null, label: 'Gazetteer bench' };
    const deps = { db, clock: systemClock };
    console.log(`\nGazetteer import, ${addresses.toLocaleString('en-GB')} addresses, on ${kind}`);
    for (const [what, csv] of [
      ['into an empty gazetteer', llpgExport(false)],
      ['the same file again', llpgExport(false)],
      ['one in ten moved', llpgExport(true)],
    ] as const) {
      const started = performance.now();
      const report = await importAs(deps, actor, csv);
      const seconds = (performance.now() - started) / 1000;
      const rate = Math.round(addresses / seconds).toLocaleString('en-GB');
      const met = seconds < targetSeconds ? 'met' : 'MISSED';
      console.log(
        `  ${what.padEnd(24)} ${seconds.toFixed(1)} s, ${rate} rows/s (${report.added} new, ${report.changed} changed, ${report.unchanged} unchanged); target < ${targetSeconds} s: ${met}`,
      );
    }
  });
}

// npm run bench runs it with the others; `node bench/gazetteer-import.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  await gazetteerImport('pglite');
  if (process.env.DATABASE_URL) await gazetteerImport('postgres');
}
