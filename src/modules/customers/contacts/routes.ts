import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate, londonTime } from '../../../platform/calendar/daylight.ts';
import { formPage, formRoute, formText, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { dateParts } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { customerParams } from '../decisions/input.ts';
import { can } from '../policy.ts';
import type { CustomersRouteDeps } from '../routes.ts';
import {
  categoryText,
  contactChannels,
  minutesText,
  restrictionKinds,
  restrictionOver,
  restrictionText,
  reviewDecisions,
  scopeText,
} from '../rules.ts';
import { contactForm, detailsForm } from './input.ts';

const done: Record<string, string> = {
  created: 'Customer added. You can now log their contacts.',
  contact: 'Contact logged on the customer’s timeline.',
  'review-request':
    'Their request for a review has been recorded. The complaints manager answers it at the review.',
};

const customerQuery = z.object({ q: formText.catch(''), done: formText.catch('') });

export function contactRoutes(app: FastifyInstance, { customers, clock }: CustomersRouteDeps) {
  app.get('/customers', { config: { access: 'customers:contact' } }, async (request, reply) => {
    const principal = signedIn(request);
    const q = queryOf(request, customerQuery).q.slice(0, 200);
    return render(request, reply, 'customers/contacts/views/find.njk', {
      title: 'Customers',
      q,
      results: q
        ? (await customers.search(principal.councilId, q)).map((c) => ({
            ...c,
            categoryText: categoryText[c.category],
          }))
        : null,
      canSeeReviews: can(principal, 'see-reviews'),
    });
  });

  formRoute(app, '/customers/new', {
    access: 'customers:contact',
    body: detailsForm,
    initial: () => ({}),
    page: (shown) => formPage(shown, 'customers/contacts/views/new.njk', { title: 'Add a customer' }),
    submit: async ({ request, body }) =>
      `/customers/${await customers.create(signedIn(request), body, request.id)}?done=created`,
  });

  app.get('/customers/:id', { config: { access: 'customers:contact' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { id } = paramsOf(request, customerParams, 'No such customer');
    const record = await customers.record(principal, id, request.id);
    return render(request, reply, 'customers/contacts/views/record.njk', {
      title: record.customer.name,
      ...recordShown(principal, record, londonDate(clock.now())),
      flash: done[queryOf(request, customerQuery).done],
    });
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
      return formPage(shown, 'customers/contacts/views/contact.njk', {
        title: `Log a contact with ${customer.name}`,
        customer,
        warning,
        channelItems: Object.entries(contactChannels).map(([value, label]) => ({
          value,
          text: label,
          checked: shown.values.channel === value,
        })),
        canLogComplaint: can(principal, 'log-complaint'),
      });
    },
    submit: async ({ request, params, body }) => {
      await customers.addContact(signedIn(request), params.id, body, request.id);
      return `/customers/${params.id}?done=contact`;
    },
  });
}

type CustomerRecord = Awaited<ReturnType<CustomersRouteDeps['customers']['record']>>;

// The customer's record as the page shows it, with what the viewer may do next.
function recordShown(viewer: Principal, record: CustomerRecord, today: string) {
  const { customer } = record;
  const standing = {
    category: customer.category,
    restrictionsInForce: record.restrictions.filter((r) => !restrictionOver(r, today)).length,
  };
  return {
    ...record,
    categoryText: categoryText[customer.category],
    contacts: record.contacts.map((c) => ({
      ...c,
      channelName: contactChannels[c.channel],
      time: minutesText(c.minutes),
    })),
    totalTime: minutesText(record.totalMinutes),
    categorisations: record.categorisations.map((c) => ({ ...c, categoryText: categoryText[c.category] })),
    restrictions: record.restrictions.map((r) => ({
      ...r,
      over: restrictionOver(r, today),
      name: restrictionKinds[r.kind].name,
      text: restrictionText(r.kind, r.namedOfficerName),
      scopeText: scopeText(r),
    })),
    reviews: record.reviews.map((r) => ({
      ...r,
      decisionText: r.decision ? reviewDecisions[r.decision] : null,
    })),
    actions: {
      warn: can(viewer, 'warn', standing),
      preVexatious: can(viewer, 'mark-pre-vexatious', standing),
      vexatious: can(viewer, 'mark-vexatious', standing),
      restrict: can(viewer, 'restrict', standing),
      endRestriction: can(viewer, 'end-restriction', standing),
      review: can(viewer, 'review', standing),
      requestReview: can(viewer, 'request-review', standing),
      logComplaint: can(viewer, 'log-complaint', standing),
    },
    nextStepNote:
      customer.category === 'pre-vexatious' && !can(viewer, 'mark-vexatious')
        ? 'Only the complaints manager can decide that a customer is vexatious.'
        : customer.category === 'warned' && !can(viewer, 'mark-pre-vexatious')
          ? 'If the behaviour continues, ask the complaints team to consider a final warning (pre-vexatious).'
          : null,
  };
}
