import type { Kysely } from 'kysely';
import { isUuid } from '../../../platform/auth/secrets.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { isDeclarationKind, kindRules, knownPersonOf, personalKinds } from '../declarations/rules.ts';
import { nameKey } from '../names.ts';
import { type MatchQuality, matcherFor, postcodeOf, sameAddress } from './matching.ts';
import { knownParties } from './repository.ts';

// Whether an officer has declared a personal link to a council customer. 000 General rules: an
// officer does not visit a relative or friend; Additional rules: nor deals with the accounts of
// family, friends or anyone known to them. The people the officer's own current declarations name
// among those they know personally (declarations/rules.ts personalKinds) are matched to the
// customer by the same account reference, by name as the conflict lookup matches names, or by the
// same home (the same postcode and first line).
//
// A check the system makes for another module (planning a visit), with no one looking it up: it
// reads only the officer's own declarations and answers only "you have declared a link to this
// person", so unlike the conflict lookup it is not audited as a lookup; the caller records what
// it did about a link.

export type PersonalLinkQuery = { name: string; address: string; accountRef: string };

export type PersonalLink = {
  declarationId: string;
  reference: string;
  kindName: string;
  // The person as the officer declared them, and how the officer knows them, in their words.
  declaredName: string;
  relationship: string;
  matchedOn: 'account' | 'name' | 'address';
  // How closely the declared name agrees with the customer's, whatever matched; null when it does
  // not.
  quality: Exclude<MatchQuality, 'company-number'> | null;
};

const accountKey = (reference: string) => reference.toUpperCase().replace(/[^A-Z0-9]/g, '');

const strength = { account: 0, name: 1, address: 2 } as const;
const strongestFirst = (a: PersonalLink, b: PersonalLink) =>
  strength[a.matchedOn] - strength[b.matchedOn] ||
  Number(b.quality === 'exact-name') - Number(a.quality === 'exact-name');

// Read through `db`, or the caller's transaction.
export async function personalLinks(
  db: Kysely<Database>,
  councilId: string,
  officerId: string,
  customer: PersonalLinkQuery,
): Promise<PersonalLink[]> {
  if (!isUuid(officerId)) return [];
  const parties = await knownParties(db, councilId, officerId, personalKinds);
  const nameMatch = matcherFor({
    nameKey: nameKey(customer.name),
    companyNumber: null,
    postcode: postcodeOf(customer.address),
  });
  const account = accountKey(customer.accountRef);
  return parties
    .flatMap((party): PersonalLink[] => {
      if (!isDeclarationKind(party.kind)) return [];
      const relationship = knownPersonOf(party.kind, party.answers);
      if (relationship === null) return [];
      const name = nameMatch(party);
      const quality = name && name.quality !== 'company-number' ? name.quality : null;
      const matchedOn =
        account !== '' && accountKey(party.answers.accountReference ?? '') === account
          ? 'account'
          : quality
            ? 'name'
            : sameAddress(customer.address, party.address)
              ? 'address'
              : null;
      if (matchedOn === null) return [];
      return [
        {
          declarationId: party.declarationId,
          reference: party.reference,
          kindName: kindRules[party.kind].name,
          declaredName: party.name,
          relationship,
          matchedOn,
          quality,
        },
      ];
    })
    .sort(strongestFirst);
}
