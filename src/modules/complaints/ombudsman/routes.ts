import type { FastifyInstance, FastifyRequest } from 'fastify';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { formPage, formRoute, paramsOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { actorOf, render, signedIn } from '../../../platform/web/render.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import {
  caseParams,
  complaintParams,
  enquiryDates,
  enquiryForm,
  stepDates,
  stepForm,
  stepParams,
} from './input.ts';
import {
  allowedSteps,
  decisions,
  defaultOmbudsman,
  ombudsmen,
  overdue,
  type Step,
  statuses,
  statusOf,
  steps,
} from './rules.ts';
import type { OmbudsmanCase } from './service.ts';

const access = { config: { access: 'complaints:handle' } } as const;
const noCase = 'No such Ombudsman case';

const typedDate = (key: string, date: string | null) =>
  date
    ? {
        [`${key}-day`]: String(Number(date.slice(8, 10))),
        [`${key}-month`]: String(Number(date.slice(5, 7))),
        [`${key}-year`]: date.slice(0, 4),
      }
    : {};

export function ombudsmanRoutes(app: FastifyInstance, { ombudsman, casework, clock }: ComplaintsRouteDeps) {
  const complaintOf = (request: FastifyRequest, reference: string) =>
    ombudsman.complaintOf(signedIn(request).councilId, reference);
  // The case header and sub-navigation every page about one complaint starts with.
  const summaryOf = (request: FastifyRequest, reference: string) => {
    const principal = signedIn(request);
    return casework.caseSummary(principal.councilId, reference, principal);
  };
  const today = () => londonDate(clock.now());

  const describe = (item: OmbudsmanCase) => {
    const now = today();
    return {
      ...item,
      ombudsmanName: ombudsmen[item.ombudsman],
      status: statuses[statusOf(item)],
      decisionName: item.decision ? decisions[item.decision] : null,
      responseOverdue: overdue(item.respondBy, item.respondedOn, now),
      remedyOverdue: overdue(item.remedyDueOn, item.remedyDoneOn, now),
    };
  };

  app.get('/complaints/:reference/ombudsman', access, async (request, reply) => {
    const { reference } = paramsOf(request, complaintParams);
    const complaint = await complaintOf(request, reference);
    const cases = await ombudsman.forComplaint(signedIn(request).councilId, complaint.id);
    return render(request, reply, 'complaints/ombudsman/views/list.njk', {
      title: `Ombudsman cases for ${complaint.reference}`,
      complaint,
      summary: await summaryOf(request, reference),
      cases: cases.map(describe),
    });
  });

  const caseAddress = (reference: string, id: string) =>
    `/complaints/${encodeURIComponent(reference)}/ombudsman/${id}`;

  formRoute(app, '/complaints/:reference/ombudsman/new', {
    access: 'complaints:handle',
    params: complaintParams,
    body: enquiryForm,
    dates: enquiryDates,
    initial: async (request, { reference }) => ({
      ombudsman: defaultOmbudsman((await complaintOf(request, reference)).housing),
    }),
    submit: async ({ request, params, body }) => {
      const complaint = await complaintOf(request, params.reference);
      const id = await ombudsman.open(actorOf(request), complaint.id, body);
      return caseAddress(complaint.reference, id);
    },
    page: async (shown) => {
      const complaint = await complaintOf(shown.request, shown.params.reference);
      return formPage(shown, 'complaints/ombudsman/views/new.njk', {
        title: `Record an Ombudsman enquiry about ${complaint.reference}`,
        complaint,
        summary: await summaryOf(shown.request, shown.params.reference),
        ombudsmen,
      });
    },
  });

  // The case with the steps it may take next; after a refused step, that step's form again.
  async function casePage(shown: ShownForm & { params: { reference: string; id: string } }, step?: Step) {
    const { request, params } = shown;
    const complaint = await complaintOf(request, params.reference);
    const item = await ombudsman.get(signedIn(request).councilId, complaint.id, params.id);
    return formPage(shown, 'complaints/ombudsman/views/case.njk', {
      title: `${ombudsmen[item.ombudsman]} case${item.theirReference ? ` ${item.theirReference}` : ''}`,
      complaint,
      summary: await summaryOf(request, params.reference),
      item: describe(item),
      steps: allowedSteps(item).map((name) => ({ name, text: steps[name] })),
      decisionItems: Object.entries(decisions).map(([value, label]) => ({ value, text: label })),
      step,
    });
  }

  app.get('/complaints/:reference/ombudsman/:id', access, (request, reply) => {
    const now = today();
    // Dates default to today, the usual case when recording what just happened.
    const values = {
      ...typedDate('respondedOn', now),
      ...typedDate('decidedOn', now),
      ...typedDate('remedyDoneOn', now),
      ...typedDate('closedOn', now),
    };
    return casePage({ request, reply, params: paramsOf(request, caseParams, noCase), values, errors: [] });
  });

  formRoute(app, '/complaints/:reference/ombudsman/:id/:step', {
    access: 'complaints:handle',
    params: stepParams,
    notFound: noCase,
    body: stepForm,
    dates: stepDates,
    submit: async ({ request, params, body }) => {
      const complaint = await complaintOf(request, params.reference);
      await ombudsman.record(actorOf(request), complaint.id, params.id, params.step, body);
      return caseAddress(complaint.reference, params.id);
    },
    page: (shown) => casePage(shown, shown.params.step),
  });
}
