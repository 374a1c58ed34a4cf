import type { Actor } from '../../../platform/audit/audit-trail.ts';
import { type ImportDeps, importAs } from '../gazetteer/importing.ts';
import { addressCount } from '../gazetteer/repository.ts';
import { demoGazetteer } from './district.ts';

// The demo council's gazetteer, imported as a council's LLPG export would be (the same checks and
// the same code), once: a council that has addresses already keeps them.

const quoted = (value: string | number) => `"${String(value).replaceAll('"', '""')}"`;

export function demoGazetteerCsv(): string {
  const lines = demoGazetteer().map((a) =>
    [a.uprn, a.address, a.postcode, a.latitude, a.longitude].map(quoted).join(','),
  );
  return ['UPRN,ADDRESS,POSTCODE,LATITUDE,LONGITUDE', ...lines].join('\r\n');
}

export async function seedDemoGazetteer(deps: ImportDeps, councilId: string): Promise<boolean> {
  if ((await addressCount(deps.db, councilId)).addresses > 0) return false;
  const actor: Actor = { councilId, personId: null, label: 'Probity (demo set-up)' };
  await importAs(deps, actor, demoGazetteerCsv());
  return true;
}
