import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/permissions.ts';
import { roleNames, roles } from '../../platform/auth/roles.ts';
import { isUuid } from '../../platform/auth/secrets.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { formErrors, text } from '../../platform/web/forms.ts';
import { actorOf, render, signedIn } from '../../platform/web/render.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { employmentTypeNames, employmentTypes, personInputFromForm } from './people-input.ts';
import type { Person } from './repository.ts';
import type { OrganisationService } from './service.ts';

const pageSize = 50;

function personId(request: FastifyRequest): string {
  const { id } = request.params as { id: string };
  if (!isUuid(id)) throw new NotFound('No such person');
  return id;
}

export function peopleRoutes(app: FastifyInstance, organisation: OrganisationService) {
  async function formOptions(councilId: string) {
    const services = await organisation.services(councilId);
    const managers = await organisation.listPeople(councilId, {}, { limit: 5000 });
    return {
      services: services.map((s) => ({ value: s.id, text: `${s.name} (${s.directorateName})` })),
      managers: managers.people.map((p) => ({ value: p.id, text: `${p.name}, ${p.jobTitle}` })),
      roleItems: roles.map((role) => ({ value: role, text: roleNames[role] })),
      employmentItems: employmentTypes.map((type) => ({ value: type, text: employmentTypeNames[type] })),
    };
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { person?: Person; values: Record<string, unknown>; errors?: InvalidInput },
  ) {
    const councilId = signedIn(request).councilId;
    if (form.errors) reply.code(400);
    return render(request, reply, 'organisation/views/person-form.njk', {
      title: form.person ? `Change ${form.person.name}` : 'Add a person',
      person: form.person,
      values: form.values,
      ...(await formOptions(councilId)),
      ...(form.errors ? formErrors(form.errors.errors) : {}),
    });
  }

  app.get('/people', { config: { access: 'people:read' } }, async (request, reply) => {
    const principal = signedIn(request);
    const query = request.query as Record<string, unknown>;
    const filter = {
      search: text(query.search).trim().slice(0, 200) || undefined,
      serviceId: isUuid(text(query.service)) ? text(query.service) : undefined,
      includeInactive: query.inactive === 'yes',
    };
    const page = await organisation.listPeople(principal.councilId, filter, {
      limit: pageSize,
      after: decodeCursor(query.after),
    });
    const last = page.people.at(-1);
    const next =
      page.more && last
        ? new URLSearchParams({
            ...(filter.search ? { search: filter.search } : {}),
            ...(filter.serviceId ? { service: filter.serviceId } : {}),
            ...(filter.includeInactive ? { inactive: 'yes' } : {}),
            after: encodeCursor(last),
          })
        : null;
    const services = await organisation.services(principal.councilId);
    return render(request, reply, 'organisation/views/people.njk', {
      title: 'People',
      people: page.people,
      filter,
      services: services.map((s) => ({ value: s.id, text: s.name, selected: s.id === filter.serviceId })),
      nextHref: next ? `/people?${next.toString()}` : null,
      canManage: can(principal.roles, 'people:manage'),
      roleNames,
    });
  });

  app.get('/people/new', { config: { access: 'people:manage' } }, (request, reply) =>
    showForm(request, reply, {
      values: { employmentType: 'employee', politicallyRestricted: 'no', roles: ['officer'] },
    }),
  );

  app.post('/people', { config: { access: 'people:manage' } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    try {
      const id = await organisation.createPerson(actorOf(request), personInputFromForm(body));
      if (body.invite === 'yes')
        await organisation.invite(actorOf(request), id, signedIn(request).councilName);
      return reply.redirect(`/people/${id}?added=1${body.invite === 'yes' ? '&invited=1' : ''}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return showForm(request, reply, {
        values: { ...body, roles: personInputFromForm(body).roles },
        errors: error,
      });
    }
  });

  app.get('/people/:id', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    const person = await organisation.viewPerson(principal, personId(request));
    const query = request.query as Record<string, unknown>;
    const flash = query.added ? `${person.name} has been added` : query.saved ? 'Changes saved' : undefined;
    return render(request, reply, 'organisation/views/person.njk', {
      title: person.name,
      person,
      roleNames,
      employmentTypeNames,
      canManage: can(principal.roles, 'people:manage'),
      flash:
        [
          flash,
          query.invited
            ? `An email with a link to set a password is being sent to ${person.email}`
            : undefined,
        ]
          .filter(Boolean)
          .join('. ') || undefined,
    });
  });

  app.get('/people/:id/edit', { config: { access: 'people:manage' } }, async (request, reply) => {
    const person = await organisation.viewPerson(signedIn(request), personId(request));
    return showForm(request, reply, {
      person,
      values: {
        name: person.name,
        email: person.email,
        jobTitle: person.jobTitle,
        serviceId: person.serviceId,
        lineManagerId: person.lineManagerId,
        employmentType: person.employmentType,
        politicallyRestricted: person.politicallyRestricted ? 'yes' : 'no',
        roles: person.roles,
      },
    });
  });

  app.post('/people/:id', { config: { access: 'people:manage' } }, async (request, reply) => {
    const id = personId(request);
    const body = request.body as Record<string, unknown>;
    try {
      await organisation.updatePerson(actorOf(request), id, personInputFromForm(body));
      return reply.redirect(`/people/${id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      const person = await organisation.viewPerson(signedIn(request), id);
      return showForm(request, reply, {
        person,
        values: { ...body, roles: personInputFromForm(body).roles },
        errors: error,
      });
    }
  });

  app.post('/people/:id/invite', { config: { access: 'people:manage' } }, async (request, reply) => {
    const id = personId(request);
    await organisation.invite(actorOf(request), id, signedIn(request).councilName);
    return reply.redirect(`/people/${id}?invited=1`, 303);
  });

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(`/people/:id/${action}`, { config: { access: 'people:manage' } }, async (request, reply) => {
      const id = personId(request);
      await organisation.setActive(actorOf(request), id, active);
      return reply.redirect(`/people/${id}?saved=1`, 303);
    });
  }
}
