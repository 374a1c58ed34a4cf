import type { FastifyInstance } from 'fastify';
import { paramsOf } from '../../platform/web/form-kit.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import { caseParams } from './casework/input.ts';
import type { ComplaintsRouteDeps } from './routes.ts';

// The letters about a complaint, sent or not yet, as a tab of its case (the letters themselves,
// checking and sending them, and their templates, are the letters module's pages).
export function letterRoutes(app: FastifyInstance, { letters, casework }: ComplaintsRouteDeps) {
  app.get(
    '/complaints/:reference/letters',
    { config: { access: 'complaints:handle' } },
    async (request, reply) => {
      const { reference } = paramsOf(request, caseParams, 'No such complaint');
      const principal = signedIn(request);
      // The case header says which complaint this is; it refuses anyone outside the team (404).
      const summary = await casework.caseSummary(principal.councilId, reference, principal);
      return render(request, reply, 'complaints/views/letters.njk', {
        title: `Letters for ${summary.reference}`,
        summary,
        letters: await letters.forComplaint(principal.councilId, summary.id, 'all'),
      });
    },
  );
}
