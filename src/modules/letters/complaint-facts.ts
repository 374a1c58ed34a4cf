import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { LetterKind } from './templates/kinds.ts';

// What letters know of the complaint a letter is about, and what they tell it. The complaints
// module knows it and itself writes letters, so letters cannot import it: the app tells letters
// once, at start (knowComplaintsBy), how to ask, and every letters service asks that.
export type ComplaintFacts = {
  // Read through `q`: the caller's transaction when there is one.
  about(
    q: Kysely<Database>,
    councilId: string,
    complaintId: string,
  ): Promise<{ reference: string; serviceName: string; housing: boolean } | null>;
  referencesOf(
    q: Kysely<Database>,
    councilId: string,
    complaintIds: readonly string[],
  ): Promise<ReadonlyMap<string, string>>;
  // A letter about the complaint has just been sent, in `q`, the sending's transaction: the Code
  // measures an acknowledgement or a response by when the person is sent it.
  letterSent(
    q: Kysely<Database>,
    actor: Actor,
    letter: { councilId: string; complaintId: string; kind: LetterKind; at: Date },
  ): Promise<void>;
};

let told: ComplaintFacts | null = null;

export function knowComplaintsBy(facts: ComplaintFacts) {
  told = facts;
}

export function complaintFacts(): ComplaintFacts {
  if (!told) throw new Error('letters: the app has not said how to find a complaint (knowComplaintsBy)');
  return told;
}
