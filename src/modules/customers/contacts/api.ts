import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import {
  contactBody,
  contactView,
  customerFoundView,
  detailsBody,
  idParams,
  recordView,
} from '../api-views.ts';
import { customerParams } from '../decisions/input.ts';
import type { CustomersRouteDeps } from '../routes.ts';
import { restrictionOver } from '../rules.ts';

// Customers over JSON, in the OpenAPI document: the same use cases and need-to-know as the
// customer pages. Everyone who handles contact sees the warning and the contacts they logged; the
// complaints team and those who may warn see the whole record (003 vexatious procedure).

const noSuchCustomer = 'No such customer';
export const customerId = (request: FastifyRequest) => paramsOf(request, customerParams, noSuchCustomer).id;

// The customer's record as its page shows it to the viewer; reading it is audited.
export async function recordJson(
  { customers, clock }: CustomersRouteDeps,
  request: FastifyRequest,
  id: string,
) {
  const record = await customers.record(signedIn(request), id, request.id);
  const today = londonDate(clock.now());
  return {
    ...record,
    wholeRecord: record.whole,
    restrictions: record.restrictions.map((r) => ({ ...r, active: !restrictionOver(r, today) })),
  };
}

export function contactsApi(app: FastifyInstance, deps: CustomersRouteDeps) {
  const { api, options } = apiRoutes(app, ['customers']);
  const { customers } = deps;
  api.get(
    '/api/v1/customers',
    options('customers:contact', {
      operationId: 'findCustomers',
      summary: 'Customers found by name, email or phone (at most 50)',
      querystring: z.object({ q: z.string().min(1).max(200).describe('A name, email or phone number') }),
      response: { 200: z.object({ items: z.array(customerFoundView) }), ...problems },
    }),
    async (request) => ({ items: await customers.search(signedIn(request).councilId, request.query.q) }),
  );
  api.post(
    '/api/v1/customers',
    options('customers:contact', {
      operationId: 'createCustomer',
      summary: 'Add a customer, to log their contacts',
      body: detailsBody,
      response: { 201: recordView, ...problems },
    }),
    async (request, reply) => {
      const { name, email = '', phone = '', address = '' } = request.body;
      const details = {
        name: name.trim(),
        email: email.trim(),
        phone: phone.trim(),
        address: address.trim(),
      };
      const id = await customers.create(signedIn(request), details, request.id);
      return reply.code(201).send(await recordJson(deps, request, id));
    },
  );
  api.get(
    '/api/v1/customers/:id',
    options('customers:contact', {
      operationId: 'getCustomer',
      summary:
        'A customer’s record: the whole record for the complaints team, otherwise the warning and your own contacts',
      params: idParams,
      response: { 200: recordView, ...problems },
    }),
    async (request) => recordJson(deps, request, customerId(request)),
  );
  timelineApi(app, deps);
}

function timelineApi(app: FastifyInstance, deps: CustomersRouteDeps) {
  const { api, options } = apiRoutes(app, ['customers']);
  api.get(
    '/api/v1/customers/:id/contacts',
    options('customers:contact', {
      operationId: 'listCustomerContacts',
      summary:
        'The contact timeline, newest first: all of it for the complaints team, otherwise the contacts you logged',
      params: idParams,
      response: {
        200: z.object({ items: z.array(contactView), totalMinutes: z.number().int() }),
        ...problems,
      },
    }),
    async (request) => {
      const record = await deps.customers.record(signedIn(request), customerId(request), request.id);
      return { items: record.contacts, totalMinutes: record.totalMinutes };
    },
  );
  api.post(
    '/api/v1/customers/:id/contacts',
    options('customers:contact', {
      operationId: 'recordCustomerContact',
      summary: 'Log a contact on the customer’s timeline',
      params: idParams,
      body: contactBody,
      response: { 201: contactView, ...problems },
    }),
    async (request, reply) => {
      const id = customerId(request);
      const { minutes, outcome = '', correspondence = '', complaintReference = '', ...rest } = request.body;
      const form = { ...rest, minutes: String(minutes), outcome, correspondence, complaintReference };
      const trimmed = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.trim()])) as typeof form;
      const contactId = await deps.customers.addContact(signedIn(request), id, trimmed, request.id);
      const record = await deps.customers.record(signedIn(request), id, request.id);
      const logged = record.contacts.find((contact) => contact.id === contactId);
      if (!logged) throw new Error(`Contact ${contactId} was logged but is not on the timeline`);
      return reply.code(201).send(logged);
    },
  );
}
