import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import * as repo from './repository.ts';
import { postcodeOf } from './rules.ts';

// What the gazetteer page shows: how many addresses and postcodes, and the last import.
export async function summary(db: Kysely<Database>, councilId: string) {
  const [counts, last] = await Promise.all([
    repo.addressCount(db, councilId),
    repo.importSummary(db, councilId),
  ]);
  return { ...counts, lastImport: last };
}

// One import's counts, to say what it did.
export const importNamed = (db: Kysely<Database>, councilId: string, id: string) =>
  repo.importSummary(db, councilId, id);

// The addresses at a postcode, in number order; none for text that is not a postcode.
export async function atPostcode(db: Kysely<Database>, councilId: string, postcode: string) {
  const normalised = postcodeOf(postcode);
  return normalised
    ? { postcode: normalised, places: await repo.atPostcode(db, councilId, normalised) }
    : null;
}
