import type { FastifyInstance } from 'fastify';
import { formPage, formRoute } from '../../../platform/web/form-kit.ts';
import { actorOf, render, signedIn } from '../../../platform/web/render.ts';
import { councillorForm, independentPersonForm } from './input.ts';
import type { ConductRoster } from './service.ts';

// The monitoring officer's lists: councillors complaints can be about, and the independent persons
// they consult.
export function rosterRoutes(app: FastifyInstance, roster: ConductRoster) {
  app.get('/conduct/roster', { config: { access: 'conduct:work' } }, async (request, reply) => {
    const { councilId } = signedIn(request);
    const [councillors, independentPersons] = await Promise.all([
      roster.councillors(councilId),
      roster.independentPersons(councilId),
    ]);
    return render(request, reply, 'conduct/roster/views/roster.njk', {
      title: 'Councillors and independent persons',
      councillors,
      independentPersons,
    });
  });

  formRoute(app, '/conduct/councillors/new', {
    access: 'conduct:work',
    body: councillorForm,
    initial: () => ({}),
    page: (shown) =>
      formPage(shown, 'conduct/roster/views/person-form.njk', {
        title: 'Add a councillor',
        action: '/conduct/councillors/new',
        councillor: true,
      }),
    submit: async ({ request, body }) => {
      await roster.addCouncillor(actorOf(request), body);
      return '/conduct/roster';
    },
  });

  formRoute(app, '/conduct/independent-persons/new', {
    access: 'conduct:work',
    body: independentPersonForm,
    initial: () => ({}),
    page: (shown) =>
      formPage(shown, 'conduct/roster/views/person-form.njk', {
        title: 'Add an independent person',
        action: '/conduct/independent-persons/new',
        councillor: false,
      }),
    submit: async ({ request, body }) => {
      await roster.addIndependentPerson(actorOf(request), body);
      return '/conduct/roster';
    },
  });
}
