import type { InterestsDeps } from './deps.ts';

export type InterestPublication = ReturnType<typeof interestPublication>;

export function interestPublication(_deps: InterestsDeps) {
  return {};
}
