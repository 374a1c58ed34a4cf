import type { InterestsDeps } from './deps.ts';

export type RelatedPartyReturns = ReturnType<typeof relatedPartyReturns>;

export function relatedPartyReturns(_deps: InterestsDeps) {
  return {};
}
