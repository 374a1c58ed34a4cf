import type { FastifyInstance } from 'fastify';
import { dateTimeText } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, type ShownForm } from '../../../platform/web/form-kit.ts';
import { dateParts, exampleDate } from '../../../platform/web/forms.ts';
import { signedIn } from '../../../platform/web/render.ts';
import type { CustomersRouteDeps } from '../routes.ts';
import {
  type Category,
  type ContactChannel,
  categoryLetter,
  categoryText,
  contactChannels,
  minutesText,
  restrictionKinds,
  restrictionOver,
  stepTakenText,
  stepUp,
} from '../rules.ts';
import {
  categorisationForm,
  customerParams,
  endRestrictionForm,
  restrictionDates,
  restrictionForm,
  restrictionParams,
} from './input.ts';

const steps = {
  warning: {
    to: 'warned',
    heading: 'Send a warning',
    explains:
      'The warning letter explains why their behaviour is unreasonable and that they are at risk of being treated as vexatious (003 vexatious procedure §4.2).',
  },
  'pre-vexatious': {
    to: 'pre-vexatious',
    heading: 'Mark as pre-vexatious',
    explains:
      'The final warning letter sets out the restrictions they could face and tells them they may now contact the council only through a single point of contact (003 vexatious procedure §4.4).',
  },
  vexatious: {
    to: 'vexatious',
    heading: 'Mark as vexatious',
    explains:
      'Only the complaints manager decides this (003 vexatious procedure §4.5). The letter tells them; add the contact restrictions next (003 vexatious procedure §5.2).',
  },
} as const satisfies Record<string, { to: Exclude<Category, 'none'>; heading: string; explains: string }>;

type Step = (typeof steps)[keyof typeof steps];
type CustomerShown = ShownForm & { params: { id: string } };

// A decision writes a letter: on to it, for the officer to check and send.
const toLetter = ({ letterId }: { letterId: string }) => `/letters/${letterId}?done=written`;

// A contact on the timeline as the step's page lists it: when, how, the officer time.
const contactShown = <C extends { occurredAt: Date; channel: ContactChannel; minutes: number }>(c: C) => ({
  ...c,
  when: dateTimeText(c.occurredAt),
  channelName: contactChannels[c.channel],
  time: minutesText(c.minutes),
});

export function decisionRoutes(app: FastifyInstance, deps: CustomersRouteDeps) {
  for (const [path, step] of Object.entries(steps)) stepRoute(app, deps, path, step);
  restrictionRoute(app, deps);
  endRestrictionRoute(app, deps);
}

// A step up: warned, pre-vexatious or vexatious, with the evidence and the letter. The form starts
// from the previous step's evidence and Equality Act check, beside the contacts since that step.
function stepRoute(app: FastifyInstance, { customers }: CustomersRouteDeps, path: string, step: Step) {
  const page = async (shown: CustomerShown) => {
    const principal = signedIn(shown.request);
    const started = await customers.escalation(principal, shown.params.id, shown.request.id);
    const { customer, previous } = started;
    const from = stepUp[step.to].from;
    return formPage(shown, 'customers/decisions/views/categorise.njk', {
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
      previous: previous && { ...previous, text: stepTakenText(previous) },
      carried: started.carried && { text: stepTakenText(started.carried) },
      contacts: started.contactsSince.map(contactShown),
      totalTime: minutesText(started.minutesSince),
      allContacts: started.contacts.length,
      noNewContact: started.noNewContact,
      letterKind: categoryLetter[step.to],
      needsSpoc: step.to !== 'warned',
      staff: step.to === 'warned' ? [] : await customers.staff(principal.councilId),
      kinds: step.to === 'vexatious' ? restrictionKinds : null,
      months: await customers.policyMonths(principal.councilId),
      values: {
        singlePointOfContactId: customer.singlePointOfContactId ?? principal.personId,
        restrictions: [],
        // What was typed, once posted; at first, what the previous step recorded, to edit.
        ...started.carriedForward,
        ...shown.values,
      },
    });
  };
  formRoute(app, `/customers/:id/${path}`, {
    access: stepUp[step.to].capability,
    params: customerParams,
    notFound: 'No such customer',
    body: categorisationForm,
    initial: () => ({}),
    page,
    submit: async ({ request, params: { id }, body }) => {
      return toLetter(await customers.categorise(signedIn(request), id, step.to, body, request.id));
    },
  });
}

function restrictionRoute(app: FastifyInstance, { customers, clock }: CustomersRouteDeps) {
  formRoute(app, '/customers/:id/restrictions/new', {
    access: 'complaints:manage',
    params: customerParams,
    notFound: 'No such customer',
    body: restrictionForm,
    dates: restrictionDates,
    initial: async (request) => {
      const today = londonDate(clock.now());
      const reviewOn = await customers.defaultRestrictionReviewOn(signedIn(request).councilId, today);
      return { ...dateParts(today, 'startsOn'), ...dateParts(reviewOn, 'reviewOn') };
    },
    page: async (shown) => {
      const principal = signedIn(shown.request);
      const { customer } = await customers.warningPage(principal, shown.params.id, null);
      return formPage(shown, 'customers/decisions/views/restriction.njk', {
        title: `Restrict contact: ${customer.name}`,
        customer,
        kinds: restrictionKinds,
        services: await customers.services(principal.councilId),
        staff: await customers.staff(principal.councilId),
        months: await customers.policyMonths(principal.councilId),
        example: exampleDate(londonDate(clock.now())),
      });
    },
    submit: async ({ request, params: { id }, body }) => {
      return toLetter(await customers.imposeRestriction(signedIn(request), id, body, request.id));
    },
  });
}

function endRestrictionRoute(app: FastifyInstance, { customers, clock }: CustomersRouteDeps) {
  formRoute(app, '/customers/:id/restrictions/:restrictionId/end', {
    access: 'complaints:manage',
    params: restrictionParams,
    notFound: 'No such restriction',
    body: endRestrictionForm,
    initial: () => ({}),
    page: async (shown) => {
      const { id, restrictionId } = shown.params;
      const record = await customers.record(signedIn(shown.request), id, shown.request.id);
      const today = londonDate(clock.now());
      const restriction = record.restrictions.find(
        (r) => r.id === restrictionId && !restrictionOver(r, today),
      );
      if (!restriction) throw new NotFound('No such restriction');
      return formPage(shown, 'customers/decisions/views/restriction-end.njk', {
        title: `End a restriction: ${record.customer.name}`,
        customer: record.customer,
        restriction: { ...restriction, name: restrictionKinds[restriction.kind].name },
      });
    },
    submit: async ({ request, params: { id, restrictionId }, body }) => {
      return toLetter(
        await customers.endRestriction(signedIn(request), id, restrictionId, body.endReason, request.id),
      );
    },
  });
}
