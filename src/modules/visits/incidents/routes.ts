import type { FastifyInstance } from 'fastify';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { formPage, formRoute, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { recordPath } from '../records/access.ts';
import { incidentsApi } from './api.ts';
import { incidentForm, incidentParams, newIncidentQuery } from './input.ts';
import { incidentKinds, kindNames } from './rules.ts';
import { type Incidents, incidentPath } from './service.ts';

export type IncidentsRouteDeps = { incidents: Incidents };

const kindItems = incidentKinds.map((kind) => ({ value: kind, text: kindNames[kind] }));

export function incidentRoutes(app: FastifyInstance, deps: IncidentsRouteDeps) {
  reportRoute(app, deps);
  readingRoutes(app, deps);
  incidentsApi(app, deps.incidents);
}

// Reporting an incident, from a visit's record or on its own.
function reportRoute(app: FastifyInstance, { incidents }: IncidentsRouteDeps) {
  formRoute(app, '/visits/incidents/new', {
    access: 'visits:plan',
    body: incidentForm,
    dates: ['occurredOn'],
    initial: (request) => ({ visit: queryOf(request, newIncidentQuery).visit ?? '', kinds: [] }),
    async submit({ request, body }) {
      const { id } = await incidents.report(signedIn(request), body, request.id);
      return incidentPath(id);
    },
    async page(shown) {
      const typed = shown.values.visit;
      const visitId = typeof typed === 'string' && isUuid(typed) ? typed : null;
      const visit = await incidents.visit(signedIn(shown.request), visitId);
      return formPage(shown, 'visits/incidents/views/new.njk', {
        title: 'Report an incident',
        kindItems,
        visit,
        back: visit ? recordPath(visit) : '/visits/incidents',
      });
    },
  });
}

function readingRoutes(app: FastifyInstance, { incidents }: IncidentsRouteDeps) {
  app.get('/visits/incidents', { config: { access: 'signed-in' } }, async (request, reply) =>
    render(request, reply, 'visits/incidents/views/list.njk', {
      title: 'Incident reports',
      incidents: await incidents.incidents(signedIn(request)),
      kindNames,
    }),
  );

  app.get('/visits/incidents/:id', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { id } = paramsOf(request, incidentParams, 'No such incident');
    const incident = await incidents.incident(signedIn(request), id, request.id);
    return render(request, reply, 'visits/incidents/views/incident.njk', {
      title: 'Incident report',
      incident,
      kinds: incident.kinds.map((kind) => kindNames[kind]),
    });
  });
}
