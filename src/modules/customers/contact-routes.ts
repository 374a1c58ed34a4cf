import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { londonDate, londonTime } from '../../platform/calendar/daylight.ts';
import { formPage, formRoute, formText, idParam, paramsOf, queryOf } from '../../platform/web/form-kit.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import { type CustomersRouteDeps, dateParts } from './routes.ts';
import {
  capabilitiesOf,
  categoryText,
  contactChannels,
  minutesText,
  restrictionKinds,
  restrictionText,
  reviewDecisions,
  scopeText,
} from './rules.ts';

const done: Record<string, string> = {
  created: 'Customer added. You can now log their contacts.',
  contact: 'Contact logged on the customer’s timeline.',
  warned: 'Warning recorded. The warning letter has been sent.',
  'pre-vexatious': 'Customer marked pre-vexatious. The final warning letter has been sent.',
  vexatious: 'Customer marked vexatious. The letter telling them has been sent.',
  restriction:
    'Restriction put in place and the customer told in writing. Staff now see it before they take a contact.',
  'restriction-ended':
    'Restriction ended. The customer has been told in writing which restrictions still apply.',
  review: 'Review recorded. The customer has been written to with the outcome.',
  'review-request':
    'Their request for a review has been recorded. The complaints manager answers it at the review.',
};

const customerParams = z.object({ id: idParam });
const customerQuery = z.object({ q: formText.catch(''), done: formText.catch('') });

export function contactRoutes(app: FastifyInstance, { customers, clock }: CustomersRouteDeps) {
  app.get('/customers', { config: { access: 'customers:contact' } }, async (request, reply) => {
    const principal = signedIn(request);
    const q = queryOf(request, customerQuery).q.slice(0, 200);
    return render(request, reply, 'customers/views/find.njk', {
      title: 'Customers',
      q,
      results: q
        ? (await customers.search(principal.councilId, q)).map((c) => ({
            ...c,
            categoryText: categoryText[c.category],
          }))
        : null,
      canSeeReviews: capabilitiesOf(principal.roles).has('complaints:handle'),
    });
  });

  const customerForm = z.object({ name: formText, email: formText, phone: formText, address: formText });
  formRoute(app, '/customers/new', {
    access: 'customers:contact',
    body: customerForm,
    initial: () => ({}),
    page: (shown) => formPage(shown, 'customers/views/new.njk', { title: 'Add a customer' }),
    submit: async ({ request, body }) =>
      `/customers/${await customers.create(signedIn(request), body, request.id)}?done=created`,
  });

  app.get('/customers/:id', { config: { access: 'customers:contact' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { id } = paramsOf(request, customerParams, 'No such customer');
    const record = await customers.record(principal, id, request.id);
    const held = capabilitiesOf(principal.roles);
    const { customer } = record;
    const inForce = record.restrictions.filter((r) => r.endedOn === null);
    return render(request, reply, 'customers/views/record.njk', {
      title: customer.name,
      ...record,
      flash: done[queryOf(request, customerQuery).done],
      categoryText: categoryText[customer.category],
      contacts: record.contacts.map((c) => ({
        ...c,
        on: londonDate(c.occurredAt),
        at: londonTime(c.occurredAt),
        channelName: contactChannels[c.channel],
        time: minutesText(c.minutes),
      })),
      totalTime: minutesText(record.totalMinutes),
      categorisations: record.categorisations.map((c) => ({ ...c, categoryText: categoryText[c.category] })),
      restrictions: record.restrictions.map((r) => ({
        ...r,
        name: restrictionKinds[r.kind].name,
        text: restrictionText(r.kind, r.namedOfficerName),
        scopeText: scopeText(r),
      })),
      reviews: record.reviews.map((r) => ({
        ...r,
        decisionText: r.decision ? reviewDecisions[r.decision] : null,
      })),
      actions: {
        warn: held.has('customers:warn') && customer.category === 'none',
        preVexatious: held.has('complaints:handle') && customer.category === 'warned',
        vexatious: held.has('complaints:manage') && customer.category === 'pre-vexatious',
        restrict: held.has('complaints:manage') && customer.category === 'vexatious',
        endRestriction: held.has('complaints:manage'),
        review: held.has('complaints:manage') && (customer.category !== 'none' || inForce.length > 0),
        requestReview: held.has('complaints:handle') && (customer.category !== 'none' || inForce.length > 0),
        logComplaint: held.has('complaints:handle'),
      },
      nextStepNote:
        customer.category === 'pre-vexatious' && !held.has('complaints:manage')
          ? 'Only the complaints manager can decide that a customer is vexatious.'
          : customer.category === 'warned' && !held.has('complaints:handle')
            ? 'If the behaviour continues, ask the complaints team to consider a final warning (pre-vexatious).'
            : null,
    });
  });

  const contactForm = z.object({
    date: formText,
    time: formText,
    channel: formText,
    minutes: formText,
    summary: formText,
    outcome: formText,
    correspondence: formText,
    complaintReference: formText,
  });
  formRoute(app, '/customers/:id/contacts/new', {
    access: 'customers:contact',
    params: customerParams,
    notFound: 'No such customer',
    body: contactForm,
    dates: ['date'],
    initial: () => {
      const now = clock.now();
      return { ...dateParts(londonDate(now), 'date'), time: londonTime(now) };
    },
    page: async (shown) => {
      const principal = signedIn(shown.request);
      const { customer, warning } = await customers.warningPage(principal, shown.params.id, null);
      return formPage(shown, 'customers/views/contact.njk', {
        title: `Log a contact with ${customer.name}`,
        customer,
        warning,
        channelItems: Object.entries(contactChannels).map(([value, label]) => ({
          value,
          text: label,
          checked: shown.values.channel === value,
        })),
        canLogComplaint: capabilitiesOf(principal.roles).has('complaints:handle'),
      });
    },
    submit: async ({ request, params, body }) => {
      await customers.addContact(signedIn(request), params.id, body, request.id);
      return `/customers/${params.id}?done=contact`;
    },
  });
}
