import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type Candidate, candidates, type Place } from './repository.ts';
import { addressKey, matchAddress, postcodeIn, postcodeOf } from './rules.ts';

// Placing addresses for the route planner (DOMAIN.md §5 Planning): by UPRN when the record has
// one, else by the address at its postcode. What cannot be placed says why, and what the
// gazetteer has at that postcode, so that someone can correct the record.

export type PlaceQuery = { uprn?: string | null; address: string; postcode: string };
export type Located = { found: Place } | { notFound: string };

const listedAtPostcode = 10;
const placeOf = ({ searchKey: _key, ...place }: Candidate): Place => place;

// The postcode asked about: as given, or else the one written at the end of the address.
const postcodeAsked = (query: PlaceQuery) => postcodeOf(query.postcode) ?? postcodeIn(query.address);

// The address as asked, with its postcode when that is not already written in it.
function described(query: PlaceQuery): string {
  const [address, postcode] = [query.address.trim(), query.postcode.trim()];
  return postcode && !address.toUpperCase().includes(postcode.toUpperCase())
    ? `${address}, ${postcode}`
    : address;
}

function listed(places: readonly Candidate[]): string {
  const names = places.slice(0, listedAtPostcode).map((place) => place.address);
  const more = places.length - names.length;
  return more > 0 ? `${names.join('; ')}; and ${more} more` : names.join('; ');
}

function notFound(query: PlaceQuery, atPostcode: readonly Candidate[], postcode: string | null): string {
  const uprn = query.uprn?.trim() ? `UPRN ${query.uprn.trim()} is not in the gazetteer, and ` : '';
  const what = `${uprn}${uprn ? 'no' : 'No'} address in the gazetteer matches ${described(query)}`;
  if (!postcode) return `${what}: give its full postcode (like DM1 4QT) to find it`;
  if (atPostcode.length === 0) return `${what}; the gazetteer has no addresses at ${postcode}`;
  return `${what}; addresses at that postcode: ${listed(atPostcode)}`;
}

function locateIn(
  query: PlaceQuery,
  byUprn: ReadonlyMap<string, Candidate>,
  byPostcode: ReadonlyMap<string, Candidate[]>,
): Located {
  const uprn = query.uprn?.trim();
  const known = uprn ? byUprn.get(uprn) : undefined;
  if (known) return { found: placeOf(known) };
  const postcode = postcodeAsked(query);
  const atPostcode = postcode ? (byPostcode.get(postcode) ?? []) : [];
  const matched = matchAddress(addressKey(query.address), atPostcode);
  if (matched && 'match' in matched) return { found: placeOf(matched.match) };
  if (matched)
    return {
      notFound: `${described(query)} could be more than one address in the gazetteer: ${listed(matched.several)}; give its UPRN or the address in full`,
    };
  return { notFound: notFound(query, atPostcode, postcode) };
}

// Each query's place, in the order asked, from one read of the addresses they could be.
export async function locateMany(
  db: Kysely<Database>,
  councilId: string,
  queries: readonly PlaceQuery[],
): Promise<Located[]> {
  const uprns = [...new Set(queries.flatMap((query) => (query.uprn?.trim() ? [query.uprn.trim()] : [])))];
  const postcodes = [...new Set(queries.flatMap((query) => postcodeAsked(query) ?? []))];
  const found = await candidates(db, councilId, { uprns, postcodes });
  const byUprn = new Map(found.map((place) => [place.uprn, place]));
  const byPostcode = new Map<string, Candidate[]>();
  for (const place of [...found].sort((a, b) =>
    a.address.localeCompare(b.address, 'en-GB', { numeric: true }),
  ))
    byPostcode.set(place.postcode, [...(byPostcode.get(place.postcode) ?? []), place]);
  return queries.map((query) => locateIn(query, byUprn, byPostcode));
}
