import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonDate, londonTime } from '../../platform/calendar/daylight.ts';
import type { InvalidInput } from '../../platform/errors.ts';
import { dateInput, text } from '../../platform/web/forms.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import type { ContactForm } from './input.ts';
import {
  bodyOf,
  type CustomersRouteDeps,
  customerId,
  dateParts,
  type FormPage,
  field,
  formPage,
  posted,
  postedToRecord,
} from './routes.ts';
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

function contactForm(body: Record<string, unknown>) {
  const date = dateInput(body, 'date');
  const typed = {
    ...date.typed,
    time: field(body, 'time'),
    channel: field(body, 'channel'),
    minutes: field(body, 'minutes'),
    summary: field(body, 'summary'),
    outcome: field(body, 'outcome'),
    correspondence: field(body, 'correspondence'),
    complaintReference: field(body, 'complaintReference'),
  };
  const form: ContactForm = { ...typed, date: date.date };
  return { typed, form };
}

export function contactRoutes(app: FastifyInstance, { customers, clock }: CustomersRouteDeps) {
  app.get('/customers', { config: { access: 'customers:contact' } }, async (request, reply) => {
    const principal = signedIn(request);
    const q = text((request.query as Record<string, unknown>).q)
      .trim()
      .slice(0, 200);
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

  const newPage = (request: FastifyRequest, reply: FastifyReply, values = {}, error?: InvalidInput) =>
    formPage(request, reply, 'customers/views/new.njk', { title: 'Add a customer', values }, error);

  app.get('/customers/new', { config: { access: 'customers:contact' } }, (request, reply) =>
    newPage(request, reply),
  );

  app.post('/customers/new', { config: { access: 'customers:contact' } }, async (request, reply) => {
    const body = bodyOf(request);
    const form = {
      name: field(body, 'name'),
      email: field(body, 'email'),
      phone: field(body, 'phone'),
      address: field(body, 'address'),
    };
    return posted(
      reply,
      async () => `/customers/${await customers.create(signedIn(request), form, request.id)}?done=created`,
      (error) => newPage(request, reply, form, error),
    );
  });

  app.get('/customers/:id', { config: { access: 'customers:contact' } }, async (request, reply) => {
    const principal = signedIn(request);
    const record = await customers.record(principal, customerId(request), request.id);
    const held = capabilitiesOf(principal.roles);
    const { customer } = record;
    const inForce = record.restrictions.filter((r) => r.endedOn === null);
    return render(request, reply, 'customers/views/record.njk', {
      title: customer.name,
      ...record,
      flash: done[text((request.query as Record<string, unknown>).done)],
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

  const contactPage: FormPage = async (request, reply, values, error) => {
    const principal = signedIn(request);
    const { customer, warning } = await customers.warningPage(principal, customerId(request), null);
    return formPage(
      request,
      reply,
      'customers/views/contact.njk',
      {
        title: `Log a contact with ${customer.name}`,
        customer,
        warning,
        channelItems: Object.entries(contactChannels).map(([value, label]) => ({
          value,
          text: label,
          checked: values.channel === value,
        })),
        values,
        canLogComplaint: capabilitiesOf(principal.roles).has('complaints:handle'),
      },
      error,
      ['date'],
    );
  };

  app.get('/customers/:id/contacts/new', { config: { access: 'customers:contact' } }, (request, reply) => {
    const now = clock.now();
    return contactPage(request, reply, { ...dateParts(londonDate(now), 'date'), time: londonTime(now) });
  });

  app.post(
    '/customers/:id/contacts/new',
    { config: { access: 'customers:contact' } },
    async (request, reply) => {
      const id = customerId(request);
      const { typed, form } = contactForm(bodyOf(request));
      return postedToRecord(
        reply,
        id,
        'contact',
        () => customers.addContact(signedIn(request), id, form, request.id),
        (error) => contactPage(request, reply, typed, error),
      );
    },
  );
}
