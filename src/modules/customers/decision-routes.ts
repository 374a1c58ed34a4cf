import type { FastifyInstance } from 'fastify';
import { isUuid } from '../../platform/auth/secrets.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { NotFound } from '../../platform/errors.ts';
import { dateInput } from '../../platform/web/forms.ts';
import { signedIn } from '../../platform/web/render.ts';
import type { CategorisationForm, RestrictionForm } from './decisions.ts';
import {
  bodyOf,
  type CustomersRouteDeps,
  checked,
  customerId,
  dateParts,
  exampleDate,
  type FormPage,
  field,
  formPage,
  postedToRecord,
} from './routes.ts';
import {
  type Category,
  categoryLetter,
  categoryText,
  contactChannels,
  minutesText,
  restrictionKinds,
  stepUp,
} from './rules.ts';

const steps = {
  warning: {
    to: 'warned',
    heading: 'Send a warning',
    explains:
      'The warning letter explains why their behaviour is unreasonable and that they are at risk of being treated as vexatious (Procedure for Managing Vexatious Customers §4.2).',
  },
  'pre-vexatious': {
    to: 'pre-vexatious',
    heading: 'Mark as pre-vexatious',
    explains:
      'The final warning letter sets out the restrictions they could face and tells them they may now contact the council only through a single point of contact (§4.4).',
  },
  vexatious: {
    to: 'vexatious',
    heading: 'Mark as vexatious',
    explains:
      'Only the complaints manager decides this (§4.5). The letter tells them; add the contact restrictions next (§5.2).',
  },
} as const satisfies Record<string, { to: Exclude<Category, 'none'>; heading: string; explains: string }>;

export function decisionRoutes(app: FastifyInstance, { customers, clock }: CustomersRouteDeps) {
  for (const [path, step] of Object.entries(steps)) {
    const access = stepUp[step.to].capability;

    const page: FormPage = async (request, reply, values, error) => {
      const principal = signedIn(request);
      const record = await customers.record(principal, customerId(request), request.id);
      const { customer } = record;
      const from = stepUp[step.to].from;
      return formPage(
        request,
        reply,
        'customers/views/categorise.njk',
        {
          title: `${step.heading}: ${customer.name}`,
          heading: step.heading,
          explains: step.explains,
          path,
          to: step.to,
          customer,
          categoryText: categoryText[customer.category],
          blocked:
            customer.category === from
              ? null
              : `${customer.name} is ${categoryText[customer.category].toLowerCase()}. ${step.heading} is for a customer who is ${categoryText[from].toLowerCase()}.`,
          contacts: record.contacts.map((c) => ({
            ...c,
            on: londonDate(c.occurredAt),
            channelName: contactChannels[c.channel],
            time: minutesText(c.minutes),
          })),
          totalTime: minutesText(record.totalMinutes),
          letterKind: categoryLetter[step.to],
          needsSpoc: step.to !== 'warned',
          staff: step.to === 'warned' ? [] : await customers.staff(principal.councilId),
          kinds: step.to === 'vexatious' ? restrictionKinds : null,
          months: await customers.policyMonths(principal.councilId),
          values: {
            singlePointOfContactId: customer.singlePointOfContactId ?? principal.personId,
            restrictions: [],
            ...values,
          },
        },
        error,
      );
    };

    app.get(`/customers/:id/${path}`, { config: { access } }, (request, reply) => page(request, reply, {}));

    app.post(`/customers/:id/${path}`, { config: { access } }, async (request, reply) => {
      const id = customerId(request);
      const body = bodyOf(request);
      const form: CategorisationForm = {
        behaviour: field(body, 'behaviour'),
        evidence: field(body, 'evidence'),
        equalityCheck: field(body, 'equalityCheck'),
        singlePointOfContactId: field(body, 'singlePointOfContactId'),
        restrictions: checked(body.restrictions),
        namedOfficerId: field(body, 'namedOfficerId'),
        restrictionDetail: field(body, 'restrictionDetail'),
      };
      return postedToRecord(
        reply,
        id,
        step.to,
        () => customers.categorise(signedIn(request), id, step.to, form, request.id),
        (error) => page(request, reply, form, error),
      );
    });
  }

  const restrictionPage: FormPage = async (request, reply, values, error) => {
    const principal = signedIn(request);
    const { customer } = await customers.warningPage(principal, customerId(request), null);
    const today = londonDate(clock.now());
    return formPage(
      request,
      reply,
      'customers/views/restriction.njk',
      {
        title: `Restrict contact: ${customer.name}`,
        customer,
        kinds: restrictionKinds,
        services: await customers.services(principal.councilId),
        staff: await customers.staff(principal.councilId),
        months: await customers.policyMonths(principal.councilId),
        example: exampleDate(today),
        values,
      },
      error,
      ['startsOn', 'reviewOn'],
    );
  };

  app.get(
    '/customers/:id/restrictions/new',
    { config: { access: 'complaints:manage' } },
    async (request, reply) => {
      const principal = signedIn(request);
      const today = londonDate(clock.now());
      const reviewOn = await customers.defaultRestrictionReviewOn(principal.councilId, today);
      return restrictionPage(request, reply, {
        ...dateParts(today, 'startsOn'),
        ...dateParts(reviewOn, 'reviewOn'),
      });
    },
  );

  app.post(
    '/customers/:id/restrictions/new',
    { config: { access: 'complaints:manage' } },
    async (request, reply) => {
      const id = customerId(request);
      const body = bodyOf(request);
      const startsOn = dateInput(body, 'startsOn');
      const reviewOn = dateInput(body, 'reviewOn');
      const typed = {
        kind: field(body, 'kind'),
        scopeServiceId: field(body, 'scopeServiceId'),
        reason: field(body, 'reason'),
        detail: field(body, 'detail'),
        namedOfficerId: field(body, 'namedOfficerId'),
        ...startsOn.typed,
        ...reviewOn.typed,
      };
      const form: RestrictionForm = { ...typed, startsOn: startsOn.date, reviewOn: reviewOn.date };
      return postedToRecord(
        reply,
        id,
        'restriction',
        () => customers.imposeRestriction(signedIn(request), id, form, request.id),
        (error) => restrictionPage(request, reply, typed, error),
      );
    },
  );

  const endPage: FormPage = async (request, reply, values, error) => {
    const principal = signedIn(request);
    const record = await customers.record(principal, customerId(request), request.id);
    const { restrictionId } = request.params as { restrictionId: string };
    const restriction = record.restrictions.find((r) => r.id === restrictionId && r.endedOn === null);
    if (!isUuid(restrictionId) || !restriction) throw new NotFound('No such restriction');
    return formPage(
      request,
      reply,
      'customers/views/restriction-end.njk',
      {
        title: `End a restriction: ${record.customer.name}`,
        customer: record.customer,
        restriction: { ...restriction, name: restrictionKinds[restriction.kind].name },
        values,
      },
      error,
    );
  };

  app.get(
    '/customers/:id/restrictions/:restrictionId/end',
    { config: { access: 'complaints:manage' } },
    (request, reply) => endPage(request, reply, {}),
  );

  app.post(
    '/customers/:id/restrictions/:restrictionId/end',
    { config: { access: 'complaints:manage' } },
    async (request, reply) => {
      const id = customerId(request);
      const { restrictionId } = request.params as { restrictionId: string };
      if (!isUuid(restrictionId)) throw new NotFound('No such restriction');
      const endReason = field(bodyOf(request), 'endReason');
      return postedToRecord(
        reply,
        id,
        'restriction-ended',
        () => customers.endRestriction(signedIn(request), id, restrictionId, endReason, request.id),
        (error) => endPage(request, reply, { endReason }, error),
      );
    },
  );
}
