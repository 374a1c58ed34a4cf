import type { Kysely } from 'kysely';
import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { fieldErrorsOf, InvalidInput } from '../../../platform/errors.ts';
import { text } from '../../../platform/web/forms.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { type DeclarationKind, isDeclarationKind, kindRules } from '../declarations/rules.ts';
import { registerViewer } from '../declarations/viewer.ts';
import { companyNumberKey, nameKey } from '../names.ts';
import { can, type RegisterViewer } from '../policy.ts';
import { type LookupInput, lookupInput } from './input.ts';
import { byStrength, type Match, type MatchQuality, matcherFor, postcodeOf } from './matching.ts';
import { type PersonalLinkQuery, personalLinks } from './personal-links.ts';
import { type Candidate, candidateLimit, candidates } from './repository.ts';

// The conflict lookup: who has declared a link to a person or organisation, for a
// procurement, recruitment, planning or field visit decision. It shows who declared what kind of
// link, never the declaration's answers or the addresses declared; each lookup is audited, since
// the answer itself is personal data.

export const lookupLimit = 50;

type Ranked = { candidate: Candidate; kind: DeclarationKind; match: Match };

// Strongest first (matching.ts byStrength), then by name, so that the order never varies.
const strongestFirst = (a: Ranked, b: Ranked) =>
  byStrength(a.match, b.match) ||
  a.candidate.name.localeCompare(b.candidate.name) ||
  a.candidate.personName.localeCompare(b.candidate.personName);

export type LookupMatch = {
  // Only when the person looking may open the declaration (the register's need-to-know rule).
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

function parseLookup(values: Record<string, unknown>): LookupInput {
  const parsed = lookupInput.safeParse({
    name: text(values.name),
    address: text(values.address),
    companyNumber: text(values.companyNumber),
  });
  if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

const shown = (viewer: RegisterViewer | null, { candidate, kind, match }: Ranked): LookupMatch => ({
  declarationId: viewer && can(viewer, 'see', candidate) ? candidate.declarationId : null,
  officerName: candidate.personName,
  jobTitle: candidate.jobTitle,
  serviceName: candidate.serviceName,
  kind,
  kindName: kindRules[kind].name,
  partyKind: candidate.partyKind === 'person' ? 'person' : 'organisation',
  role: candidate.role,
  declaredName: candidate.name,
  endedOn: candidate.endedOn,
  quality: match.quality,
  samePostcode: match.samePostcode,
});

// Bad input is refused before anything is read or audited.
async function find(
  { db, clock, organisation }: ModuleDeps,
  principal: Principal,
  values: Record<string, unknown>,
  requestId?: string,
): Promise<LookupResult> {
  const input = parseLookup(values);
  const query = {
    nameKey: nameKey(input.name),
    companyNumber: input.companyNumber ? companyNumberKey(input.companyNumber) : null,
    postcode: postcodeOf(input.address),
  };
  const found: Candidate[] = await candidates(db, principal.councilId, query);
  const matchOf = matcherFor(query);
  const all = found
    .slice(0, candidateLimit)
    .flatMap((candidate): Ranked[] => {
      const match = matchOf(candidate);
      return match && isDeclarationKind(candidate.kind) ? [{ candidate, kind: candidate.kind, match }] : [];
    })
    .sort(strongestFirst);
  const strongest = all.slice(0, lookupLimit);
  const viewer = strongest.length ? await registerViewer(organisation, principal) : null;
  const matches = strongest
    // Current declarations first (an ended one still matters: the link may be recent), each
    // strongest first.
    .sort(
      (a, b) =>
        Number(a.candidate.endedOn !== null) - Number(b.candidate.endedOn !== null) || strongestFirst(a, b),
    )
    .map((entry) => shown(viewer, entry));
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
  return { input, matches, more: found.length > candidateLimit || all.length > lookupLimit };
}

export type ConflictLookup = ReturnType<typeof conflictLookup>;

export function conflictLookup(deps: ModuleDeps) {
  return {
    find: (principal: Principal, values: Record<string, unknown>, requestId?: string) =>
      find(deps, principal, values, requestId),
    // The officer's own declared links to a customer (personal-links.ts); a system check, not
    // audited as a lookup. Inside a transaction, pass it as `executor`.
    personalLinks: (
      councilId: string,
      officerId: string,
      customer: PersonalLinkQuery,
      executor: Kysely<Database> = deps.db,
    ) => personalLinks(executor, councilId, officerId, customer),
  };
}
