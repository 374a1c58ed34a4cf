import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { fieldErrorsOf, InvalidInput } from '../../../platform/errors.ts';
import { text } from '../../../platform/web/forms.ts';
import type { ModuleDeps } from '../../organisation/module-deps.ts';
import type { RegisterScope } from '../declarations/repository.ts';
import { type DeclarationKind, isDeclarationKind, kindRules } from '../declarations/rules.ts';
import { declarationsService } from '../declarations/service.ts';
import { companyNumberKey, isCompanyNumber, nameKey } from '../names.ts';
import type { DeclarationPartyTable, DeclarationTable } from '../tables.ts';
import {
  byStrength,
  candidateKeys,
  hasWholeWord,
  type LookupQuery,
  type Match,
  type MatchQuality,
  matcherFor,
  postcodeOf,
} from './matching.ts';

// The conflict lookup: who has declared a link to a person or organisation, for a
// procurement, recruitment, planning or field visit decision. It shows who declared what kind of
// link, never the declaration's answers or the addresses declared; each lookup is audited, since
// the answer itself is personal data.

export const lookupLimit = 50;
// Declared names sharing words with the one looked up that are compared at the most; when there
// are more (a common surname alone), the person looking is asked for more of the name.
const candidateLimit = 150;

const lookupInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the name of the person or organisation')
    .min(2, 'Name must be 2 characters or more')
    .max(200, 'Name must be 200 characters or fewer')
    .refine(
      (name) => hasWholeWord(nameKey(name)),
      'Enter more of the name than initials or words like “Ltd”',
    ),
  address: z.string().trim().max(500, 'Address or postcode must be 500 characters or fewer'),
  companyNumber: z
    .string()
    .trim()
    .refine(
      (number) => number === '' || isCompanyNumber(number),
      'Enter a company number as Companies House shows it, like 01234567 or SC123456',
    ),
});
type LookupInput = z.infer<typeof lookupInput>;

export type LookupMatch = {
  // Only when the person looking may open the declaration (its register's need-to-know rule).
  declarationId: string | null;
  officerName: string;
  jobTitle: string;
  serviceName: string;
  kind: DeclarationKind;
  kindName: string;
  partyKind: 'person' | 'organisation';
  role: string;
  declaredName: string;
  endedOn: string | null;
  quality: MatchQuality;
  samePostcode: boolean;
};

type LookupResult = {
  input: LookupInput;
  matches: LookupMatch[];
  // More declared names were similar than were compared or shown.
  more: boolean;
};

// A declared person or organisation, and what the results show of the declaration naming it.
type Candidate = Pick<
  DeclarationPartyTable,
  'declaration_id' | 'position' | 'name_key' | 'company_number' | 'address' | 'role' | 'name'
> &
  Pick<
    DeclarationTable,
    | 'kind'
    | 'person_id'
    | 'person_name'
    | 'job_title'
    | 'service_id'
    | 'service_name'
    | 'senior'
    | 'reviewer_id'
    | 'review_state'
    | 'ended_on'
  > & { party_kind: string };

// The declared names worth comparing (lookup-matching.ts candidateKeys), each branch a search of
// the match_keys index, and any with the same company number. Should there be more than are
// compared, the likeliest first: the exact name or company number, the postcode given, the fewest
// words.
async function candidates(db: Kysely<Database>, councilId: string, query: LookupQuery) {
  const { everyWord, oneWord, someWords } = candidateKeys(query.nameKey);
  const having = (...lists: readonly (readonly string[])[]) =>
    sql`(${sql.join(
      lists.map((list) => sql`match_keys && ${list}::text[]`),
      sql` and `,
    )})`;
  const branches = [
    having(...everyWord),
    ...(oneWord.length ? [having(['#1'], oneWord)] : []),
    ...someWords.map(({ counts, anchor, other }) => having(counts, anchor, other)),
    ...(query.companyNumber ? [sql`company_number = ${query.companyNumber}`] : []),
  ];
  // The address only to compare postcodes, when one is given.
  const postcode = query.postcode?.replace(' ', '');
  // As one JSON value: the embedded database hands over one value much faster than many columns.
  const { rows } = await sql<{ candidates: Candidate[] }>`
    select coalesce(json_agg(found), '[]') as candidates from (
      select party.*, d.kind, d.person_id, d.person_name, d.job_title, d.service_id, d.service_name,
        d.senior, d.reviewer_id, d.review_state, d.ended_on
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
      join declaration d on d.council_id = ${councilId} and d.id = party.declaration_id
    ) as found`.execute(db);
  return rows[0]?.candidates ?? [];
}

type Ranked = { candidate: Candidate; kind: DeclarationKind; match: Match };

// Strongest first (lookup-matching.ts byStrength), then by name, so that the order never varies.
const strongestFirst = (a: Ranked, b: Ranked) =>
  byStrength(a.match, b.match) ||
  a.candidate.name.localeCompare(b.candidate.name) ||
  a.candidate.person_name.localeCompare(b.candidate.person_name);

// The register's need-to-know rule (service.ts canSeeDeclaration), decided from the viewer's scope.
function mayOpen(
  scope: RegisterScope,
  viewerId: string,
  declaration: Pick<Candidate, 'person_id' | 'reviewer_id' | 'review_state' | 'service_id' | 'senior'>,
): boolean {
  if (scope.all) return true;
  return (
    scope.personIds.includes(declaration.person_id) ||
    (declaration.reviewer_id === viewerId && declaration.review_state === 'awaiting-review') ||
    (scope.serviceId !== null && !declaration.senior && declaration.service_id === scope.serviceId)
  );
}

function parseLookup(values: Record<string, unknown>): LookupInput {
  const parsed = lookupInput.safeParse({
    name: text(values.name),
    address: text(values.address),
    companyNumber: text(values.companyNumber),
  });
  if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

export type ConflictLookup = ReturnType<typeof conflictLookup>;

export function conflictLookup(deps: ModuleDeps) {
  const { db, clock } = deps;
  const { scopeOf } = declarationsService(deps);

  return {
    // Bad input is refused before anything is read or audited.
    async find(
      principal: Principal,
      values: Record<string, unknown>,
      requestId?: string,
    ): Promise<LookupResult> {
      const input = parseLookup(values);
      const query: LookupQuery = {
        nameKey: nameKey(input.name),
        companyNumber: input.companyNumber ? companyNumberKey(input.companyNumber) : null,
        postcode: postcodeOf(input.address),
      };
      const found = await candidates(db, principal.councilId, query);
      const matchOf = matcherFor(query);
      const ranked = found
        .slice(0, candidateLimit)
        .flatMap((candidate): Ranked[] => {
          const match = matchOf({
            nameKey: candidate.name_key,
            companyNumber: candidate.company_number,
            address: candidate.address,
          });
          return match && isDeclarationKind(candidate.kind)
            ? [{ candidate, kind: candidate.kind, match }]
            : [];
        })
        .sort(strongestFirst);
      const strongest = ranked.slice(0, lookupLimit);
      const scope = strongest.length ? await scopeOf(principal) : null;
      const matches = strongest
        // Current declarations first (an ended one still matters: the link may be recent), each
        // strongest first.
        .sort(
          (a, b) =>
            Number(a.candidate.ended_on !== null) - Number(b.candidate.ended_on !== null) ||
            strongestFirst(a, b),
        )
        .map(({ candidate, kind, match }) => ({
          declarationId:
            scope && mayOpen(scope, principal.personId, candidate) ? candidate.declaration_id : null,
          officerName: candidate.person_name,
          jobTitle: candidate.job_title,
          serviceName: candidate.service_name,
          kind,
          kindName: kindRules[kind].name,
          partyKind: candidate.party_kind === 'person' ? ('person' as const) : ('organisation' as const),
          role: candidate.role,
          declaredName: candidate.name,
          endedOn: candidate.ended_on,
          quality: match.quality,
          samePostcode: match.samePostcode,
        }));
      await recordAccess(
        db,
        actorFor(principal, requestId),
        {
          action: 'declaration.lookup',
          recordType: 'declaration-lookup',
          after: { ...input, matches: matches.length },
        },
        clock.now(),
      );
      return { input, matches, more: found.length > candidateLimit || ranked.length > lookupLimit };
    },
  };
}
