import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { type FieldError, InvalidInput, NotFound } from '../../../platform/errors.ts';
import { dateInput, formErrors, text } from '../../../platform/web/forms.ts';
import { actorOf, render, signedIn } from '../../../platform/web/render.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import {
  allowedSteps,
  decisions,
  defaultOmbudsman,
  isStep,
  ombudsmen,
  overdue,
  type Step,
  statuses,
  statusOf,
  steps,
} from './rules.ts';
import type { OmbudsmanCase } from './service.ts';

const access = { config: { access: 'complaints:handle' } } as const;
const dateFields = [
  'receivedOn',
  'respondBy',
  'respondedOn',
  'decidedOn',
  'remedyDueOn',
  'remedyDoneOn',
  'closedOn',
];

// A form's fields as typed, with each GOV.UK date input as YYYY-MM-DD ('' when empty).
function formOf(body: Record<string, unknown>) {
  const typed: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const key of ['ombudsman', 'theirReference', 'enquiry', 'decision', 'remedy']) {
    typed[key] = text(body[key]).trim();
    values[key] = typed[key];
  }
  for (const key of dateFields) {
    const date = dateInput(body, key);
    Object.assign(typed, date.typed);
    values[key] = date.date;
  }
  return { typed, values };
}

// Errors on a date link to its first box, as the GOV.UK date input asks.
const errorsOf = (errors: readonly FieldError[]) =>
  formErrors(
    errors.map((error) => (dateFields.includes(error.key) ? { ...error, key: `${error.key}-day` } : error)),
  );

const typedDate = (key: string, date: string | null) =>
  date
    ? {
        [`${key}-day`]: String(Number(date.slice(8, 10))),
        [`${key}-month`]: String(Number(date.slice(5, 7))),
        [`${key}-year`]: date.slice(0, 4),
      }
    : {};

export function ombudsmanRoutes(app: FastifyInstance, { ombudsman, casework, clock }: ComplaintsRouteDeps) {
  const reference = (request: FastifyRequest) => (request.params as { reference: string }).reference;
  const complaintOf = (request: FastifyRequest) =>
    ombudsman.complaintOf(signedIn(request).councilId, reference(request));
  // The case header and sub-navigation every page about one complaint starts with.
  const summaryOf = (request: FastifyRequest) => {
    const principal = signedIn(request);
    return casework.caseSummary(principal.councilId, reference(request), principal);
  };
  const caseId = (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    if (!isUuid(id)) throw new NotFound('No such Ombudsman case');
    return id;
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
    const complaint = await complaintOf(request);
    const cases = await ombudsman.forComplaint(signedIn(request).councilId, complaint.id);
    return render(request, reply, 'complaints/ombudsman/views/list.njk', {
      title: `Ombudsman cases for ${complaint.reference}`,
      complaint,
      summary: await summaryOf(request),
      cases: cases.map(describe),
    });
  });

  async function newPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values?: Record<string, string>,
    errors: readonly FieldError[] = [],
  ) {
    const complaint = await complaintOf(request);
    if (errors.length) reply.code(400);
    return render(request, reply, 'complaints/ombudsman/views/new.njk', {
      title: `Record an Ombudsman enquiry about ${complaint.reference}`,
      complaint,
      summary: await summaryOf(request),
      ombudsmen,
      values: values ?? { ombudsman: defaultOmbudsman(complaint.housing) },
      ...errorsOf(errors),
    });
  }

  app.get('/complaints/:reference/ombudsman/new', access, (request, reply) => newPage(request, reply));

  app.post('/complaints/:reference/ombudsman/new', access, async (request, reply) => {
    const complaint = await complaintOf(request);
    const { typed, values } = formOf((request.body ?? {}) as Record<string, unknown>);
    try {
      const id = await ombudsman.open(actorOf(request), complaint.id, {
        ombudsman: values.ombudsman ?? '',
        theirReference: values.theirReference ?? '',
        receivedOn: values.receivedOn ?? '',
        enquiry: values.enquiry ?? '',
        respondBy: values.respondBy ?? '',
      });
      return reply.redirect(`/complaints/${encodeURIComponent(complaint.reference)}/ombudsman/${id}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return newPage(request, reply, typed, error.errors);
    }
  });

  async function casePage(
    request: FastifyRequest,
    reply: FastifyReply,
    step?: Step,
    typed?: Record<string, string>,
    errors: readonly FieldError[] = [],
  ) {
    const complaint = await complaintOf(request);
    const item = await ombudsman.get(signedIn(request).councilId, complaint.id, caseId(request));
    if (errors.length) reply.code(400);
    const now = today();
    return render(request, reply, 'complaints/ombudsman/views/case.njk', {
      title: `${ombudsmen[item.ombudsman]} case${item.theirReference ? ` ${item.theirReference}` : ''}`,
      complaint,
      summary: await summaryOf(request),
      item: describe(item),
      steps: allowedSteps(item).map((name) => ({ name, text: steps[name] })),
      decisionItems: Object.entries(decisions).map(([value, label]) => ({ value, text: label })),
      step,
      // Dates default to today, the usual case when recording what just happened.
      values: typed ?? {
        ...typedDate('respondedOn', now),
        ...typedDate('decidedOn', now),
        ...typedDate('remedyDoneOn', now),
        ...typedDate('closedOn', now),
      },
      ...errorsOf(errors),
    });
  }

  app.get('/complaints/:reference/ombudsman/:id', access, (request, reply) => casePage(request, reply));

  app.post('/complaints/:reference/ombudsman/:id/:step', access, async (request, reply) => {
    const { step } = request.params as { step: string };
    if (!isStep(step)) throw new NotFound('No such step');
    const complaint = await complaintOf(request);
    const id = caseId(request);
    const { typed, values } = formOf((request.body ?? {}) as Record<string, unknown>);
    try {
      await ombudsman.record(actorOf(request), complaint.id, id, step, {
        respondedOn: values.respondedOn ?? '',
        decision: values.decision ?? '',
        decidedOn: values.decidedOn ?? '',
        remedy: values.remedy ?? '',
        remedyDueOn: values.remedyDueOn ?? '',
        remedyDoneOn: values.remedyDoneOn ?? '',
        closedOn: values.closedOn ?? '',
      });
      return reply.redirect(`/complaints/${encodeURIComponent(complaint.reference)}/ombudsman/${id}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return casePage(request, reply, step, typed, error.errors);
    }
  });
}
