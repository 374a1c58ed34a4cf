import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleNames, roles } from '../../../platform/auth/roles.ts';
import { actorOf, signedIn } from '../../../platform/web/render.ts';
import type { OrganisationService } from '../service.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { employmentTypes, personInput } from './input.ts';

const personView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  jobTitle: z.string(),
  mobile: z.string(),
  serviceId: z.uuid().nullable(),
  serviceName: z.string().nullable(),
  lineManagerId: z.uuid().nullable(),
  lineManagerName: z.string().nullable(),
  employmentType: z.enum(employmentTypes),
  politicallyRestricted: z.boolean(),
  active: z.boolean(),
  roles: z.array(z.enum(roles)),
});

const idParams = z.object({ id: z.uuid() });
const tags = ['people'];
// A route about one person, answering with their record.
const onePerson = (summary: string) => ({ tags, summary, params: idParams, response: { 200: personView } });
const zodApi = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
type ZodApi = ReturnType<typeof zodApi>;

export function peopleApi(app: FastifyInstance, organisation: OrganisationService) {
  const api = zodApi(app);
  readApi(api, organisation);
  changeApi(api, organisation);
}

function readApi(api: ZodApi, organisation: OrganisationService) {
  api.get(
    '/api/v1/me',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'getCurrentPerson',
        tags,
        summary: 'The person this request acts for',
        response: { 200: personView },
      },
    },
    async (request) => {
      const principal = signedIn(request);
      return organisation.viewPerson(principal, principal.personId);
    },
  );

  api.get(
    '/api/v1/roles',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'listRoles',
        tags,
        summary: 'The roles a person can hold',
        response: { 200: z.object({ items: z.array(z.object({ id: z.enum(roles), name: z.string() })) }) },
      },
    },
    async () => ({ items: roles.map((id) => ({ id, name: roleNames[id] })) }),
  );

  api.get(
    '/api/v1/people',
    {
      config: { access: 'people:read' },
      schema: {
        operationId: 'listPeople',
        tags,
        summary: 'People, in name order',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
          search: z.string().max(200).optional(),
          serviceId: z.uuid().optional(),
          includeInactive: z.enum(['true', 'false']).default('false'),
        }),
        response: { 200: z.object({ items: z.array(personView), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const { query } = request;
      const page = await organisation.listPeople(
        signedIn(request).councilId,
        {
          search: query.search,
          serviceId: query.serviceId,
          includeInactive: query.includeInactive === 'true',
        },
        { limit: query.limit, after: decodeCursor(query.cursor) },
      );
      const last = page.people.at(-1);
      return { items: page.people, nextCursor: page.more && last ? encodeCursor(last) : null };
    },
  );

  api.get(
    '/api/v1/people/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'getPerson',
        ...onePerson('One person: for people administrators, HR, the person and their managers'),
      },
    },
    async (request) => organisation.viewPerson(signedIn(request), request.params.id),
  );
}

function changeApi(api: ZodApi, organisation: OrganisationService) {
  api.post(
    '/api/v1/people',
    {
      config: { access: 'people:manage' },
      schema: {
        operationId: 'addPerson',
        tags,
        summary: 'Add a person',
        body: personInput,
        response: { 201: personView },
      },
    },
    async (request, reply) => {
      const id = await organisation.createPerson(actorOf(request), request.body);
      return reply.code(201).send(await organisation.viewPerson(signedIn(request), id));
    },
  );

  api.put(
    '/api/v1/people/:id',
    {
      config: { access: 'people:manage' },
      schema: {
        operationId: 'replacePerson',
        ...onePerson('Replace a person’s details and roles'),
        body: personInput,
      },
    },
    async (request) => {
      const { id } = request.params;
      await organisation.updatePerson(actorOf(request), id, request.body);
      return organisation.viewPerson(signedIn(request), id);
    },
  );

  api.post(
    '/api/v1/people/:id/deactivate',
    {
      config: { access: 'people:manage' },
      schema: { operationId: 'deactivatePerson', ...onePerson('Deactivate a leaver; their records stay') },
    },
    async (request) => {
      const { id } = request.params;
      await organisation.setActive(actorOf(request), id, false);
      return organisation.viewPerson(signedIn(request), id);
    },
  );
}
