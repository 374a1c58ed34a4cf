import type { InterestsDeps } from './deps.ts';

export type DeclarationsService = ReturnType<typeof declarationsService>;

export function declarationsService(_deps: InterestsDeps) {
  return {};
}
