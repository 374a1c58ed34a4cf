import { type Kysely, type RawBuilder, sql } from 'kysely';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Declaration } from '../declarations/repository.ts';
import type { Answers } from '../declarations/rules.ts';
import { candidateKeys, type LookupQuery } from './matching.ts';

// Declared names sharing words with the one looked up that are compared at the most; when there
// are more (a common surname alone), the person looking is asked for more of the name.
export const candidateLimit = 150;

// A declared person or organisation, and what the results show of the declaration naming it.
export type Candidate = Pick<
  Declaration,
  | 'personId'
  | 'personName'
  | 'jobTitle'
  | 'serviceId'
  | 'serviceName'
  | 'senior'
  | 'reviewerId'
  | 'reviewState'
  | 'endedOn'
> & {
  declarationId: string;
  nameKey: string;
  companyNumber: string;
  address: string;
  partyKind: string;
  role: string;
  name: string;
  kind: string;
};

// The declared names worth comparing (lookup-matching.ts candidateKeys), each branch a search of
// the match_keys index, and any with the same company number. Should there be more than are
// compared, the likeliest first: the exact name or company number, the postcode given, the fewest
// words.
export async function candidates(db: Kysely<Database>, councilId: string, query: LookupQuery) {
  const { everyWord, oneWord, someWords } = candidateKeys(query.nameKey);
  // Each list as a value the planner cannot see into: estimating how many names share each of its
  // keys cost more than the search itself, on every lookup of a single word.
  const having = (...lists: readonly (readonly string[])[]) =>
    sql`(${sql.join(
      lists.map((list) => sql`match_keys && (select ${list}::text[])`),
      sql` and `,
    )})`;
  const branches = [
    having(...everyWord),
    ...(oneWord.length ? [having(['#1'], oneWord)] : []),
    ...someWords.map(({ counts, anchor, other }) => having(counts, anchor, other)),
    // Said again for the planner, so that a plan kept for any company number uses the index of
    // parties that have one.
    ...(query.companyNumber ? [sql`(company_number = ${query.companyNumber} and company_number <> '')`] : []),
  ];
  // The address only to compare postcodes, when one is given.
  const postcode = query.postcode?.replace(' ', '');
  // As one JSON value, a list a candidate in the order of `shown`: the embedded database hands
  // over one value much faster than many columns, and the server makes lists faster than objects.
  const { rows } = await sql<{ candidates: unknown[][] }>`
    select coalesce(json_agg(json_build_array(${sql.join(Object.values(shown))})), '[]') as candidates
    from (
      select declaration_id, position, name_key, company_number, ${postcode ? sql`address` : sql`''`} as address,
        kind as party_kind, role, name
      from declaration_party
      where council_id = ${councilId} and (${sql.join(branches, sql` or `)})
      order by (name_key = ${query.nameKey} or company_number is not distinct from ${query.companyNumber}) desc,
        ${postcode ? sql`replace(upper(address), ' ', '') like ${`%${postcode}%`} desc,` : sql``}
        cardinality(string_to_array(name_key, ' '))
      limit ${candidateLimit + 1}
    ) as party
    join declaration d on d.council_id = ${councilId} and d.id = party.declaration_id`.execute(db);
  return (rows[0]?.candidates ?? []).map(candidateOf);
}

function candidateOf(values: readonly unknown[]): Candidate {
  const candidate: Record<string, unknown> = {};
  shownNames.forEach((name, at) => {
    candidate[name] = values[at];
  });
  return candidate as Candidate;
}

// What a candidate is made of, from the declared party and its declaration.
const shown: Record<keyof Candidate, RawBuilder<unknown>> = {
  declarationId: sql`party.declaration_id`,
  nameKey: sql`party.name_key`,
  companyNumber: sql`party.company_number`,
  address: sql`party.address`,
  partyKind: sql`party.party_kind`,
  role: sql`party.role`,
  name: sql`party.name`,
  kind: sql`d.kind`,
  personId: sql`d.person_id`,
  personName: sql`d.person_name`,
  jobTitle: sql`d.job_title`,
  serviceId: sql`d.service_id`,
  serviceName: sql`d.service_name`,
  senior: sql`d.senior`,
  reviewerId: sql`d.reviewer_id`,
  reviewState: sql`d.review_state`,
  endedOn: sql`d.ended_on`,
};
const shownNames = Object.keys(shown);

// A person an officer's current declaration names, with the declaration's answers
// (personal-links.ts).
export type KnownParty = {
  declarationId: string;
  reference: string;
  kind: string;
  answers: Answers;
  name: string;
  nameKey: string;
  address: string;
  companyNumber: string;
};

// The people named in the officer's own current declarations of these kinds, oldest first.
export async function knownParties(
  db: Kysely<Database>,
  councilId: string,
  officerId: string,
  kinds: readonly string[],
): Promise<KnownParty[]> {
  if (kinds.length === 0) return [];
  const rows = await db
    .selectFrom('declaration as d')
    .innerJoin('declaration_party as p', sameCouncil('p.declaration_id', 'd.id'))
    .select([
      'd.id as declarationId',
      'd.reference',
      'd.kind',
      'd.answers',
      'p.name',
      'p.name_key as nameKey',
      'p.address',
      'p.company_number as companyNumber',
    ])
    .where('d.council_id', '=', councilId)
    .where('d.person_id', '=', officerId)
    .where('d.ended_on', 'is', null)
    .where('d.kind', 'in', kinds)
    .where('p.kind', '=', 'person')
    .orderBy('d.declared_at')
    .orderBy('d.id')
    .orderBy('p.position')
    .execute();
  return rows.map((row) => ({ ...row, answers: row.answers as Answers }));
}
