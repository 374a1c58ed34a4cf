import { applyStaff, previewStaff } from '../src/modules/organisation/staff-import/service.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { DatabaseKind } from '../src/platform/db/connection.ts';
import { withDemoDatabase } from './support.ts';

// The HR system's staff file for a large council, 20,000 staff, each managed by someone before them
// in the file: previewed and applied into the demo council, then the same file again (nothing
// changes), then with one in ten changing job title and one in a hundred leaving. Target: each
// preview and each apply within 10 s.

const staff = 20_000;
const targetSeconds = 10;
const services = ['Housing', 'Customer Services', 'Finance and Revenues', 'Planning and Building Control'];

function staffFile(changed: boolean): string {
  const lines = [
    'Staff Number,Name,Email,Job Title,Service,Line Manager,Start Date,Leaving Date,Contract Type',
  ];
  for (let n = 1; n <= staff; n++) {
    const manager = n === 1 ? '' : `S${String(Math.max(1, Math.floor(n / 8))).padStart(6, '0')}`;
    const title = changed && n % 10 === 0 ? 'Senior Officer' : 'Officer';
    const leaving = changed && n % 100 === 0 && n > 1000 ? '2026-01-31' : '';
    lines.push(
      `S${String(n).padStart(6, '0')},"Officer ${n}, Bench",officer${n}@staff.bench.test,${title},${services[n % services.length]},${manager},2020-04-01,${leaving},${n % 50 === 0 ? 'agency' : 'employee'}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, (performance.now() - started) / 1000];
}

const verdict = (seconds: number) =>
  `${seconds.toFixed(1)} s; target < ${targetSeconds} s: ${seconds < targetSeconds ? 'met' : 'MISSED'}`;

export async function staffImport(kind: DatabaseKind) {
  await withDemoDatabase(kind, async (db, councilId) => {
    const admin = await db
      .selectFrom('person')
      .select('id')
      .where('council_id', '=', councilId)
      .where('email', '=', 'chris.taylor@demo.probity.test')
      .executeTakeFirstOrThrow();
    const actor = { councilId, personId: admin.id, label: 'Staff import bench' };
    const deps = { db, clock: systemClock };
    console.log(`\nHR staff import, ${staff.toLocaleString('en-GB')} staff, on ${kind}`);
    for (const [what, csv] of [
      ['into the council', staffFile(false)],
      ['the same file again', staffFile(false)],
      ['one in ten changed', staffFile(true)],
    ] as const) {
      const [preview, previewed] = await timed(() => previewStaff(deps, actor, csv));
      const { plan } = preview;
      console.log(
        `  ${what.padEnd(22)} preview ${verdict(previewed)} (${plan.added.length} to add, ${plan.changed.length} to change, ${plan.leavers.length} leavers, ${plan.errors.length} errors)`,
      );
      const [, applied] = await timed(() => applyStaff(deps, actor, preview.importId));
      console.log(`  ${''.padEnd(22)} apply   ${verdict(applied)}`);
    }
  });
}

// npm run bench runs it with the others; `npx node bench/staff-import.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  await staffImport('pglite');
  if (process.env.DATABASE_URL) await staffImport('postgres');
}
