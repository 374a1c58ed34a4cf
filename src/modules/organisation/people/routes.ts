import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../../../platform/auth/permissions.ts';
import { roleNames, roles } from '../../../platform/auth/roles.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import {
  formChoices,
  formPage,
  formRoute,
  formText,
  idParam,
  paramsOf,
  queryOf,
  type ShownForm,
} from '../../../platform/web/form-kit.ts';
import { actorOf, render, signedIn } from '../../../platform/web/render.ts';
import type { OrganisationService } from '../service.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { employmentTypeNames, employmentTypes, personForm } from './input.ts';
import type { Person } from './repository.ts';

const pageSize = 50;
const notFound = 'No such person';
const personParams = z.object({ id: idParam });
const flag = z.unknown().optional().transform(Boolean);
const peopleQuery = z.object({
  search: formText.transform((search) => search.slice(0, 200) || undefined),
  service: formText.transform((id) => (isUuid(id) ? id : undefined)),
  inactive: z
    .unknown()
    .optional()
    .transform((value) => value === 'yes'),
  after: z.unknown().optional().transform(decodeCursor),
});
const newPersonValues = { employmentType: 'employee', politicallyRestricted: 'no', roles: ['officer'] };
const personQuery = z.object({ added: flag, saved: flag, invited: flag });

async function formOptions(organisation: OrganisationService, councilId: string) {
  const services = await organisation.services(councilId);
  const managers = await organisation.listPeople(councilId, {}, { limit: 5000 });
  return {
    services: services.map((s) => ({ value: s.id, text: `${s.name} (${s.directorateName})` })),
    managers: managers.people.map((p) => ({ value: p.id, text: `${p.name}, ${p.jobTitle}` })),
    roleItems: roles.map((role) => ({ value: role, text: roleNames[role] })),
    employmentItems: employmentTypes.map((type) => ({ value: type, text: employmentTypeNames[type] })),
  };
}

// The person form, to add someone or to change a person's details.
async function personFormPage(organisation: OrganisationService, shown: ShownForm, person?: Person) {
  const councilId = signedIn(shown.request).councilId;
  return formPage(
    { ...shown, values: { ...shown.values, roles: formChoices.parse(shown.values.roles) } },
    'organisation/people/views/person-form.njk',
    {
      title: person ? `Change ${person.name}` : 'Add a person',
      person,
      ...(await formOptions(organisation, councilId)),
    },
  );
}

function personValues(person: Person) {
  return {
    name: person.name,
    email: person.email,
    jobTitle: person.jobTitle,
    mobile: person.mobile,
    serviceId: person.serviceId,
    lineManagerId: person.lineManagerId,
    employmentType: person.employmentType,
    politicallyRestricted: person.politicallyRestricted ? 'yes' : 'no',
    roles: person.roles,
  };
}

function listRoutes(app: FastifyInstance, organisation: OrganisationService) {
  app.get('/people', { config: { access: 'people:read' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { after, service: serviceId, inactive: includeInactive, search } = queryOf(request, peopleQuery);
    const filter = { search, serviceId, includeInactive };
    const page = await organisation.listPeople(principal.councilId, filter, { limit: pageSize, after });
    const last = page.people.at(-1);
    const next =
      page.more && last
        ? new URLSearchParams({
            ...(search ? { search } : {}),
            ...(serviceId ? { service: serviceId } : {}),
            ...(includeInactive ? { inactive: 'yes' } : {}),
            after: encodeCursor(last),
          })
        : null;
    const services = await organisation.services(principal.councilId);
    return render(request, reply, 'organisation/people/views/people.njk', {
      title: 'People',
      people: page.people,
      filter,
      services: services.map((s) => ({ value: s.id, text: s.name, selected: s.id === serviceId })),
      nextHref: next ? `/people?${next.toString()}` : null,
      canManage: can(principal.roles, 'people:manage'),
      canImport: can(principal.roles, 'people:import'),
      roleNames,
    });
  });

  app.get('/team', { config: { access: 'signed-in' } }, async (request, reply) => {
    const people = await organisation.team(signedIn(request));
    return render(request, reply, 'organisation/people/views/team.njk', { title: 'My team', people });
  });
}

function personRoute(app: FastifyInstance, organisation: OrganisationService) {
  app.get('/people/:id', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { id } = paramsOf(request, personParams, notFound);
    const person = await organisation.viewPerson(principal, id);
    const query = queryOf(request, personQuery);
    const flash = query.added ? `${person.name} has been added` : query.saved ? 'Changes saved' : undefined;
    const invited = query.invited
      ? `An email with a link to set a password is being sent to ${person.email}`
      : undefined;
    return render(request, reply, 'organisation/people/views/person.njk', {
      title: person.name,
      person,
      roleNames,
      employmentTypeNames,
      canManage: can(principal.roles, 'people:manage'),
      canLeavers: can(principal.roles, 'people:leavers'),
      flash: [flash, invited].filter(Boolean).join('. ') || undefined,
    });
  });
}

function personFormRoutes(app: FastifyInstance, organisation: OrganisationService) {
  app.get('/people/new', { config: { access: 'people:manage' } }, (request, reply) =>
    personFormPage(organisation, { request, reply, values: newPersonValues, errors: [] }),
  );
  // The form at /people/new posts to /people.
  formRoute(app, '/people', {
    access: 'people:manage',
    body: personForm,
    page: (shown) => personFormPage(organisation, shown),
    submit: async ({ request, body: { invite, ...input } }) => {
      const id = await organisation.createPerson(actorOf(request), input);
      if (invite === 'yes') await organisation.invite(actorOf(request), id, signedIn(request).councilName);
      return `/people/${id}?added=1${invite === 'yes' ? '&invited=1' : ''}`;
    },
  });

  app.get('/people/:id/edit', { config: { access: 'people:manage' } }, async (request, reply) => {
    const { id } = paramsOf(request, personParams, notFound);
    const person = await organisation.viewPerson(signedIn(request), id);
    return personFormPage(organisation, { request, reply, values: personValues(person), errors: [] }, person);
  });
  formRoute(app, '/people/:id', {
    access: 'people:manage',
    params: personParams,
    notFound,
    body: personForm,
    page: async (shown) =>
      personFormPage(
        organisation,
        shown,
        await organisation.viewPerson(signedIn(shown.request), shown.params.id),
      ),
    submit: async ({ request, params, body: { invite: _invite, ...input } }) => {
      await organisation.updatePerson(actorOf(request), params.id, input);
      return `/people/${params.id}?saved=1`;
    },
  });
}

function personActionRoutes(app: FastifyInstance, organisation: OrganisationService) {
  app.post('/people/:id/invite', { config: { access: 'people:manage' } }, async (request, reply) => {
    const { id } = paramsOf(request, personParams, notFound);
    await organisation.invite(actorOf(request), id, signedIn(request).councilName);
    return reply.redirect(`/people/${id}?invited=1`, 303);
  });

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(`/people/:id/${action}`, { config: { access: 'people:manage' } }, async (request, reply) => {
      const { id } = paramsOf(request, personParams, notFound);
      await organisation.setActive(actorOf(request), id, active);
      return reply.redirect(`/people/${id}?saved=1`, 303);
    });
  }
}

export function peopleRoutes(app: FastifyInstance, organisation: OrganisationService) {
  listRoutes(app, organisation);
  personRoute(app, organisation);
  personFormRoutes(app, organisation);
  personActionRoutes(app, organisation);
}
