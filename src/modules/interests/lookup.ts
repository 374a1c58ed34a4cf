import type { InterestsDeps } from './deps.ts';

export type ConflictLookup = ReturnType<typeof conflictLookup>;

export function conflictLookup(_deps: InterestsDeps) {
  return {};
}
