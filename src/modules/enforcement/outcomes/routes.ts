import type { FastifyInstance } from 'fastify';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { formPage, formRoute } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { pounds } from '../arrangements/rules.ts';
import { caseParams } from '../cases/input.ts';
import { casePath, type EnforcementRouteDeps } from '../cases/routes.ts';
import { outcomeForm } from './input.ts';
import { outcomeKinds, outcomeNames, presentKinds, presentNames } from './rules.ts';

const penceText = (value: number) => (value / 100).toFixed(2);

// The outcome form, for the case's agent after a visit; phone-friendly. The instalments offered
// are the balance outstanding in four weekly instalments from a week today.
export function outcomeRoutes(app: FastifyInstance, { enforcement, clock }: EnforcementRouteDeps) {
  formRoute(app, '/enforcement/cases/:id/outcome', {
    access: 'enforcement:work',
    params: caseParams,
    notFound: 'No such enforcement case',
    body: outcomeForm,
    dates: ['visitedOn'],
    async initial(request, params) {
      const today = londonDate(clock.now());
      const defaults = await enforcement.outcomes.arrangementDefaults(signedIn(request), params.id);
      return {
        'visitedOn-day': String(Number(today.slice(8, 10))),
        'visitedOn-month': String(Number(today.slice(5, 7))),
        'visitedOn-year': today.slice(0, 4),
        present: [],
        instalments: defaults.map((i) => `${i.dueOn}, ${penceText(i.amountPence)}`).join('\n'),
      };
    },
    async page(shown) {
      const page = await enforcement.cases.page(signedIn(shown.request), shown.params.id);
      return formPage(shown, 'enforcement/outcomes/views/outcome.njk', {
        title: 'Record a visit’s outcome',
        ...page,
        outcomeNames,
        outcomeKinds,
        presentKinds,
        presentNames,
        pounds,
      });
    },
    async submit({ request, params, body }) {
      await enforcement.outcomes.record(signedIn(request), params.id, body, request.id);
      return casePath(params.id);
    },
  });
}
