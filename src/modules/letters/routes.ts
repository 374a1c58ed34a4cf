import type { FastifyInstance } from 'fastify';
import { draftRoutes } from './drafts/routes.ts';
import type { ComplaintLetters } from './service.ts';
import { templateRoutes } from './templates/routes.ts';

export type LettersRouteDeps = { letters: ComplaintLetters };

// A letter (the complaints team sees every letter; heads of service the letters about a
// customer's behaviour; anyone else is told there is no such letter), checking it before it goes,
// the letters waiting for the person, and the templates' wording.
export function lettersRoutes(app: FastifyInstance, deps: LettersRouteDeps) {
  draftRoutes(app, deps);
  templateRoutes(app, deps);
}
